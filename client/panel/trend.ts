/**
 * Whether a change of a figure is good or bad news for the town (issue 14: a falling pollution
 * figure was shown in red, since the colour followed the sign). The colour says good or bad;
 * an arrow says the direction, so neither relies on colour alone.
 */

/** Figures where less is better for the town. */
const LOWER_IS_BETTER = new Set(['pollution', 'unemployment', 'debt']);
/** Figures that are neither good nor bad in themselves (a budget's size). */
const NEUTRAL = new Set(['spending']);

export type Trend = 'up' | 'down' | 'flat';
export type Quality = 'good' | 'bad' | 'neutral';

export function trendOf(metric: string, delta: number): { trend: Trend; quality: Quality } {
  const trend: Trend = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  if (trend === 'flat' || NEUTRAL.has(metric)) return { trend, quality: 'neutral' };
  const better = LOWER_IS_BETTER.has(metric) ? trend === 'down' : trend === 'up';
  return { trend, quality: better ? 'good' : 'bad' };
}

/** ▲ for a rise, ▼ for a fall; nothing when flat. */
export function arrowOf(trend: Trend): string {
  return trend === 'up' ? '▲ ' : trend === 'down' ? '▼ ' : '';
}
