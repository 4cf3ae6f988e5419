import { describe, expect, it } from 'vitest';
import { industrialEmployment } from '../../shared/engine/industry';
import {
  jobs,
  labourSupply,
  LABOUR,
  localLabourCap,
  settleLabour,
} from '../../shared/engine/labour';
import { createMatch } from '../../shared/engine/match';
import type { MatchState } from '../../shared/engine/types';
import { bareContext, emptyTown, step, town } from './helpers';

/** Block-economy state in which Datang has `smes` textile SMEs, no migrants and the national wage. */
function datangWith(smes: number): MatchState {
  const state = createMatch('block-economy-zhejiang', { seed: 1 });
  const d = town(state, 'datang');
  emptyTown(d);
  d.industries.textiles.firms.sme = smes;
  d.migrants = 0;
  d.wage = state.national;
  d.workforce = Math.min(localLabourCap(state, d), jobs(d));
  return state;
}

describe('labour', () => {
  it('jobs count industrial workers plus services', () => {
    const state = datangWith(100);
    const d = town(state, 'datang');
    expect(jobs(d)).toBeCloseTo(industrialEmployment(d) * 1.25 + 0.05 * (d.locals + d.migrants), 9);
  });

  it('jobs beyond the local workforce draw migrants', () => {
    const state = datangWith(3000);
    const d = town(state, 'datang');
    expect(jobs(d)).toBeGreaterThan(localLabourCap(state, d));
    settleLabour(bareContext(state), d);
    expect(d.migrants).toBeGreaterThan(0);
    expect(d.workforce).toBeLessThanOrEqual(localLabourCap(state, d) + 1e-9);
  });

  it('hardly any migrants come while locals can fill the jobs', () => {
    const state = datangWith(20);
    const d = town(state, 'datang');
    expect(jobs(d)).toBeLessThan(localLabourCap(state, d));
    settleLabour(bareContext(state), d);
    // Only the lag of locals taking up the few new service jobs is filled by migrants.
    expect(d.migrants).toBeLessThan(0.01 * jobs(d));
  });

  it('wages rise under a tight labour market and fall (to the floor at most) in a slack one', () => {
    const tight = datangWith(3000);
    const slack = datangWith(5);
    settleLabour(bareContext(tight), town(tight, 'datang'));
    settleLabour(bareContext(slack), town(slack, 'datang'));
    const tightWage = town(tight, 'datang').wage / tight.national;
    const slackWage = town(slack, 'datang').wage / slack.national;
    expect(tightWage).toBeGreaterThan(1);
    expect(slackWage).toBeLessThan(1);
    expect(slackWage).toBeGreaterThanOrEqual(LABOUR.wageFloor);
  });

  it('unemployment is a share between 0 and 1', () => {
    for (const smes of [0, 5, 300, 3000]) {
      const state = datangWith(smes);
      const ctx = bareContext(state);
      settleLabour(ctx, town(state, 'datang'));
      const u = ctx.towns.get('datang')!.unemployment;
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThanOrEqual(1);
    }
  });

  it('talent and hukou incentives turn migrants into locals', () => {
    const state = datangWith(3000);
    const d = town(state, 'datang');
    d.migrants = 50000;
    d.plan.preferential.talentHukou = 10;
    const before = { locals: d.locals, migrants: d.migrants };
    settleLabour(bareContext(state), d);
    // 8,000 converted plus 1 % natural growth of locals.
    expect(d.locals).toBeGreaterThan(before.locals * 1.01 + 7999);
    expect(labourSupply(d)).toBeGreaterThan(0);
  });

  it('through a round, a jobs boom brings migrants and raises the wage relative to the trend', () => {
    const boom = datangWith(3000);
    const quiet = datangWith(150);
    const a = step(boom).state;
    const b = step(quiet).state;
    expect(town(a, 'datang').migrants).toBeGreaterThan(town(b, 'datang').migrants);
    expect(town(a, 'datang').wage).toBeGreaterThan(town(b, 'datang').wage);
  });
});
