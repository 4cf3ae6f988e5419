/**
 * Deterministic arithmetic helpers.
 *
 * DESIGN §4: results must be bit-identical in Node and every browser. ECMAScript only guarantees
 * exact results for + − × ÷, Math.sqrt, Math.floor/round/abs/min/max and Math.imul; Math.exp,
 * Math.log, Math.pow with fractional exponents and trig are implementation-approximated. Every
 * curve in the simulation is therefore built from rational functions, integer powers and sqrt.
 */

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** x / (x + k): a saturating curve in [0, 1) used for diminishing returns. */
export function saturate(x: number, k: number): number {
  if (x <= 0) return 0;
  return x / (x + k);
}

/** Integer power by repeated squaring (exact sequence of multiplications on every engine). */
export function powInt(base: number, exponent: number): number {
  let e = Math.floor(exponent);
  let result = 1;
  let b = base;
  while (e > 0) {
    if (e & 1) result *= b;
    b *= b;
    e >>= 1;
  }
  return result;
}

/** Positive part. */
export function pos(x: number): number {
  return x > 0 ? x : 0;
}

/** Round to a fixed number of decimals so state stays compact and stable under JSON. */
export function fix(x: number, decimals = 6): number {
  const m = powInt(10, decimals);
  const r = Math.round(x * m) / m;
  return r === 0 ? 0 : r; // normalise −0, which JSON would print as 0 anyway but hashes must agree
}

/** Linear interpolation. */
export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/**
 * Split an integer total across weights by largest remainder (ties to the earlier entry), so
 * explanations add up exactly to the change they explain.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sumW = sum(weights);
  if (total <= 0 || sumW <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sumW);
  const out = exact.map((x) => Math.floor(x));
  let left = total - sum(out);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] += 1;
    left -= 1;
  }
  return out;
}
