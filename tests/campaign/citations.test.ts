/**
 * Every citation of the campaign (briefing facts, history, advisor hints, glossary sources)
 * names a paper that exists and quotes a phrase that occurs in it verbatim, as
 * tests/facts/citations.test.ts checks for events and scenarios (the campaign's two new
 * scenarios included): against the committed fixture in every clone, against ../shared/seeds
 * where present. Section labels are matched after Unicode normalisation, since paper 002 numbers
 * its sections with full-width dots ("2．2．2").
 */
import { describe, expect, it } from 'vitest';
import { CAMPAIGN } from '../../shared/campaign';
import { findScenario } from '../../shared/data/scenarios';
import { CAMPAIGN_CITATIONS } from '../citations/all-citations';
import { describeCitations } from '../citations/check';

describe('campaign citations', () => {
  it('cover every entry, the advisor, the glossary and both new scenarios', () => {
    for (const e of CAMPAIGN) {
      expect(e.facts.length, e.id).toBeGreaterThan(0);
      expect(e.history.length, e.id).toBeGreaterThan(0);
    }
    expect(CAMPAIGN_CITATIONS.some((u) => u.where.startsWith('advisor '))).toBe(true);
    expect(CAMPAIGN_CITATIONS.some((u) => u.where.startsWith('glossary '))).toBe(true);
    expect(findScenario('imbedding-clusters')?.citations.length).toBeGreaterThan(0);
    expect(findScenario('go-west')?.citations.length).toBeGreaterThan(0);
  });
});

describeCitations('campaign citations', CAMPAIGN_CITATIONS);
