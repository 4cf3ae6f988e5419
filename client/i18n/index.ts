/// <reference types="vite/client" />
/**
 * Translations for the DOM interface (DESIGN §4: "translatable: English and Simplified Chinese").
 * Every `locales/<lang>/<area>.json` file is one i18next namespace named after the file, so
 * areas owned by different people (panel, results, scene, …) never edit the same file. Keys are
 * written `area:path.to.key`; the default namespace is `common` (sectors, causes, events …).
 *
 * The language can change at any moment: `setLanguage` switches synchronously and tells every
 * listener, so mounted components re-render in place.
 */
import i18next from 'i18next';

export type Language = 'en' | 'zh';
export const LANGUAGES: readonly Language[] = ['en', 'zh'];

export interface TranslationTree {
  [key: string]: string | TranslationTree;
}

export type TranslationVars = Record<string, string | number>;

const STORAGE_KEY = 'clusterTowns.language';
/** Window event fired after every switch, with the new language as `detail`. */
export const LANGUAGE_EVENT = 'clustertowns:language';

// Eager, so the resources are in the bundle and initialisation is synchronous (no flash of keys).
const files = import.meta.glob<TranslationTree>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

/** Every locale file by language and namespace (file name without `.json`). */
export function localeResources(): Record<Language, Record<string, TranslationTree>> {
  const out: Record<Language, Record<string, TranslationTree>> = { en: {}, zh: {} };
  for (const [path, tree] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match || !isLanguage(match[1])) continue;
    out[match[1]][match[2]] = tree;
  }
  return out;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'zh';
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Private modes and sandboxed frames may throw on access.
    return null;
  }
}

/**
 * Where this person's language comes from (issue 14: per person, not per class): their own
 * choice (remembered per browser), else their browser's language if we have it, else the class's
 * default (see `followClassLanguage`).
 */
export type LanguageSource = 'choice' | 'browser' | 'default';

function browserLanguage(): Language | null {
  const nav = typeof navigator === 'undefined' ? '' : (navigator.language ?? '').toLowerCase();
  if (nav.startsWith('zh')) return 'zh';
  if (nav.startsWith('en')) return 'en';
  return null;
}

function detectLanguage(): { language: Language; source: LanguageSource } {
  const stored = storage()?.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return { language: stored, source: 'choice' };
  const browser = browserLanguage();
  return browser ? { language: browser, source: 'browser' } : { language: 'en', source: 'default' };
}

const resources = localeResources();
const namespaces = [...new Set([...Object.keys(resources.en), ...Object.keys(resources.zh)])];
const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  ns: namespaces,
  defaultNS: 'common',
  // Output goes into textContent, never innerHTML, so HTML escaping would only garble quotes.
  interpolation: { escapeValue: false },
  returnEmptyString: false,
  initAsync: false,
});

const detected = detectLanguage();
let language: Language = detected.language;
let source: LanguageSource = detected.source;
const translators = {
  en: instance.getFixedT('en'),
  zh: instance.getFixedT('zh'),
};
const listeners = new Set<(lang: Language) => void>();

function markDocument(): void {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }
}
markDocument();

/** Translate `key` (e.g. `panel:field.foreignTaxRate.label`) in the current language. */
export function t(key: string, vars?: TranslationVars): string {
  return String(translators[language](key, vars));
}

/** Whether a key has a translation of its own in a language (no fallback). */
export function hasTranslation(key: string, lang: Language = language): boolean {
  return instance.exists(key, { lng: lang, fallbackLng: false });
}

/**
 * A town's name in the current language: the scenario data carries the English (pinyin) name,
 * the locale files the Chinese one (common:town.<id>).
 */
export function localTownName(id: string, fallback: string): string {
  return hasTranslation(`common:town.${id}`, language) ? t(`common:town.${id}`) : fallback;
}

export function currentLanguage(): Language {
  return language;
}

export function languageSource(): LanguageSource {
  return source;
}

/**
 * A class's language applies only to someone who neither chose a language nor has a browser in
 * one of ours; it is not remembered as their choice.
 */
export function followClassLanguage(lang: unknown): void {
  if (source === 'default' && isLanguage(lang)) switchTo(lang);
}

