/**
 * The figures the viewer charts and compares: every indicator of a town, plus pollution, social
 * stability and the score, read from a verified state and formatted like the rest of the game.
 */
import { pollutionIndex, type TownIndicators, type TownState } from '../../shared';
import { formatNumber, t } from '../i18n';
import { formatIndicator } from '../panel/format';
import { INDICATOR_KEYS, metricLabel } from '../panel/labels';
import { INDICATOR_FORMAT } from '../panel/results-model';

export type FigureKey = keyof TownIndicators | 'pollution' | 'stability' | 'score';

/** Headline figures first: the ones a debrief talks about. */
export const FIGURE_KEYS: readonly FigureKey[] = [
  'gdp',
  'firms',
  'jobs',
  'pollution',
  'exports',
  'score',
  'stability',
  ...INDICATOR_KEYS.filter((k) => !['gdp', 'firms', 'jobs', 'exports'].includes(k)),
];

/** What the side-by-side comparison shows for each town. */
export const COMPARE_KEYS: readonly FigureKey[] = [
  'gdp',
  'gdpPerHead',
  'firms',
  'jobs',
  'exports',
  'fdiStock',
  'patents',
  'pollution',
  'stability',
  'fiscalBalance',
  'evaluation',
  'score',
];

/** Figures where a rise is bad news (shown in the warning colour). */
export const HIGH_IS_BAD: ReadonlySet<FigureKey> = new Set(['pollution', 'unemployment']);

export function isFigure(key: string): key is FigureKey {
  return (FIGURE_KEYS as readonly string[]).includes(key);
}

export function figureOf(town: TownState, key: FigureKey): number {
  if (key === 'pollution') return pollutionIndex(town);
  if (key === 'stability') return town.stability;
  if (key === 'score') return town.score;
  return town.last[key];
}

export function figureLabel(key: FigureKey): string {
  return key === 'score' ? t('replay:figure.score') : metricLabel(key);
}

export function formatFigure(key: FigureKey, value: number, signed = false): string {
  if (key === 'pollution' || key === 'stability' || key === 'score') {
    return formatNumber(value, { digits: 1, signed });
  }
  return formatIndicator(INDICATOR_FORMAT[key], value, signed);
}
