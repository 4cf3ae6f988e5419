/**
 * The research export (shared/research/export.ts) on a scripted class: five towns of foshan-2007,
 * one played by a consenting student alone (foshan), one by a student who declined (qingyuan), a
 * team of one yes and one no (shunde), one by a student who never answered (zhaoqing) and a
 * computer town (jiangmen). Checks the consent rules, deterministic pseudonyms, CSV escaping and
 * that no name or id of the class reaches any exported byte.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classLog, NAMES, predictions, research, roster } from './research-fixture';
import { consentCounts } from '../../shared/research/consent';
import {
  EXPORT_FILES,
  ResearchExportError,
  combineExports,
  flattenPlan,
  pseudonym,
  researchExport,
  safeText,
  type ExportInput,
} from '../../shared/research/export';

const hmac = (key: string, message: string) =>
  createHmac('sha256', key).update(message).digest('hex');

const log = classLog();
const input = (over: Partial<ExportInput> = {}): ExportInput => ({
  matchKey: 'match-id-1',
  log,
  research,
  predictions,
  roster,
  salt: 'a1b2c3',
  hmac,
  ...over,
});
const files = (over: Partial<ExportInput> = {}) =>
  Object.fromEntries(researchExport(input(over)).map((f) => [f.name, f.text]));
const rows = (text: string) => text.trim().split('\n').slice(1);
const t = (id: string, salt = 'a1b2c3') => pseudonym(hmac, salt, 't', id);

describe('research export', () => {
  it('writes every documented file', () => {
    expect(Object.keys(files())).toEqual([...EXPORT_FILES]);
  });

  it('keeps consenting students, teams with a yes and computer towns; drops the rest', () => {
    const out = files();
    const towns = new Set(rows(out['rounds.csv']!).map((l) => l.split(',')[3]));
    expect(towns).toEqual(new Set([t('foshan'), t('shunde'), t('jiangmen')]));
    const decided = new Set(rows(out['decisions.csv']!).map((l) => l.split(',')[3]));
    expect(decided).toEqual(towns);
    const timed = new Set(rows(out['timings.csv']!).map((l) => l.split(',')[2]));
    expect(timed).toEqual(new Set([t('foshan'), t('shunde')]));
    // Reasons need every member's yes: Shunde's team line is out, Foshan's in (3 rounds).
    expect(out['reasons.csv']).not.toContain('SUM');
    expect(out['reasons.csv']).not.toContain('cheap land');
    expect(rows(out['reasons.csv']!.replace(/\n(?!m_)/g, ' '))).toHaveLength(3);
    // Only Ana's answers: not the decliner's, not an unknown browser's.
    const answers = rows(out['predictions.csv']!);
    expect(answers).toHaveLength(2);
    expect(answers.every((l) => l.includes(pseudonym(hmac, 'a1b2c3', 's', 'p-ana')))).toBe(true);
    expect(answers[0]!.endsWith(',1')).toBe(true);
    expect(answers[1]!.endsWith(',')).toBe(true);
  });

  it('without a roster (a downloaded log) a town with human plans and no answer is out', () => {
    const out = files({ roster: undefined });
    const towns = new Set(rows(out['rounds.csv']!).map((l) => l.split(',')[3]));
    // Shunde: only Cy and Di answered, one yes: the team is in; Zhaoqing never answered: out.
    expect(towns).toEqual(new Set([t('foshan'), t('shunde'), t('jiangmen')]));
  });

  it('gives the same pseudonyms for the same salt and others for another salt', () => {
    expect(files()).toEqual(files());
    const other = files({ salt: 'ffff' });
    expect(other['rounds.csv']).not.toEqual(files()['rounds.csv']);
    expect(other['rounds.csv']).toContain(t('foshan', 'ffff'));
    expect(t('foshan')).toMatch(/^t_[0-9a-f]{16}$/);
  });

  it('quotes CSV fields and defuses formulas', () => {
    const out = files();
    expect(out['reasons.csv']).toContain('"clean river, ""then"" jobs,\nslowly"');
    expect(out['predictions.csv']).toContain(`"'+ opinion, ""quoted"""`);
    expect(safeText('=1+1')).toBe("'=1+1");
    expect(safeText('-3')).toBe("'-3");
    expect(safeText('ok')).toBe('ok');
  });

  it('never writes a name, a player id, a town id or the salt', () => {
    const all = researchExport(input())
      .map((f) => f.text)
      .join('\n');
    for (const secret of [
      ...Object.values(NAMES),
      'Ana',
      'p-ana',
      'p-cy',
      'browser-xyz',
      'match-id-1',
      'a1b2c3',
      ',foshan,',
      ',shunde,',
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(files()['decisions.csv']).not.toContain('statement');
  });

  it('writes proposal recipients as town pseudonyms', () => {
    const proposing = classLog((plans) => {
      plans.foshan!.diplomacy.proposals = [{ kind: 'riverCleanup', to: ['shunde', 'jiangmen'] }];
    });
    const out = files({ log: proposing })['decisions.csv']!;
    expect(out).toContain(`diplomacy.proposals.0.to,${t('shunde')};${t('jiangmen')}`);
    expect(out).not.toMatch(/shunde|jiangmen/);
  });

  it('refuses a match without research mode', () => {
    expect(() => researchExport(input({ research: null }))).toThrow(ResearchExportError);
    expect(() => researchExport(input({ salt: '' }))).toThrow(ResearchExportError);
  });

  it('flattens plans to sorted dotted paths', () => {
    expect(flattenPlan({ b: [1, 2], a: { c: true, d: [{ e: 'x' }] } })).toEqual([
      ['a.c', 1],
      ['a.d.0.e', 'x'],
      ['b', '1;2'],
    ]);
  });

  it('combines matches with one header per file, quoted line breaks intact', () => {
    const one = researchExport(input());
    const two = researchExport(input({ matchKey: 'match-id-2' }));
    const both = Object.fromEntries(combineExports([one, two]).map((f) => [f.name, f.text]));
    const single = files()['reasons.csv']!;
    const body = single.slice(single.indexOf('\n') + 1);
    expect(both['reasons.csv']).toBe(
      single +
        body.replaceAll(
          pseudonym(hmac, 'a1b2c3', 'm', 'match-id-1'),
          pseudonym(hmac, 'a1b2c3', 'm', 'match-id-2'),
        ),
    );
  });

  it('counts consent for the instructor', () => {
    expect(consentCounts(research, roster)).toEqual({ consented: 2, declined: 2, unanswered: 1 });
  });
});
