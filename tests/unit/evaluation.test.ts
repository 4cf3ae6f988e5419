/**
 * The central evaluation's breakdown and its explanation (issue 12): indicator points, the
 * pollution, debt and unemployment costs, and the `evaluation` explanation whose causes add up
 * to the change and name each cost.
 */
import { describe, expect, it } from 'vitest';
import { debtLimitFor } from '../../shared/engine/costs';
import { explanationText } from '../../shared/engine/explain';
import { createMatch } from '../../shared/engine/match';
import { pollutionIndex } from '../../shared/engine/pollution';
import {
  GREEN_TURN_POLLUTION_COST,
  POLLUTION_FULL_COST,
  UNEMPLOYMENT_FULL_COST,
  embeddedPlants,
  evaluationBreakdown,
} from '../../shared/engine/scoring';
import type { Explanation, MatchState, TownState } from '../../shared/engine/types';
import { botPlans, planWith, SCENARIO_IDS, step, town } from './helpers';

const COST_CODES = ['pollutionCost', 'debtCost', 'unemploymentCost'] as const;

function evaluationOf(explanations: Explanation[], townId: string): Explanation {
  const e = explanations.find((x) => x.town === townId && x.metric === 'evaluation');
  if (!e) throw new Error(`no evaluation explanation for ${townId}`);
  return e;
}

/** A town with no pollution, debt or unemployment, for setting one cost at a time. */
function clean(state: MatchState, id: string): TownState {
  const t = town(state, id);
  t.airPollution = 0;
  t.waterPollution = 0;
  t.debt = 0;
  t.last.unemployment = 0;
  return t;
}

describe('the evaluation breakdown', () => {
  it('indicator points and shortfalls fill 100; the total is the points less the costs', () => {
    let state = createMatch('foshan-2007', { seed: 4 });
    for (let r = 0; r < 3; r++) state = step(state, botPlans(state)).state;
    for (const t of state.towns) {
      const b = evaluationBreakdown(state, t, t.last, 0.05);
      const filled = b.rows.reduce((a, r) => a + r.points + r.shortfall, 0);
      expect(filled).toBeCloseTo(100, 9);
      expect(b.gross).toBeCloseTo(
        b.rows.reduce((a, r) => a + r.points, 0),
        9,
      );
      const costs = b.costs.reduce((a, c) => a + c.points, 0);
      expect(b.total).toBeCloseTo(Math.max(0, b.gross - costs), 9);
      expect(b.costs.map((c) => c.key)).toEqual(['pollution', 'debt', 'unemployment']);
      for (const c of b.costs) expect(c.points).toBeCloseTo(c.share * c.weight, 9);
    }
  });

  it('each cost is nothing for a clean town and full at its stated level', () => {
    const state = createMatch('open-door-1980', { seed: 2 });
    const t = clean(state, 'zhuhai');
    const costs = () => evaluationBreakdown(state, t, t.last, 0).costs;
    expect(costs().map((c) => c.points)).toEqual([0, 0, 0]);
    t.airPollution = POLLUTION_FULL_COST;
    t.waterPollution = POLLUTION_FULL_COST;
    expect(pollutionIndex(t)).toBeGreaterThanOrEqual(POLLUTION_FULL_COST);
    expect(costs()[0].points).toBe(state.costs.pollution);
    t.airPollution = 0;
    t.waterPollution = 0;
    // Debt at the borrowing ceiling (Zhuhai's airport, 003 §3.3) costs the full debt points.
    t.debt = debtLimitFor(t.last.revenue, state);
    expect(costs()[1].points).toBe(state.costs.debt);
    t.debt = 0;
    t.last.unemployment = UNEMPLOYMENT_FULL_COST;
    expect(costs()[2].points).toBe(state.costs.unemployment);
  });

  it('overbuilding debt lowers the evaluation against the same town without it', () => {
    const state = createMatch('open-door-1980', { seed: 2 });
    const t = clean(state, 'zhuhai');
    const without = evaluationBreakdown(state, t, t.last, 0.1).total;
    t.debt = debtLimitFor(t.last.revenue, state) / 2;
    const withDebt = evaluationBreakdown(state, t, t.last, 0.1).total;
    expect(without - withDebt).toBeGreaterThanOrEqual(state.costs.debt / 2 - 1e-9);
  });

  it('the green turn raises the pollution cost', () => {
    const state = createMatch('foshan-2007', { seed: 2 });
    const t = town(state, 'foshan');
    const before = evaluationBreakdown(state, t, t.last, 0).costs[0].weight;
    state.conditions.greenEvaluation = 1;
    const after = evaluationBreakdown(state, t, t.last, 0);
    expect(after.costs[0].weight).toBe(before + GREEN_TURN_POLLUTION_COST);
    expect(after.greenTurn).toBe(true);
  });

  it('growth-era scenarios cost less pollution than the balanced ones (001 ¶28)', () => {
    const growth = createMatch('open-door-1980', { seed: 1 }).costs;
    const balanced = createMatch('foshan-2007', { seed: 1 }).costs;
    expect(growth.pollution).toBeLessThan(balanced.pollution);
    expect(growth.debt).toBeGreaterThan(0);
    expect(balanced.unemployment).toBeGreaterThan(growth.unemployment);
  });

  it('foreign plants without local suppliers count half (002 §2.2.2)', () => {
    const state = createMatch('imbedding-clusters', { seed: 1 });
    const t = town(state, 'suzhou');
    const ind = t.industries.electronics;
    ind.firms.foreign = 40;
    ind.embeddedness = 0;
    const others = embeddedPlants(t) - 20;
    ind.embeddedness = 1;
    expect(embeddedPlants(t) - others).toBeCloseTo(40, 9);
  });
});

