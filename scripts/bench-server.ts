/**
 * Loopback load test of the classroom server: `npm run bench:server [-- --sessions 40
 * --students 30 --rounds 3 --towns 10]`. The server runs in its own process (as in production);
 * this process drives real colyseus.js clients that join, edit drafts and submit, and reports:
 * join time, round resolution p50/p99 (measured in the server), time from the last submission
 * of a session to the results on its clients (p50/p95), bytes received per client per round,
 * and the server's peak memory per client. Everything stays on 127.0.0.1 and every loop is
 * bounded by the options.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client, type Room } from 'colyseus.js';
import type { TownPlan } from '../shared/index';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '40' },
    students: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '3' },
    towns: { type: 'string', default: '10' },
  },
});
const SESSIONS = Math.min(100, Number(values.sessions));
const STUDENTS = Math.min(60, Number(values.students));
const ROUNDS = Math.min(10, Number(values.rounds));
const TOWNS = Math.min(40, Number(values.towns));
const JOIN_CONCURRENCY = 25;

interface WireTown {
  private?: { draft?: string };
}
interface WireState {
  phase: string;
  round: number;
  towns: Map<string, WireTown>;
}

interface Student {
  room: Room;
  townId: string;
  portfolios: string[];
  bytes: number;
  /** When this client first saw the results of each round (performance.now()). */
  resultsAt: Map<number, number>;
}

function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

async function waitFor(predicate: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function startServer(dataDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLUSTER_TOWNS_METRICS: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => /running at (http:\/\/\S+)/.test(out), 'server start', 30_000);
  return { url: /running at (http:\/\/\S+)/.exec(out)![1], stop: () => child.kill('SIGTERM') };
}

interface ServerMetrics {
  resolveMs: number[];
  publishMs: number[];
  rssBytes: number;
}

async function metrics(url: string): Promise<ServerMetrics> {
  return (await (await fetch(`${url}/metrics`)).json()) as ServerMetrics;
}

