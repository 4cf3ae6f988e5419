/**
 * Every citation of the campaign (briefing facts, history, advisor hints, glossary sources) and
 * of the campaign's two new scenarios names a paper that exists and quotes a phrase that occurs
 * in it verbatim, as tests/facts/citations.test.ts checks for events and scenarios. Section
 * labels are matched after Unicode normalisation, since paper 002 numbers its sections with
 * full-width dots ("2．2．2"). Skipped where ../shared/seeds is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVISOR_CITATIONS, CAMPAIGN, GLOSSARY } from '../../shared/campaign';
import type { Citation } from '../../shared/data/citation';
import { findScenario } from '../../shared/data/scenarios';

const seeds = resolve(process.cwd(), '..', 'shared', 'seeds');
const present = existsSync(seeds);

function paperText(id: string): string {
  const file = readdirSync(seeds).find((f) => f.startsWith(`${id}_`));
  if (!file) throw new Error(`paper ${id} not found in ${seeds}`);
  return readFileSync(join(seeds, file), 'utf8');
}

/** Full-width digits and dots become ASCII; runs of dots ("2．．．．1") collapse to one. */
const normalised = (s: string): string => s.normalize('NFKC').replace(/\.{2,}/g, '.');

const citations: { where: string; citation: Citation }[] = [
  ...CAMPAIGN.flatMap((e) => [
    ...e.facts.map((f, i) => ({ where: `${e.id} fact ${i + 1}`, citation: f.citation })),
    ...e.history.map((f, i) => ({ where: `${e.id} history ${i + 1}`, citation: f.citation })),
  ]),
  ...ADVISOR_CITATIONS.map((c, i) => ({ where: `advisor ${i + 1}`, citation: c })),
  ...GLOSSARY.map((g) => ({ where: `glossary ${g.id}`, citation: g.source })),
  ...['imbedding-clusters', 'go-west'].flatMap((id) =>
    (findScenario(id)?.citations ?? []).map((c) => ({ where: `scenario ${id}`, citation: c })),
  ),
];

describe('campaign citations', () => {
  it('cover every entry, the advisor, the glossary and both new scenarios', () => {
    for (const e of CAMPAIGN) {
      expect(e.facts.length, e.id).toBeGreaterThan(0);
      expect(e.history.length, e.id).toBeGreaterThan(0);
    }
    expect(findScenario('imbedding-clusters')?.citations.length).toBeGreaterThan(0);
    expect(findScenario('go-west')?.citations.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!present)('campaign citations point into the papers', () => {
  for (const { where, citation } of citations) {
    it(`${where} quotes ${citation.paper} ${citation.section}`, () => {
      const text = paperText(citation.paper);
      expect(text.includes(citation.quote), citation.quote).toBe(true);
      const label = citation.section.replace(/^[§¶]/, '');
      expect(normalised(text).includes(label), label).toBe(true);
    });
  }
});
