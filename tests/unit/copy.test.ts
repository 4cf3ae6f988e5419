import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clonePlain } from '../../shared/engine/copy';
import { createMatch } from '../../shared/index';

describe('clonePlain', () => {
  it('copies a match state deeply, with the same key order and no shared objects', () => {
    const state = createMatch('open-door-1980', { seed: 5, towns: 6 });
    const copy = clonePlain(state);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(state));
    expect(copy).not.toBe(state);
    expect(copy.towns[0]).not.toBe(state.towns[0]);
    copy.towns[0].industries.ceramics.firms.sme += 100;
    copy.towns[0].infra.markets.push('ceramics');
    expect(JSON.stringify(copy)).not.toBe(JSON.stringify(state));
  });

  it('keeps a "__proto__" key as plain data', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "a": 2}') as Record<string, unknown>;
    const copy = clonePlain(value);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy).toStrictEqual(structuredClone(value));
  });

  it('gives the same data as structuredClone for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(clonePlain(value)).toStrictEqual(structuredClone(value));
      }),
    );
  });
});
