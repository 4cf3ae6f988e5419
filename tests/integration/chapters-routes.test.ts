/**
 * The instructor's edited debrief chapters on the server (issue 15): PUT needs the match's
 * instructor key, a bad body is refused and changes nothing, GET returns what was saved, the log
 * download and the class's replay log carry them, and the replay room syncs the presented chapter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import type { GameServer } from '../../server/app';
import type { EditedChapter } from '../../shared/debrief/extras';
import { parseLog } from '../../shared/index';
import { createSession, startServer, tempDataDir, waitFor, type Session } from './helpers';

let server: GameServer;
let game: Session;
beforeAll(async () => {
  server = await startServer(tempDataDir());
  game = await createSession(server.url, { scenarioId: 'foshan-2007', rounds: 2 });
});
afterAll(async () => {
  await server.shutdown();
});

const CHAPTERS: EditedChapter[] = [
  {
    id: 'custom-1',
    rule: 'custom',
    fromRound: 1,
    toRound: 2,
    towns: ['foshan'],
    title: 'Foshan holds',
    finding: 'Foshan kept its tile firms.',
    question: 'Why did the firms stay?',
  },
  {
    id: 'hollowedOut-foshan-2',
    rule: 'hollowedOut',
    fromRound: 2,
    toRound: 2,
    towns: ['foshan'],
    title: null,
    finding: null,
    question: '为什么？',
  },
];

const url = () => `${server.url}/api/matches/${game.matchId}/chapters`;
const auth = (key = game.instructorKey) => ({ authorization: `Bearer ${key}` });
const put = (body: unknown, headers: Record<string, string> = auth()) =>
  fetch(url(), {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const saved = async () =>
  ((await (await fetch(url(), { headers: auth() })).json()) as { chapters: unknown }).chapters;

describe('the chapters routes', () => {
  it('has none before the instructor saves (the viewer detects them)', async () => {
    expect(await saved()).toBeNull();
  });

  it('refuses a PUT without the key or with another key, and changes nothing', async () => {
    expect((await put({ chapters: CHAPTERS }, {})).status).toBe(401);
    expect((await put({ chapters: CHAPTERS }, auth('not-the-key'))).status).toBe(403);
    expect((await fetch(url())).status).toBe(401);
    expect(await saved()).toBeNull();
  });

  it('saves a valid list, and GET returns it in its order', async () => {
    const res = await put({ chapters: CHAPTERS });
    expect(res.status).toBe(200);
    expect(await saved()).toEqual(CHAPTERS);
  });

  it('refuses an invalid body with a reason and keeps what was saved', async () => {
    const bad: unknown[] = [
      { chapters: [{ ...CHAPTERS[0], toRound: 0 }] },
      { chapters: [{ ...CHAPTERS[0], finding: 'x'.repeat(601) }] },
      { chapters: [{ ...CHAPTERS[0], extra: true }] },
      { chapters: Array.from({ length: 21 }, () => CHAPTERS[0]) },
      { chapters: 'none' },
      [],
    ];
    for (const body of bad) {
      const res = await put(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error?: string }).error).toBeTruthy();
    }
    expect(await saved()).toEqual(CHAPTERS);
  });

  it('the downloaded log carries them and still verifies', async () => {
    const res = await fetch(`${server.url}/api/matches/${game.matchId}/log`, { headers: auth() });
    const body = (await res.json()) as { chapters?: unknown };
    expect(body.chapters).toEqual(CHAPTERS);
    expect(() => parseLog(body)).not.toThrow();
  });

  it('the class gets them with the replay log and follows the presented chapter', async () => {
    const ws = server.url.replace('http', 'ws');
    const presenter = await new Client(ws).joinOrCreate('replay', {
      matchId: game.matchId,
      instructorKey: game.instructorKey,
    });
    const res = await fetch(`${server.url}/api/replay/${game.matchId}/log?code=${game.code}`);
    expect(((await res.json()) as { chapters?: unknown }).chapters).toEqual(CHAPTERS);
    const follower = await new Client(ws).join('replay', {
      matchId: game.matchId,
      code: game.code,
    });
    const state = () => follower.state as unknown as { round: number; chapter: string };
    const errors: string[] = [];
    presenter.onMessage('error', (e: { code: string }) => errors.push(e.code));
    presenter.send('sync', { round: 2, view: 'town', townId: 'foshan', chapter: 'custom-1' });
    await waitFor(() => state().chapter === 'custom-1', 'the follower on the chapter');
    presenter.send('sync', { round: 1, view: 'town', chapter: 'x'.repeat(81) });
    await waitFor(() => errors.length > 0, 'the refusal');
    expect(errors[0]).toBe('invalid');
    expect(state()).toMatchObject({ round: 2, chapter: 'custom-1' });
    presenter.send('sync', { round: 1, view: 'town' });
    await waitFor(() => state().round === 1, 'the follower at round 1');
    expect(state().chapter).toBe('');
    await follower.leave();
    await presenter.leave();
  });
});