describe('the evaluation explanation', () => {
  it.each(SCENARIO_IDS)(
    'every town has one; its causes add up to the change and its costs match the breakdown (%s)',
    (scenarioId) => {
      let state = createMatch(scenarioId, { seed: 6 });
      for (let r = 0; r < 4; r++) {
        const before = state;
        const result = step(state, botPlans(state), r === 2 ? ['crisis2008'] : []);
        state = result.state;
        for (const t of state.towns) {
          const e = evaluationOf(result.explanations, t.id);
          expect(e.before).toBeCloseTo(town(before, t.id).last.evaluation, 5);
          expect(e.after).toBeCloseTo(t.last.evaluation, 5);
          const sum = e.causes.reduce((a, c) => a + c.amount, 0);
          expect(Math.abs(sum - (e.after - e.before)), t.id).toBeLessThan(2e-3);
          expect(e.evaluation?.total).toBe(e.after);
          const was = town(before, t.id).evaluation.costs;
          for (const row of e.evaluation?.costs ?? []) {
            const code = COST_CODES[['pollution', 'debt', 'unemployment'].indexOf(row.key)];
            const cause = e.causes.find((c) => c.cause === code);
            const change = was[row.key] - row.points;
            if (Math.abs(change) >= 1e-4) expect(cause?.amount).toBeCloseTo(change, 4);
            else expect(cause).toBeUndefined();
          }
          for (const c of e.causes.filter((x) => x.cause === 'indicatorPoints'))
            expect(c.indicator).toBeDefined();
        }
      }
    },
  );

  it('a town that lets pollution rise sees the pollution cost pull its evaluation down', () => {
    // Foshan keeps ceramics on lax enforcement (001 ¶20): its pollution and its cost rise.
    let state = createMatch('foshan-2007', { seed: 3 });
    const lax = planWith((p) => {
      p.environment.enforcement = 'lax';
      p.preferential.targetSectors = ['ceramics'];
    });
    let seen = 0;
    for (let r = 0; r < 4; r++) {
      const result = step(state, { foshan: lax });
      state = result.state;
      const e = evaluationOf(result.explanations, 'foshan');
      const cost = e.causes.find((c) => c.cause === 'pollutionCost');
      if (cost && cost.amount < 0) {
        seen++;
        expect(explanationText(e, state)).toContain('pollution cost');
      }
    }
    expect(seen).toBeGreaterThan(0);
    expect(town(state, 'foshan').evaluation.costs.pollution).toBeGreaterThan(0);
  });
});
