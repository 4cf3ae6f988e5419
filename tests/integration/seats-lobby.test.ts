/**
 * Seats changed while a student is away, roles that leave nobody holding a portfolio, the lobby
 * listing of public sessions, wrong codes sent straight to a room, and instructor controls in
 * the log — against a real server and real colyseus.js clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Room } from 'colyseus.js';
import type { GameServer } from '../../server/app';
import { JOIN_ERROR } from '../../shared/protocol/codes';
import {
  ackOf,
  advanceBody,
  countOf,
  settled,
  createSession,
  joinInstructor,
  joinStudent,
  startServer,
  stateOf,
  waitFor,
  type Joined,
  settledRoom,
} from './helpers';

let server: GameServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.shutdown();
});

const ws = (): Client => new Client(server.url.replace('http', 'ws'));

/** Drop the socket without a leave message, as a Wi-Fi cut does. */
function dropSocket(j: Joined): void {
  (j.room.connection.transport as unknown as { ws: WebSocket }).ws.close();
}

/** Which towns' private data (the full town state or the draft) this client's state holds. */
function privateTowns(room: Room): string[] {
  const towns = (
    room.state as { towns?: Map<string, { private?: { detail?: string; draft?: string } }> }
  ).towns;
  return [...(towns?.entries() ?? [])]
    .filter(([, t]) => Boolean(t.private?.detail || t.private?.draft))
    .map(([id]) => id);
}

describe('seats changed while a student is away', () => {
  it('a student moved while disconnected comes back seeing only the new town', async () => {
    const session = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      planningSeconds: 600,
    });
    const teacher = await joinInstructor(server.url, session);
    const ana = await joinStudent(server.url, session.code, { name: 'Ana', townId: 'foshan' });
    await waitFor(() => privateTowns(ana.room).includes('foshan'), 'own town visible');
    const token = ana.room.reconnectionToken;
    dropSocket(ana);
    await waitFor(
      () => stateOf(teacher).players.get(ana.welcome.playerId!)?.connected === false,
      'seen as dropped',
    );
    await ackOf(teacher, 'instructor:moveStudent', {
      playerId: ana.welcome.playerId,
      townId: 'shunde',
    });
    const back = await ws().reconnect(token);

    await waitFor(() => privateTowns(back).includes('shunde'), 'the new town visible');
    // Every patch sent before the pong has arrived: the old town's private part is not in them.
    await settledRoom(back);
    expect(privateTowns(back)).toEqual(['shunde']);
    await back.leave();
  });

  it('a student moved while connected gets no more of the old town’s private updates', async () => {
    const session = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      planningSeconds: 600,
      briefingSeconds: 0,
    });
    const teacher = await joinInstructor(server.url, session);
    const ana = await joinStudent(server.url, session.code, { name: 'Ana', townId: 'foshan' });
    const bo = await joinStudent(server.url, session.code, { name: 'Bo', townId: 'foshan' });
    await ackOf(teacher, 'instructor:start', {});
    await waitFor(() => stateOf(bo).phase === 'planning', 'planning');
    await ackOf(teacher, 'instructor:moveStudent', {
      playerId: ana.welcome.playerId,
      townId: 'shunde',
    });
    await waitFor(() => privateTowns(ana.room).includes('shunde'), 'the new town visible');
    const version = (j: Joined): number =>
      Number(stateOf(j).towns.get('foshan')?.private?.draftVersion ?? -1);
    const anaSaw = version(ana);
    // Bo (still in Foshan, now holding every portfolio) edits Foshan's draft.
    const draft = JSON.parse(String(stateOf(bo).towns.get('foshan')!.private!.draft)) as {
      environment: Record<string, unknown>;
    };
    bo.room.send('draft', {
      section: 'environment',
      value: { ...draft.environment, enforcement: 'strict' },
    });
    await waitFor(() => version(bo) > anaSaw, 'Bo’s edit saved');
    await settled(ana);
    expect(version(ana)).toBe(anaSaw);
  });

  it('a student removed while disconnected cannot come back through the reconnection', async () => {
    const session = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      planningSeconds: 600,
    });
    const teacher = await joinInstructor(server.url, session);
    const cai = await joinStudent(server.url, session.code, { name: 'Cai', townId: 'qingyuan' });
    const token = cai.room.reconnectionToken;
    dropSocket(cai);
    await waitFor(
      () => stateOf(teacher).players.get(cai.welcome.playerId!)?.connected === false,
      'seen as dropped',
    );
    await ackOf(teacher, 'instructor:removeStudent', { playerId: cai.welcome.playerId });
    const closed = await ws()
      .reconnect(token)
      .then(
        (room) =>
          new Promise<number>((resolve) => {
            room.onLeave((code) => resolve(code));
          }),
        () => -1,
      );
    // Either the reconnection is refused or the connection is closed at once as removed.
    expect([-1, 4201]).toContain(closed);
    // And the seat token no longer opens the seat.
    await expect(
      joinStudent(server.url, session.code, { seatToken: cai.welcome.seatToken }),
    ).rejects.toMatchObject({ code: JOIN_ERROR.removed });
  });
});

