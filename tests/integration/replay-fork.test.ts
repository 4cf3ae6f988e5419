/**
 * Issue 5 on the server: a played match's stored log replays (CLI and engine), forks continue
 * from the forked state, annotations are kept beside the log; and solo saved games can be resumed
 * or deleted with their seat token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GameServer } from '../../server/app';
import { LOG_VERSION, parseLog, replayLog, type MatchLog } from '../../shared/index';
import {
  createSession,
  joinStudent,
  startServer,
  stateOf,
  tempDataDir,
  waitFor,
  type Joined,
  type Session,
} from './helpers';

let server: GameServer;
const dir = tempDataDir();
beforeAll(async () => {
  server = await startServer(dir);
});
afterAll(async () => {
  await server.shutdown();
});

async function playSolo(j: Joined, rounds: number): Promise<void> {
  for (let round = 1; round <= rounds; round++) {
    await waitFor(
      () => stateOf(j).phase === 'planning' && stateOf(j).round === round,
      `round ${round}`,
    );
    j.room.send('submit', { round });
    await waitFor(
      () => stateOf(j).phase === 'results' && stateOf(j).round === round,
      `results ${round}`,
    );
    if (round < rounds) j.room.send('continue', { round });
  }
}

/** Play rounds from…to, continuing after each but the last. */
async function playRounds(j: Joined, from: number, to: number): Promise<void> {
  for (let round = from; round <= to; round++) {
    await waitFor(
      () => stateOf(j).phase === 'planning' && stateOf(j).round === round,
      `round ${round}`,
    );
    j.room.send('submit', { round });
    await waitFor(
      () => stateOf(j).phase === 'results' && stateOf(j).round === round,
      `results ${round}`,
    );
    if (round < to) j.room.send('continue', { round });
  }
}