/**
 * The person's own choice (the switch in every screen's header): switch now and remember it in
 * this browser. Listeners run synchronously so components re-render at once.
 */
export function setLanguage(lang: Language): void {
  if (!isLanguage(lang)) return;
  source = 'choice';
  storage()?.setItem(STORAGE_KEY, lang);
  switchTo(lang);
}

function switchTo(lang: Language): void {
  if (lang === language) return;
  language = lang;
  markDocument();
  for (const listener of [...listeners]) listener(lang);
  // For code that does not import this module (scenes loaded separately, devtools).
  if (typeof window !== 'undefined') {
    window.dispatchEvent(new CustomEvent(LANGUAGE_EVENT, { detail: lang }));
  }
}

/** Subscribe to language changes; returns the unsubscribe function. */
export function onLanguageChange(listener: (lang: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// ---------------------------------------------------------------------------------------------
// Number formats. Chinese readers count money in 万 (10^4) and 亿 (10^8) yuan, not millions.

function locale(): string {
  return language === 'zh' ? 'zh-CN' : 'en-GB';
}

export interface NumberFormat {
  /** Decimal places (maximum; trailing zeros dropped unless `fixed`). */
  digits?: number;
  fixed?: boolean;
  /** Always show the sign, with a true minus sign. */
  signed?: boolean;
}

export function formatNumber(value: number, format: NumberFormat = {}): string {
  const digits = format.digits ?? 0;
  const text = new Intl.NumberFormat(locale(), {
    maximumFractionDigits: digits,
    minimumFractionDigits: format.fixed ? digits : 0,
    signDisplay: format.signed ? 'exceptZero' : 'auto',
  }).format(value);
  return text.replace('-', '−');
}

/** Whole counts (firms, jobs, patents). */
export function formatCount(value: number, signed = false): string {
  return formatNumber(Math.round(value), { signed });
}

/**
 * The one rounding rule for money (issue 14: "the same rounding everywhere"): the step, in M RMB,
 * that formatMoney shows an amount of this size at. Chinese shows whole 万 (0.01 M) below 1 亿 and
 * hundredths of 亿 (1 M) above; English shows 0.01 M below 10, 0.1 M below 100, whole M above.
 */
export function moneyStep(millions: number, lang: Language = language): number {
  const size = Math.abs(millions);
  if (lang === 'zh') return size >= 100 ? 1 : 0.01;
  return size >= 100 ? 1 : size >= 10 ? 0.1 : 0.01;
}

/**
 * An amount rounded exactly as formatMoney shows it. Figures derived from shown figures (what is
 * left of a budget) are computed from rounded parts, so the numbers on screen add up.
 */
export function roundMoney(millions: number, lang: Language = language): number {
  const step = moneyStep(millions, lang);
  // Divide by the reciprocal: 0.01 is not exact in binary, 100 is.
  const inverse = Math.round(1 / step);
  // Halves away from zero, as Intl.NumberFormat rounds: −0.125 shows as −0.13, not −0.12.
  const rounded = (Math.sign(millions) * Math.round(Math.abs(millions) * inverse)) / inverse;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * An amount in M RMB: "12.5 M RMB" in English, "1,250 万元" or "3.2 亿元" in Chinese. The only
 * place money becomes text; its rounding is roundMoney's.
 */
export function formatMoney(millions: number, signed = false): string {
  const value = roundMoney(millions);
  const size = Math.abs(value);
  if (language === 'zh') {
    if (size >= 100) return `${formatNumber(value / 100, { digits: 2, signed })} 亿元`;
    return `${formatNumber(value * 100, { digits: 0, signed })} 万元`;
  }
  const digits = size >= 100 ? 0 : size >= 10 ? 1 : 2;
  return `${formatNumber(value, { digits, signed })} M RMB`;
}

/** A share 0–1 as a percentage ("15 %" / "15%"). */
export function formatPercent(share: number, digits = 0, signed = false): string {
  const text = new Intl.NumberFormat(locale(), {
    style: 'percent',
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(share);
  return text.replace('-', '−');
}

/** Minutes and seconds for a countdown, e.g. "2:05". */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
