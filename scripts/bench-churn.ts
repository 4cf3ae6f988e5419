/**
 * Room churn: `npm run bench:churn [-- --cycles 200]`. Creates, starts and ends `cycles`
 * classroom sessions one after another (an instructor and one student each, real colyseus.js
 * clients, then both leave), and reports the live rooms (/health) and the server's heap before,
 * right after, and once ended rooms have been disposed. Runs the server in this process so the
 * heap is measured after a forced GC (run with --expose-gc, as the npm script does).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client, type Room } from 'colyseus.js';
import { createGameServer } from '../server/app';

const { values } = parseArgs({ options: { cycles: { type: 'string', default: '200' } } });
const CYCLES = Math.max(1, Math.min(2000, Number(values.cycles)));
process.env.CLUSTER_TOWNS_ENDED_LINGER_MS ??= '1000';

const dataDir = mkdtempSync(join(tmpdir(), 'cluster-towns-churn-'));
const server = await createGameServer({ port: 0, host: '127.0.0.1', dataDir, log: () => {} });
const ws = server.url.replace('http', 'ws');

async function rooms(): Promise<number> {
  return ((await (await fetch(`${server.url}/health`)).json()) as { rooms: number }).rooms;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

/** Resolve once `room` has received a state whose phase satisfies `test`. */
function phase(room: Room, test: (p: string) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('phase timeout')), 20_000);
    const check = (): void => {
      if (test(String((room.state as { phase?: string }).phase))) {
        clearTimeout(timer);
        resolve();
      }
    };
    room.onStateChange(check);
    check();
  });
}

/** POST /api/sessions, waiting out the per-address creation limit (60, then one a second). */
async function create(i: number): Promise<Response> {
  for (;;) {
    const res = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scenarioId: 'block-economy-zhejiang',
        towns: 2,
        seed: i,
        planningSeconds: 0,
        briefingSeconds: 0,
      }),
    });
    if (res.status !== 429) return res;
    const wait = Number(res.headers.get('retry-after') ?? 1) * 1000;
    await new Promise((r) => setTimeout(r, wait));
  }
}

async function cycle(i: number): Promise<void> {
  const res = await create(i);
  const made = (await res.json()) as { code: string; instructorKey: string; roomId: string };
  const teacher = await new Client(ws).joinById(made.roomId, { instructorKey: made.instructorKey });
  const student = await new Client(ws).joinById(made.roomId, { code: made.code, name: 'Ana' });
  for (const room of [teacher, student]) room.onMessage('*', () => undefined);
  teacher.send('instructor:start', {});
  await phase(student, (p) => p === 'planning');
  teacher.send('instructor:end', {});
  await phase(student, (p) => p === 'ended');
  await student.leave(true);
  await teacher.leave(true);
}

const baseline = { rooms: await rooms(), heap: heapMb() };
const started = Date.now();
for (let i = 0; i < CYCLES; i++) await cycle(i);
const after = { rooms: await rooms(), heap: heapMb(), seconds: (Date.now() - started) / 1000 };
// Ended rooms close once their last client left (after the linger); wait for that, bounded.
const deadline = Date.now() + 60_000;
while ((await rooms()) > baseline.rooms && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 250));
}
const settled = { rooms: await rooms(), heap: heapMb() };
console.log(`## Room churn (${new Date().toISOString().slice(0, 10)})\n`);
console.log(`${CYCLES} sessions created, started and ended, ${after.seconds.toFixed(1)} s\n`);
console.log('| | live rooms | heap used |');
console.log('|---|---|---|');
console.log(`| before | ${baseline.rooms} | ${baseline.heap.toFixed(1)} MB |`);
console.log(`| right after the last cycle | ${after.rooms} | ${after.heap.toFixed(1)} MB |`);
console.log(
  `| after ended rooms closed (≤ 60 s) | ${settled.rooms} | ${settled.heap.toFixed(1)} MB |`,
);
await server.shutdown();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
