/**
 * The citation fixture (tests/fixtures/citations.json) lists exactly the passages the game quotes,
 * in every clone; where the papers are beside the checkout (../shared/seeds) it matches them:
 * same texts (SHA-256), every quote verbatim at its offset, every section label present, and
 * nothing but what `npm run citations:fixture` writes. Without the papers those checks skip,
 * or fail under CI=true.
 */
import { describe, expect, it } from 'vitest';
import { citationKey, compareCitations, uniqueCitations } from './all-citations';
import { paperTest, paperText } from './check';
import {
  buildFixture,
  citationProblems,
  citedPapers,
  loadFixture,
  readPaper,
  REGENERATE,
} from './fixture';

const fixture = loadFixture();
const cited = uniqueCitations();

describe('the citation fixture', () => {
  it('holds every passage the game quotes and nothing else', () => {
    const inFixture = new Set(fixture.quotes.map(citationKey));
    const used = new Set(cited.map(citationKey));
    const missing = cited.filter((c) => !inFixture.has(citationKey(c)));
    const stale = fixture.quotes.filter((q) => !used.has(citationKey(q)));
    expect(missing, `quoted by the game but not in the fixture: run ${REGENERATE}`).toEqual([]);
    expect(stale, `in the fixture but no longer quoted: run ${REGENERATE}`).toEqual([]);
  });

  it('lists each passage once, sorted by paper, section and quote', () => {
    const keys = fixture.quotes.map(citationKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...fixture.quotes].sort(compareCitations)).toEqual(fixture.quotes);
  });

  it('records exactly the papers cited', () => {
    expect(Object.keys(fixture.papers).sort()).toEqual(citedPapers(cited));
    for (const [id, paper] of Object.entries(fixture.papers)) {
      expect(paper.file.startsWith(`${id}_`), paper.file).toBe(true);
      expect(paper.sha256, id).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('shows each quote in its context', () => {
    for (const q of fixture.quotes) {
      expect(q.offset, q.quote).toBeGreaterThanOrEqual(0);
      expect(q.context, q.quote).toContain(`«${q.quote.replace(/\s+/g, ' ')}»`);
    }
  });
});

describe('the citation fixture against the papers', () => {
  paperTest('each paper is the one the fixture was written from (SHA-256)', () => {
    const changed = Object.entries(fixture.papers).flatMap(([id, recorded]) => {
      const { text: _, ...actual } = readPaper(id);
      if (actual.sha256 === recorded.sha256 && actual.file === recorded.file) return [];
      return [
        `paper ${id}: the fixture has ${recorded.file} (${recorded.bytes} bytes, SHA-256 ` +
          `${recorded.sha256}), ../shared/seeds has ${actual.file} (${actual.bytes} bytes, ` +
          `SHA-256 ${actual.sha256})`,
      ];
    });
    expect(
      changed,
      `the papers in ../shared/seeds changed since tests/fixtures/citations.json was written: ` +
        `re-run ${REGENERATE} and check the quotes it reports`,
    ).toEqual([]);
  });

  paperTest('each quote occurs verbatim at its offset, with its section label', () => {
    const problems = fixture.quotes.flatMap((q) => {
      const text = paperText(q.paper);
      const found = text.startsWith(q.quote, q.offset) ? [] : [`not at offset ${q.offset}`];
      return [...citationProblems(q, text), ...found].map((p) => `${q.paper} ${q.section}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  paperTest(`is what ${REGENERATE} writes`, () => {
    const { fixture: expected, problems } = buildFixture();
    expect(problems, 'the game quotes passages the papers do not have').toEqual([]);
    expect(fixture, `tests/fixtures/citations.json is stale: run ${REGENERATE}`).toEqual(expected);
  });
});
