/**
 * Instructor controls, the caretaker at the deadline, diplomacy and the lobby listing, against a
 * real server and real colyseus.js clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import type { GameServer } from '../../server/app';
import type { Proposal } from '../../shared/index';
import type { NewsItem } from '../../shared/protocol/messages';
import {
  ackOf,
  advanceBody,
  countOf,
  settled,
  createSession,
  joinInstructor,
  joinStudent,
  lastOf,
  startServer,
  stateOf,
  waitFor,
  type Joined,
  type Session,
  draftOf,
} from './helpers';

let server: GameServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.shutdown();
});

function news(j: Joined): NewsItem[] {
  return stateOf(j).news.map((n) => JSON.parse(n) as NewsItem);
}

describe('instructor controls', () => {
  let session: Session;
  let teacher: Joined;
  let ana: Joined;
  let cai: Joined;

  beforeAll(async () => {
    session = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      rounds: 4,
      seed: 5,
      planningSeconds: 120,
      briefingSeconds: 0,
      resultsSeconds: 600,
    });
    teacher = await joinInstructor(server.url, session);
    ana = await joinStudent(server.url, session.code, { name: 'Ana', townId: 'foshan' });
    cai = await joinStudent(server.url, session.code, { name: 'Cai', townId: 'qingyuan' });
    await ackOf(teacher, 'instructor:start');
    await waitFor(() => stateOf(ana).phase === 'planning', 'planning');
  });

  it('pauses, extends and resumes the timer', async () => {
    const deadline = stateOf(ana).deadline;
    expect(deadline).toBeGreaterThan(Date.now());
    await ackOf(teacher, 'instructor:pause');
    await waitFor(() => stateOf(ana).paused, 'students see the pause');
    expect(stateOf(ana).deadline).toBe(0);
    const remaining = stateOf(ana).remainingMs;
    await ackOf(teacher, 'instructor:extend', { seconds: 60 });
    await waitFor(() => stateOf(ana).remainingMs >= remaining + 59_000, 'extended while paused');
    await ackOf(teacher, 'instructor:resume');
    await waitFor(
      () => !stateOf(ana).paused && stateOf(ana).deadline > deadline + 50_000,
      'resumed',
    );
    await expect(ackOf(teacher, 'instructor:resume')).rejects.toThrow(/not paused/);
  });

  it('fires an event card and broadcasts an announcement that students receive', async () => {
    await ackOf(teacher, 'instructor:fireEvent', { eventId: 'crisis2008' });
    await ackOf(teacher, 'instructor:announce', { text: '  Ten minutes left!  ' });
    await waitFor(() => countOf(ana, 'announcement') === 1, 'announcement');
    expect(lastOf<{ text: string }>(ana, 'announcement')!.text).toBe('Ten minutes left!');
    await waitFor(
      () => news(cai).some((n) => n.kind === 'card' && n.eventId === 'crisis2008'),
      'card news',
    );
    await expect(
      ackOf(teacher, 'instructor:fireEvent', { eventId: 'alien-invasion' }),
    ).rejects.toThrow(/unknown event card/);
  });

  it('switches diplomacy off, and statements are refused', async () => {
    ana.room.send('statement', { text: 'Foshan welcomes partners.' });
    await waitFor(
      () => news(cai).some((n) => n.kind === 'statement' && n.text.includes('welcomes')),
      'statement',
    );
    await ackOf(teacher, 'instructor:setDiplomacy', { enabled: false });
    const errors = countOf(ana, 'error');
    ana.room.send('statement', { text: 'Anyone?' });
    await waitFor(() => countOf(ana, 'error') > errors, 'refused');
    expect(lastOf<{ code: string }>(ana, 'error')!.code).toBe('diplomacyOff');
    await ackOf(teacher, 'instructor:setDiplomacy', { enabled: true });
  });

  it('assigns roles, moves and removes students', async () => {
    const bo = await joinStudent(server.url, session.code, { name: 'Bo', townId: 'foshan' });
    await ackOf(teacher, 'instructor:assignRoles', {
      playerId: bo.welcome.playerId,
      portfolios: ['mayor', 'environment'],
    });
    await waitFor(
      () => stateOf(teacher).players.get(bo.welcome.playerId!)?.portfolios === 'mayor,environment',
      'roles',
    );
    expect(stateOf(teacher).players.get(ana.welcome.playerId!)!.portfolios).not.toContain('mayor');
    // Ana lost the mayor's portfolio: her submit is refused.
    const errors = countOf(ana, 'error');
    ana.room.send('submit', { round: 1 });
    await waitFor(() => countOf(ana, 'error') > errors, 'refused');
    expect(lastOf<{ code: string }>(ana, 'error')!.code).toBe('forbidden');

    await ackOf(teacher, 'instructor:moveStudent', {
      playerId: bo.welcome.playerId,
      townId: 'shunde',
    });
    await waitFor(() => stateOf(bo).towns.get('shunde')?.private !== undefined, 'Bo sees Shunde');
    // Foshan's later edits no longer reach Bo.
    const marker = 'AFTER-THE-MOVE';
    const d = draftOf(ana, 'foshan');
    ana.room.send('draft', {
      section: 'preferential',
      value: { ...d.preferential, landDiscount: 0.42 },
    });
    await waitFor(() => draftOf(ana, 'foshan').preferential.landDiscount === 0.42, marker);
    await settled(bo);
    const seen = stateOf(bo).towns.get('foshan')?.private?.draft;
    expect(seen === undefined || !String(seen).includes('0.42')).toBe(true);

    let closeCode = 0;
    bo.room.onLeave((code) => (closeCode = code));
    await ackOf(teacher, 'instructor:removeStudent', { playerId: bo.welcome.playerId });
    await waitFor(() => closeCode === 4201, 'Bo disconnected');
    await expect(
      joinStudent(server.url, session.code, { seatToken: bo.welcome.seatToken }),
    ).rejects.toThrow(/removed/);
  });

  it('advances now, resolving with the queued card, and ends the match', async () => {
    await ackOf(teacher, 'instructor:advance', advanceBody(teacher));
    await waitFor(() => stateOf(ana).phase === 'results', 'results');
    const res = await fetch(`${server.url}/api/matches/${session.matchId}/log`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    const log = (await res.json()) as { rounds: { cards: string[] }[]; notes: { kind: string }[] };
    expect(log.rounds[0].cards).toEqual(['crisis2008']);
    expect(log.notes.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['announcement', 'statement', 'eventCard']),
    );
    await ackOf(teacher, 'instructor:end');
    await waitFor(() => stateOf(ana).phase === 'ended', 'ended');
    const list = await fetch(`${server.url}/api/matches`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    const matches = (await list.json()) as { id: string; finished: boolean }[];
    expect(matches.find((m) => m.id === session.matchId)?.finished).toBe(true);
  });
});

describe('deadline, caretaker and diplomacy', () => {
  it('resolves at the deadline with caretakers, and carries a proposal to its answer', async () => {
    const session = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      rounds: 3,
      seed: 9,
      planningSeconds: 2,
      briefingSeconds: 0,
      resultsSeconds: 1,
    });
    const teacher = await joinInstructor(server.url, session);
    const ana = await joinStudent(server.url, session.code, { name: 'Ana', townId: 'foshan' });
    const cai = await joinStudent(server.url, session.code, { name: 'Cai', townId: 'qingyuan' });
    teacher.room.send('instructor:start', {});
    await waitFor(() => stateOf(ana).phase === 'planning', 'planning');
    ana.room.send('draft', {
      section: 'diplomacy',
      value: { proposals: [{ kind: 'riverCleanup', to: ['qingyuan'] }], responses: [] },
    });
    ana.room.send('submit', { round: 1 });
    // Cai never submits: the caretaker keeps Qingyuan's policies when the 2 s run out.
    await waitFor(
      () => stateOf(cai).phase === 'results' && stateOf(cai).round === 1,
      'round 1 by deadline',
    );
    const open = JSON.parse(
      String((stateOf(cai) as unknown as { proposals: string }).proposals),
    ) as Proposal[];
    const proposal = open.find((p) => p.kind === 'riverCleanup' && p.from === 'foshan');
    expect(proposal).toBeDefined();
    await waitFor(() => stateOf(cai).phase === 'planning' && stateOf(cai).round === 2, 'round 2');
    cai.room.send('draft', {
      section: 'diplomacy',
      value: { proposals: [], responses: [{ proposalId: proposal!.id, accept: true }] },
    });
    await waitFor(
      () => draftOf(cai, 'qingyuan').diplomacy.responses.length === 1,
      'response drafted',
    );
    cai.room.send('submit', { round: 2 });
    ana.room.send('submit', { round: 2 });
    await waitFor(
      () => stateOf(cai).phase === 'results' && stateOf(cai).round === 2,
      'round 2 resolved',
    );
    const events = JSON.parse(String(stateOf(cai).lastEvents)) as {
      type: string;
      proposalId?: string;
    }[];
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'ProposalAgreed', proposalId: proposal!.id }),
    );
  });
});

describe('the lobby', () => {
  it('lists public sessions and never private classroom ones', async () => {
    const open = await createSession(server.url, {
      scenarioId: 'open-door-1980',
      visibility: 'public',
      title: 'Open table',
    });
    const secret = await createSession(server.url, {
      scenarioId: 'open-door-1980',
      title: 'Class 3B',
    });
    const client = new Client(server.url.replace('http', 'ws'));
    const lobby = await client.joinOrCreate('lobby');
    let rooms: { roomId: string; metadata?: { title?: string } }[] = [];
    lobby.onMessage('rooms', (list: typeof rooms) => (rooms = list));
    lobby.onMessage('+', () => undefined);
    lobby.onMessage('-', () => undefined);
    await waitFor(() => rooms.length > 0, 'room list');
    const ids = rooms.map((r) => r.roomId);
    expect(ids).toContain(open.roomId);
    expect(ids).not.toContain(secret.roomId);
    await lobby.leave();
  });
});

describe('solo play', () => {
  it('starts on joining, waits for the player at every step, and keeps others out', async () => {
    const session = await createSession(server.url, {
      scenarioId: 'export-crash-2008',
      mode: 'solo',
      difficulty: 'hard',
      planningSeconds: 0,
      briefingSeconds: 0,
      resultsSeconds: 0,
      teamSize: 1,
      rounds: 2,
    });
    const me = await joinStudent(server.url, session.code, { name: 'Solo', townId: 'dongguan' });
    await waitFor(() => stateOf(me).phase === 'planning', 'starts by itself');
    expect(stateOf(me).deadline).toBe(0);
    const bots = [...stateOf(me).towns.values()].filter((t) => t.bot !== '');
    expect(bots.length).toBe(4);
    expect(bots.every((t) => t.bot === 'growth')).toBe(true);
    await expect(joinStudent(server.url, session.code, { name: 'Intruder' })).rejects.toThrow(
      /solo/,
    );
    me.room.send('submit', { round: 1 });
    await waitFor(() => stateOf(me).phase === 'results', 'results');
    // No timer runs on the results: only the player moves the game on.
    await settled(me);
    expect(stateOf(me).deadline).toBe(0);
    expect(stateOf(me).phase).toBe('results');
    me.room.send('continue', { round: 1 });
    await waitFor(() => stateOf(me).phase === 'planning' && stateOf(me).round === 2, 'round 2');
  });
});

describe('a campaign chapter', () => {
  it('plays from the historical town with the advisor and the outcome after each round', async () => {
    const bad = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: 'open-door-1980', campaignId: 'atlantis' }),
    });
    expect(bad.status).toBe(400);
    const session = await createSession(server.url, {
      scenarioId: 'open-door-1980',
      campaignId: 'open-door',
      planningSeconds: 0,
      briefingSeconds: 0,
      resultsSeconds: 0,
    });
    const me = await joinStudent(server.url, session.code, { name: 'Mayor' });
    expect(me.welcome.townId).toBe('shenzhen');
    await waitFor(() => stateOf(me).phase === 'planning', 'planning');
    me.room.send('submit', { round: 1 });
    await waitFor(() => stateOf(me).phase === 'results', 'results');
    const own = stateOf(me).towns.get('shenzhen')!.private!;
    const hints = JSON.parse(String(own.advisor)) as { citation: { paper: string } }[];
    expect(hints.length).toBeLessThanOrEqual(3);
    for (const hint of hints) expect(hint.citation.paper).toMatch(/^00[0-3]$/);
    const outcome = JSON.parse(String(own.outcome)) as { status: string };
    expect(['playing', 'won', 'lost']).toContain(outcome.status);
  });
});
