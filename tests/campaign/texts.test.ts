/**
 * The campaign's texts (issue 6 "Both languages"): every Text in the entries, the glossary and
 * the outcome reasons has a non-empty English and Simplified Chinese version, and the entries
 * form a playable campaign in order with the tutorial first.
 */
import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN,
  GLOSSARY,
  evaluateOutcome,
  scriptedLose,
  scriptedWin,
  type Text,
} from '../../shared/campaign';
import { playEntry } from './harness';

/** Every {en, zh} object found anywhere inside a value. */
function textsIn(value: unknown, path = ''): { path: string; text: Text }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => textsIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.en === 'string' && typeof record.zh === 'string') {
      return [{ path, text: record as unknown as Text }];
    }
    return Object.entries(record).flatMap(([k, v]) => textsIn(v, `${path}.${k}`));
  }
  return [];
}

function expectBilingual(items: { path: string; text: Text }[]): void {
  expect(items.length).toBeGreaterThan(0);
  for (const { path, text } of items) {
    expect(Object.keys(text).sort(), path).toEqual(['en', 'zh']);
    expect(text.en.trim(), path).not.toBe('');
    expect(text.zh.trim(), path).not.toBe('');
    expect(text.zh, path).toMatch(/[\u4e00-\u9fff]/);
  }
}

describe('campaign texts', () => {
  it('the entries are in order, with unique ids, and the tutorial first', () => {
    expect(CAMPAIGN.length).toBeGreaterThanOrEqual(6);
    expect(CAMPAIGN.map((e) => e.order)).toEqual(CAMPAIGN.map((_e, i) => i + 1));
    expect(new Set(CAMPAIGN.map((e) => e.id)).size).toBe(CAMPAIGN.length);
    expect(CAMPAIGN.map((e) => e.id).slice(0, 6)).toEqual([
      'open-door',
      'block-economy',
      'imbedding-clusters',
      'foshan-crossroads',
      'export-crash',
      'go-west',
    ]);
    expect(CAMPAIGN[0].tutorial).toBe(true);
    expect(CAMPAIGN.slice(1).every((e) => !e.tutorial)).toBe(true);
  });

  for (const entry of CAMPAIGN) {
    it(`${entry.id}: every text in both languages`, () => {
      const items = textsIn(entry);
      expectBilingual(items);
      expect(entry.facts.length).toBeGreaterThanOrEqual(3);
      expect(entry.objectives.length).toBeGreaterThanOrEqual(2);
      expect(entry.history.length).toBeGreaterThanOrEqual(3);
    });

    it(`${entry.id}: outcome reasons in both languages`, () => {
      for (const plan of [scriptedWin(entry), scriptedLose(entry)]) {
        const { states } = playEntry(entry, plan, { seed: 7, strategy: 'balanced' });
        expectBilingual(textsIn(evaluateOutcome(entry, states, entry.playerTown).reasons));
        expectBilingual(
          textsIn(evaluateOutcome(entry, states.slice(0, 2), entry.playerTown).reasons),
        );
      }
    });
  }

  it('the glossary in both languages', () => {
    expectBilingual(textsIn(GLOSSARY));
  });
});
