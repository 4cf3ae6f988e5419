/**
 * The citation checks the test files share. In every clone a citation must be in the committed
 * fixture (tests/fixtures/citations.json); where the papers are beside the checkout
 * (../shared/seeds) it must also occur in them. Without the papers, the paper checks skip, or
 * fail with one message under CI=true, where the team's reference folder must be present.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationKey, type CitationUse } from './all-citations';
import { citationProblems, loadFixture, readPaper, REGENERATE, SEEDS_DIR } from './fixture';

export const PAPERS_PRESENT = existsSync(SEEDS_DIR);

export const PAPERS_MISSING =
  '../shared/seeds is missing: CI must run with the team’s reference folder beside the checkout ' +
  `(${SEEDS_DIR})`;

/**
 * A test that needs the papers: run where they are present, fail with PAPERS_MISSING under
 * CI=true without them, skip otherwise.
 */
export function paperTest(name: string, check: () => void): void {
  if (PAPERS_PRESENT) it(name, check);
  else if (process.env.CI === 'true') {
    it(name, () => {
      throw new Error(PAPERS_MISSING);
    });
  } else it.skip(name, check);
}

/** The texts of the papers, read once per test file. */
const texts = new Map<string, string>();
export function paperText(id: string): string {
  let text = texts.get(id);
  if (text === undefined) {
    text = readPaper(id).text;
    texts.set(id, text);
  }
  return text;
}

/**
 * Checks a group of citations: one test per citation that it is in the fixture (every clone),
 * and one test that every quote and section label of the group occurs in its paper.
 */
export function describeCitations(title: string, uses: readonly CitationUse[]): void {
  describe(`${title} are in the citation fixture`, () => {
    const fixture = new Set(loadFixture().quotes.map(citationKey));
    it.each(uses.map((u) => [`${u.where} quotes ${u.citation.paper} ${u.citation.section}`, u]))(
      '%s',
      (_, { citation }) => {
        expect(
          fixture.has(citationKey(citation)),
          `not in tests/fixtures/citations.json (run ${REGENERATE} with the papers present): ` +
            JSON.stringify(citation),
        ).toBe(true);
      },
    );
  });

  describe(`${title} point into the papers`, () => {
    paperTest('every quote occurs verbatim and every section label occurs', () => {
      const problems = uses.flatMap(({ where, citation }) =>
        citationProblems(citation, paperText(citation.paper)).map((p) => `${where}: ${p}`),
      );
      expect(problems).toEqual([]);
    });
  });
}