async function postSession(body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function logOf(session: Session): Promise<MatchLog> {
  const res = await fetch(`${server.url}/api/matches/${session.matchId}/log`, {
    headers: { authorization: `Bearer ${session.instructorKey}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as MatchLog;
}

const solo = {
  mode: 'solo' as const,
  planningSeconds: 0,
  briefingSeconds: 0,
  resultsSeconds: 0,
  teamSize: 1,
};

describe('forks and annotations', () => {
  let parent: Session;
  let parentLog: MatchLog;

  it('plays a parent match whose log replays in the engine and the CLI', async () => {
    parent = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      rounds: 4,
      seed: 8,
      ...solo,
    });
    const me = await joinStudent(server.url, parent.code, { name: 'P', townId: 'foshan' });
    await playSolo(me, 4);
    await waitFor(() => stateOf(me).phase === 'results' && stateOf(me).round === 4, 'last round');
    me.room.send('continue', { round: 4 });
    await waitFor(() => stateOf(me).phase === 'ended', 'ended');
    parentLog = await logOf(parent);
    expect(parentLog.version).toBe(LOG_VERSION);
    expect(parentLog.end).toMatchObject({ rounds: 4, chain: parentLog.rounds[3].chain });
    expect(parentLog.end!.seal).toMatch(/^[0-9a-f]{16}$/);
    expect(parentLog.rounds[0].submissions![0]).toMatchObject({ town: 'foshan', by: 'P' });
    expect(() => replayLog(parentLog)).not.toThrow();
    const file = join(dir, 'parent.json');
    writeFileSync(file, JSON.stringify(parentLog));
    const cli = spawnSync('npx', ['tsx', 'scripts/replay.ts', file, '--verify'], {
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
  });

  it('forks from round 2: the new match starts there and its chain starts at the fork', async () => {
    const fork = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      rounds: 4,
      ...solo,
      fork: { log: parentLog, round: 2 },
    });
    const me = await joinStudent(server.url, fork.code, { name: 'F', townId: 'foshan' });
    await waitFor(() => stateOf(me).phase === 'planning', 'planning');
    expect(stateOf(me).round).toBe(3);
    expect(stateOf(me).year).toBe(parentLog.rounds[2].year);
    const draft = JSON.parse(String(stateOf(me).towns.get('foshan')!.private!.draft));
    me.room.send('draft', {
      section: 'environment',
      value: { ...draft.environment, enforcement: 'lax' },
    });
    me.room.send('submit', { round: 3 });
    await waitFor(() => stateOf(me).phase === 'results', 'results');
    const log = await logOf(fork);
    expect(log.forkedFrom!.round).toBe(2);
    expect(log.forkedFrom!.parentChain).toBe(parentLog.rounds[1].chain);
    expect(log.rounds[0].round).toBe(3);
    expect(log.rounds[0].plans.foshan.environment.enforcement).toBe('lax');
    expect(replayLog(log).round).toBe(3);
  });

  it('forks a fork again at any round it reached, numbered as the viewer shows them', async () => {
    const child = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      rounds: 4,
      ...solo,
      fork: { log: parentLog, round: 2 },
    });
    const me = await joinStudent(server.url, child.code, { name: 'C', townId: 'foshan' });
    await playRounds(me, 3, 4);
    me.room.send('continue', { round: 4 });
    await waitFor(() => stateOf(me).phase === 'ended', 'child ended');
    const childLog = await logOf(child);
    expect(childLog.forkedFrom!.round).toBe(2);
    expect(childLog.rounds.map((r) => r.round)).toEqual([3, 4]);

    // The child's own start (round 2) and both rounds it played.
    for (const round of [2, 3, 4]) {
      const res = await postSession({
        scenarioId: 'foshan-2007',
        rounds: 6,
        ...solo,
        fork: { log: childLog, round },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const grand = res.body as Session;
      const g = await joinStudent(server.url, grand.code, { name: `G${round}`, townId: 'foshan' });
      await playRounds(g, round + 1, round + 1);
      const log = await logOf(grand);
      expect(log.forkedFrom!.round).toBe(round);
      expect(log.forkedFrom!.prefix).toHaveLength(round);
      expect(log.forkedFrom!.parentInitialHash).toBe(parentLog.initialHash);
      // The chain continues the child's link at that round (its start link at round 2).
      expect(log.forkedFrom!.parentChain).toBe(
        round === 2 ? parentLog.rounds[1].chain : childLog.rounds[round - 3].chain,
      );
      expect(log.forkedFrom!.parentHash).toBe(
        round === 2 ? childLog.initialHash : childLog.rounds[round - 3].hash,
      );
      expect(log.rounds.map((r) => r.round)).toEqual([round + 1]);
      expect(replayLog(log).round).toBe(round + 1);
      await g.room.leave();
    }

    // Before the child's fork point its log holds no chain: the refusal names the parent match.
    for (const round of [0, 1]) {
      const res = await postSession({
        scenarioId: 'foshan-2007',
        ...solo,
        fork: { log: childLog, round },
      });
      expect(res.status).toBe(400);
      const error = (res.body as { error: string }).error;
      expect(error).toMatch(new RegExp(`cannot fork at round ${round}: .*round 2`));
      expect(error).toContain(parentLog.initialHash);
    }
    const late = await postSession({
      scenarioId: 'foshan-2007',
      ...solo,
      fork: { log: childLog, round: 5 },
    });
    expect(late.status).toBe(400);
    expect((late.body as { error: string }).error).toMatch(
      /cannot fork at round 5: the log ends at round 4/,
    );
  });

  it('refuses a fork of a tampered log, naming the round', async () => {
    const bad = JSON.parse(JSON.stringify(parentLog)) as MatchLog;
    bad.rounds[1].cards = ['crisis2008'];
    const res = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: 'foshan-2007', ...solo, fork: { log: bad, round: 3 } }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/round 2/);
  });

  it('keeps annotations beside the log, for the instructor key only', async () => {
    const url = `${server.url}/api/matches/${parent.matchId}/annotations`;
    const auth = {
      authorization: `Bearer ${parent.instructorKey}`,
      'content-type': 'application/json',
    };
    const put = await fetch(url, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ annotations: [{ round: 2, note: 'Foshan cracks down here', at: 1 }] }),
    });
    expect(put.status).toBe(200);
    const got = (await (await fetch(url, { headers: auth })).json()) as { annotations: unknown[] };
    expect(got.annotations).toEqual([{ round: 2, note: 'Foshan cracks down here', at: 1 }]);
    // The instructor screen's download carries them too, and still verifies.
    const withNotes = (await logOf(parent)) as MatchLog & { annotations?: unknown };
    expect(withNotes.annotations).toEqual([{ round: 2, note: 'Foshan cracks down here', at: 1 }]);
    expect(() => replayLog(parseLog(withNotes))).not.toThrow();
    expect((await fetch(url)).status).toBe(401);
    const bad = await fetch(url, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ annotations: 'x' }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('solo saved games', () => {
  it('resumes with the seat token and deletes', async () => {
    const game = await createSession(server.url, { scenarioId: 'export-crash-2008', ...solo });
    const me = await joinStudent(server.url, game.code, { name: 'S', townId: 'dongguan' });
    const token = me.welcome.seatToken!;
    const post = (path: string, body: unknown, method = 'POST') =>
      fetch(`${server.url}/api/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ok = await post('solo/resume', { code: game.code, seatToken: token });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { roomId: string }).roomId).toBe(game.roomId);
    expect((await post('solo/resume', { code: game.code, seatToken: 'wrong' })).status).toBe(404);
    let closed = false;
    me.room.onLeave(() => (closed = true));
    expect((await post(`solo/${game.code}`, { seatToken: token }, 'DELETE')).status).toBe(204);
    await waitFor(() => closed, 'player disconnected');
    expect((await post('solo/resume', { code: game.code, seatToken: token })).status).toBe(404);
  });
});

