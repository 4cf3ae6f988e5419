/**
 * A session's life after its class (issue 11, reproductions 4–6): an ended room with nobody in
 * it is disposed, its log kept; the class reopens with its code and key (log, CSV, debrief);
 * students are told it has ended; and a store that fails a write costs that command, not the
 * process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameServer } from '../../server/app';
import {
  ackOf,
  advanceBody,
  countOf,
  createSession,
  joinInstructor,
  joinStudent,
  lastOf,
  startServer,
  stateOf,
  waitFor,
  type Joined,
  type Session,
} from './helpers';

process.env.CLUSTER_TOWNS_ENDED_LINGER_MS = '300';

let server: GameServer;
const rooms = async (): Promise<number> =>
  ((await (await fetch(`${server.url}/health`)).json()) as { rooms: number }).rooms;

async function lookup(code: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function playAndEnd(session: Session): Promise<Joined[]> {
  const teacher = await joinInstructor(server.url, session);
  const ana = await joinStudent(server.url, session.code, { name: 'Ana' });
  await ackOf(teacher, 'instructor:start');
  await waitFor(() => stateOf(teacher).phase === 'planning', 'planning');
  await ackOf(teacher, 'instructor:advance', advanceBody(teacher));
  await waitFor(() => stateOf(teacher).phase === 'results', 'results');
  await ackOf(teacher, 'instructor:end');
  await waitFor(() => stateOf(ana).phase === 'ended', 'ended');
  return [teacher, ana];
}

const config = {
  scenarioId: 'block-economy-zhejiang',
  towns: 2,
  seed: 3,
  planningSeconds: 600,
  briefingSeconds: 0,
  resultsSeconds: 600,
};

describe('lifecycle of a session', () => {
  let baseline = 0;
  let ended: Session;
  beforeAll(async () => {
    server = await startServer();
    baseline = await rooms();
    ended = await createSession(server.url, config);
  });
  afterAll(async () => {
    await server.shutdown();
  });

  it('disposes ended rooms once their last client left', async () => {
    const sessions = [
      ended,
      ...(await Promise.all([1, 2, 3].map(() => createSession(server.url, config)))),
    ];
    expect(await rooms()).toBe(baseline + sessions.length);
    for (const session of sessions) {
      for (const j of await playAndEnd(session)) await j.room.leave(true);
    }
    let count = -1;
    await waitFor(
      () => count === baseline,
      'rooms back to baseline',
      15_000,
      async () => {
        count = await rooms();
      },
    );
  });

  it('reopens an ended class with its code and key: state, log and CSV', async () => {
    const found = await lookup(ended.code);
    expect(found.status).toBe(200);
    expect(found.body.ended).toBe(true);
    const teacher = await joinInstructor(server.url, {
      ...ended,
      roomId: String(found.body.roomId),
    });
    expect(stateOf(teacher).phase).toBe('ended');
    expect(stateOf(teacher).round).toBe(1);
    const auth = { headers: { authorization: `Bearer ${ended.instructorKey}` } };
    const log = await fetch(`${server.url}/api/matches/${ended.matchId}/log`, auth);
    expect(log.status).toBe(200);
    expect(((await log.json()) as { rounds: unknown[] }).rounds).toHaveLength(1);
    const csv = await fetch(`${server.url}/api/matches/${ended.matchId}/csv`, auth);
    expect(csv.status).toBe(200);
    // A student who types the code is told the class has ended.
    await expect(joinStudent(server.url, ended.code, { name: 'Late' })).rejects.toThrow(/ended/);
    await teacher.room.leave(true);
  });

  it('refuses a command whose write fails, and the process and the room carry on', async () => {
    const own = await startServer();
    try {
      const session = await createSession(own.url, config);
      const teacher = await joinInstructor(own.url, session);
      await own.store.close();
      const errors = countOf(teacher, 'error');
      teacher.room.send('instructor:start', {});
      await waitFor(() => countOf(teacher, 'error') > errors, 'an error for the start');
      expect(lastOf<{ code: string }>(teacher, 'error')!.code).toBe('unavailable');
      expect(stateOf(teacher).phase).toBe('waiting');
      const pongs = countOf(teacher, 'pong');
      teacher.room.send('ping', {});
      await waitFor(() => countOf(teacher, 'pong') > pongs, 'the room still answers');
      expect((await fetch(`${own.url}/health`)).status).toBe(200);
      await teacher.room.leave(true);
    } finally {
      await own.shutdown().catch(() => undefined);
    }
  });
});
