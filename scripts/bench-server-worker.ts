/**
 * One load-generator process of `npm run bench:server` (forked by scripts/bench-server.ts).
 * It drives the real colyseus.js clients of a share of the sessions: it joins them when told,
 * plays the rounds, and reports its samples to the parent. The latency of a session is measured
 * here, in the process that both sends its last submission and decodes its results, so the two
 * timestamps come from the same clock. On every state change each client parses the JSON fields
 * as the browser's play screen does (client/net/wire.ts). Waiting is event-driven (state
 * callbacks count the students that reached a phase) and every wait has a timeout.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, type Room } from 'colyseus.js';
import type { TownPlan } from '../shared/index';
import {
  JsonCache,
  eventsOf,
  newsOf,
  privateView,
  proposalsOf,
  townView,
  type WireState,
} from '../client/net/wire';

export interface SessionTicket {
  code: string;
  roomId: string;
  instructorKey: string;
  /**
   * Several processes (`--processes N`): the servers whose matchmaker the joins go through, in
   * turn by student (the WebSocket then goes to the process that runs the class). Else init's.
   */
  joinUrls?: string[];
}

/** The server a student's join goes through (HTTP lookup and matchmaking). */
function joinVia(init: Init, session: SessionTicket, i: number): { http: string; ws: string } {
  const urls = session.joinUrls;
  if (!urls || urls.length === 0) return { http: init.httpUrl, ws: init.wsUrl };
  const http = urls[i % urls.length];
  return { http, ws: http.replace('http', 'ws') };
}

/** Parent → worker. */
export type ToWorker =
  | {
      type: 'init';
      httpUrl: string;
      wsUrl: string;
      sessions: SessionTicket[];
      students: number;
      rounds: number;
      joinConcurrency: number;
      /** Each mayor submits after a random delay in [0, thinkMs) (0: all at once). */
      thinkMs: number;
      seed: number;
    }
  | { type: 'join' }
  | { type: 'play' }
  | { type: 'leave' };

export interface WorkerReport {
  joinMs: number[];
  /** Last submission sent → results decoded, one sample per student and round. */
  resultsMs: number[];
  /** Last submission sent → results decoded on the session's first client. */
  firstResultsMs: number[];
  /** Last submission sent → the session's first client saw the resolution phase. */
  resolutionSeenMs: number[];
  /**
   * CPU time one client spends on the message that brings the results: schema decoding plus the
   * parsing the play screen does (one sample per student and round). A browser spends this on its
   * own device; here every client's share queues on the generator's one event loop.
   */
  handleMs: number[];
  bytesPerRound: number[];
  errors: Record<string, number>;
  connections: number;
  /** CPU time of this process while the rounds were played, and the wall time. */
  cpuMs: number;
  wallMs: number;
  /** Event-loop delay during the rounds, p99 and max. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

/** Worker → parent. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'joined' }
  | { type: 'played'; report: WorkerReport }
  | { type: 'left' }
  | { type: 'failed'; error: string };

interface Student {
  room: Room;
  townId: string;
  portfolios: string[];
  bytes: number;
  /** What the browser client parses from the state (client/net/wire.ts). */
  cache: JsonCache;
  planningSeen: Set<number>;
  /** Resolves the wait for the server's answer to a draft edit (draftSaved or an error). */
  draftAnswered: (() => void) | null;
  /** When the message being handled arrived, and whether it brought the results. */
  messageStart: number;
  resultsInMessage: boolean;
  /** When this client first decoded the results of each round (performance.now()). */
  resultsAt: Map<number, number>;
}

/** Counts, per round, how many students reached a point; resolves a wait when all have. */
class RoundGate {
  private counts = new Map<number, number>();
  private waiters = new Map<number, () => void>();

  constructor(private readonly target: () => number) {}

  hit(round: number): void {
    const n = (this.counts.get(round) ?? 0) + 1;
    this.counts.set(round, n);
    if (n >= this.target()) this.waiters.get(round)?.();
  }

  wait(round: number, what: string, timeoutMs = 60_000): Promise<void> {
    if ((this.counts.get(round) ?? 0) >= this.target()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(round);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.set(round, () => {
        clearTimeout(timer);
        this.waiters.delete(round);
        resolve();
      });
    });
  }
}

interface Class {
  teacher: Room;
  students: Student[];
  planning: RoundGate;
  results: RoundGate;
  /** When the first client of the class saw the resolution phase of each round. */
  resolutionAt: Map<number, number>;
  firstResultsAt: Map<number, number>;
}

