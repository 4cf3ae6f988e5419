/**
 * Whether the local PostgreSQL and Redis services (docs/deploy.md; CI runs both) answer. Tests
 * that need them skip with one line saying why on a machine without them, and fail under
 * CI=true, where a missing service is a broken environment rather than a user's laptop.
 */
import { createConnection } from 'node:net';

export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** null when the service answers, else the one-line reason to skip (throws under CI=true). */
export async function serviceMissing(name: 'postgres' | 'redis'): Promise<string | null> {
  const ok =
    name === 'postgres' ? await reachable(POSTGRES_URL, 5432) : await reachable(REDIS_URL, 6379);
  if (ok) return null;
  const reason = `${name} is not reachable at ${name === 'postgres' ? POSTGRES_URL : REDIS_URL}`;
  if (process.env.CI === 'true') throw new Error(`${reason} (required under CI=true)`);
  console.log(`skipping ${name} tests: ${reason}`);
  return reason;
}

/** A fresh schema name per run, so runs never see each other's data. */
export function freshSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
}