describe('roles', () => {
  it('taking the mayor from a student hands it to a teammate, and both hear of it', async () => {
    const session = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      teamSize: 3,
      planningSeconds: 600,
    });
    const teacher = await joinInstructor(server.url, session);
    const ana = await joinStudent(server.url, session.code, { name: 'Ana', townId: 'foshan' });
    const bo = await joinStudent(server.url, session.code, { name: 'Bo', townId: 'foshan' });
    const boSeats = countOf(bo, 'seat');
    await ackOf(teacher, 'instructor:assignRoles', {
      playerId: ana.welcome.playerId,
      portfolios: ['construction'],
    });
    await waitFor(() => countOf(bo, 'seat') > boSeats, 'Bo told of his roles');
    const roles = (j: Joined): string[] =>
      String(stateOf(teacher).players.get(j.welcome.playerId!)?.portfolios ?? '').split(',');
    await waitFor(() => roles(ana).join() === 'construction', 'Ana has construction only');
    // Every portfolio is held by someone: the town can still submit and edit every section.
    const held = new Set([...roles(ana), ...roles(bo)]);
    for (const p of ['mayor', 'investment', 'construction', 'science', 'environment']) {
      expect(held.has(p), p).toBe(true);
    }
    expect(roles(bo)).toContain('mayor');

    // A lone student cannot be left without the mayor either.
    const cai = await joinStudent(server.url, session.code, { name: 'Cai', townId: 'shunde' });
    await ackOf(teacher, 'instructor:assignRoles', {
      playerId: cai.welcome.playerId,
      portfolios: ['science'],
    });
    await waitFor(() => roles(cai).includes('mayor'), 'Cai keeps the mayor');
  });
});

describe('the lobby and wrong codes', () => {
  it('lists a public session with its code until it is locked', async () => {
    const open = await createSession(server.url, {
      scenarioId: 'open-door-1980',
      visibility: 'public',
      title: 'Open table',
    });
    const teacher = await joinInstructor(server.url, open);
    const lobby = await ws().joinOrCreate('lobby');
    let rooms: { roomId: string; metadata?: { code?: string } }[] = [];
    lobby.onMessage('rooms', (list: typeof rooms) => (rooms = list));
    lobby.onMessage('+', ([roomId, room]: [string, (typeof rooms)[number]]) => {
      rooms = [...rooms.filter((r) => r.roomId !== roomId), room];
    });
    lobby.onMessage('-', (roomId: string) => (rooms = rooms.filter((r) => r.roomId !== roomId)));
    await waitFor(() => rooms.some((r) => r.roomId === open.roomId), 'listed');
    const listed = rooms.find((r) => r.roomId === open.roomId)!;
    expect(listed.metadata?.code).toBe(open.code);
    // Someone who only saw the lobby joins with what it shows.
    const guest = await ws().joinById(listed.roomId, { code: listed.metadata!.code, name: 'Dai' });
    expect(guest.roomId).toBe(open.roomId);

    // The start screen's list over HTTP shows the same, never the private classroom session.
    const secret = await createSession(server.url, { scenarioId: 'open-door-1980' });
    const openList = async (): Promise<{ code: string; title: string }[]> =>
      (await (await fetch(`${server.url}/api/sessions/open`)).json()) as {
        code: string;
        title: string;
      }[];
    const listedOverHttp = await openList();
    expect(listedOverHttp.map((s) => s.code)).toContain(open.code);
    expect(listedOverHttp.find((s) => s.code === open.code)?.title).toBe('Open table');
    expect(listedOverHttp.map((s) => s.code)).not.toContain(secret.code);

    await ackOf(teacher, 'instructor:lock', { locked: true });
    await waitFor(() => !rooms.some((r) => r.roomId === open.roomId), 'unlisted once locked');
    expect((await openList()).map((s) => s.code)).not.toContain(open.code);
    await lobby.leave();
    await guest.leave();
  });
});

describe('instructor controls in the log', () => {
  it('records pause, extend and diplomacy as control notes of the round', async () => {
    const session = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      towns: 2,
      planningSeconds: 600,
      briefingSeconds: 0,
      resultsSeconds: 0,
    });
    const teacher = await joinInstructor(server.url, session);
    await ackOf(teacher, 'instructor:start', {});
    await waitFor(() => stateOf(teacher).phase === 'planning', 'planning');
    await ackOf(teacher, 'instructor:pause', {});
    await ackOf(teacher, 'instructor:extend', { seconds: 60 });
    await ackOf(teacher, 'instructor:resume', {});
    await ackOf(teacher, 'instructor:setDiplomacy', { enabled: false });
    await ackOf(teacher, 'instructor:advance', advanceBody(teacher));
    await waitFor(() => stateOf(teacher).phase === 'results', 'results');
    const res = await fetch(`${server.url}/api/matches/${session.matchId}/log`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    const log = (await res.json()) as { rounds: { notes?: { kind: string; text: string }[] }[] };
    const controls = (log.rounds[0].notes ?? [])
      .filter((n) => n.kind === 'control')
      .map((n) => n.text);
    expect(controls).toEqual([
      'start',
      'pause',
      'extend 60',
      'resume',
      'setDiplomacy off',
      'advance',
    ]);
    // Controls are for the log, not the class's news feed.
    expect(stateOf(teacher).news.some((n) => n.includes('"control"'))).toBe(false);
  });
});

// Last: it uses up this address's allowance of wrong codes, which would refuse later joins.
describe('wrong codes', () => {
  it('counts wrong codes sent straight to a room against the address', async () => {
    const session = await createSession(server.url, { scenarioId: 'open-door-1980' });
    const codes: unknown[] = [];
    for (let i = 0; i < 26; i++) {
      const code = await ws()
        .joinById(session.roomId, { code: 'ZZZZZZ', name: `G${i}` })
        .then(
          () => 0,
          (e: { code?: unknown }) => e.code,
        );
      codes.push(code);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill(JOIN_ERROR.wrongCode));
    expect(codes.at(-1)).toBe(JOIN_ERROR.tooManyGuesses);
  });
});
