import { describe, expect, it } from 'vitest';
import {
  availableBudget,
  centreCostPerFunder,
  cofundersOf,
  debtLimit,
  INFRA_SPECS,
  planCost,
  POLICY_COSTS,
} from '../../shared/engine/costs';
import { createMatch } from '../../shared/engine/match';
import { defaultPlan } from '../../shared/engine/plan-schema';
import { planWith, town } from './helpers';

const base = createMatch('foshan-2007', { seed: 1 });

describe('costs', () => {
  it('a shared centre costs each funder less than a solo centre, but more in total', () => {
    const solo = centreCostPerFunder(1);
    expect(solo).toBe(POLICY_COSTS.centre);
    for (const funders of [2, 3, 5]) {
      expect(centreCostPerFunder(funders)).toBeLessThan(solo);
      expect(centreCostPerFunder(funders) * funders).toBeGreaterThan(solo);
    }
    expect(centreCostPerFunder(3)).toBeLessThan(centreCostPerFunder(2));
  });

  it('planCost charges a funder of a shared centre less for the same plan', () => {
    const state = structuredClone(base);
    state.centres = [
      { id: 'c1', sector: 'ceramics', funders: ['foshan', 'qingyuan'], openedRound: 0 },
    ];
    const plan = planWith((p) => (p.innovation.centres = ['ceramics']));
    const shared = planCost(state, town(state, 'foshan'), plan).innovation;
    const solo = planCost(state, town(state, 'shunde'), plan).innovation;
    expect(cofundersOf(state, 'foshan', 'ceramics')).toBe(2);
    expect(cofundersOf(state, 'shunde', 'ceramics')).toBe(1);
    expect(shared).toBeLessThan(solo);
    expect(solo).toBeCloseTo(POLICY_COSTS.centre * state.national * state.roundYears, 9);
    expect(shared).toBeCloseTo(centreCostPerFunder(2) * state.national * state.roundYears, 9);
  });

  it('the default plan costs nothing at the start of a match', () => {
    for (const t of base.towns) expect(planCost(base, t, defaultPlan()).total).toBe(0);
  });

  it('a new work is charged its yearly instalment at the national cost level', () => {
    const plan = planWith((p) => (p.build = [{ kind: 'port' }]));
    const cost = planCost(base, town(base, 'foshan'), plan);
    const spec = INFRA_SPECS.port;
    expect(cost.construction).toBeCloseTo(
      (spec.cost / spec.years) * base.national * base.roundYears,
      9,
    );
    expect(cost.committed).toBe(0);
    expect(cost.total).toBeCloseTo(
      cost.policies + cost.innovation + cost.environment + cost.construction,
      9,
    );
  });

  it('projects under way are counted as committed construction', () => {
    const state = structuredClone(base);
    const f = town(state, 'foshan');
    f.infra.projects = [{ kind: 'park', sector: null, yearsLeft: 1, costPerYear: 7.5 }];
    const cost = planCost(state, f, defaultPlan());
    expect(cost.committed).toBeCloseTo(7.5 * state.national * state.roundYears, 9);
    expect(cost.construction).toBeCloseTo(cost.committed, 9);
  });

  it('available budget is cash plus unused borrowing room', () => {
    const state = structuredClone(base);
    const f = town(state, 'foshan');
    f.cash = 10;
    f.debt = 0;
    expect(availableBudget(state, f)).toBeCloseTo(10 + debtLimit(f, state), 9);
    f.debt = debtLimit(f, state) + 50;
    expect(availableBudget(state, f)).toBeCloseTo(10, 9);
    expect(debtLimit(f, state)).toBeGreaterThanOrEqual(20 * state.national);
  });
});
