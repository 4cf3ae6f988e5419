import { describe, expect, it } from 'vitest';
import { createMatch } from '../../shared/engine/match';
import { QUALITY, updateReputation } from '../../shared/engine/quality';
import type { MatchState } from '../../shared/engine/types';
import { advance, bareContext, planWith, town } from './helpers';

/** Wenzhou footwear reputation after one round with `entrants` new SMEs. */
function reputationAfter(entrants: number, standards: boolean, start = 0.6): number {
  const state: MatchState = createMatch('block-economy-zhejiang', { seed: 1 });
  const w = town(state, 'wenzhou');
  w.industries.footwear.reputation = start;
  w.industries.footwear.firms.sme += entrants;
  w.plan.innovation.qualityStandards = standards ? ['footwear'] : [];
  const ctx = bareContext(state);
  ctx.towns.get('wenzhou')!.smeEntrants.footwear = entrants;
  updateReputation(ctx, w);
  return w.industries.footwear.reputation;
}

describe('quality reputation (race to the bottom)', () => {
  it('a flood of entrants without standards erodes reputation', () => {
    expect(reputationAfter(200, false)).toBeLessThan(0.6);
    expect(reputationAfter(400, false)).toBeLessThan(reputationAfter(200, false));
  });

  it('without entrants reputation recovers slowly towards the ceiling', () => {
    const after = reputationAfter(0, false);
    expect(after).toBeGreaterThan(0.6);
    expect(after).toBeLessThan(0.65);
    expect(reputationAfter(0, false, QUALITY.ceiling)).toBe(QUALITY.ceiling);
  });

  it('quality standards protect reputation from the same flood', () => {
    expect(reputationAfter(200, true)).toBeGreaterThan(reputationAfter(200, false));
    expect(reputationAfter(200, true)).toBeGreaterThan(0.6);
  });

  it('reputation never leaves [0.05, ceiling]', () => {
    expect(reputationAfter(1e6, false, 0.06)).toBeGreaterThanOrEqual(0.05);
    expect(reputationAfter(0, true, 0.95)).toBeLessThanOrEqual(QUALITY.ceiling);
  });

  it('over rounds, standards keep Wenzhou footwear reputation above a town without them', () => {
    const state = createMatch('block-economy-zhejiang', { seed: 5 });
    const without = advance(state, 5, () => ({ wenzhou: planWith(() => {}) }));
    const withStd = advance(state, 5, () => ({
      wenzhou: planWith((p) => (p.innovation.qualityStandards = ['footwear'])),
    }));
    expect(town(withStd, 'wenzhou').industries.footwear.reputation).toBeGreaterThan(
      town(without, 'wenzhou').industries.footwear.reputation,
    );
  });
});
