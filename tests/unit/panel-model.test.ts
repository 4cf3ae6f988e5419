/**
 * Pure logic of the policy and results panels: validation errors land on the control that
 * caused them, the budget meter says exactly what validatePlan enforces, portfolios decide
 * what a member edits and who submits, and every paper the panels cite says what they claim
 * (tests/citations/check.ts: against the citation fixture, and the papers where present).
 */
import { describe, expect, it } from 'vitest';
import {
  availableBudget,
  createMatch,
  computerPlans,
  defaultPlan,
  planCost,
  resolveRound,
  validatePlan,
  type MatchState,
  type TownPlan,
} from '../../shared';
import {
  BUDGET_CONTROL,
  NUMERIC_FIELDS,
  PLAN_CONTROL,
  budgetFigures,
  controlIdForPath,
  errorKind,
  errorsByControl,
  fromDisplay,
  openProposalsFor,
  parsePortfolios,
  sectionAccess,
  sectionOfControl,
  submitState,
  toDisplay,
} from '../../client/panel/panel-model';
import {
  INDICATOR_FORMAT,
  evaluationBreakdown,
  townExplanations,
  townNews,
} from '../../client/panel/results-model';
import { formatIndicator } from '../../client/panel/format';
import { arrowOf, trendOf } from '../../client/panel/trend';
import { PANEL_CITATIONS } from '../citations/all-citations';
import { describeCitations } from '../citations/check';

const match = (): MatchState => createMatch('open-door-1980', { seed: 7 });

function played(rounds: number): { state: MatchState; results: ReturnType<typeof resolveRound>[] } {
  let state = match();
  const results: ReturnType<typeof resolveRound>[] = [];
  for (let r = 0; r < rounds; r++) {
    const plans = computerPlans(state);
    const result = resolveRound(state, { plans, cards: [] });
    results.push(result);
    state = result.state;
  }
  return { state, results };
}

describe('error path → control', () => {
  const plan = defaultPlan();
  plan.diplomacy.responses = [{ proposalId: 'p9', accept: true }];

  it.each([
    ['preferential.foreignTaxRate', 'preferential-foreignTaxRate'],
    ['preferential.targetSectors', 'preferential-targetSectors'],
    ['preferential.targetSectors.1', 'preferential-targetSectors'],
    ['innovation.centres', 'innovation-centres'],
    ['environment.pollutionFee', 'environment-pollutionFee'],
    ['environment.enforcement', 'environment-enforcement'],
    ['build', 'build-add'],
    ['build.2', 'build-2-kind'],
    ['build.2.kind', 'build-2-kind'],
    ['build.2.sector', 'build-2-sector'],
    ['diplomacy', 'diplomacy-section'],
    ['diplomacy.statement', 'diplomacy-statement'],
    ['diplomacy.proposals', 'proposal-add'],
    ['diplomacy.proposals.1', 'proposal-1-kind'],
    ['diplomacy.proposals.1.to', 'proposal-1-to'],
    ['diplomacy.proposals.1.to.0', 'proposal-1-to'],
    ['diplomacy.proposals.0.sector', 'proposal-0-sector'],
    ['diplomacy.responses.0.proposalId', 'response-p9'],
    ['diplomacy.responses.5.proposalId', 'diplomacy-responses'],
    ['budget', BUDGET_CONTROL],
    ['(plan)', PLAN_CONTROL],
    ['town', PLAN_CONTROL],
  ])('%s → %s', (path, id) => {
    expect(controlIdForPath(path, plan)).toBe(id);
  });

  it('maps the real validator errors of a bad plan to controls and kinds', () => {
    const state = match();
    const bad = defaultPlan() as unknown as Record<string, Record<string, unknown>>;
    bad.preferential.foreignTaxRate = 0.5;
    bad.preferential.foreignTaxHolidayYears = 2.5;
    bad.preferential.targetSectors = ['textiles', 'toys', 'ceramics', 'footwear'];
    bad.environment.pollutionFee = Number.NaN;
    (bad.diplomacy as { statement?: string }).statement = 'x'.repeat(300);
    const result = validatePlan(state, 'foshan', bad);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : errorsByControl(result.errors, defaultPlan());
    expect(errors.map((e) => [e.controlId, e.kind])).toEqual([
      ['preferential-foreignTaxRate', 'tooBig'],
      ['preferential-foreignTaxHolidayYears', 'notInteger'],
      ['preferential-targetSectors', 'tooMany'],
      ['environment-pollutionFee', 'notNumber'],
      ['diplomacy-statement', 'tooLong'],
    ]);
  });

  it('recognises the state rules of the validator', () => {
    const state = match();
    const plan = defaultPlan();
    plan.build = [{ kind: 'market' }, { kind: 'roads' }, { kind: 'roads' }];
    plan.preferential.targetSectors = ['ceramics'];
    plan.preferential.withdrawSectors = ['ceramics'];
    plan.diplomacy.proposals = [{ kind: 'cofundCentre', to: ['atlantis'] }];
    plan.diplomacy.responses = [{ proposalId: 'p1', accept: true }];
    const result = validatePlan(state, 'foshan', plan);
    const errors = result.ok ? [] : errorsByControl(result.errors, plan);
    expect(errors.map((e) => [e.controlId, e.kind])).toEqual([
      ['preferential-targetSectors', 'targetWithdrawn'],
      ['build-0-sector', 'needsSector'],
      ['build-2-kind', 'duplicateOrder'],
      ['proposal-0-to', 'unknownTown'],
      ['proposal-0-sector', 'needsSector'],
      ['response-p1', 'noOpenProposal'],
    ]);
    // The key comes from the validator; the English reason is for logs only.
    expect(errorKind({ path: 'budget', code: 'budget', reason: 'new spending …' })).toBe('budget');
    expect(errorKind({ path: 'build.0.kind', code: 'maxLevel', reason: '' })).toBe('maxLevel');
  });

  it('knows the section of every control', () => {
    expect(sectionOfControl('preferential-landDiscount')).toBe('preferential');
    expect(sectionOfControl('build-3-sector')).toBe('build');
    expect(sectionOfControl('proposal-0-to')).toBe('diplomacy');
    expect(sectionOfControl('response-p4')).toBe('diplomacy');
    expect(sectionOfControl(BUDGET_CONTROL)).toBeNull();
  });
});

