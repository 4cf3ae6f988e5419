import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../shared/data/sectors';
import { createMatch } from '../../shared/engine/match';
import { freeLand, freeLandShare, landInUse, settleLand } from '../../shared/engine/land';
import { bareContext, step, town } from './helpers';

/** Land price a town settles at (two-year step: prices reach their target) at a given fill. */
function settledPrice(targetFill: number): { price: number; national: number; fill: number } {
  const state = createMatch('foshan-2007', { seed: 1 });
  const f = town(state, 'foshan');
  const landArea = landInUse(f) / targetFill;
  f.landArea = landArea;
  const ctx = bareContext(state, 2);
  settleLand(ctx, f);
  return { price: f.landPrice, national: state.national, fill: f.landUsed / landArea };
}

describe('land', () => {
  it('land in use follows workers times land per worker', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    const f = town(state, 'foshan');
    const ceramics = f.industries.ceramics;
    const expected =
      (ceramics.firms.sme * ceramics.firmSize.sme * SECTORS.ceramics.landPerWorker) / 1e6;
    expect(landInUse(f)).toBeGreaterThanOrEqual(expected);
    expect(f.landUsed).toBeCloseTo(landInUse(f), 5);
  });

  it('the land price rises as the land fills', () => {
    const fills = [0.02, 0.2, 0.4, 0.6, 0.8, 0.95];
    const settled = fills.map(settledPrice);
    for (let i = 1; i < settled.length; i++) {
      expect(settled[i].fill).toBeGreaterThan(settled[i - 1].fill);
      expect(settled[i].price).toBeGreaterThan(settled[i - 1].price);
    }
    // Plentiful land costs about the national trend; nearly full land costs several times more.
    expect(settled[0].price / settled[0].national).toBeLessThan(1.05);
    expect(settled[settled.length - 1].price / settled[0].price).toBeGreaterThan(3);
  });

  it('records land newly leased and never leases a negative area', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    const f = town(state, 'foshan');
    const ctx = bareContext(state);
    f.industries.furniture.firms.sme += 100;
    const usedBefore = f.landUsed;
    settleLand(ctx, f);
    const data = ctx.towns.get('foshan')!;
    expect(data.landSold).toBeCloseTo(f.landUsed - usedBefore, 9);
    expect(data.landSold).toBeGreaterThan(0);
    f.industries.furniture.firms.sme -= 150;
    settleLand(ctx, f);
    expect(ctx.towns.get('foshan')!.landSold).toBe(0);
  });

  it('free land and its share stay within bounds even when land is over-used', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    const f = town(state, 'foshan');
    f.landUsed = f.landArea + 5;
    expect(freeLand(f)).toBe(0);
    expect(freeLandShare(f)).toBe(0);
    f.landArea = 0;
    expect(freeLandShare(f)).toBe(0);
  });

  it('through a round, a town with less land ends with dearer land', () => {
    const state = createMatch('foshan-2007', { seed: 4 });
    const tight = structuredClone(state);
    town(tight, 'foshan').landArea = town(tight, 'foshan').landUsed * 1.03;
    const a = step(state).state;
    const b = step(tight).state;
    expect(town(b, 'foshan').landPrice).toBeGreaterThan(town(a, 'foshan').landPrice);
  });
});
