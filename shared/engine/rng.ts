/**
 * Seeded PRNG (sfc32) whose whole state is four uint32 words kept inside the match state, so a
 * saved state plus the remaining inputs replays exactly (STYLE.md point 3). Only Math.imul and
 * 32-bit integer operations are used, which every JavaScript engine computes identically.
 */

export type RngState = [number, number, number, number];

/** Derive a starting state from a numeric seed with splitmix32, then warm the generator up. */
export function seedRng(seed: number): RngState {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state: RngState = [next(), next(), next(), next()];
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** Advance the state in place and return a uint32. */
export function nextUint32(state: RngState): number {
  let [a, b, c, d] = state;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  state[0] = a >>> 0;
  state[1] = b >>> 0;
  state[2] = c;
  state[3] = d;
  return t;
}

/** Uniform float in [0, 1) with 32 bits of resolution. */
export function nextFloat(state: RngState): number {
  return nextUint32(state) / 4294967296;
}

/**
 * Stochastic rounding: an expected count of 2.3 firms becomes 2 or 3 with the right odds, so
 * small towns still see the occasional entrant while totals stay unbiased.
 */
export function roundCount(state: RngState, expected: number): number {
  if (!(expected > 0)) return 0;
  const whole = Math.floor(expected);
  return whole + (nextFloat(state) < expected - whole ? 1 : 0);
}
