/**
 * Notes made after the last round resolved (a final announcement, a closing statement) are in no
 * round's `notes`; a finished match's downloaded log seals them in its end marker (version 3), so
 * editing them is detected like editing a round's notes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameServer } from '../../server/app';
import { LogError, parseLog, replayLog, type MatchLog } from '../../shared/index';
import {
  advanceBody,
  countOf,
  createSession,
  joinInstructor,
  joinStudent,
  startServer,
  stateOf,
  waitFor,
} from './helpers';

let server: GameServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.shutdown();
});

function verdict(log: unknown): string {
  try {
    replayLog(parseLog(JSON.parse(JSON.stringify(log))));
    return 'verifies';
  } catch (error) {
    if (error instanceof LogError) return error.message;
    throw error;
  }
}

describe('closing notes', () => {
  it('are sealed in the end marker of the downloaded log', async () => {
    const session = await createSession(server.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      rounds: 2,
      seed: 5,
      planningSeconds: 600,
      briefingSeconds: 0,
      resultsSeconds: 600,
    });
    const teacher = await joinInstructor(server.url, session);
    const ana = await joinStudent(server.url, session.code, { name: 'Ana', townId: 'foshan' });
    let acks = 0;
    const send = async (type: string, message: unknown): Promise<void> => {
      acks++;
      teacher.room.send(`instructor:${type}`, message);
      await waitFor(() => countOf(teacher, 'ack') >= acks, `ack of ${type}`);
    };
    await send('start', {});
    for (const round of [1, 2]) {
      await waitFor(
        () => stateOf(ana).phase === 'planning' && stateOf(ana).round === round,
        `planning ${round}`,
      );
      if (round === 1) await send('announce', { text: 'Round one begins' });
      // The only player submitting resolves the round.
      ana.room.send('submit', { round });
      await waitFor(
        () => stateOf(ana).phase === 'results' && stateOf(ana).round === round,
        `results ${round}`,
      );
      if (round === 1) await send('advance', advanceBody(teacher));
    }
    await send('announce', { text: 'Final words: well done' });
    await send('end', {});
    await waitFor(() => stateOf(ana).phase === 'ended', 'ended');

    const res = await fetch(`${server.url}/api/matches/${session.matchId}/log`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    expect(res.status).toBe(200);
    const log = (await res.json()) as MatchLog;
    expect(log.version).toBeGreaterThanOrEqual(3);
    const inRounds = log.rounds.flatMap((r) => (r.notes ?? []).map((n) => n.text));
    expect(inRounds).toContain('Round one begins');
    expect(inRounds).not.toContain('Final words: well done');
    const closing = log.end!.notes!.map((n) => n.text);
    expect(closing).toContain('Final words: well done');
    expect(closing).not.toContain('Round one begins');
    expect(verdict(log)).toBe('verifies');

    const edited = JSON.parse(JSON.stringify(log)) as MatchLog;
    const note = edited.end!.notes!.find((n) => n.text === 'Final words: well done')!;
    note.text = 'Final words: nothing to see';
    expect(verdict(edited)).toMatch(/closing notes/);
    const removed = JSON.parse(JSON.stringify(log)) as MatchLog;
    removed.end!.notes = removed.end!.notes!.filter((n) => n.kind !== 'announcement');
    expect(verdict(removed)).toMatch(/closing notes/);

    // The CSV replays the same log, end marker included.
    const csv = await fetch(`${server.url}/api/matches/${session.matchId}/csv`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    expect(csv.status).toBe(200);
  });
});
