/**
 * Property tests over random plans (fast-check). Each run plays a few rounds of a scenario cut
 * to three towns with random valid plans (and now and then an event card), then checks that
 * the state stays finite and non-negative and that every town's budget identity holds. Invalid
 * plans are in properties-invalid.test.ts; the arbitraries in plan-arbitraries.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_CARD_IDS } from '../../shared/engine/events';
import { hashState } from '../../shared/engine/hash';
import { createMatch } from '../../shared/engine/match';
import { validatePlan } from '../../shared/engine/plan-schema';
import { resolveRound } from '../../shared/engine/resolve-round';
import type { TownPlan } from '../../shared/engine/types';
import {
  checkBudgetIdentity,
  checkState,
  matchArb,
  planFor,
  planSeedArb,
  ROUNDS,
  TOWNS,
} from './plan-arbitraries';

const roundsArb = fc.array(
  fc.record({
    plans: fc.array(fc.option(planSeedArb, { nil: null, freq: 6 }), {
      minLength: TOWNS,
      maxLength: TOWNS,
    }),
    card: fc.option(fc.constantFrom(...EVENT_CARD_IDS), { nil: null, freq: 3 }),
  }),
  { minLength: ROUNDS, maxLength: ROUNDS },
);

describe('properties of rounds played with random valid plans', () => {
  it('keeps the state finite and non-negative and every budget identity exact', () => {
    fc.assert(
      fc.property(matchArb, roundsArb, ({ scenarioId, seed, diplomacy }, rounds) => {
        let state = createMatch(scenarioId, { seed, towns: TOWNS, diplomacy });
        checkState(state, `${scenarioId} start`);
        for (const round of rounds) {
          const plans: Record<string, TownPlan> = {};
          round.plans.forEach((planSeed, i) => {
            if (!planSeed) return; // caretaker
            const plan = planFor(state, i, planSeed);
            const check = validatePlan(state, state.towns[i].id, plan);
            expect(check.ok ? [] : check.errors, `generated plan for ${state.towns[i].id}`).toEqual(
              [],
            );
            plans[state.towns[i].id] = plan;
          });
          const cards = round.card ? [round.card] : [];
          const before = hashState(state);
          const result = resolveRound(state, { plans, cards });
          expect(hashState(state)).toBe(before);
          expect(result.hash).toBe(hashState(result.state));
          checkState(result.state, `${scenarioId} seed ${seed} round ${state.round}`);
          checkBudgetIdentity(state, result.state);
          state = result.state;
        }
      }),
      { numRuns: 30 },
    );
  });
});
