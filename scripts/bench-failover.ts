/**
 * Kill-to-resume time of a cluster (issue 13): `npm run bench:failover [-- --sessions 4
 * --students 10 --lock-ms 10000 --runs 3]`. Three server processes on the local Redis and
 * PostgreSQL; the classes are created on the first, their students join through the other two
 * and one mayor per class submits. Then the first process gets SIGKILL. Measured from the kill:
 * when every class runs again on a survivor (adopted from the shared command log), and when every
 * student is back in, reconnecting on the browser client's own back-off schedule
 * (client/net/retry.ts). Checked: every submitted plan is still submitted after the move.
 */
import { parseArgs } from 'node:util';
import { Client, type Room } from 'colyseus.js';
import { RETRY_MS } from '../client/net/retry';
import { startLocalCluster, type ClusterProcess } from './cluster-process';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '4' },
    students: { type: 'string', default: '10' },
    'lock-ms': { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
  },
});
const SESSIONS = Math.max(1, Math.min(40, Number(values.sessions)));
const STUDENTS = Math.max(1, Math.min(40, Number(values.students)));
const LOCK_MS = Math.max(1000, Number(values['lock-ms']));
const RUNS = Math.max(1, Math.min(10, Number(values.runs)));

interface Ticket {
  code: string;
  roomId: string;
  instructorKey: string;
}

interface Seat {
  ticket: Ticket;
  seatToken: string;
  townId: string;
  room: Room;
  backAt: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(test: () => boolean | Promise<boolean>, what: string, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function joinVia(url: string, ticket: Ticket, options: Record<string, unknown>) {
  const res = await fetch(`${url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: ticket.code }),
  });
  if (res.status !== 200) throw new Error(`join lookup ${res.status}`);
  const { roomId } = (await res.json()) as { roomId: string };
  return new Client(url.replace('http', 'ws')).joinById(roomId, { code: ticket.code, ...options });
}

/** What a browser does after its connection dropped: its seat again, on the back-off schedule. */
async function comeBack(seat: Seat, via: string[], killedAt: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await sleep(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
    try {
      seat.room = await joinVia(via[attempt % via.length], seat.ticket, {
        seatToken: seat.seatToken,
      });
      seat.room.onMessage('*', () => undefined);
      seat.backAt = Date.now() - killedAt;
      return;
    } catch {
      if (Date.now() - killedAt > 120_000) throw new Error('a student never came back');
    }
  }
}

const phaseOf = (room: Room): string => String((room.state as { phase?: string }).phase ?? '');

async function localRooms(p: ClusterProcess): Promise<number> {
  try {
    const h = (await (await fetch(`${p.url}/health`)).json()) as { process: { rooms: number } };
    return h.process.rooms;
  } catch {
    return 0;
  }
}

async function oneRun(run: number): Promise<{ adoptedMs: number; backMs: number[] }> {
  const processes = await startLocalCluster({
    count: 3,
    redisDb: 13,
    schemaPrefix: `ct_failover_${run}`,
    env: { CLUSTER_LOCK_MS: String(LOCK_MS) },
  });
  try {
    const [first, ...survivors] = processes;
    const via = survivors.map((p) => p.url);
    const seats: Seat[] = [];
    const submitted: Seat[] = [];
    for (let s = 0; s < SESSIONS; s++) {
      const res = await fetch(`${first.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          scenarioId: 'open-door-1980',
          towns: 10,
          rounds: 3,
          seed: s + 1,
          planningSeconds: 600,
          briefingSeconds: 0,
          resultsSeconds: 0,
          teamSize: 5,
        }),
      });
      const ticket = (await res.json()) as Ticket;
      const teacher = await new Client(via[0].replace('http', 'ws')).joinById(ticket.roomId, {
        instructorKey: ticket.instructorKey,
      });
      teacher.onMessage('*', () => undefined);
      for (let i = 0; i < STUDENTS; i++) {
        const room = await joinVia(via[i % via.length], ticket, { name: `S${i}` });
        const welcome = await new Promise<{
          seatToken: string;
          townId: string;
          portfolios: string[];
        }>((resolve) => room.onMessage('welcome', resolve));
        room.onMessage('*', () => undefined);
        const seat: Seat = {
          ticket,
          seatToken: welcome.seatToken,
          townId: welcome.townId,
          room,
          backAt: null,
        };
        seats.push(seat);
        if (welcome.portfolios.includes('mayor') && !submitted.some((x) => x.ticket === ticket)) {
          submitted.push(seat);
        }
      }
      teacher.send('instructor:start', {});
      await until(
        () => seats.filter((x) => x.ticket === ticket).every((x) => phaseOf(x.room) === 'planning'),
        'planning',
      );
      teacher.leave().catch(() => undefined);
    }
    for (const seat of submitted) {
      const acked = new Promise((resolve) => seat.room.onMessage('submitted', resolve));
      seat.room.send('submit', { round: 1 });
      await acked;
    }

    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    let adoptedMs = NaN;
    const adopted = until(async () => {
      const n = (await Promise.all(survivors.map(localRooms))).reduce((a, b) => a + b, 0);
      if (n >= SESSIONS) adoptedMs = Date.now() - killedAt;
      return n >= SESSIONS;
    }, 'every class adopted');
    await Promise.all([adopted, ...seats.map((seat) => comeBack(seat, via, killedAt))]);
    // The plans submitted before the kill are still submitted.
    for (const seat of submitted) {
      await until(() => phaseOf(seat.room) === 'planning', 'planning again');
      const towns = (seat.room.state as { towns: Map<string, { submitted: boolean }> }).towns;
      await until(() => towns.get(seat.townId) !== undefined, 'the town');
      if (!towns.get(seat.townId)!.submitted) throw new Error('a submitted plan was lost');
    }
    for (const seat of seats) seat.room.leave().catch(() => undefined);
    return { adoptedMs, backMs: seats.map((s) => s.backAt ?? NaN) };
  } finally {
    for (const p of processes) p.child.kill('SIGKILL');
  }
}

const results: { adoptedMs: number; backMs: number[] }[] = [];
for (let run = 1; run <= RUNS; run++) results.push(await oneRun(run));
const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`## Failover (${new Date().toISOString().slice(0, 10)})\n`);
console.log(
  `3 processes on Redis + PostgreSQL, CLUSTER_LOCK_MS=${LOCK_MS}; ${SESSIONS} classes of ` +
    `${STUDENTS} students created on the process that is killed (SIGKILL) in planning of round 1, ` +
    `one plan per class submitted before the kill; students reconnect on the browser's back-off ` +
    `(${RETRY_MS.join(', ')} ms …).\n`,
);
console.log(
  '| run | kill → every class running on a survivor | kill → every student back (median / last) | submitted plans kept |',
);
console.log('|---|---|---|---|');
results.forEach((r, i) => {
  const sorted = [...r.backMs].sort((a, b) => a - b);
  console.log(
    `| ${i + 1} | ${fmt(r.adoptedMs)} | ${fmt(sorted[Math.floor(sorted.length / 2)])} / ${fmt(sorted[sorted.length - 1])} | all |`,
  );
});
process.exit(0);
