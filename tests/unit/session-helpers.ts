/**
 * Helpers for the session machine's tests: a session from a configuration, and a driver that
 * applies commands and keeps every effect, as the room would.
 */
import { createMatch, startLog, type MatchState } from '../../shared/index';
import {
  sessionConfigSchema,
  type SessionConfigInput,
  type SessionConfig,
} from '../../shared/protocol/messages';
import { newSession, startingPoint, step } from '../../server/session/machine';
import type { Command, Effect, Session } from '../../server/session/types';

export function configOf(input: SessionConfigInput): SessionConfig {
  return sessionConfigSchema.parse(input);
}

export function sessionOf(input: SessionConfigInput, edit?: (match: MatchState) => void): Session {
  const config = configOf(input);
  if (!edit) {
    const { match, log } = startingPoint(config);
    return newSession(config, match, log);
  }
  const match = createMatch(config.scenarioId, {
    seed: config.seed ?? 1,
    towns: config.towns,
    diplomacy: true,
  });
  edit(match);
  return newSession(config, match, startLog(match));
}

/** Applies commands one by one, like the room, keeping the session and what it was told. */
export class Driver {
  effects: Effect[] = [];
  commands: Command[] = [];
  now = 1_000_000;

  constructor(public session: Session) {}

  apply(command: Command): Effect[] {
    const result = step(this.session, command);
    if (result.persist !== 'none') this.commands.push(command);
    this.session = result.session;
    this.effects.push(...result.effects);
    return result.effects;
  }

  join(playerId: string, townId?: string): Effect[] {
    const effects = this.apply({
      type: 'join',
      now: this.now,
      playerId,
      name: playerId,
      seatTokenHash: `hash-${playerId}`,
      townId,
    });
    this.apply({ type: 'connect', now: this.now, playerId });
    return effects;
  }

  student(playerId: string, message: Extract<Command, { type: 'student' }>['message']): Effect[] {
    return this.apply({ type: 'student', now: this.now, playerId, message });
  }

  instructor(command: Omit<Extract<Command, { type: 'instructor' }>, 'type' | 'now'>): Effect[] {
    return this.apply({ type: 'instructor', now: this.now, ...command } as Command);
  }

  /** Move the clock to `ms` from now and deliver a tick. */
  wait(ms: number): Effect[] {
    this.now += ms;
    return this.apply({ type: 'tick', now: this.now });
  }

  /** Run the clock out to the running deadline (if any) and deliver its tick. */
  toDeadline(): Effect[] {
    const d = this.session.deadline;
    return d > 0 ? this.wait(Math.max(0, d - this.now)) : [];
  }

  errors(effects: Effect[]): string[] {
    return effects.flatMap((e) => (e.type === 'error' ? [e.error.code] : []));
  }
}
