/**
 * Every citation in the game's texts (events, scenarios) names a paper that exists and quotes a
 * phrase that occurs in it verbatim. The papers live in the team's reference folder beside the
 * checkout (../shared/seeds); the check is skipped where that folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENTS } from '../../shared/data/events';
import { SCENARIOS } from '../../shared/data/scenarios';
import type { Citation } from '../../shared/data/citation';

const seeds = resolve(process.cwd(), '..', 'shared', 'seeds');
const present = existsSync(seeds);

function paperText(id: string): string {
  const file = readdirSync(seeds).find((f) => f.startsWith(`${id}_`));
  if (!file) throw new Error(`paper ${id} not found in ${seeds}`);
  return readFileSync(join(seeds, file), 'utf8');
}

const citations: { where: string; citation: Citation }[] = [
  ...EVENTS.map((e) => ({ where: `event ${e.id}`, citation: e.citation })),
  ...SCENARIOS.flatMap((s) => s.citations.map((c) => ({ where: `scenario ${s.id}`, citation: c }))),
];

describe.skipIf(!present)('citations point into the papers', () => {
  for (const { where, citation } of citations) {
    it(`${where} quotes ${citation.paper} ${citation.section}`, () => {
      const text = paperText(citation.paper);
      expect(text.includes(citation.quote)).toBe(true);
      // The section label must exist in the paper as a heading, paragraph number or table.
      const label = citation.section.replace(/^[§¶]/, '');
      expect(text.includes(label)).toBe(true);
    });
  }
});
