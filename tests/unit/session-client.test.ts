/**
 * The browser's network layer (client/net) against a real game server, in Node: refusals in
 * plain words, automatic reconnection after a dropped socket, resuming from stored tokens, and
 * messages checked before they are sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from 'colyseus.js';
import { createGameServer, type GameServer } from '../../server/app';
import { setServerBase } from '../../client/net/api';
import {
  createSession,
  joinAsInstructor,
  joinClass,
  resumeSession,
  SessionError,
  type CreatedSession,
  type Session,
} from '../../client/net/session-client';

/** localStorage as the browser has it; the seat store keeps seats and keys there. */
class MemoryStorage {
  private items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, String(v));
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
  clear(): void {
    this.items.clear();
  }
}
const storage = new MemoryStorage();
(globalThis as { localStorage?: unknown }).localStorage = storage;

async function waitFor(test: () => boolean, what: string, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function refusal(promise: Promise<unknown>): Promise<SessionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SessionError);
  return error as SessionError;
}

function dropSocket(session: Session): void {
  const room = (session as unknown as { room: Room }).room;
  (room.connection.transport as unknown as { ws: { close(): void } }).ws.close();
}

let server: GameServer;
let created: CreatedSession;
let teacher: Session;

beforeAll(async () => {
  server = await createGameServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: ':memory:',
    log: () => undefined,
  });
  setServerBase(`http://127.0.0.1:${server.port}`);
  created = await createSession({
    scenarioId: 'foshan-2007',
    towns: 3,
    planningSeconds: 120,
    briefingSeconds: 0,
  });
  teacher = await joinAsInstructor(created.code, created.instructorKey);
});
afterAll(async () => {
  await teacher?.leave();
  await server?.shutdown();
});

describe('client/net session client', () => {
  it('joins as the instructor by code and sees every town in private', () => {
    expect(teacher.role).toBe('instructor');
    expect(teacher.matchId).toBe(created.matchId);
    expect(teacher.towns()).toHaveLength(3);
    const foshan = teacher.towns()[0];
    expect(foshan.figures?.gdp).toBeGreaterThan(0);
    expect(teacher.privateOf(foshan.id)?.detail?.id).toBe(foshan.id);
    expect(teacher.phase).toBe('waiting');
  });

  it('turns refusals into plain-words kinds', async () => {
    expect((await refusal(joinClass('ZZZZZZ', 'Ana'))).kind).toBe('wrongCode');
    expect((await refusal(joinClass('nonsense!', 'Ana'))).kind).toBe('wrongCode');
    expect((await refusal(joinAsInstructor(created.code, 'not-the-key'))).kind).toBe('wrongKey');
    const ana = await joinClass(created.code.toLowerCase(), '  Ana ');
    expect(ana.name).toBe('Ana');
    storage.clear();
    const taken = await refusal(joinClass(created.code, 'ANA'));
    expect(taken.kind).toBe('nameTaken');
    expect(taken.text()).toMatch(/already uses that name/);
    teacher.send('instructor:lock', { locked: true });
    await waitFor(() => teacher.state.locked, 'locked');
    expect((await refusal(joinClass(created.code, 'Gus'))).kind).toBe('locked');
    teacher.send('instructor:lock', { locked: false });
    await waitFor(() => !teacher.state.locked, 'unlocked');
    await ana.leave();
  });

  it('checks messages before sending and shows the server’s refusals', async () => {
    const cai = await joinClass(created.code, 'Cai');
    const problems: string[] = [];
    cai.on('error', (p) => problems.push(`${p.code}:${p.type}`));
    expect(cai.send('statement', { text: '' })).toBe(false);
    expect(problems).toEqual(['invalid:statement']);
    cai.send('instructor:pause', {});
    await waitFor(() => problems.length === 2, 'forbidden');
    expect(problems[1]).toBe('forbidden:instructor:pause');
    await cai.leave();
  });

  it('reconnects by itself after the socket drops, and resumes after a reload', async () => {
    const dan = await joinClass(created.code, 'Dan');
    const playerId = dan.playerId;
    const townId = dan.townId;
    expect(townId).toBeTruthy();
    const statuses: string[] = [];
    dan.onStatus((s) => statuses.push(s));
    dropSocket(dan);
    await waitFor(() => statuses.includes('connected'), 'reconnected');
    expect(statuses[0]).toBe('reconnecting');
    expect(dan.playerId).toBe(playerId);
    expect(dan.privateOf(townId!)?.draft).not.toBeNull();

    // A reload: the page is gone (its connection left), the stored seat brings the student back.
    await dan.leave();
    const again = await resumeSession();
    expect(again?.role).toBe('student');
    expect(again?.playerId).toBe(playerId);
    expect(again?.townId).toBe(townId);
    await waitFor(() => teacher.players().some((p) => p.id === playerId && p.connected), 'online');
    await again?.leave();
  });
});