describe('a session with diplomacy switched off', () => {
  it('logs what the engine saw, so the log still replays', async () => {
    const game = await createSession(server.url, {
      scenarioId: 'open-door-1980',
      rounds: 1,
      diplomacy: false,
      ...solo,
    });
    const me = await joinStudent(server.url, game.code, { name: 'D', townId: 'shenzhen' });
    await playSolo(me, 1);
    const log = await logOf(game);
    expect(() => replayLog(log)).not.toThrow();
  });
});

describe('class sync of a replay', () => {
  it('lets the presenter move followers, and only the presenter', async () => {
    const { Client } = await import('colyseus.js');
    const game = await createSession(server.url, { scenarioId: 'foshan-2007', rounds: 2, ...solo });
    const ws = server.url.replace('http', 'ws');
    const early = new Client(ws);
    await expect(
      early.join('replay', { matchId: game.matchId, code: game.code }),
    ).rejects.toThrow();
    const presenter = await new Client(ws).joinOrCreate('replay', {
      matchId: game.matchId,
      instructorKey: game.instructorKey,
    });
    const logRes = await fetch(`${server.url}/api/replay/${game.matchId}/log?code=${game.code}`);
    expect(logRes.status).toBe(200);
    expect(((await logRes.json()) as MatchLog).scenarioId).toBe('foshan-2007');
    expect((await fetch(`${server.url}/api/replay/${game.matchId}/log?code=WRONG1`)).status).toBe(
      404,
    );
    const follower = await new Client(ws).join('replay', {
      matchId: game.matchId,
      code: game.code,
    });
    const errors: string[] = [];
    follower.onMessage('error', (e: { code: string }) => errors.push(e.code));
    const state = () =>
      follower.state as unknown as { round: number; view: string; townId: string };
    for (const round of [3, 1, 5]) {
      presenter.send('sync', { round, view: round === 1 ? 'region' : 'town', townId: 'foshan' });
      await waitFor(() => state().round === round, `follower at round ${round}`);
    }
    expect(state().view).toBe('town');
    follower.send('sync', { round: 9, view: 'town' });
    await waitFor(() => errors.length > 0, 'refusal');
    expect(errors[0]).toBe('forbidden');
    expect(state().round).toBe(5);
    await expect(
      new Client(ws).joinOrCreate('replay', { matchId: game.matchId, instructorKey: 'nope' }),
    ).rejects.toThrow(/instructor key/);
    await follower.leave();
    await presenter.leave();
  });
});
