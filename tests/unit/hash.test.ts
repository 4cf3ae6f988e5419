import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fnv1a64, hashState } from '../../shared/engine/hash';
import { createMatch } from '../../shared/engine/match';

/** Reference FNV-1a 64 over UTF-16 code units, with BigInt arithmetic. */
function referenceFnv(text: string): string {
  const mask = (1n << 64n) - 1n;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & mask;
  }
  return h.toString(16).padStart(16, '0');
}

/** Rebuild an object with its keys in reverse order, recursively. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    // fromEntries defines own properties, so a "__proto__" key stays a key (plain assignment
    // would set the prototype instead).
    return Object.fromEntries(
      Object.keys(value)
        .reverse()
        .map((k) => [k, reverseKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, 2] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('keeps array order significant', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('drops undefined properties like JSON.stringify', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(
      canonicalJson(JSON.parse(JSON.stringify({ a: 1, b: undefined }))),
    );
  });

  it('rejects non-finite numbers instead of hashing them as null', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson([Infinity])).toThrow(/non-finite/);
  });

  it('is key-order independent for arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(reverseKeys(v))).toBe(canonicalJson(v));
      }),
      { numRuns: 200 },
    );
  });

  it('gives a whole match state the same hash whatever its key order', () => {
    const state = createMatch('foshan-2007', { seed: 11 });
    expect(hashState(reverseKeys(state))).toBe(hashState(state));
    expect(hashState(JSON.parse(JSON.stringify(state)))).toBe(hashState(state));
  });
});

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('returns 16 lower-case hex digits', () => {
    expect(fnv1a64('Cluster Towns')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('agrees with a BigInt reference on arbitrary strings (UTF-16 code units)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => {
        expect(fnv1a64(s)).toBe(referenceFnv(s));
      }),
      { numRuns: 300 },
    );
  });

  it('hashState changes when one number in the state changes', () => {
    const state = createMatch('open-door-1980', { seed: 1 });
    const other = structuredClone(state);
    other.towns[0].cash += 0.000001;
    expect(hashState(other)).not.toBe(hashState(state));
  });
});
