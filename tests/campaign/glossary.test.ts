/** The glossary (issue 6): every required term, defined in both languages, with a source. */
import { describe, expect, it } from 'vitest';
import { GLOSSARY, REQUIRED_TERMS } from '../../shared/campaign';
import { PAPERS } from '../../shared/data/citation';

describe('glossary', () => {
  it('has every term issue 6 asks for', () => {
    const ids = GLOSSARY.map((g) => g.id);
    for (const id of REQUIRED_TERMS) expect(ids, id).toContain(id);
    for (const term of [
      'SEZ',
      'ETDZ',
      'Specialised town',
      'Embeddedness',
      'Marshallian',
      'Hub-and-spoke',
      'Satellite platform',
      'State-anchored',
      'Race to the bottom',
      'Hukou',
      'One village, one product',
      'Technology innovation centre',
      'Empty box',
      '腾笼换鸟',
    ]) {
      expect(
        GLOSSARY.some((g) => g.term.en.includes(term) || g.term.zh.includes(term)),
        term,
      ).toBe(true);
    }
  });

  it('has unique ids and bilingual terms and definitions', () => {
    expect(new Set(GLOSSARY.map((g) => g.id)).size).toBe(GLOSSARY.length);
    for (const g of GLOSSARY) {
      expect(g.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(g.term.en.trim()).not.toBe('');
      expect(g.term.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(g.definition.en.length).toBeGreaterThan(40);
      expect(g.definition.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(Object.keys(PAPERS)).toContain(g.source.paper);
    }
  });
});
