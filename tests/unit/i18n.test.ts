/**
 * Translations are complete in both languages: every key of every area file (panel, results,
 * scene, …) exists in English and Chinese with the same interpolation variables and no empty
 * value, and every domain value the engine can produce — causes, sectors, events, infrastructure,
 * portfolios, enforcement levels, cluster types, life stages — has a name in both.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENTS, SCENARIOS, SECTOR_IDS, FIRM_KINDS } from '../../shared';
import { PORTFOLIOS } from '../../shared/protocol/roles';
import {
  currentLanguage,
  formatMoney,
  formatPercent,
  hasTranslation,
  localeResources,
  onLanguageChange,
  setLanguage,
  t,
  type Language,
} from '../../client/i18n';
import { HINT_CITATIONS } from '../../client/panel/citations';
import {
  CAUSE_CODES,
  CLUSTER_TYPES,
  ENFORCEMENTS,
  INDICATOR_KEYS,
  INFRA_KINDS,
  LIFE_STAGES,
  PROPOSAL_KINDS,
} from '../../client/panel/labels';

const LOCALES = join(process.cwd(), 'client', 'i18n', 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys with plural suffixes folded: English has _one and _other, Chinese only _other. */
function keySet(entries: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of entries) {
    const base = key.replace(PLURAL, '');
    out.set(base, [...(out.get(base) ?? []), value]);
  }
  return out;
}

const variables = (values: string[]): string[] =>
  [...new Set(values.flatMap((v) => [...v.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1])))]
    .filter((name) => name !== 'count')
    .sort();

function files(lang: Language): string[] {
  return readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.json'));
}

function read(lang: Language, file: string): Map<string, string[]> {
  return keySet(flatten(JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')) as Tree));
}

describe('locale files', () => {
  it('have the same area files in both languages', () => {
    expect(files('zh').sort()).toEqual(files('en').sort());
    expect(files('en')).toEqual(
      expect.arrayContaining(['common.json', 'panel.json', 'results.json']),
    );
  });

  for (const file of existsSync(join(LOCALES, 'en')) ? files('en') : []) {
    it(`${file}: same keys and variables in en and zh, no empty values`, () => {
      const en = read('en', file);
      const zh = read('zh', file);
      expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, values] of en) {
        for (const value of [...values, ...(zh.get(key) ?? [])]) {
          expect(value.trim(), `${file} ${key}`).not.toBe('');
        }
        expect(variables(zh.get(key) ?? []), `${file} ${key}`).toEqual(variables(values));
      }
    });
  }

  it('are all loaded by the i18n module, one namespace per file', () => {
    const resources = localeResources();
    for (const lang of ['en', 'zh'] as const) {
      expect(Object.keys(resources[lang]).sort()).toEqual(
        files(lang)
          .map((f) => f.replace(/\.json$/, ''))
          .sort(),
      );
    }
  });
});

describe('domain values have names in both languages', () => {
  const required: [string, readonly string[]][] = [
    ['common:cause', CAUSE_CODES],
    ['common:sector', SECTOR_IDS],
    ['common:sectorShort', SECTOR_IDS],
    ['common:infra', INFRA_KINDS],
    ['common:portfolio', PORTFOLIOS],
    ['common:enforcement', ENFORCEMENTS],
    ['common:clusterType', CLUSTER_TYPES],
    ['common:lifeStage', LIFE_STAGES],
    ['common:proposalKind', PROPOSAL_KINDS],
    ['common:firmKind', FIRM_KINDS],
    ['common:metric', INDICATOR_KEYS],
    ['results:help', INDICATOR_KEYS],
    ['common:town', [...new Set(SCENARIOS.flatMap((s) => s.towns.map((town) => town.id)))]],
  ];
  for (const lang of ['en', 'zh'] as const) {
    for (const [prefix, values] of required) {
      it(`${lang}: ${prefix}.*`, () => {
        const missing = values.filter((v) => !hasTranslation(`${prefix}.${v}`, lang));
        expect(missing).toEqual([]);
      });
    }
    it(`${lang}: every event has a title and a text`, () => {
      const missing = EVENTS.filter(
        (e) =>
          !hasTranslation(`common:event.${e.id}.title`, lang) ||
          !hasTranslation(`common:event.${e.id}.text`, lang),
      ).map((e) => e.id);
      expect(missing).toEqual([]);
    });
    it(`${lang}: every cited hint of the policy panel exists`, () => {
      const missing = Object.keys(HINT_CITATIONS).filter(
        (key) => !hasTranslation(`panel:${key}`, lang),
      );
      expect(missing).toEqual([]);
    });
  }
});

describe('i18n module', () => {
  it('switches language at once and tells listeners', () => {
    setLanguage('en');
    const heard: Language[] = [];
    const stop = onLanguageChange((lang) => heard.push(lang));
    expect(t('panel:title')).toBe('Policy plan');
    setLanguage('zh');
    expect(currentLanguage()).toBe('zh');
    expect(t('panel:title')).toBe('政策方案');
    expect(t('common:sector.ceramics')).toBe('陶瓷与建材');
    setLanguage('en');
    stop();
    setLanguage('zh');
    expect(heard).toEqual(['zh', 'en']);
    setLanguage('en');
  });

  it('interpolates and pluralises', () => {
    setLanguage('en');
    expect(t('common:unit.years', { count: 1 })).toBe('1 year');
    expect(t('common:unit.years', { count: 3 })).toBe('3 years');
    expect(t('common:causeTown.relocationOut', { town: 'Qingyuan' })).toBe(
      'Firms moving away to Qingyuan',
    );
    setLanguage('zh');
    expect(t('common:unit.years', { count: 3 })).toBe('3 年');
    setLanguage('en');
  });

  it('formats money and shares per language', () => {
    setLanguage('en');
    expect(formatMoney(12.5)).toBe('12.5 M RMB');
    expect(formatMoney(1234.4)).toBe('1,234 M RMB');
    expect(formatMoney(-3.25, true)).toBe('−3.25 M RMB');
    expect(formatPercent(0.15)).toBe('15%');
    setLanguage('zh');
    // Chinese counts money in 万 (10^4) and 亿 (10^8) yuan: 12.5 M RMB is 1,250 万元.
    expect(formatMoney(12.5)).toBe('1,250 万元');
    expect(formatMoney(350)).toBe('3.5 亿元');
    expect(formatMoney(2.4, true)).toBe('+240 万元');
    setLanguage('en');
  });
});
