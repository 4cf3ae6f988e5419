/**
 * Random input from a student against a real server (guide, "bad input gets a clear error and
 * changes nothing"): a few hundred messages of every known type, of forged instructor types and
 * of made-up types, with random payloads shaped like the real ones and random JSON. Afterwards
 * the server is up, the match has not moved, the other town's draft is untouched, and another
 * student can still play.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameServer } from '../../server/app';
import { PLAN_SECTIONS } from '../../shared/protocol/roles';
import { instructorMessages, studentMessages } from '../../shared/protocol/messages';
import {
  countOf,
  createSession,
  joinInstructor,
  joinStudent,
  startServer,
  stateOf,
  waitFor,
  type Joined,
} from './helpers';

let server: GameServer;
let teacher: Joined;
let fuzzer: Joined;
let cai: Joined;

beforeAll(async () => {
  server = await startServer();
  const session = await createSession(server.url, {
    scenarioId: 'foshan-2007',
    towns: 3,
    rounds: 5,
    seed: 8,
    planningSeconds: 600,
    briefingSeconds: 0,
  });
  teacher = await joinInstructor(server.url, session);
  fuzzer = await joinStudent(server.url, session.code, { name: 'Fuzz', townId: 'foshan' });
  cai = await joinStudent(server.url, session.code, { name: 'Cai', townId: 'qingyuan' });
  teacher.room.send('instructor:start', {});
  await waitFor(() => stateOf(cai).phase === 'planning', 'planning');
});

afterAll(async () => {
  await server.shutdown();
});

const knownTypes = [
  ...Object.keys(studentMessages),
  ...Object.keys(instructorMessages).map((t) => `instructor:${t}`),
];

/** Payloads shaped like real ones (right keys, wrong or random values) or any JSON at all. */
const payload = fc.oneof(
  fc.record({ section: fc.constantFrom(...PLAN_SECTIONS, 'treasury'), value: fc.jsonValue() }),
  fc.record({ round: fc.oneof(fc.integer(), fc.double(), fc.string()) }),
  fc.record({ townId: fc.oneof(fc.constantFrom('qingyuan', 'foshan', '__proto__'), fc.string()) }),
  fc.record({ text: fc.string({ maxLength: 400 }) }),
  fc.record({ playerId: fc.string(), eventId: fc.string(), seconds: fc.integer() }),
  fc.jsonValue({ maxDepth: 6 }),
  fc.constant(undefined),
);

const message = fc.tuple(
  fc.oneof(fc.constantFrom(...knownTypes), fc.string({ maxLength: 30 })),
  payload,
);

describe('random student input', () => {
  it('never crashes the server, moves the match or touches another town', async () => {
    const caiDraft = stateOf(cai).towns.get('qingyuan')!.private!.draft;
    const hash = stateOf(teacher).stateHash;
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    const messages = fc.sample(message, { numRuns: 240, seed: 20261123 });
    // Under the rate limit (about 20 a second), so every message is judged on its content.
    for (let i = 0; i < messages.length; i += 8) {
      for (const [type, body] of messages.slice(i, i + 8)) {
        try {
          fuzzer.room.send(type, body);
        } catch {
          // A payload the client library itself cannot encode never reaches the server.
        }
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    // Every message was answered with an error, an acknowledgement or silence, never a crash.
    expect(countOf(fuzzer, 'error')).toBeGreaterThan(100);
    // Bad content is answered, not punished: the fuzzing student was never disconnected, so
    // every message above was judged.
    expect(fuzzer.room.connection.isOpen).toBe(true);

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    const now = stateOf(teacher);
    expect(now.phase).toBe('planning');
    expect(now.round).toBe(1);
    expect(now.stateHash).toBe(hash);
    expect(stateOf(cai).towns.get('qingyuan')!.private!.draft).toBe(caiDraft);
    expect(stateOf(cai).towns.get('qingyuan')!.submitted).toBe(false);

    // Another student still plays: an edit is saved and a submission acknowledged.
    const saved = countOf(cai, 'draftSaved');
    const draft = JSON.parse(String(caiDraft)) as { environment: Record<string, unknown> };
    cai.room.send('draft', {
      section: 'environment',
      value: { ...draft.environment, enforcement: 'strict' },
    });
    await waitFor(() => countOf(cai, 'draftSaved') > saved, 'the draft saved');
    cai.room.send('submit', { round: 1 });
    await waitFor(() => stateOf(cai).towns.get('qingyuan')!.submitted, 'the submission');
  }, 120_000);
});