describe('numbers as typed', () => {
  it('shows shares as percentages and reads them back', () => {
    const tax = NUMERIC_FIELDS['preferential-foreignTaxRate'];
    expect(toDisplay(tax, 0.33)).toBe(33);
    expect(fromDisplay(tax, '15')).toEqual({ ok: true, value: 0.15 });
    expect(fromDisplay(tax, '7')).toEqual({ ok: true, value: 0.07 });
    expect(fromDisplay(tax, '12,5')).toEqual({ ok: true, value: 0.125 });
    expect(fromDisplay(tax, '')).toEqual({ ok: false, reason: 'notNumber' });
    expect(fromDisplay(tax, 'abc')).toEqual({ ok: false, reason: 'notNumber' });
    const fee = NUMERIC_FIELDS['environment-pollutionFee'];
    expect(toDisplay(fee, 0.45)).toBe(45);
    const money = NUMERIC_FIELDS['preferential-smeCreditGuarantee'];
    expect(fromDisplay(money, '500')).toEqual({ ok: true, value: 500 });
    expect(toDisplay(money, 2.5)).toBe(2.5);
  });
});

describe('budget meter', () => {
  it('shows the same figures the validator enforces', () => {
    const state = match();
    const town = state.towns.find((t) => t.id === 'foshan')!;
    const plan = defaultPlan();
    plan.build = [{ kind: 'wastewater' }];
    plan.innovation.vocationalSchool = true;
    const f = budgetFigures(state, 'foshan', plan);
    const cost = planCost(state, town, plan);
    expect(f.available).toBeCloseTo(availableBudget(state, town), 9);
    expect(f.fresh).toBeCloseTo(cost.total - cost.committed, 9);
    expect(f.room).toBeCloseTo(Math.max(0, f.available - cost.committed), 9);
    expect(f.remaining).toBeCloseTo(f.room - f.fresh, 9);
    expect(f.over).toBe(0);
    expect(f.share).toBeCloseTo(f.fresh / f.room, 9);
    const parts = f.breakdown;
    expect(parts.policies + parts.innovation + parts.environment + parts.construction).toBeCloseTo(
      f.fresh,
      9,
    );
    expect(validatePlan(state, 'foshan', plan).ok).toBe(true);
  });

  it('is over exactly when the validator reports the budget', () => {
    const state = match();
    for (const guarantee of [0, 5, 20, 60, 500]) {
      const plan = defaultPlan();
      plan.preferential.smeCreditGuarantee = guarantee;
      const f = budgetFigures(state, 'foshan', plan);
      const result = validatePlan(state, 'foshan', plan);
      const budgetError = !result.ok && result.errors.some((e) => e.path === 'budget');
      expect(f.over > 0, `guarantee ${guarantee}`).toBe(budgetError);
    }
  });

  it('counts works already under way as committed, not as new spending', () => {
    const { state } = played(2);
    const busy = state.towns.find((t) => t.infra.projects.length > 0)!;
    const f = budgetFigures(state, busy.id, defaultPlan());
    expect(f.committed).toBeGreaterThan(0);
    expect(f.fresh).toBe(0);
  });

  it('does not throw on a half-edited work kind', () => {
    const plan = defaultPlan() as unknown as { build: { kind: string }[] };
    plan.build = [{ kind: 'spaceport' }];
    expect(() => budgetFigures(match(), 'foshan', plan as unknown as TownPlan)).not.toThrow();
  });
});

