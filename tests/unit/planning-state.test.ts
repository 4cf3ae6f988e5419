import { describe, expect, it } from 'vitest';
import {
  createMatch,
  decidePlan,
  planCost,
  resolveRound,
  validatePlan,
  type TownPlan,
} from '../../shared/index';
import { matchContext, planningState, publicTown } from '../../shared/protocol/public';

describe("a student's planning state", () => {
  const start = createMatch('open-door-1980', { seed: 4 });
  const state = resolveRound(start, { plans: {}, cards: [] }).state;
  const own = state.towns[1];
  const view = planningState(
    JSON.parse(JSON.stringify(matchContext(state))),
    own,
    state.towns.map((t) => ({ id: t.id, name: t.name })),
  );

  it('validates and costs plans exactly as the server does', () => {
    const plans: TownPlan[] = [
      decidePlan(state, own.id, 'growth'),
      decidePlan(state, own.id, 'green'),
      {
        ...decidePlan(state, own.id, 'balanced'),
        diplomacy: { proposals: [{ kind: 'riverCleanup', to: ['nowhere'] }], responses: [] },
      },
    ];
    const greedy = structuredClone(plans[0]);
    greedy.preferential.smeCreditGuarantee = 500;
    greedy.innovation.innovationVouchers = 500;
    plans.push(greedy);
    for (const plan of plans) {
      expect(validatePlan(view, own.id, plan)).toEqual(validatePlan(state, own.id, plan));
      expect(planCost(view, own, plan)).toEqual(planCost(state, own, plan));
    }
  });

  it('carries no PRNG state and no other town’s private figures', () => {
    const context = matchContext(state) as Record<string, unknown>;
    expect(context.rng).toBeUndefined();
    expect(context.towns).toBeUndefined();
    const other = view.towns.find((t) => t.id === state.towns[0].id)!;
    expect(other.cash).toBe(own.cash);
    expect(publicTown(state.towns[0]).id).toBe(state.towns[0].id);
  });
});
