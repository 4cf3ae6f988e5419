/**
 * "What if Foshan had not cracked down in 2007?": start a new solo game that continues a replay
 * from one of its rounds. The server re-verifies the log, forks it (forkLog: the new log records
 * where it came from) and creates a solo session; the viewer then joins it as the player and
 * hands over to the play screen like the start screen does.
 */
import type { MatchLog } from '../../shared';
import type { CreatedSession } from '../net/api';
import { loadSeat, saveSeat } from '../net/seat-store';
import { joinClass, type Session } from '../net/session-client';
import { postJson } from './server';

/** The body of `POST /api/sessions` for a fork. */
export interface ForkRequest {
  scenarioId: string;
  mode: 'solo';
  fork: { log: MatchLog; round: number };
}

export function forkRequest(log: MatchLog, round: number): ForkRequest {
  // Our own notes are not part of the match; the server has no use for them.
  const { annotations: _notes, ...match } = log as MatchLog & { annotations?: unknown };
  return { scenarioId: log.scenarioId, mode: 'solo', fork: { log: match as MatchLog, round } };
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
