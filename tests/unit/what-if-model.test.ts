/**
 * The viewer's what-if model (client/replay/what-if-model.ts): the compact form read from and
 * written into a plan, refused plans (over budget, out of range) with a clear message and no run,
 * both paths of a figure for the chart, and the divergence sentence in English and Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRATEGY_IDS, replaySteps, type MatchLog, type MatchState } from '../../shared/index';
import { playMatch } from '../../scripts/common';
import { setLanguage } from '../../client/i18n';
import {
  applyEdit,
  divergenceSentence,
  editOf,
  pathSeries,
  runWhatIf,
  type Comparison,
} from '../../client/replay/what-if-model';

let log: MatchLog;
let states: MatchState[];
let crackdown: Comparison;

beforeAll(() => {
  log = playMatch({
    scenarioId: 'foshan-2007',
    seed: 3,
    rounds: 4,
    towns: 5,
    strategies: [...STRATEGY_IDS],
  }).log;
  states = [...replaySteps(log)].map((s) => s.state);
  const plan = log.rounds[1].plans.foshan;
  const edit = { ...editOf(plan), enforcement: 'strict' as const, target: '' as const };
  const outcome = runWhatIf(log, states[1], {
    round: 2,
    townId: 'foshan',
    plan: applyEdit(plan, { ...edit, withdraw: 'ceramics' }),
    others: 'logged',
  });
  if (!outcome.ok) throw new Error(outcome.messages.join('; '));
  crackdown = outcome.value;
});

afterAll(() => setLanguage('en'));

describe('the what-if form', () => {
  it('reads a plan and writes back only what changed', () => {
    const plan = structuredClone(log.rounds[0].plans.foshan);
    plan.preferential.targetSectors = ['ceramics', 'textiles'];
    expect(applyEdit(plan, editOf(plan))).toEqual(plan);
    const changed = applyEdit(plan, {
      ...editOf(plan),
      landDiscount: 0.2,
      build: 'market',
      buildSector: 'ceramics',
      centre: 'electronics',
      enforcement: 'strict',
    });
    expect(changed.preferential.targetSectors).toEqual(['ceramics', 'textiles']);
    expect(changed.preferential.landDiscount).toBe(0.2);
    expect(changed.build).toEqual([{ kind: 'market', sector: 'ceramics' }]);
    expect(changed.innovation.centres).toEqual(['electronics']);
    expect(changed.environment.enforcement).toBe('strict');
  });

  it('refuses an over-budget or out-of-range plan with a clear message, and runs nothing', () => {
    const plan = structuredClone(log.rounds[0].plans.foshan);
    plan.preferential.smeCreditGuarantee = 500;
    plan.preferential.talentHukou = 500;
    plan.environment.greenSubsidy = 500;
    plan.innovation.innovationVouchers = 500;
    const over = runWhatIf(log, states[0], { round: 1, townId: 'foshan', plan, others: 'logged' });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.messages.join(' ')).toMatch(/Over budget/);
    const high = applyEdit(plan, { ...editOf(log.rounds[0].plans.foshan), foreignTaxRate: 0.5 });
    const bad = runWhatIf(log, states[0], {
      round: 1,
      townId: 'foshan',
      plan: high,
      others: 'logged',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.messages.join(' ')).toMatch(/preferential.foreignTaxRate: too large/);
    setLanguage('zh');
    const zh = runWhatIf(log, states[0], { round: 1, townId: 'foshan', plan, others: 'logged' });
    expect(zh.ok).toBe(false);
    if (!zh.ok) expect(zh.messages.join(' ')).toMatch(/超出预算/);
    setLanguage('en');
  });
});

describe('the what-if result', () => {
  it('charts both paths of one figure from the changed round on', () => {
    const s = pathSeries(crackdown.rows, 'foshan', 'firms');
    expect(s.rounds).toEqual([2, 3, 4]);
    expect(s.whatIf.at(-1)).toBeLessThan(s.history.at(-1)!);
    expect(crackdown.csv.split('\n').length).toBe(1 + 3 * 5 * 11 + 1);
  });

  it('says what diverged and why, in English and in Chinese', () => {
    const firms = crackdown.diverged.find((d) => d.townId === 'foshan' && d.indicator === 'firms')!;
    const last = states[states.length - 1];
    setLanguage('en');
    expect(divergenceSentence(firms, last)).toMatch(
      /^Foshan: Firms −\d+ against history: Strict enforcement −\d+/,
    );
    setLanguage('zh');
    expect(divergenceSentence(firms, last)).toMatch(/^佛山：企业数比实际 −\d+：严格执法 −\d+/);
  });
});
