/**
 * One game server process of a cluster (server/main.ts with its own port and public address),
 * started by `npm run start:cluster`, the multi-process benchmark and the failover tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A port free on loopback now (each process of a cluster needs its own, known in advance). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ClusterProcessOptions {
  port: number;
  host?: string;
  /** host:port clients use to reach this process directly. */
  publicAddress: string;
  /** REDIS_URL, DATABASE_URL, CLUSTER_SECRET and any other settings. */
  env: Record<string, string | undefined>;
  /** Prefix of the echoed output lines. */
  label: string;
  /** Print the process's output, prefixed by its label (else it is only kept). */
  echo?: boolean;
  /** Extra Node options (a CPU profile, say). */
  execArgv?: string[];
}

export interface ClusterProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves once the process serves; rejects if it exits first or takes over 60 s. */
  ready: Promise<void>;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
}

export function spawnClusterProcess(options: ClusterProcessOptions): ClusterProcess {
  const child = spawn(
    process.execPath,
    [...(options.execArgv ?? []), '--import', 'tsx', resolve(rootDir, 'server/main.ts')],
    {
      cwd: rootDir,
      env: {
        ...process.env,
        ...options.env,
        PORT: String(options.port),
        HOST: options.host ?? '127.0.0.1',
        PUBLIC_ADDRESS: options.publicAddress,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const onData = (d: Buffer): void => {
    const text = d.toString();
    out += text;
    if (options.echo) {
      for (const line of text.split('\n').filter((l) => l.length > 0)) {
        console.log(`[${options.label}] ${line}`);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  const ready = new Promise<void>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`${options.label} did not start in 60 s:\n${out}`)),
      60_000,
    );
    const check = (): void => {
      if (/running at http/.test(out)) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        done();
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`${options.label} exited (${code}) before it served:\n${out}`));
    });
  });
  return {
    child,
    port: options.port,
    url: `http://127.0.0.1:${options.port}`,
    output: () => out,
    ready,
    exited,
  };
}

export interface LocalClusterOptions {
  count: number;
  /** Redis database of this cluster on the local Redis (emptied first), unless REDIS_URL is set. */
  redisDb: number;
  /** Prefix of the fresh PostgreSQL schema (DATABASE_URL or the local service). */
  schemaPrefix: string;
  /** More settings for every process (CLUSTER_LOCK_MS, CLUSTER_TOWNS_METRICS, …). */
  env?: Record<string, string>;
  execArgv?: string[];
  /** Print the processes' output (a failed run's reasons). */
  echo?: boolean;
}

/**
 * A cluster on this machine for the benchmarks: N processes on free ports, one Redis database
 * emptied first and a fresh PostgreSQL schema, so runs never see each other's classes.
 */
export async function startLocalCluster(options: LocalClusterOptions): Promise<ClusterProcess[]> {
  const redisUrl = process.env.REDIS_URL || `redis://127.0.0.1:6379/${options.redisDb}`;
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();
  const env = {
    REDIS_URL: redisUrl,
    DATABASE_URL: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    DATABASE_SCHEMA: `${options.schemaPrefix}_${Date.now().toString(36)}`,
    CLUSTER_SECRET: randomBytes(24).toString('hex'),
    ...options.env,
  };
  const processes: ClusterProcess[] = [];
  for (let i = 0; i < options.count; i++) {
    const port = await freePort();
    processes.push(
      spawnClusterProcess({
        port,
        publicAddress: `127.0.0.1:${port}`,
        env,
        label: `p${i + 1}`,
        execArgv: options.execArgv,
        echo: options.echo,
      }),
    );
  }
  try {
    await Promise.all(processes.map((p) => p.ready));
  } catch (error) {
    for (const p of processes) p.child.kill('SIGKILL');
    throw error;
  }
  return processes;
}
