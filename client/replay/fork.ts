/**
 * "What if Foshan had not cracked down in 2007?": start a new solo game, or a classroom session
 * the instructor runs, that continues a replay from one of its rounds. The server re-verifies the
 * log, forks it (forkLog: the new log records where it came from) and creates the session; the
 * viewer then joins it (as the player, or as the instructor) and hands over like the start
 * screen does.
 */
import type { MatchLog } from '../../shared';
import type { CreatedSession } from '../net/api';
import { loadSeat, saveSeat } from '../net/seat-store';
import { createSession, joinAsInstructor, joinClass, type Session } from '../net/session-client';
import { postJson } from './server';

/** The body of `POST /api/sessions` for a fork. */
export interface ForkRequest {
  scenarioId: string;
  mode: 'solo' | 'classroom';
  fork: { log: MatchLog; round: number };
  planningSeconds?: number;
  briefingSeconds?: number;
  resultsSeconds?: number;
}

export function forkRequest(
  log: MatchLog,
  round: number,
  mode: ForkRequest['mode'] = 'solo',
): ForkRequest {
  // Our own notes are not part of the match; the server has no use for them.
  const { annotations: _notes, ...match } = log as MatchLog & { annotations?: unknown };
  const request: ForkRequest = {
    scenarioId: log.scenarioId,
    mode,
    fork: { log: match as MatchLog, round },
  };
  // A solo what-if is paced by its player, like "Play alone": no timer (issue 14). A class
  // fork keeps the class defaults; its instructor changes them.
  if (mode === 'solo')
    Object.assign(request, { planningSeconds: 0, briefingSeconds: 0, resultsSeconds: 0 });
  return request;
}

/**
 * Create a classroom session forked at `round` and join it as its instructor: the class joins
 * with the new code, and this browser keeps the key like any class it created.
 */
export async function forkAsClass(
  log: MatchLog,
  round: number,
): Promise<{ session: Session; created: CreatedSession }> {
  const created = await createSession(forkRequest(log, round, 'classroom'));
  const session = await joinAsInstructor(created.roomId, created.instructorKey);
  return { session, created };
}

/** Create the forked solo session and take its seat; rejects with the server's reason. */
export async function forkAndJoin(log: MatchLog, round: number, name: string): Promise<Session> {
  const created = await postJson<CreatedSession>('/api/sessions', forkRequest(log, round));
  const session = await joinClass(created.code, name);
  // As for "Play alone": the player holds the solo game's key, to pace it without an instructor.
  const seat = loadSeat(created.code);
  if (seat) saveSeat({ ...seat, soloKey: created.instructorKey });
  return session;
}
