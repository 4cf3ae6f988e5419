/**
 * `npm start`: the game server with the built client on one port. Settings from the environment:
 * PORT (2567), HOST (0.0.0.0), DATA_DIR (./data, where the SQLite match store lives). For several
 * processes (docs/deploy.md): DATABASE_URL (postgres://…), REDIS_URL (redis://…), PUBLIC_ADDRESS
 * (how clients reach this process, host:port), CLUSTER_SECRET (the same in every process) and
 * optionally CLUSTER_LOCK_MS (how soon a dead process's classes are adopted, default 10 000).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGameServer } from './app';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT !== undefined ? Number(process.env.PORT) : 2567;

const server = await createGameServer({
  port,
  host: process.env.HOST ?? '0.0.0.0',
  dataDir: process.env.DATA_DIR ?? resolve(rootDir, 'data'),
  clientDir: resolve(rootDir, 'dist', 'client'),
  databaseUrl: process.env.DATABASE_URL || undefined,
  databaseSchema: process.env.DATABASE_SCHEMA || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  publicAddress: process.env.PUBLIC_ADDRESS || `localhost:${port}`,
  clusterSecret: process.env.CLUSTER_SECRET || undefined,
  lockMs: process.env.CLUSTER_LOCK_MS ? Number(process.env.CLUSTER_LOCK_MS) : undefined,
});
if (server.restored.restored > 0 || server.restored.failed > 0) {
  console.log(
    `Restored ${server.restored.restored} unfinished session(s)` +
      (server.restored.failed > 0 ? `, ${server.restored.failed} could not be restored` : ''),
  );
}
console.log(
  `Cluster Towns running at http://localhost:${server.port}` +
    (process.env.REDIS_URL ? ` (cluster process, pid ${process.pid})` : ''),
);

// A failed promise somewhere (a store write, a socket) is logged; it must not take down every
// class on the process with it (issue 11). Rooms already catch their own; this is the last net.
process.on('unhandledRejection', (reason: unknown) => {
  console.error('unhandled rejection (the server keeps running):', reason);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing writes and shutting down…`);
    server.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
