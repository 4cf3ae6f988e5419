/**
 * Property test of the session machine (issue 11): 10,000 random sequences of student messages,
 * instructor controls, joins, leaves and clock ticks per run (fixed seed). After every step:
 * no stall, no lost submission, no round skipped, no negative or NaN timer, phase order valid.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/index';
import { step } from '../../server/session/machine';
import type { Command, Session } from '../../server/session/types';
import type { Phase } from '../../shared/protocol/messages';
import { sessionOf } from './session-helpers';

const NEXT: Record<Phase, readonly Phase[]> = {
  waiting: ['waiting', 'briefing', 'planning', 'ended'],
  briefing: ['briefing', 'planning', 'ended'],
  planning: ['planning', 'results', 'ended'],
  resolution: ['results'],
  results: ['results', 'briefing', 'planning', 'ended'],
  ended: ['ended'],
};

const PLAYERS = ['p0', 'p1', 'p2'] as const;

type Move =
  | { kind: 'join'; player: number; town: number }
  | { kind: 'connect'; player: number; up: boolean }
  | { kind: 'draft'; player: number; guarantee: number }
  | { kind: 'submit'; player: number; offset: number }
  | { kind: 'unsubmit'; player: number }
  | { kind: 'continue'; player: number }
  | { kind: 'control'; action: string; stale: boolean; seconds: number; on: boolean }
  | { kind: 'wait'; ms: number };

const move: fc.Arbitrary<Move> = fc.oneof(
  fc.record({ kind: fc.constant('join'), player: fc.nat(2), town: fc.nat(2) }),
  fc.record({ kind: fc.constant('connect'), player: fc.nat(2), up: fc.boolean() }),
  fc.record({ kind: fc.constant('draft'), player: fc.nat(2), guarantee: fc.nat(12) }),
  fc.record({
    kind: fc.constant('submit'),
    player: fc.nat(2),
    offset: fc.integer({ min: -1, max: 1 }),
  }),
  fc.record({ kind: fc.constant('unsubmit'), player: fc.nat(2) }),
  fc.record({ kind: fc.constant('continue'), player: fc.nat(2) }),
  fc.record({
    kind: fc.constant('control'),
    action: fc.constantFrom(
      'start',
      'pause',
      'resume',
      'extend',
      'advance',
      'setCaretaker',
      'announce',
      'end',
      'lock',
    ),
    stale: fc.boolean(),
    seconds: fc.integer({ min: 10, max: 120 }),
    on: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('wait'), ms: fc.integer({ min: 0, max: 400_000 }) }),
);

function commandOf(s: Session, m: Move, now: number): Command {
  switch (m.kind) {
    case 'join': {
      const town = s.match.towns[m.town % s.match.towns.length].id;
      const id = PLAYERS[m.player];
      return { type: 'join', now, playerId: id, name: id, seatTokenHash: id, townId: town };
    }
    case 'connect':
      return { type: m.up ? 'connect' : 'disconnect', now, playerId: PLAYERS[m.player] };
    case 'draft': {
      const seat = s.seats[PLAYERS[m.player]];
      const town = s.match.towns.find((t) => t.id === seat?.townId) ?? s.match.towns[0];
      const value = { ...town.plan.preferential, smeCreditGuarantee: m.guarantee };
      const message = { type: 'draft', section: 'preferential', value } as const;
      return { type: 'student', now, playerId: PLAYERS[m.player], message };
    }
    case 'submit':
      return {
        type: 'student',
        now,
        playerId: PLAYERS[m.player],
        message: { type: 'submit', round: Math.max(1, s.round + m.offset) },
      };
    case 'unsubmit':
      return {
        type: 'student',
        now,
        playerId: PLAYERS[m.player],
        message: { type: 'unsubmit', round: Math.max(1, s.round) },
      };
    case 'continue':
      return {
        type: 'student',
        now,
        playerId: PLAYERS[m.player],
        message: { type: 'continue', round: Math.max(1, s.round) },
      };
    case 'wait':
      return { type: 'tick', now: now + m.ms };
    case 'control': {
      const payloads: Record<string, unknown> = {
        extend: { seconds: m.seconds, startDeadline: m.on },
        advance: {
          phase: m.stale ? 'briefing' : s.phase === 'waiting' ? 'planning' : s.phase,
          round: m.stale ? s.round - 1 : s.round,
        },
        setCaretaker: { enabled: m.on },
        announce: { text: 'hello' },
        lock: { locked: m.on },
      };
      return {
        type: 'instructor',
        now,
        action: m.action,
        payload: payloads[m.action] ?? {},
      } as Command;
    }
  }
}

function check(before: Session, after: Session, command: Command): void {
  // Timers are finite, never negative, and a paused session has no running deadline.
  for (const ms of [after.deadline, after.remainingMs]) {
    expect(Number.isFinite(ms) && ms >= 0).toBe(true);
  }
  expect(after.paused && after.deadline > 0).toBe(false);
  // Phase order.
  expect(NEXT[before.phase]).toContain(after.phase);
  // No round skipped: at most one round per command, each logged once, in order.
  const played = after.match.round - before.match.round;
  expect(played === 0 || played === 1).toBe(true);
  expect(after.log.rounds.length).toBe(after.match.round);
  if (played === 1) {
    const entry = after.log.rounds.at(-1)!;
    expect(entry.round).toBe(before.match.round + 1);
    // No lost submission: every submitted plan is exactly the one that was played.
    for (const [town, sub] of Object.entries(before.submissions)) {
      expect(canonicalJson(entry.plans[town])).toBe(canonicalJson(sub.plan));
    }
    // A command that changed the round was durable.
  }
  // No stall: a deadline in the past is never left standing once the clock has ticked.
  if (command.type === 'tick' && !after.paused && after.deadline > 0) {
    expect(after.deadline > command.now).toBe(true);
  }
  // A planning phase past its deadline resolves, or waits visibly for missing human towns.
  if (after.phase === 'planning' && after.deadline === 0 && after.overtime) {
    expect(after.caretaker).toBe(false);
  }
}

describe('session machine properties', () => {
  let base: Session;
  beforeAll(() => {
    base = sessionOf({
      scenarioId: 'block-economy-zhejiang',
      towns: 2,
      seed: 9,
      rounds: 2,
      planningSeconds: 120,
      briefingSeconds: 10,
      resultsSeconds: 20,
    });
  });

  it('holds over 10,000 random sequences of commands and clock ticks', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 24 }), (moves) => {
        let session = base;
        let now = 1_000_000;
        for (const m of moves) {
          const command = commandOf(session, m, now);
          now = command.now;
          const result = step(session, command);
          check(session, result.session, command);
          if (result.persist === 'none') expect(result.session.match).toBe(session.match);
          session = result.session;
        }
        // Whatever happened, the clock alone finishes what is under way with the caretaker on.
        if (session.caretaker && !session.paused) {
          for (let i = 0; i < 12 && session.deadline > 0; i++) {
            const command: Command = { type: 'tick', now: session.deadline };
            const result = step(session, command);
            check(session, result.session, command);
            session = result.session;
          }
          expect(session.deadline === 0 || session.phase === 'ended').toBe(true);
        }
      }),
      { numRuns: 10_000, seed: 20261202 },
    );
  });
});
