/**
 * The budget as the player reads it (issue 14): revenue given up by tax cuts and land discounts
 * is shown as a cost, estimated with the engine's own functions and close to what the engine
 * then collects; and every money figure is rounded once, so the meter and the over-budget
 * message quote the same amount in both languages.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  computerPlans,
  createMatch,
  defaultPlan,
  resolveRound,
  type MatchState,
  type TownPlan,
} from '../../shared';
import {
  formatMoney,
  moneyStep,
  roundMoney,
  setLanguage,
  t,
  type Language,
} from '../../client/i18n';
import { budgetTexts, shownBudget } from '../../client/panel/budget-text';
import { errorMessage } from '../../client/panel/error-view';
import { forgoneRevenue } from '../../client/panel/forgone';
import { BUDGET_CONTROL, errorsByControl, validateDraft } from '../../client/panel/panel-model';

const match = (): MatchState => createMatch('open-door-1980', { seed: 7 });

function withPreferential(patch: Partial<TownPlan['preferential']>): TownPlan {
  const plan = defaultPlan();
  plan.preferential = { ...plan.preferential, ...patch };
  return plan;
}

/** Revenue of Foshan over the first round when it plays `plan` and the others play as usual. */
function revenueWith(state: MatchState, plan: TownPlan): number {
  const plans = { ...computerPlans(state), foshan: plan };
  const next = resolveRound(state, { plans, cards: [] }).state;
  return next.towns.find((t) => t.id === 'foshan')!.last.revenue * state.roundYears;
}

afterAll(() => setLanguage('en'));

describe('forgone revenue', () => {
  it('is nothing for the standard plan and grows with the cut', () => {
    const state = match();
    expect(forgoneRevenue(state, 'foshan', defaultPlan()).total).toBe(0);
    const small = forgoneRevenue(state, 'foshan', withPreferential({ domesticTaxRate: 0.25 }));
    const big = forgoneRevenue(state, 'foshan', withPreferential({ domesticTaxRate: 0.15 }));
    expect(small.taxCuts).toBeGreaterThan(0);
    expect(big.taxCuts).toBeGreaterThan(small.taxCuts);
    expect(big.landDiscount).toBe(0);
    const land = forgoneRevenue(state, 'foshan', withPreferential({ landDiscount: 0.5 }));
    expect(land.taxCuts).toBe(0);
    expect(land.landDiscount).toBeGreaterThan(0);
    expect(land.total).toBeCloseTo(land.taxCuts + land.landDiscount, 12);
  });

  it('is close to the revenue the engine then does not collect', () => {
    const state = match();
    const base = revenueWith(state, defaultPlan());
    const taxPlan = withPreferential({ domesticTaxRate: 0.15, foreignTaxRate: 0.15 });
    const landPlan = withPreferential({ landDiscount: 0.5 });
    const taxLost = base - revenueWith(state, taxPlan);
    const landLost = base - revenueWith(state, landPlan);
    const taxEstimate = forgoneRevenue(state, 'foshan', taxPlan).taxCuts;
    const landEstimate = forgoneRevenue(state, 'foshan', landPlan).landDiscount;
    expect(taxLost).toBeGreaterThan(0);
    expect(taxEstimate / taxLost).toBeGreaterThan(0.5);
    expect(taxEstimate / taxLost).toBeLessThan(2);
    expect(landEstimate / landLost).toBeGreaterThan(0.5);
    expect(landEstimate / landLost).toBeLessThan(2);
  });

  it('never changes the state it reads', () => {
    const state = match();
    const before = JSON.stringify(state);
    forgoneRevenue(state, 'foshan', withPreferential({ foreignTaxRate: 0, landDiscount: 0.9 }));
    expect(JSON.stringify(state)).toBe(before);
  });
});

describe.each<Language>(['en', 'zh'])('one rounding for money (%s)', (lang) => {
  it('formats exactly the rounded amount', () => {
    setLanguage(lang);
    expect(roundMoney(-0.125)).toBe(-0.13);
    expect(roundMoney(0.125)).toBe(0.13);
    for (const m of [
      0.004, 0.5, 3.255, 9.996, 47.47, 47.44, 99.96, 123.456, 4747.4, -0.125, -47.45,
    ]) {
      expect(formatMoney(m)).toBe(formatMoney(roundMoney(m)));
      expect(Math.abs(roundMoney(m) - m)).toBeLessThanOrEqual(moneyStep(m, lang) / 2 + 1e-9);
    }
  });

  it('the over-budget message quotes the meter’s available amount', () => {
    setLanguage(lang);
    const state = match();
    let overs = 0;
    for (const guarantee of [0, 2, 5.5, 13.3, 20, 47.3, 60, 500]) {
      const plan = withPreferential({ smeCreditGuarantee: guarantee });
      const shown = shownBudget(state, 'foshan', plan);
      const texts = budgetTexts(shown);
      // The meter's "available" is the message's limit, digit for digit.
      expect(texts.summary).toContain(texts.limit);
      // What is left adds up with what is shown.
      if (shown.exact.over === 0) {
        expect(shown.remaining).toBeCloseTo(roundMoney(shown.room - shown.fresh), 9);
        expect(texts.status).toContain(formatMoney(shown.remaining));
        continue;
      }
      overs++;
      const budgetError = errorsByControl(validateDraft(state, 'foshan', plan), plan).find(
        (e) => e.kind === 'budget',
      );
      expect(budgetError).toBeDefined();
      const message = errorMessage(BUDGET_CONTROL, 'budget', budgetError!.error, texts.limit);
      expect(message).toBe(t('panel:errors.budget', { limit: texts.limit }));
      expect(message).toContain(texts.limit);
      expect(shown.over).toBeGreaterThan(0);
    }
    expect(overs).toBeGreaterThan(0);
  });

  it('a room of 47.47 M RMB reads the same in the meter and the message', () => {
    setLanguage(lang);
    const limit = formatMoney(47.47);
    expect(limit).toBe(lang === 'zh' ? '4,747 万元' : '47.5 M RMB');
    expect(
      errorMessage(
        BUDGET_CONTROL,
        'budget',
        { path: 'budget', code: 'budget', reason: '', limit: 47.4 },
        limit,
      ),
    ).toContain(limit);
  });

  it('names the forgone revenue in the player’s language', () => {
    setLanguage(lang);
    const state = match();
    const shown = shownBudget(state, 'foshan', withPreferential({ domesticTaxRate: 0.15 }));
    expect(shown.forgone.total).toBeGreaterThan(0);
    const text = budgetTexts(shown).forgone;
    expect(text).toContain(formatMoney(shown.forgone.total));
    expect(text).toMatch(lang === 'zh' ? /减税/ : /tax cuts/);
  });
});