/** sfc32, so that think times are the same from run to run. */
function rng(seed: number): () => number {
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function withTimeout<T>(promise: Promise<T>, what: string, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

async function inBatches<T>(tasks: (() => Promise<T>)[], size: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < tasks.length; i += size) {
    out.push(...(await Promise.all(tasks.slice(i, i + size).map((t) => t()))));
  }
  return out;
}

type Init = Extract<ToWorker, { type: 'init' }>;

const errors = new Map<string, number>();
const joinMs: number[] = [];
const handleMs: number[] = [];
const classes: Class[] = [];

function countError(code: string, reason: string): void {
  errors.set(code, (errors.get(code) ?? 0) + 1);
  if (errors.get(code) === 1) console.error(`first ${code} error: ${reason}`);
}

/**
 * Parse the JSON fields as the play screen does on every change (client/net/wire.ts, with its
 * cache): every town's public figures, the own town's private state and advisor, the match
 * context, events, proposals, news.
 */
function readLikeTheClient(st: WireState, student: Student): void {
  st.towns?.forEach((town) => townView(town, student.cache));
  const own = student.townId ? st.towns?.get(student.townId) : undefined;
  if (own) privateView(own, student.cache);
  const extra = st as unknown as { context?: string };
  const advisor = (own?.private as { advisor?: string } | undefined)?.advisor;
  student.cache.parse('context', extra.context, null);
  student.cache.parse('advisor', advisor, null);
  eventsOf(st.lastEvents, student.cache);
  proposalsOf(st.proposals, student.cache);
  newsOf(st.news, student.cache);
}

async function joinStudent(init: Init, session: SessionTicket, cls: Class, i: number) {
  const started = performance.now();
  const via = joinVia(init, session, i);
  const lookup = await fetch(`${via.http}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: session.code }),
  });
  const { roomId } = (await lookup.json()) as { roomId: string };
  const room = await new Client(via.ws).joinById(roomId, {
    code: session.code,
    name: `S${i}`,
  });
  const student: Student = {
    room,
    townId: '',
    portfolios: [],
    bytes: 0,
    cache: new JsonCache(),
    planningSeen: new Set(),
    draftAnswered: null,
    resultsAt: new Map(),
    messageStart: 0,
    resultsInMessage: false,
  };
  const welcomed = new Promise<void>((resolve) => {
    room.onMessage('welcome', (w: { townId: string; portfolios: string[] }) => {
      student.townId = w.townId;
      student.portfolios = w.portfolios;
      resolve();
    });
  });
  room.onStateChange((st: WireState) => {
    readLikeTheClient(st, student);
    if (st.phase === 'resolution' && !cls.resolutionAt.has(st.round)) {
      cls.resolutionAt.set(st.round, performance.now());
    }
    if (st.phase === 'planning' && !student.planningSeen.has(st.round)) {
      student.planningSeen.add(st.round);
      cls.planning.hit(st.round);
    }
    if (st.phase === 'results' && !student.resultsAt.has(st.round)) {
      const now = performance.now();
      student.resultsAt.set(st.round, now);
      student.resultsInMessage = true;
      if (!cls.firstResultsAt.has(st.round)) cls.firstResultsAt.set(st.round, now);
      cls.results.hit(st.round);
    }
  });
  room.onMessage('seat', (w: { townId: string; portfolios: string[] }) => {
    student.townId = w.townId;
    student.portfolios = w.portfolios;
  });
  room.onMessage('draftSaved', () => student.draftAnswered?.());
  room.onMessage('error', (e: { code: string; type: string; reason: string }) => {
    countError(e.code, e.reason);
    if (e.type === 'draft') student.draftAnswered?.();
  });
  room.onMessage('*', () => undefined);
  const socket = (room.connection.transport as unknown as { ws: WebSocket }).ws;
  // Runs before colyseus.js's own handler (the ws package is an EventEmitter) …
  (socket as unknown as { prependListener(e: string, f: () => void): void }).prependListener(
    'message',
    () => (student.messageStart = performance.now()),
  );
  // … and this one after it, once the patch is decoded and the state callbacks have run.
  socket.addEventListener('message', (e: MessageEvent) => {
    student.bytes += (e.data as ArrayBuffer).byteLength;
    if (student.resultsInMessage) {
      student.resultsInMessage = false;
      handleMs.push(performance.now() - student.messageStart);
    }
  });
  await withTimeout(welcomed, 'welcome');
  joinMs.push(performance.now() - started);
  return student;
}

async function joinAll(init: Init): Promise<void> {
  for (const session of init.sessions) {
    const teacher = await new Client(joinVia(init, session, 0).ws).joinById(session.roomId, {
      instructorKey: session.instructorKey,
    });
    teacher.onMessage('*', () => undefined);
    const cls: Class = {
      teacher,
      students: [],
      planning: new RoundGate(() => cls.students.length),
      results: new RoundGate(() => cls.students.length),
      resolutionAt: new Map(),
      firstResultsAt: new Map(),
    };
    const tasks = Array.from(
      { length: init.students },
      (_, i) => () => joinStudent(init, session, cls, i),
    );
    cls.students = await inBatches(tasks, init.joinConcurrency);
    classes.push(cls);
  }
}

async function playClass(init: Init, cls: Class, random: () => number, report: WorkerReport) {
  const state = (s: Student): WireState => s.room.state as WireState;
  for (let round = 1; round <= init.rounds; round++) {
    await cls.planning.wait(round, `planning ${round}`);
    // Every holder of the environment portfolio edits the shared draft once; the mayors submit
    // once the server has taken the edits (over loaded sockets, a submit sent later could
    // otherwise overtake an edit and close the round before it).
    const edits: Promise<void>[] = [];
    for (const s of cls.students) {
      if (!s.portfolios.includes('environment')) continue;
      const draft = JSON.parse(state(s).towns!.get(s.townId)!.private!.draft) as TownPlan;
      edits.push(
        withTimeout(
          new Promise<void>((resolve) => {
            s.draftAnswered = () => {
              s.draftAnswered = null;
              resolve();
            };
          }),
          `draft ${round} saved`,
        ),
      );
      s.room.send('draft', {
        section: 'environment',
        value: { ...draft.environment, pollutionFee: 0.1 * (round % 3) },
      });
    }
    await Promise.all(edits);
    await sleep(200);
    const mayors = cls.students.filter((s) => s.portfolios.includes('mayor'));
    let lastSent = 0;
    if (init.thinkMs <= 0) {
      for (const m of mayors) {
        m.room.send('submit', { round });
        lastSent = performance.now();
      }
    } else {
      await Promise.all(
        mayors.map(async (m) => {
          await sleep(Math.floor(random() * init.thinkMs));
          m.room.send('submit', { round });
          lastSent = Math.max(lastSent, performance.now());
        }),
      );
    }
    await cls.results.wait(round, `results ${round}`);
    for (const s of cls.students) report.resultsMs.push(s.resultsAt.get(round)! - lastSent);
    report.firstResultsMs.push(cls.firstResultsAt.get(round)! - lastSent);
    const seen = cls.resolutionAt.get(round);
    if (seen !== undefined) report.resolutionSeenMs.push(seen - lastSent);
  }
}

async function play(init: Init): Promise<WorkerReport> {
  const report: WorkerReport = {
    joinMs,
    resultsMs: [],
    firstResultsMs: [],
    resolutionSeenMs: [],
    handleMs,
    bytesPerRound: [],
    errors: {},
    connections: classes.reduce((n, c) => n + c.students.length + 1, 0),
    cpuMs: 0,
    wallMs: 0,
    loopDelayP99Ms: 0,
    loopDelayMaxMs: 0,
  };
  const bytesAtStart = classes.flatMap((c) => c.students.map((s) => s.bytes));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (const c of classes) c.teacher.send('instructor:start', {});
  await Promise.all(classes.map((c, i) => playClass(init, c, rng(init.seed + i), report)));
  const used = process.cpuUsage(cpu);
  report.cpuMs = (used.user + used.system) / 1000;
  report.wallMs = performance.now() - wall;
  loop.disable();
  report.loopDelayP99Ms = loop.percentile(99) / 1e6;
  report.loopDelayMaxMs = loop.max / 1e6;
  report.bytesPerRound = classes
    .flatMap((c) => c.students.map((s) => s.bytes))
    .map((b, i) => (b - bytesAtStart[i]) / init.rounds);
  report.errors = Object.fromEntries(errors);
  return report;
}

async function leaveAll(): Promise<void> {
  for (const c of classes) {
    for (const s of c.students) await s.room.leave().catch(() => undefined);
    await c.teacher.leave().catch(() => undefined);
  }
}

function send(message: FromWorker): void {
  process.send!(message);
}

let init: Init | null = null;
process.on('message', (message: ToWorker) => {
  const run = async (): Promise<void> => {
    switch (message.type) {
      case 'init':
        init = message;
        return send({ type: 'ready' });
      case 'join':
        await joinAll(init!);
        return send({ type: 'joined' });
      case 'play':
        return send({ type: 'played', report: await play(init!) });
      case 'leave':
        await leaveAll();
        send({ type: 'left' });
        return process.exit(0);
    }
  };
  run().catch((error: unknown) => {
    send({ type: 'failed', error: (error as Error).stack ?? String(error) });
    process.exit(1);
  });
});
// The parent owns this process: if it goes away, so do we.
process.on('disconnect', () => process.exit(0));