async function inBatches<T>(tasks: (() => Promise<T>)[], size: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < tasks.length; i += size) {
    out.push(...(await Promise.all(tasks.slice(i, i + size).map((t) => t()))));
  }
  return out;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cluster-towns-bench-'));
  const server = await startServer(dataDir);
  const ws = server.url.replace('http', 'ws');
  const baseline = (await metrics(server.url)).rssBytes;
  let peakRss = baseline;
  const sampler = setInterval(() => {
    metrics(server.url)
      .then((m) => (peakRss = Math.max(peakRss, m.rssBytes)))
      .catch(() => undefined);
  }, 250);

  const sessions: { code: string; roomId: string; instructorKey: string }[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    const res = await fetch(`${server.url}/api/sessions`, {
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
    sessions.push((await res.json()) as (typeof sessions)[number]);
  }

  const joinMs: number[] = [];
  let errors = 0;
  const errorKinds = new Map<string, number>();
  const classes: { teacher: Room; students: Student[] }[] = [];
  for (const session of sessions) {
    const teacher = await new Client(ws).joinById(session.roomId, {
      instructorKey: session.instructorKey,
    });
    teacher.onMessage('*', () => undefined);
    const tasks = Array.from({ length: STUDENTS }, (_, i) => async (): Promise<Student> => {
      const started = performance.now();
      const lookup = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: session.code }),
      });
      const { roomId } = (await lookup.json()) as { roomId: string };
      const room = await new Client(ws).joinById(roomId, { code: session.code, name: `S${i}` });
      const student: Student = {
        room,
        townId: '',
        portfolios: [],
        bytes: 0,
        resultsAt: new Map(),
      };
      room.onStateChange((st: WireState) => {
        if (st.phase === 'results' && !student.resultsAt.has(st.round)) {
          student.resultsAt.set(st.round, performance.now());
        }
      });
      room.onMessage('welcome', (w: { townId: string; portfolios: string[] }) => {
        student.townId = w.townId;
        student.portfolios = w.portfolios;
      });
      room.onMessage('seat', (w: { townId: string; portfolios: string[] }) => {
        student.townId = w.townId;
        student.portfolios = w.portfolios;
      });
      room.onMessage('error', (e: { code: string; reason: string }) => {
        errors++;
        errorKinds.set(e.code, (errorKinds.get(e.code) ?? 0) + 1);
        if (errorKinds.get(e.code) === 1) console.error(`first ${e.code} error: ${e.reason}`);
      });
      room.onMessage('*', () => undefined);
      const socket = (room.connection.transport as unknown as { ws: WebSocket }).ws;
      socket.addEventListener('message', (e: MessageEvent) => {
        student.bytes += (e.data as ArrayBuffer).byteLength;
      });
      await waitFor(() => student.townId !== '', 'welcome');
      joinMs.push(performance.now() - started);
      return student;
    });
    const students = await inBatches(tasks, JOIN_CONCURRENCY);
    classes.push({ teacher, students });
  }
  const connections = classes.reduce((n, c) => n + c.students.length + 1, 0);
  for (const c of classes) c.teacher.send('instructor:start', {});

  const resultsMs: number[] = [];
  const bytesAtStart = classes.flatMap((c) => c.students.map((s) => s.bytes));
  const state = (s: Student): WireState => s.room.state as WireState;
  for (let round = 1; round <= ROUNDS; round++) {
    await Promise.all(
      classes.map(async (c) => {
        await waitFor(
          () =>
            c.students.every(
              (s) =>
                (state(s).phase === 'planning' && state(s).round === round) ||
                s.resultsAt.has(round),
            ),
          `planning ${round}`,
        );
        // Every holder of the environment portfolio edits the shared draft once.
        for (const s of c.students) {
          if (!s.portfolios.includes('environment')) continue;
          const draft = JSON.parse(state(s).towns.get(s.townId)!.private!.draft!) as TownPlan;
          s.room.send('draft', {
            section: 'environment',
            value: { ...draft.environment, pollutionFee: 0.1 * (round % 3) },
          });
        }
        await new Promise((r) => setTimeout(r, 200));
        const mayors = c.students.filter((s) => s.portfolios.includes('mayor'));
        let lastSent = 0;
        for (const m of mayors) {
          m.room.send('submit', { round });
          lastSent = performance.now();
        }
        await waitFor(() => c.students.every((s) => s.resultsAt.has(round)), `results ${round}`);
        for (const s of c.students) resultsMs.push(s.resultsAt.get(round)! - lastSent);
      }),
    );
  }
  const bytesPerRound = classes
    .flatMap((c) => c.students.map((s) => s.bytes))
    .map((b, i) => (b - bytesAtStart[i]) / ROUNDS);
  clearInterval(sampler);
  const m = await metrics(server.url);
  peakRss = Math.max(peakRss, m.rssBytes);
  for (const c of classes) {
    for (const s of c.students) await s.room.leave().catch(() => undefined);
    await c.teacher.leave().catch(() => undefined);
  }
  server.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const fmt = (n: number) => n.toFixed(1);
  console.log(`## Server load test (${new Date().toISOString().slice(0, 10)})\n`);
  console.log(
    `${SESSIONS} sessions × ${STUDENTS} students (+1 instructor each) = ${connections} connections, ` +
      `${TOWNS} towns per session, ${ROUNDS} rounds, loopback, one server process.\n`,
  );
  console.log('| figure | value |\n|---|---|');
  console.log(
    `| join (code lookup + joinById + welcome) p50 / p95 | ${fmt(percentile(joinMs, 50))} / ${fmt(percentile(joinMs, 95))} ms |`,
  );
  console.log(
    `| round resolution in the server p50 / p99 (${m.resolveMs.length} rounds) | ${fmt(percentile(m.resolveMs, 50))} / ${fmt(percentile(m.resolveMs, 99))} ms |`,
  );
  console.log(
    `| last submission received → results patch sent, in the server p50 / p95 | ${fmt(percentile(m.publishMs, 50))} / ${fmt(percentile(m.publishMs, 95))} ms |`,
  );
  console.log(
    `| last submission → results on clients p50 / p95 | ${fmt(percentile(resultsMs, 50))} / ${fmt(percentile(resultsMs, 95))} ms |`,
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
    `| error messages received | ${errors} ${JSON.stringify(Object.fromEntries(errorKinds))} |`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
