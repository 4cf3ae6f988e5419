/**
 * Predict, then reveal in the class replay (issue 15), with a real server and real colyseus.js
 * clients: the presenter asks a question the server builds from the stored log, three followers
 * answer (one changes its mind), forged and out-of-phase messages are refused and change nothing,
 * the reveal publishes the distribution and the right option, and the answers are saved as the
 * match's 'predictions' extra and come with the downloaded log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Room } from 'colyseus.js';
import type { GameServer } from '../../server/app';
import { parseLog, type MatchLog } from '../../shared/index';
import { correctAnswer, menuId, questionMenu } from '../../shared/debrief/questions';
import { readPredictions } from '../../shared/debrief/extras';
import {
  createSession,
  joinStudent,
  startServer,
  stateOf,
  waitFor,
  type Joined,
  type Session,
} from './helpers';

interface View {
  id: string;
  question: { options: unknown[]; marked?: number };
  revealed?: { correct: number[]; counts: number[] };
}

let server: GameServer;
let game: Session;
let log: MatchLog;

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

async function download(): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}/api/matches/${game.matchId}/log`, {
    headers: { authorization: `Bearer ${game.instructorKey}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** A room with every message it received, by type. */
function recorder(room: Room) {
  const got = { predict: [] as View[], errors: [] as { code: string; type: string }[] };
  room.onMessage('predict', (v: View) => got.predict.push(v));
  room.onMessage('error', (e: { code: string; type: string }) => got.errors.push(e));
  room.onMessage('predict.answered', () => undefined);
  return got;
}

beforeAll(async () => {
  server = await startServer();
  game = await createSession(server.url, {
    scenarioId: 'foshan-2007',
    rounds: 3,
    mode: 'solo',
    planningSeconds: 0,
    briefingSeconds: 0,
    resultsSeconds: 0,
    teamSize: 1,
  });
  const me = await joinStudent(server.url, game.code, { name: 'P', townId: 'foshan' });
  await playSolo(me, 3);
  await me.room.leave();
  log = parseLog(await download());
}, 60_000);

afterAll(async () => {
  await server?.shutdown();
});

describe('predict, then reveal', () => {
  it('asks, collects answers, refuses forgeries, reveals, saves', async () => {
    const ws = server.url.replace('http', 'ws');
    const presenter = await new Client(ws).joinOrCreate('replay', {
      matchId: game.matchId,
      instructorKey: game.instructorKey,
    });
    const p = recorder(presenter);
    const followers = await Promise.all(
      [1, 2, 3].map((n) =>
        new Client(ws).join('replay', {
          matchId: game.matchId,
          code: game.code,
          participant: `student-${n}`,
        }),
      ),
    );
    const f = followers.map(recorder);
    const state = () =>
      presenter.state as unknown as { questionId: string; answered: number; revealed: boolean };

    // A follower cannot ask; an unknown menu id or a malformed ask is refused.
    const question = questionMenu(log, 2).find(
      (q) => q.kind === 'direction' && q.townId === 'foshan',
    )!;
    followers[0].send('predict.ask', { round: 2, menuId: menuId(question) });
    presenter.send('predict.ask', { round: 2, menuId: 'nope' });
    presenter.send('predict.ask', { round: 2, free: { text: 'Why?', options: ['only one'] } });
    await waitFor(() => f[0].errors.length > 0 && p.errors.length > 1, 'refusals');
    expect(f[0].errors[0].code).toBe('forbidden');
    expect(p.errors.map((e) => e.code)).toEqual(['unknownQuestion', 'invalid']);
    expect(state().questionId).toBe('');

    presenter.send('predict.ask', { round: 2, menuId: menuId(question) });
    await waitFor(() => f.every((x) => x.predict.length === 1), 'the question reached the class');
    const id = f[0].predict[0].id;
    expect(f[2].predict[0].question.options).toHaveLength(3);
    // A second question while one is open is refused.
    presenter.send('predict.ask', { round: 2, menuId: menuId(question) });
    await waitFor(() => p.errors.length > 2, 'second ask refused');
    expect(p.errors[2].code).toBe('questionOpen');

    followers[0].send('predict.answer', { id, option: 0 });
    followers[1].send('predict.answer', { id, option: 1 });
    followers[2].send('predict.answer', { id, option: 2 });
    followers[0].send('predict.answer', { id, option: 2 }); // changes its mind
    followers[1].send('predict.answer', { id: 'forged', option: 0 });
    followers[2].send('predict.answer', { id, option: 7 });
    followers[2].send('predict.reveal', { id });
    presenter.send('predict.answer', { id, option: 0 });
    await waitFor(
      () => f[1].errors.length > 0 && f[2].errors.length > 1 && p.errors.length > 3,
      'forged answers refused',
    );
    expect(f[1].errors[0].code).toBe('unknownQuestion');
    expect(f[2].errors.map((e) => e.code)).toEqual(['invalidOption', 'forbidden']);
    expect(p.errors[3].code).toBe('forbidden');
    await waitFor(() => state().answered === 3, 'three answers counted');
    expect(state().revealed).toBe(false);

    presenter.send('predict.reveal', { id });
    await waitFor(() => f.every((x) => x.predict.length === 2), 'the reveal reached the class');
    const right = correctAnswer(question, log);
    for (const x of f) expect(x.predict[1].revealed).toEqual({ correct: right, counts: [0, 1, 2] });
    expect(state().revealed).toBe(true);
    // Frozen: a late answer is refused.
    followers[1].send('predict.answer', { id, option: 2 });
    await waitFor(() => f[1].errors.length > 1, 'late answer refused');
    expect(f[1].errors[1].code).toBe('revealed');

    let saved = 0;
    await waitFor(
      () => saved === 1,
      'predictions saved',
      10_000,
      async () => {
        saved = readPredictions((await download()).predictions).questions.length;
      },
    );
    const downloaded = await download();
    const record = readPredictions(downloaded.predictions);
    expect(record.questions).toHaveLength(1);
    expect(record.questions[0]).toMatchObject({ id, round: 2, kind: 'direction', correct: right });
    expect(record.questions[0].text).toContain('Foshan');
    expect(record.answers.map((a) => [a.participant, a.option]).sort()).toEqual([
      ['student-1', 2],
      ['student-2', 1],
      ['student-3', 2],
    ]);
    // The log itself is untouched (the extra lies beside it).
    expect(() => parseLog(downloaded)).not.toThrow();

    // A free question with a marked answer: hidden until the reveal.
    presenter.send('predict.ask', {
      round: 3,
      free: { text: 'Who moves?', options: ['a', 'b'], marked: 1 },
    });
    await waitFor(() => f[0].predict.length === 3, 'free question');
    expect(f[0].predict[2].question.marked).toBeUndefined();
    for (const r of [...followers, presenter]) await r.leave();
  });
});
