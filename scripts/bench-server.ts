/**
 * Loopback load test of the classroom server: `npm run bench:server [-- --sessions 40
 * --students 30 --rounds 3 --towns 10 --workers N --think-ms 0 --cpu-prof DIR]`. The server runs
 * in its own process (as in production); the real colyseus.js clients that join, edit drafts and
 * submit run in `--workers` load-generator processes (scripts/bench-server-worker.ts; by default
 * one per core but one, which is left to the server), each holding a share of the sessions and
 * parsing the state as the browser client does (client/net/wire.ts). Reported: join time, round
 * resolution p50/p99 (measured in the server), time from the last submission of a session to the
 * results on its clients (p50/p95, measured in the generator process that holds the session, so
 * both timestamps come from one clock), bytes received per client per round, the server's peak
 * memory per client, and each generator's CPU time and event-loop delay. With `--think-ms N` each
 * mayor submits after a random delay below N ms instead of all at once (lock-step, the default).
 * Everything stays on 127.0.0.1 and every loop and wait is bounded.
 *
 * `--processes N` runs the server as a cluster instead (issue 13): N processes on the local Redis
 * and PostgreSQL (REDIS_URL, DATABASE_URL or the local defaults; a fresh schema per run), the
 * sessions created on each in turn and the students' joins sent through each in turn. The same
 * figures are reported overall and per process, with each process's CPU time per connection and
 * per round, from which the capacity of a core is projected.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FromWorker, SessionTicket, ToWorker, WorkerReport } from './bench-server-worker';
import { startBenchCluster } from './bench-server-cluster';
import { perProcessReport, type ProcessMetrics } from './bench-server-cluster';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '40' },
    students: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '3' },
    towns: { type: 'string', default: '10' },
    /** Load-generator processes; by default one core is left to the server. */
    workers: { type: 'string', default: String(Math.max(1, availableParallelism() - 1)) },
    'think-ms': { type: 'string', default: '0' },
    /** Cluster processes on Redis + PostgreSQL; 0 (default) is one process on SQLite. */
    processes: { type: 'string', default: '0' },
    /** Write V8 CPU profiles of the server and of every generator process to this folder. */
    'cpu-prof': { type: 'string' },
  },
});
const SESSIONS = Math.min(100, Number(values.sessions));
const STUDENTS = Math.min(60, Number(values.students));
const ROUNDS = Math.min(10, Number(values.rounds));
const TOWNS = Math.min(40, Number(values.towns));
const WORKERS = Math.max(1, Math.min(8, SESSIONS, Number(values.workers)));
const THINK_MS = Math.max(0, Math.min(600_000, Number(values['think-ms'])));
const PROFILE_ARGS = values['cpu-prof']
  ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`]
  : [];
const PROCESSES = Math.max(0, Math.min(16, Number(values.processes)));
const JOIN_CONCURRENCY = 25;
/** The longest any one step (a worker's joins, all rounds) may take. */
const STEP_TIMEOUT_MS = 10 * 60_000;

function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

function startServer(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...PROFILE_ARGS, '--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLUSTER_TOWNS_METRICS: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error('timed out waiting for the server to start'));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code})`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      resolve({
        url: match[1],
        // Let it finish its writes (and its CPU profile), but not forever.
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(force);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

interface ServerMetrics {
  resolveMs: number[];
  publishMs: number[];
  rssBytes: number;
  cpuMs: number;
  /** Event-loop delay since the first /metrics call (the baseline, before the joins). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

async function metrics(url: string): Promise<ServerMetrics> {
  return (await (await fetch(`${url}/metrics`)).json()) as ServerMetrics;
}

/** A load-generator process and a way to wait for its next message of a kind. */
class Worker {
  private readonly child: ChildProcess;
  private inbox: FromWorker[] = [];
  private waiting: (() => void) | null = null;
  private exited = false;

  constructor(readonly index: number) {
    this.child = fork(fileURLToPath(new URL('./bench-server-worker.ts', import.meta.url)), [], {
      // A larger young generation: the decoder builds every string one character at a time.
      // A larger young generation than the default 16 MB: each process holds hundreds of
      // clients, and the schema decoder builds every string one character at a time.
      execArgv: [...PROFILE_ARGS, '--import', 'tsx', '--max-semi-space-size=32'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: FromWorker) => {
      this.inbox.push(m);
      this.waiting?.();
    });
    this.child.on('exit', () => {
      this.exited = true;
      this.waiting?.();
    });
  }

  send(message: ToWorker): void {
    this.child.send(message);
  }

  async next<T extends FromWorker['type']>(
    type: T,
    timeoutMs = STEP_TIMEOUT_MS,
  ): Promise<Extract<FromWorker, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = this.inbox.shift();
      if (message?.type === 'failed') throw new Error(`worker ${this.index}: ${message.error}`);
      if (message?.type === type) return message as Extract<FromWorker, { type: T }>;
      if (message) continue;
      if (this.exited) throw new Error(`worker ${this.index} exited before "${type}"`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`worker ${this.index}: timed out waiting for "${type}"`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiting = null;
    }
  }

  /** Give the process a moment to exit by itself (and write its profile), then end it. */
  async stop(graceMs: number): Promise<void> {
    if (this.exited) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cluster-towns-bench-'));
  const servers = PROCESSES > 0 ? await startBenchCluster(PROCESSES, PROFILE_ARGS) : null;
  const single = servers ? null : await startServer(dataDir);
  const urls = servers?.urls ?? [single!.url];
  const stop = servers?.stop ?? single!.stop;
  const workers: Worker[] = [];
  let finished = false;
  try {
    await run(urls, workers);
    finished = true;
  } finally {
    await Promise.all(workers.map((w) => w.stop(finished ? 10_000 : 0)));
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function run(urls: string[], workers: Worker[]): Promise<void> {
  const httpUrl = urls[0];
  const wsUrl = httpUrl.replace('http', 'ws');
  const before = await Promise.all(urls.map(metrics));
  const peaks = before.map((m) => m.rssBytes);
  const sampler = setInterval(() => {
    urls.forEach((url, i) => {
      metrics(url)
        .then((m) => (peaks[i] = Math.max(peaks[i], m.rssBytes)))
        .catch(() => undefined);
    });
  }, 250);

  const sessions: SessionTicket[] = [];
  const hostedBy: number[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    // In a cluster, a session runs on the process that created it: each in turn.
    const host = s % urls.length;
    const res = await fetch(`${urls[host]}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scenarioId: 'open-door-1980',
        towns: TOWNS,
        rounds: ROUNDS,
        seed: s + 1,
        planningSeconds: 600,
        briefingSeconds: 0,
        resultsSeconds: 3,
        teamSize: 5,
      }),
    });
    if (res.status !== 201) throw new Error(`session ${s}: ${res.status} ${await res.text()}`);
    const ticket = (await res.json()) as SessionTicket;
    sessions.push(urls.length > 1 ? { ...ticket, joinUrls: rotate(urls, s) } : ticket);
    hostedBy.push(host);
  }

  // Contiguous shares of the sessions; the think-time seed follows the session, not the worker.
  for (let w = 0; w < WORKERS; w++) {
    const from = Math.floor((w * SESSIONS) / WORKERS);
    const to = Math.floor(((w + 1) * SESSIONS) / WORKERS);
    const worker = new Worker(w);
    workers.push(worker);
    worker.send({
      type: 'init',
      httpUrl,
      wsUrl,
      sessions: sessions.slice(from, to),
      students: STUDENTS,
      rounds: ROUNDS,
      joinConcurrency: JOIN_CONCURRENCY,
      thinkMs: THINK_MS,
      seed: from + 1,
    });
  }
  for (const w of workers) await w.next('ready', 60_000);
  // One worker joins at a time, so joins run JOIN_CONCURRENCY at a time as with one generator.
  for (const w of workers) {
    w.send({ type: 'join' });
    await w.next('joined');
  }
  const joined = await Promise.all(urls.map(metrics));
  for (const w of workers) w.send({ type: 'play' });
  const reports: WorkerReport[] = [];
  for (const w of workers) reports.push((await w.next('played')).report);
  clearInterval(sampler);
  const after = await Promise.all(urls.map(metrics));
  after.forEach((m, i) => (peaks[i] = Math.max(peaks[i], m.rssBytes)));
  const m = {
    resolveMs: after.flatMap((x) => x.resolveMs),
    publishMs: after.flatMap((x) => x.publishMs),
    loopDelayP99Ms: Math.max(...after.map((x) => x.loopDelayP99Ms)),
    loopDelayMaxMs: Math.max(...after.map((x) => x.loopDelayMaxMs)),
  };
  const baseline = before.reduce((a, x) => a + x.rssBytes, 0);
  const peakRss = peaks.reduce((a, x) => a + x, 0);
  for (const w of workers) w.send({ type: 'leave' });
  for (const w of workers) await w.next('left', 120_000).catch(() => undefined);

  const all = (pick: (r: WorkerReport) => number[]): number[] => reports.flatMap(pick);
  const joinMs = all((r) => r.joinMs);
  const resultsMs = all((r) => r.resultsMs);
  const firstMs = all((r) => r.firstResultsMs);
  const resolutionSeenMs = all((r) => r.resolutionSeenMs);
  const handleMs = all((r) => r.handleMs);
  const bytesPerRound = all((r) => r.bytesPerRound);
  const connections = reports.reduce((n, r) => n + r.connections, 0);
  const errors: Record<string, number> = {};
  for (const r of reports) {
    for (const [code, n] of Object.entries(r.errors)) errors[code] = (errors[code] ?? 0) + n;
  }
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);

  const fmt = (n: number) => n.toFixed(1);
  const p50p = (xs: number[], p: number) =>
    `${fmt(percentile(xs, 50))} / ${fmt(percentile(xs, p))}`;
  console.log(`## Server load test (${new Date().toISOString().slice(0, 10)})\n`);
  console.log(
    `${SESSIONS} sessions × ${STUDENTS} students (+1 instructor each) = ${connections} connections, ` +
      `${TOWNS} towns per session, ${ROUNDS} rounds, loopback, ` +
      (urls.length > 1 || PROCESSES > 0
        ? `${urls.length} server process(es) on Redis + PostgreSQL, `
        : 'one server process on SQLite, ') +
      `${WORKERS} load-generator process(es), ` +
      (THINK_MS > 0 ? `mayors submit within ${THINK_MS} ms.\n` : 'mayors submit in lock-step.\n'),
  );
  console.log('| figure | value |\n|---|---|');
  console.log(`| join (code lookup + joinById + welcome) p50 / p95 | ${p50p(joinMs, 95)} ms |`);
  console.log(
    `| round resolution in the server p50 / p99 (${m.resolveMs.length} rounds) | ${p50p(m.resolveMs, 99)} ms |`,
  );
  console.log(
    `| last submission received → results patch sent, in the server p50 / p95 | ${p50p(m.publishMs, 95)} ms |`,
  );
  console.log(
    `| last submission → resolution phase on the session's first client p50 / p95 | ${p50p(resolutionSeenMs, 95)} ms |`,
  );
  console.log(
    `| last submission → results on the session's first client p50 / p95 | ${p50p(firstMs, 95)} ms |`,
  );
  console.log(`| last submission → results on clients p50 / p95 | ${p50p(resultsMs, 95)} ms |`);
  console.log(
    `| one client's handling of the results message (decode + parse) p50 / p95 | ${p50p(handleMs, 95)} ms |`,
  );
  console.log(
    `| server event-loop delay during the run p99 / max | ${fmt(m.loopDelayP99Ms)} / ${fmt(m.loopDelayMaxMs)} ms |`,
  );
  console.log(
    `| bytes received per student per round (mean / max) | ${fmt(bytesPerRound.reduce((a, b) => a + b, 0) / bytesPerRound.length / 1024)} / ${fmt(Math.max(...bytesPerRound) / 1024)} KB |`,
  );
  console.log(
    `| server RSS baseline → peak | ${fmt(baseline / 2 ** 20)} → ${fmt(peakRss / 2 ** 20)} MB |`,
  );
  console.log(
    `| peak memory per connection ((peak − baseline) / connections) | ${fmt((peakRss - baseline) / connections / 1024)} KB |`,
  );
  console.log(
    `| load generators: CPU / wall time of the rounds, event-loop delay p99 / max | ${reports
      .map(
        (r) =>
          `${fmt(r.cpuMs / 1000)} / ${fmt(r.wallMs / 1000)} s, ${fmt(r.loopDelayP99Ms)} / ${fmt(r.loopDelayMaxMs)} ms`,
      )
      .join('; ')} |`,
  );
  console.log(`| error messages received | ${errorCount} ${JSON.stringify(errors)} |`);
  if (PROCESSES > 0) {
    const perProcess: ProcessMetrics[] = urls.map((url, i) => ({
      url,
      sessions: hostedBy.filter((h) => h === i).length,
      before: before[i],
      joined: joined[i],
      after: after[i],
      peakRss: peaks[i],
    }));
    console.log(perProcessReport(perProcess, { students: STUDENTS, rounds: ROUNDS }));
  }
}

/** The list starting at position k: session k's joins begin with a different process. */
function rotate<T>(list: T[], k: number): T[] {
  const i = k % list.length;
  return [...list.slice(i), ...list.slice(0, i)];
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
