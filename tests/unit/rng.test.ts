import { describe, expect, it } from 'vitest';
import { nextFloat, nextUint32, roundCount, seedRng } from '../../shared/engine/rng';

function draws(seed: number, n: number): number[] {
  const rng = seedRng(seed);
  return Array.from({ length: n }, () => nextUint32(rng));
}

describe('rng (sfc32 seeded by splitmix32)', () => {
  it('reproduces the same sequence from the same seed', () => {
    expect(draws(42, 200)).toEqual(draws(42, 200));
    expect(seedRng(7)).toEqual(seedRng(7));
  });

  it('gives different sequences for different seeds, including neighbouring ones', () => {
    expect(draws(1, 20)).not.toEqual(draws(2, 20));
    expect(draws(0, 20)).not.toEqual(draws(0xffffffff, 20));
  });

  it('keeps its state as four uint32 words and produces uint32 values', () => {
    const rng = seedRng(123);
    for (let i = 0; i < 1000; i++) {
      const v = nextUint32(rng);
      expect(Number.isInteger(v) && v >= 0 && v <= 0xffffffff).toBe(true);
    }
    expect(rng).toHaveLength(4);
    for (const word of rng)
      expect(Number.isInteger(word) && word >= 0 && word <= 0xffffffff).toBe(true);
  });

  it('advances the state array in place', () => {
    const rng = seedRng(99);
    const same = rng;
    const before = [...rng];
    nextUint32(rng);
    expect(rng).toBe(same);
    expect([...rng]).not.toEqual(before);
    // A copy taken before a draw replays that draw.
    const copy = [...rng] as typeof rng;
    expect(nextUint32(copy)).toBe(nextUint32(rng));
    expect(copy).toEqual(rng);
  });

  it('nextFloat stays in [0, 1) with a mean near 1/2', () => {
    const rng = seedRng(5);
    let sum = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const x = nextFloat(rng);
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
  });

  it('roundCount returns floor or ceil of the expectation and is unbiased over many draws', () => {
    const rng = seedRng(2024);
    for (const expected of [0.1, 0.5, 2.3, 7.85, 40.02]) {
      const n = 20000;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const k = roundCount(rng, expected);
        expect(k === Math.floor(expected) || k === Math.ceil(expected)).toBe(true);
        sum += k;
      }
      // Bernoulli(frac) per draw: the standard error of the mean is at most 0.5 / sqrt(n) ≈ 0.0035.
      expect(Math.abs(sum / n - expected)).toBeLessThan(0.02);
    }
  });

  it('roundCount returns 0 without drawing for non-positive or NaN expectations', () => {
    const rng = seedRng(8);
    const before = [...rng];
    expect(roundCount(rng, 0)).toBe(0);
    expect(roundCount(rng, -3.5)).toBe(0);
    expect(roundCount(rng, Number.NaN)).toBe(0);
    expect([...rng]).toEqual(before);
  });

  it('roundCount of a whole number is that number', () => {
    const rng = seedRng(3);
    for (let i = 0; i < 100; i++) expect(roundCount(rng, 4)).toBe(4);
  });
});
