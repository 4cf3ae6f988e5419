/**
 * Research mode end to end on a real server with real colyseus.js clients (issue 15, part 5):
 * a research class, Ana consents and Bo declines with their seat tokens, both play a round with a
 * reason; the instructor's export route refuses without the key and returns a zip that holds
 * Ana's town and reason but nothing of Bo, and no name, token, key or code in any byte.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameServer } from '../../server/app';
import {
  countOf,
  createSession,
  joinInstructor,
  joinStudent,
  startServer,
  stateOf,
  waitFor,
  type Joined,
  type Session,
} from './helpers';

let server: GameServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.shutdown();
});

const CONSENT = 'We study how classes decide. Your name is never exported.';

async function consent(
  session: Session,
  body: Record<string, unknown>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/research/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: session.code, ...body }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const exportOf = (session: Session, key?: string) =>
  fetch(`${server.url}/api/matches/${session.matchId}/research`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });

describe('research mode', () => {
  it('records consent by seat token and exports only the consenting student', async () => {
    const session = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      rounds: 1,
      seed: 9,
      planningSeconds: 600,
      briefingSeconds: 0,
      resultsSeconds: 600,
      research: { consentText: CONSENT },
    });
    const teacher = await joinInstructor(server.url, session);
    const ana = await joinStudent(server.url, session.code, {
      name: 'Ana Zhang',
      townId: 'foshan',
    });
    const bo = await joinStudent(server.url, session.code, {
      name: 'Bo Qiang',
      townId: 'qingyuan',
    });
    const anaToken = ana.welcome.seatToken!;
    const boToken = bo.welcome.seatToken!;

    // Before answering: the text, no answer yet. Bad input changes nothing.
    expect(await consent(session, { seatToken: anaToken })).toEqual({
      status: 200,
      json: { enabled: true, consentText: CONSENT, consent: null, ended: false },
    });
    expect((await consent(session, { seatToken: 'not-a-token', consent: true })).status).toBe(404);
    expect((await consent(session, { seatToken: anaToken, consent: 'yes' })).status).toBe(400);
    // Ana first declines then changes her mind; Bo declines.
    await consent(session, { seatToken: anaToken, consent: false });
    expect((await consent(session, { seatToken: anaToken, consent: true })).json.consent).toBe(
      true,
    );
    expect((await consent(session, { seatToken: boToken, consent: false })).json.consent).toBe(
      false,
    );

    const counts = await fetch(`${server.url}/api/matches/${session.matchId}/research/consent`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    expect(await counts.json()).toEqual({
      enabled: true,
      consented: 1,
      declined: 1,
      unanswered: 0,
    });

    await play(teacher, [
      [ana, 'ANA-REASON keep the kilns clean'],
      [bo, 'BO-REASON cheap land for all'],
    ]);
    // The match has ended: consent is final.
    expect((await consent(session, { seatToken: boToken, consent: true })).status).toBe(409);

    expect((await exportOf(session)).status).toBe(401);
    expect((await exportOf(session, 'wrong-key')).status).toBe(403);
    const res = await exportOf(session, session.instructorKey);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const files = Object.fromEntries(
      Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]),
    );
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'decisions.csv',
      'predictions.csv',
      'reasons.csv',
      'rounds.csv',
      'timings.csv',
    ]);
    expect(files['reasons.csv']).toContain('ANA-REASON');
    expect(files['reasons.csv']).not.toContain('BO-REASON');
    // Foshan (Ana) and the computer's town; not Qingyuan (Bo).
    const towns = new Set(
      files['rounds.csv']!.trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[3]),
    );
    expect(towns.size).toBe(2);
    expect(files['timings.csv']!.trim().split('\n')).toHaveLength(2);

    const secrets = [
      'Ana Zhang',
      'Bo Qiang',
      'Ana',
      anaToken,
      boToken,
      ana.welcome.playerId!,
      bo.welcome.playerId!,
      session.instructorKey,
      session.code,
      session.matchId,
      session.roomId,
    ];
    const everything = [strFromU8(bytes, true), ...Object.values(files)].join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);

    // The same match exports the same bytes (the salt is kept per match).
    const again = new Uint8Array(
      await (await exportOf(session, session.instructorKey)).arrayBuffer(),
    );
    expect(again).toEqual(bytes);
    // The log download never carries the salt.
    const log = await fetch(`${server.url}/api/matches/${session.matchId}/log`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    expect(await log.text()).not.toMatch(/salt/i);
    for (const j of [ana, bo, teacher]) await j.room.leave();
  });

  it('refuses the export of a class without research mode, and research in solo games', async () => {
    const session = await createSession(server.url, { scenarioId: 'foshan-2007', towns: 3 });
    const res = await exportOf(session, session.instructorKey);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/not played in research mode/);
    const counts = await fetch(`${server.url}/api/matches/${session.matchId}/research/consent`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    expect(await counts.json()).toEqual({ enabled: false });
    const ana = await joinStudent(server.url, session.code, { name: 'Ana', townId: 'foshan' });
    const status = await consent(session, { seatToken: ana.welcome.seatToken });
    expect(status).toEqual({ status: 200, json: { enabled: false } });
    await ana.room.leave();
    const solo = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scenarioId: 'foshan-2007',
        mode: 'solo',
        research: { consentText: 'x' },
      }),
    });
    expect(solo.status).toBe(400);
    const long = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scenarioId: 'foshan-2007',
        research: { consentText: 'x'.repeat(2001) },
      }),
    });
    expect(long.status).toBe(400);
  });
});

/** Start, let each student submit with a reason, resolve the one round and end the match. */
async function play(teacher: Joined, students: [Joined, string][]): Promise<void> {
  let acks = 0;
  const send = async (type: string, message: unknown): Promise<void> => {
    acks++;
    teacher.room.send(`instructor:${type}`, message);
    await waitFor(() => countOf(teacher, 'ack') >= acks, `ack of ${type}`);
  };
  await send('start', {});
  const [first] = students[0]!;
  await waitFor(() => stateOf(first).phase === 'planning', 'planning');
  for (const [student, why] of students) {
    const saved = countOf(student, 'draftSaved');
    student.room.send('why', { text: why });
    await waitFor(() => countOf(student, 'draftSaved') > saved, 'why saved');
    student.room.send('submit', { round: 1 });
  }
  await waitFor(() => stateOf(first).phase === 'results', 'results');
  await send('end', {});
  await waitFor(() => stateOf(first).phase === 'ended', 'ended');
}
