/**
 * `npm run start:cluster -- --processes 4 [--port 2567]`: N game server processes on consecutive
 * ports, sharing Redis (presence, room listing, session locks) and PostgreSQL (the match store),
 * as docs/deploy.md describes for one machine with several cores. Each process is `server/main.ts`
 * with its own PORT and PUBLIC_ADDRESS; they share CLUSTER_SECRET (from the environment, or a
 * random one for this launch). REDIS_URL and DATABASE_URL default to the local services.
 *
 * This is a convenience for development and the benchmarks, not a process manager: a process
 * that dies is reported and not restarted (its classes move to the survivors, which is what the
 * failover tests and `npm run bench:server -- --processes N` measure). In production use a
 * process manager in fork mode (docs/deploy.md).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { spawnClusterProcess, type ClusterProcess } from './cluster-process';

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '2' },
    port: { type: 'string', default: process.env.PORT ?? '2567' },
    host: { type: 'string', default: process.env.HOST ?? '0.0.0.0' },
    'public-host': { type: 'string', default: 'localhost' },
  },
});
const count = Number(values.processes);
const basePort = Number(values.port);
if (!Number.isInteger(count) || count < 1 || count > 64) {
  console.error('--processes must be a whole number from 1 to 64');
  process.exit(2);
}
if (!Number.isInteger(basePort) || basePort < 1 || basePort + count > 65536) {
  console.error('--port must leave room for the processes below 65536');
  process.exit(2);
}

const env = {
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  DATABASE_URL: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  CLUSTER_SECRET: process.env.CLUSTER_SECRET || randomBytes(24).toString('hex'),
};
console.log(
  `Starting ${count} process(es) on ports ${basePort}…${basePort + count - 1}: ` +
    `Redis ${env.REDIS_URL}, PostgreSQL ${env.DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')}`,
);

const processes: ClusterProcess[] = [];
for (let i = 0; i < count; i++) {
  const port = basePort + i;
  processes.push(
    spawnClusterProcess({
      port,
      host: values.host,
      publicAddress: `${values['public-host']}:${port}`,
      env,
      label: `p${i + 1}`,
      echo: true,
    }),
  );
}
const started = await Promise.allSettled(processes.map((p) => p.ready));
const failed = started.filter((s) => s.status === 'rejected');
if (failed.length > 0) {
  for (const f of failed) console.error(String((f as PromiseRejectedResult).reason));
  for (const p of processes) p.child.kill('SIGTERM');
  process.exit(1);
}
console.log(`Cluster Towns cluster running: ${processes.map((p) => p.url).join(' ')}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Each process hands its classes over and closes its store on SIGTERM (server/main.ts).
    for (const p of processes) p.child.kill('SIGTERM');
    void Promise.all(processes.map((p) => p.exited)).then(() => process.exit(0));
  });
}