describe('portfolios', () => {
  it('give each member their own section and the mayor the submit', () => {
    const editable = (p: Parameters<typeof sectionAccess>[0]) =>
      sectionAccess(p)
        .filter((a) => a.editable)
        .map((a) => a.section);
    expect(editable(['investment'])).toEqual(['preferential']);
    expect(editable(['construction'])).toEqual(['build']);
    expect(editable(['science'])).toEqual(['innovation']);
    expect(editable(['environment'])).toEqual(['environment']);
    expect(editable(['mayor'])).toEqual(['diplomacy']);
    expect(editable(['mayor', 'investment'])).toEqual(['preferential', 'diplomacy']);
    expect(editable([])).toEqual([]);
    expect(sectionAccess(['mayor']).map((a) => a.holder)).toEqual([
      'investment',
      'construction',
      'science',
      'environment',
      'mayor',
    ]);
  });

  it('block submit for non-mayors and invalid plans, with the reason', () => {
    expect(submitState(['investment'], 0)).toEqual({ enabled: false, reason: 'notMayor' });
    expect(submitState(['mayor'], 2)).toEqual({ enabled: false, reason: 'invalid' });
    expect(submitState(['mayor', 'science'], 0)).toEqual({ enabled: true });
  });

  it('parse the preview query', () => {
    expect(parsePortfolios('mayor,investment')).toEqual(['mayor', 'investment']);
    expect(parsePortfolios('mayor, nobody')).toEqual(['mayor']);
    expect(parsePortfolios(null)).toHaveLength(5);
  });
});

describe('results model', () => {
  it('colours a change by good or bad news, not by its sign, and marks the direction', () => {
    expect(trendOf('pollution', -3)).toEqual({ trend: 'down', quality: 'good' });
    expect(trendOf('pollution', 2)).toEqual({ trend: 'up', quality: 'bad' });
    expect(trendOf('unemployment', 0.01).quality).toBe('bad');
    expect(trendOf('gdp', -5)).toEqual({ trend: 'down', quality: 'bad' });
    expect(trendOf('firms', 4).quality).toBe('good');
    expect(trendOf('spending', 4).quality).toBe('neutral');
    expect(trendOf('gdp', 0)).toEqual({ trend: 'flat', quality: 'neutral' });
    expect([arrowOf('up'), arrowOf('down'), arrowOf('flat')]).toEqual(['▲ ', '▼ ', '']);
  });

  it('shows unemployment, a share of the labour force, as a percentage (issues 12 and 14)', () => {
    expect(INDICATOR_FORMAT.unemployment).toBe('percent');
    expect(formatIndicator('percent', 0.0734)).toBe('7.3 %');
    expect(formatIndicator('percent', 0.012, true)).toBe('+1.2 pts');
    expect(formatIndicator('percent', -0.004, true)).toBe('−0.4 pts');
  });

  it('lists open proposals addressed to a town', () => {
    const state = match();
    state.proposals = [
      {
        id: 'p1',
        round: 0,
        from: 'shenzhen',
        to: ['foshan'],
        kind: 'riverCleanup',
        sector: null,
        accepted: [],
        declined: [],
        status: 'open',
      },
      {
        id: 'p2',
        round: 0,
        from: 'shenzhen',
        to: ['foshan'],
        kind: 'riverCleanup',
        sector: null,
        accepted: [],
        declined: [],
        status: 'agreed',
      },
    ];
    expect(openProposalsFor(state, 'foshan').map((p) => p.id)).toEqual(['p1']);
    expect(openProposalsFor(state, 'zhuhai')).toEqual([]);
  });

  it('explains the central evaluation with the engine’s own scores', () => {
    const { state, results } = played(3);
    const before = results[1].state;
    for (const town of state.towns) {
      const previous = before.towns.find((t) => t.id === town.id)!.last.gdp;
      const breakdown = evaluationBreakdown(state, town, previous);
      expect(breakdown.total, town.id).toBeCloseTo(town.last.evaluation, 1);
    }
  });

  it('keeps the town’s own explanations and news', () => {
    const { state, results } = played(2);
    const last = results[1];
    const own = townExplanations(last.explanations, 'foshan');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => e.town === 'foshan')).toBe(true);
    expect(own[0].metric).toBe('gdp');
    const news = townNews(last.events, 'foshan');
    for (const e of news) {
      if ('town' in e && e.type !== 'StatementPosted') expect(e.town).toBe('foshan');
    }
    expect(state.round).toBe(2);
  });
});

describeCitations('panel citations', PANEL_CITATIONS);
