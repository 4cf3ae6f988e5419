/**
 * Who a connection is: the instructor (by key), a student reclaiming a seat (by seat token), or
 * a student asking for a new seat (by name; the session machine decides whether one is free).
 * Wrong codes and keys count against the address, as on POST /api/join: a listed room's id can
 * be joined directly, bypassing that route.
 */
import { ServerError } from '@colyseus/core';
import { JOIN_ERROR, describeIssues, joinOptionsSchema } from '../../shared/protocol/messages';
import type { GuessLimiter } from '../rate-limit';
import type { Session } from '../session/types';
import { matchesHash } from './seats';

export type Identity =
  | { kind: 'instructor' }
  | { kind: 'seat'; playerId: string }
  | { kind: 'newSeat'; name: string; townId?: string };

export interface Door {
  code: string;
  instructorKeyHash: string;
  session: Session;
  guesses: GuessLimiter;
}

function tooMany(seconds: number): ServerError {
  return new ServerError(
    JOIN_ERROR.tooManyGuesses,
    `too many wrong codes: try again in ${seconds} s (Retry-After: ${seconds})`,
  );
}

/** Count a wrong code or key against the address (the allowance POST /api/join shares). */
function wrongGuess(guesses: GuessLimiter, address: string, now: number, message: string): never {
  const wait = guesses.wrong(address, now);
  if (wait > 0) throw tooMany(wait);
  throw new ServerError(JOIN_ERROR.wrongCode, message);
}

export function identify(door: Door, raw: unknown, address: string, now: number): Identity {
  const parsed = joinOptionsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new ServerError(JOIN_ERROR.invalid, describeIssues(parsed.error).reason);
  }
  const options = parsed.data;
  const guesses = door.guesses;
  const blocked = guesses.blockedFor(address, now);
  if (blocked > 0) throw tooMany(blocked);
  if (options.instructorKey !== undefined) {
    if (matchesHash(options.instructorKey, door.instructorKeyHash)) return { kind: 'instructor' };
    wrongGuess(guesses, address, now, 'wrong instructor key');
  }
  if (options.code !== door.code) wrongGuess(guesses, address, now, 'wrong join code');
  if (options.seatToken) {
    const token = options.seatToken;
    const seat = Object.values(door.session.seats).find((s) => matchesHash(token, s.seatTokenHash));
    if (seat?.removed) {
      throw new ServerError(JOIN_ERROR.removed, 'the instructor removed you from this session');
    }
    if (seat) return { kind: 'seat', playerId: seat.playerId };
  }
  if (!options.name) throw new ServerError(JOIN_ERROR.invalid, 'enter a name');
  return { kind: 'newSeat', name: options.name, townId: options.townId };
}
