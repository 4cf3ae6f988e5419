import { describe, expect, it } from 'vitest';
import { availableBudget, debtLimit, planCost } from '../../shared/engine/costs';
import { createMatch } from '../../shared/engine/match';
import type { MatchState } from '../../shared/engine/types';
import { planWith, step, town } from './helpers';

function net(state: MatchState, id: string): number {
  const t = town(state, id);
  return t.cash - t.debt;
}

describe('fiscal', () => {
  it('debt rises when spending exceeds revenue', () => {
    const state = createMatch('block-economy-zhejiang', { seed: 2 });
    const d = town(state, 'datang');
    expect(d.debt).toBe(0);
    // Spend 90 % of what may be committed on SME credit guarantees.
    const unit = planCost(
      state,
      d,
      planWith((p) => (p.preferential.smeCreditGuarantee = 1)),
    ).total;
    const amount = (0.9 * availableBudget(state, d)) / unit;
    const plan = planWith((p) => (p.preferential.smeCreditGuarantee = amount));
    const result = step(state, { datang: plan });
    const after = town(result.state, 'datang');
    expect(after.last.fiscalBalance).toBeLessThan(0);
    expect(after.debt).toBeGreaterThan(0);
    expect(after.cash).toBe(0);
    expect(result.explanations).toContainEqual(
      expect.objectContaining({
        town: 'datang',
        metric: 'fiscalBalance',
        causes: expect.arrayContaining([expect.objectContaining({ cause: 'policySpending' })]),
      }),
    );
  });

  it('a surplus repays debt', () => {
    const state = createMatch('foshan-2007', { seed: 2 });
    const f = town(state, 'foshan');
    f.debt = 100;
    f.cash = 0;
    const after = town(step(state).state, 'foshan');
    expect(after.last.fiscalBalance).toBeGreaterThan(0);
    expect(after.debt).toBeLessThan(100);
  });

  it('interest is charged on debt', () => {
    const state = createMatch('foshan-2007', { seed: 2 });
    const indebted = structuredClone(state);
    town(indebted, 'foshan').debt = 200;
    const a = town(step(state).state, 'foshan');
    const b = town(step(indebted).state, 'foshan');
    expect(b.last.spending).toBeGreaterThan(a.last.spending);
    // The rate rises with debt: 6 % × (1 + debt ÷ ceiling), at most 12 % (fiscal.ts).
    const ceiling = debtLimit(town(indebted, 'foshan'), indebted);
    const rate = 0.06 * (1 + Math.min(1, 200 / ceiling));
    expect(b.last.spending - a.last.spending).toBeCloseTo(rate * 200, 6);
  });

  it('the budget identity holds for every town: Δ(cash − debt) = fiscalBalance × years', () => {
    for (const scenario of ['foshan-2007', 'open-door-1980']) {
      let state = createMatch(scenario, { seed: 3 });
      for (let r = 0; r < 4; r++) {
        const next = step(state).state;
        for (const t of next.towns) {
          const delta = net(next, t.id) - net(state, t.id);
          expect(Math.abs(delta - t.last.fiscalBalance * next.roundYears)).toBeLessThan(1e-4);
          expect(t.last.fiscalBalance).toBeCloseTo(t.last.revenue - t.last.spending, 5);
        }
        state = next;
      }
    }
  });

  it('cash and debt stay non-negative while a town repays', () => {
    let state = createMatch('open-door-1980', { seed: 4 });
    town(state, 'zhuhai').debt = 50;
    town(state, 'zhuhai').cash = 30;
    for (let r = 0; r < 3; r++) {
      state = step(state).state;
      const z = town(state, 'zhuhai');
      expect(z.cash).toBeGreaterThanOrEqual(0);
      expect(z.debt).toBeGreaterThanOrEqual(0);
    }
  });

  it('announces the borrowing ceiling once, when revenue falls and debt reaches it', () => {
    const state = createMatch('export-crash-2008', { seed: 2 });
    const t = state.towns[0];
    // Last year's revenue was high, so the ceiling (twice revenue) was far above the debt; the
    // round's real revenue is much lower, so the ceiling falls below the debt.
    t.last.revenue = 50 * t.last.revenue + 1000;
    t.debt = Math.max(40 * state.national, 1.5 * t.last.revenue * 0.5);
    t.cash = 0;
    expect(t.debt).toBeLessThan(debtLimit(t, state));
    const first = step(state, {});
    const after = town(first.state, t.id);
    expect(after.debt).toBeGreaterThanOrEqual(debtLimit(after, first.state));
    expect(first.events).toContainEqual({ type: 'DebtLimitReached', town: t.id });
    // Still over the ceiling a round later: no second announcement.
    const second = step(first.state, {});
    expect(second.events).not.toContainEqual({ type: 'DebtLimitReached', town: t.id });
    // Towns far from their ceiling are not announced.
    expect(first.events.filter((e) => e.type === 'DebtLimitReached')).toHaveLength(1);
  });
});
