import { describe, expect, it } from 'vitest';
import { isJoinCode, normaliseJoinCode, normaliseName } from '../../shared/protocol/codes';

describe('join codes and names', () => {
  it('folds look-alike characters of a typed code', () => {
    expect(normaliseJoinCode(' 7kq-2mx ')).toBe('7KQ2MX');
    expect(normaliseJoinCode('oil0')).toBe('0110');
    expect(isJoinCode(normaliseJoinCode('7kq 2mx'))).toBe(true);
    expect(isJoinCode('7KQ2MU')).toBe(false);
  });

  it('makes names that look the same the same name', () => {
    expect(normaliseName('  Ana   Li ')).toBe('Ana Li');
    expect(normaliseName('Ana\u200b')).toBe('Ana');
    expect(normaliseName('\u200eAna\u200d')).toBe('Ana');
    // NFC: a precomposed and a decomposed "é" are one name.
    expect(normaliseName('Ren\u0065\u0301')).toBe(normaliseName('Ren\u00e9'));
    expect(normaliseName('李雷')).toBe('李雷');
  });
});
