import { describe, expect, it } from 'vitest';
import { hashState } from '../../shared/engine/hash';
import { createMatch } from '../../shared/engine/match';
import { validatePlan } from '../../shared/engine/plan-schema';
import { decidePlan, isStrategyId, mainSector, STRATEGY_IDS } from '../../shared/engine/strategies';
import type { MatchState } from '../../shared/engine/types';
import { advance, SCENARIO_IDS, step } from './helpers';

function invalidBotPlans(state: MatchState, strategy: (typeof STRATEGY_IDS)[number]): string[] {
  const bad: string[] = [];
  for (const t of state.towns) {
    const result = validatePlan(state, t.id, decidePlan(state, t.id, strategy));
    if (!result.ok)
      bad.push(`${t.id}: ${result.errors.map((e) => `${e.path} ${e.reason}`).join('; ')}`);
  }
  return bad;
}

describe('computer strategies', () => {
  for (const scenarioId of SCENARIO_IDS) {
    for (const strategy of STRATEGY_IDS) {
      it(`${strategy} plans validate for every town of ${scenarioId}, at round 0 and after 5 rounds of bot play`, () => {
        let state = createMatch(scenarioId, { seed: 1 });
        expect(invalidBotPlans(state, strategy)).toEqual([]);
        for (let r = 0; r < 5; r++) {
          const plans = Object.fromEntries(
            state.towns.map((t) => [t.id, decidePlan(state, t.id, strategy)]),
          );
          // resolveRound would throw on an invalid plan.
          state = step(state, plans).state;
          expect(invalidBotPlans(state, strategy), `round ${state.round}`).toEqual([]);
        }
        expect(state.round).toBe(5);
      });
    }
  }

  it('plans validate after 5 rounds of caretaker play, with mixed strategies and generated towns', () => {
    for (const scenarioId of SCENARIO_IDS) {
      const state = advance(createMatch(scenarioId, { seed: 9, towns: 8 }), 5);
      for (const strategy of STRATEGY_IDS) expect(invalidBotPlans(state, strategy)).toEqual([]);
    }
  });

  it('is deterministic and does not mutate the state', () => {
    const state = createMatch('foshan-2007', { seed: 2 });
    const before = hashState(state);
    for (const strategy of STRATEGY_IDS) {
      for (const t of state.towns)
        expect(decidePlan(state, t.id, strategy)).toEqual(decidePlan(state, t.id, strategy));
    }
    expect(hashState(state)).toBe(before);
  });

  it('personalities differ: growth is lax and cheap, green is strict and innovates', () => {
    const state = createMatch('foshan-2007', { seed: 2 });
    const growth = decidePlan(state, 'foshan', 'growth');
    const green = decidePlan(state, 'foshan', 'green');
    const balanced = decidePlan(state, 'foshan', 'balanced');
    expect(growth.environment.enforcement).toBe('lax');
    expect(green.environment.enforcement).toBe('strict');
    expect(growth.preferential.foreignTaxRate).toBeLessThanOrEqual(
      green.preferential.foreignTaxRate,
    );
    expect(balanced.preferential.targetSectors).toEqual([mainSector(state.towns[0])]);
    // Rates respect the national floor once the unified tax applies.
    const later = step(state).state;
    for (const strategy of STRATEGY_IDS) {
      const plan = decidePlan(later, 'foshan', strategy);
      expect(plan.preferential.foreignTaxRate).toBeGreaterThanOrEqual(later.conditions.taxFloor);
      expect(plan.preferential.domesticTaxRate).toBeGreaterThanOrEqual(later.conditions.taxFloor);
    }
  });

  it('an unknown town or strategy is refused', () => {
    const state = createMatch('foshan-2007', { seed: 2 });
    expect(() => decidePlan(state, 'atlantis', 'growth')).toThrow(/unknown town/);
    expect(isStrategyId('growth')).toBe(true);
    expect(isStrategyId('chaos')).toBe(false);
  });
});
