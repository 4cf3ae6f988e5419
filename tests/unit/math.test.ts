import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, clamp, fix, powInt, saturate } from '../../shared/engine/math';

describe('apportion (largest remainder)', () => {
  it('always sums exactly to the total, with non-negative integer shares', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const shares = apportion(total, weights);
          expect(shares).toHaveLength(weights.length);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((s, i) => {
            expect(Number.isInteger(s) && s >= 0).toBe(true);
            if (weights[i] === 0) expect(s).toBe(0);
            // Never more than one away from the exact proportional share.
            const exact = (total * weights[i]) / weights.reduce((a, b) => a + b, 0);
            expect(Math.abs(s - exact)).toBeLessThan(1 + 1e-9);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splits proportionally and breaks ties in favour of earlier entries', () => {
    expect(apportion(10, [1, 1])).toEqual([5, 5]);
    expect(apportion(1, [1, 1, 1])).toEqual([1, 0, 0]);
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]);
    // exact 3.5, 1.75, 1.75: the two largest remainders (0.75) get the spare units.
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
  });

  it('returns zeros for a non-positive total or all-zero weights', () => {
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
    expect(apportion(-3, [1])).toEqual([0]);
  });
});

describe('powInt', () => {
  it('computes integer powers', () => {
    expect(powInt(2, 10)).toBe(1024);
    expect(powInt(3, 0)).toBe(1);
    expect(powInt(10, 6)).toBe(1e6);
    expect(powInt(-2, 3)).toBe(-8);
  });

  it('floors fractional exponents and treats negative exponents as zero', () => {
    expect(powInt(2, 3.9)).toBe(8);
    expect(powInt(5, -2)).toBe(1);
  });

  it('agrees with repeated multiplication to within rounding', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        (b, e) => {
          let naive = 1;
          for (let i = 0; i < e; i++) naive *= b;
          expect(Math.abs(powInt(b, e) - naive)).toBeLessThanOrEqual(1e-12 * Math.abs(naive));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the national trend 1.06^27 used by a 2007 start', () => {
    expect(powInt(1.06, 27)).toBeCloseTo(4.8223, 3);
  });
});

describe('other helpers', () => {
  it('fix rounds to 6 decimals and normalises −0', () => {
    expect(fix(1.23456789)).toBe(1.234568);
    expect(Object.is(fix(-0.0000001), 0)).toBe(true);
    expect(fix(2.5, 0)).toBe(3);
  });

  it('saturate is 0 at 0, one half at k and below 1', () => {
    expect(saturate(0, 5)).toBe(0);
    expect(saturate(-1, 5)).toBe(0);
    expect(saturate(5, 5)).toBe(0.5);
    expect(saturate(1e9, 5)).toBeLessThan(1);
  });

  it('clamp bounds values', () => {
    expect(clamp(5, 0, 1)).toBe(1);
    expect(clamp(-5, 0, 1)).toBe(0);
    expect(clamp(0.3, 0, 1)).toBe(0.3);
  });
});
