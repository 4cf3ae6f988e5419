/**
 * The cluster side of `npm run bench:server -- --processes N` (issue 13): starting N server
 * processes on the local Redis and PostgreSQL, and the per-process part of the report, with the
 * CPU each process spends per connection and per round and the capacity of a core projected
 * from it (the load generators share this machine's cores, so wall-clock figures understate
 * what the server alone could do).
 */
import { startLocalCluster } from './cluster-process';

export interface BenchMetrics {
  resolveMs: number[];
  rssBytes: number;
  cpuMs: number;
  loopDelayP99Ms: number;
}

export interface ProcessMetrics {
  url: string;
  sessions: number;
  before: BenchMetrics;
  joined: BenchMetrics;
  after: BenchMetrics;
  peakRss: number;
}

/** N processes on Redis (a database of its own, emptied) and PostgreSQL (a fresh schema). */
export async function startBenchCluster(
  count: number,
  execArgv: string[],
): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const processes = await startLocalCluster({
    count,
    redisDb: 14,
    schemaPrefix: 'ct_bench',
    env: { CLUSTER_TOWNS_METRICS: '1' },
    execArgv,
    // BENCH_ECHO=1 shows what the processes print (a failed run's reasons).
    echo: process.env.BENCH_ECHO === '1',
  });
  return {
    urls: processes.map((p) => p.url),
    stop: async () => {
      for (const p of processes) p.child.kill('SIGTERM');
      const force = setTimeout(() => processes.forEach((p) => p.child.kill('SIGKILL')), 15_000);
      await Promise.all(processes.map((p) => p.exited));
      clearTimeout(force);
    },
  };
}

const percentile = (xs: number[], p: number): number => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

/**
 * The per-process table, and the capacity of one core projected from the CPU the processes
 * spent per connection: with a round every minute (a brisk class) and 30 % headroom, a core
 * carries 0.7 × 60 000 ms ÷ (CPU ms per connection-round) connections once they have joined.
 */
export function perProcessReport(
  processes: ProcessMetrics[],
  shape: { students: number; rounds: number },
): string {
  const fmt = (n: number, digits = 1) => n.toFixed(digits);
  const lines = [
    '',
    '| process | sessions | connections | resolution p50 / p99 | event loop p99 | RSS baseline → peak | CPU: joins / rounds | CPU per connection: join / round |',
    '|---|---|---|---|---|---|---|---|',
  ];
  let joinCpu = 0;
  let playCpu = 0;
  let connections = 0;
  for (const p of processes) {
    const conns = p.sessions * (shape.students + 1);
    const resolve = p.after.resolveMs.slice(p.joined.resolveMs.length);
    const join = p.joined.cpuMs - p.before.cpuMs;
    const play = p.after.cpuMs - p.joined.cpuMs;
    joinCpu += join;
    playCpu += play;
    connections += conns;
    lines.push(
      `| ${new URL(p.url).port} | ${p.sessions} | ${conns} | ` +
        `${fmt(percentile(resolve, 50))} / ${fmt(percentile(resolve, 99))} ms | ` +
        `${fmt(p.after.loopDelayP99Ms)} ms | ` +
        `${fmt(p.before.rssBytes / 2 ** 20)} → ${fmt(p.peakRss / 2 ** 20)} MB | ` +
        `${fmt(join / 1000)} / ${fmt(play / 1000)} s | ` +
        `${conns > 0 ? fmt(join / conns, 2) : '–'} / ${conns > 0 ? fmt(play / conns / shape.rounds, 2) : '–'} ms |`,
    );
  }
  const perConnectionRound = playCpu / Math.max(1, connections) / shape.rounds;
  const perCore = (0.7 * 60_000) / perConnectionRound;
  lines.push(
    '',
    `All processes: ${fmt(joinCpu / 1000)} s CPU for ${connections} joins ` +
      `(${fmt(joinCpu / Math.max(1, connections), 2)} ms each), ${fmt(playCpu / 1000)} s for ` +
      `${shape.rounds} rounds (${fmt(perConnectionRound, 2)} ms per connection and round). ` +
      `CPU alone would let one core carry about ${Math.round(perCore).toLocaleString('en')} ` +
      `connected students at one round a minute with 30 % headroom; the lock-step burst of a ` +
      `round, not average CPU, is what limits a process (BENCHMARKS.md: plan ~1,000–1,200 per core).`,
  );
  return lines.join('\n');
}
