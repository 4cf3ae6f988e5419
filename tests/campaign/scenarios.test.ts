/**
 * Every campaign entry played to the end with scripted plans (issue 6 "Tests"): the player's
 * town follows the entry's winning or losing plan, the other towns a computer strategy; the
 * outcome must be 'won' (with at least one star) and 'lost' respectively.
 */
import { describe, expect, it } from 'vitest';
import { CAMPAIGN, evaluateOutcome, scriptedLose, scriptedWin } from '../../shared/campaign';
import { findScenario } from '../../shared/data/scenarios';
import { STRATEGY_IDS } from '../../shared/engine/strategies';
import { playEntry } from './harness';

const SEED = 7;

describe('campaign entries played to the end', () => {
  for (const entry of CAMPAIGN) {
    describe(entry.id, () => {
      it('the scripted winning plan wins, with 1–3 stars', () => {
        const { states } = playEntry(entry, scriptedWin(entry), {
          seed: SEED,
          strategy: 'balanced',
        });
        const outcome = evaluateOutcome(entry, states, entry.playerTown);
        expect(outcome.status, outcome.reasons.map((r) => r.en).join('\n')).toBe('won');
        expect(outcome.stars).toBeGreaterThanOrEqual(1);
        expect(outcome.stars).toBeLessThanOrEqual(3);
        expect(outcome.reasons.length).toBeGreaterThan(0);
      });

      it('the scripted losing plan loses, with no stars', () => {
        const { states } = playEntry(entry, scriptedLose(entry), {
          seed: SEED,
          strategy: 'balanced',
        });
        const outcome = evaluateOutcome(entry, states, entry.playerTown);
        expect(outcome.status, outcome.reasons.map((r) => r.en).join('\n')).toBe('lost');
        expect(outcome.stars).toBe(0);
        expect(outcome.reasons.length).toBeGreaterThan(0);
      });

      it('is still playing before the last round while no defeat has struck', () => {
        const { states } = playEntry(entry, scriptedWin(entry), {
          seed: SEED,
          strategy: 'balanced',
        });
        for (let i = 0; i < entry.rounds; i++) {
          const outcome = evaluateOutcome(entry, states.slice(0, i + 1), entry.playerTown);
          expect(outcome.status).toBe('playing');
          expect(outcome.stars).toBe(0);
        }
      });

      it('is deterministic: the same states give the same outcome', () => {
        const a = playEntry(entry, scriptedLose(entry), { seed: SEED, strategy: 'balanced' });
        const b = playEntry(entry, scriptedLose(entry), { seed: SEED, strategy: 'balanced' });
        expect(evaluateOutcome(entry, b.states, entry.playerTown)).toEqual(
          evaluateOutcome(entry, a.states, entry.playerTown),
        );
      });
    });
  }

  // Calibration: a thoughtful plan wins, and the mistake loses, whatever the computer towns do.
  for (const entry of CAMPAIGN) {
    for (const strategy of STRATEGY_IDS) {
      for (const seed of [1, 42]) {
        it(`${entry.id} against ${strategy} towns, seed ${seed}: win wins, lose loses`, () => {
          const win = playEntry(entry, scriptedWin(entry), { seed, strategy });
          const lose = playEntry(entry, scriptedLose(entry), { seed, strategy });
          expect(evaluateOutcome(entry, win.states, entry.playerTown).status).toBe('won');
          expect(evaluateOutcome(entry, lose.states, entry.playerTown).status).toBe('lost');
        });
      }
    }
  }
});

describe('defeat strikes early', () => {
  it("open door: Zhuhai's overbuilding loses on debt before the last round", () => {
    const entry = CAMPAIGN.find((e) => e.id === 'open-door')!;
    const { states } = playEntry(entry, scriptedLose(entry), { seed: SEED, strategy: 'balanced' });
    const early = states.findIndex(
      (_s, i) =>
        i > 0 && evaluateOutcome(entry, states.slice(0, i + 1), 'shenzhen').status === 'lost',
    );
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(entry.rounds);
    expect(evaluateOutcome(entry, states, 'shenzhen').reasons[0].en).toMatch(/borrowing limit/);
  });

  it('block economy: a race to the bottom without standards ruins the name of Wenzhou shoes', () => {
    const entry = CAMPAIGN.find((e) => e.id === 'block-economy')!;
    const { states } = playEntry(entry, scriptedLose(entry), { seed: SEED, strategy: 'balanced' });
    expect(evaluateOutcome(entry, states, 'wenzhou').reasons[0].en).toMatch(/race to the bottom/);
  });

  it('Foshan: keeping the law lax and subsidising ceramics misses the pollution goal', () => {
    const entry = CAMPAIGN.find((e) => e.id === 'foshan-crossroads')!;
    const { states } = playEntry(entry, scriptedLose(entry), { seed: SEED, strategy: 'balanced' });
    const outcome = evaluateOutcome(entry, states, 'foshan');
    expect(outcome.status).toBe('lost');
    expect(outcome.reasons.map((r) => r.en).join(' ')).toMatch(/pollution/i);
  });
});

describe('evaluateOutcome', () => {
  const entry = CAMPAIGN[0];

  it('needs the starting state and a known entry', () => {
    expect(() => evaluateOutcome(entry, [], entry.playerTown)).toThrow();
    const { states } = playEntry(entry, scriptedWin(entry), {
      seed: SEED,
      strategy: 'balanced',
      rounds: 1,
    });
    expect(() =>
      evaluateOutcome({ ...entry, id: 'no-such-entry' }, states, entry.playerTown),
    ).toThrow();
    expect(() => evaluateOutcome(entry, states, 'no-such-town')).toThrow();
  });

  it('ignores rounds played beyond the entry', () => {
    const { states } = playEntry(entry, scriptedWin(entry), {
      seed: SEED,
      strategy: 'balanced',
      rounds: entry.rounds + 2,
    });
    expect(evaluateOutcome(entry, states, entry.playerTown)).toEqual(
      evaluateOutcome(entry, states.slice(0, entry.rounds + 1), entry.playerTown),
    );
  });

  it('plays each entry on an existing scenario and town', () => {
    for (const e of CAMPAIGN) {
      const scenario = findScenario(e.scenarioId);
      expect(scenario, e.scenarioId).toBeDefined();
      expect(scenario!.towns.map((t) => t.id)).toContain(e.playerTown);
      expect(e.rounds).toBeGreaterThan(0);
    }
  });
});
