/**
 * The player's own reasons in the end report (issue 15): each round's one line, as submitted
 * with the plan, next to what happened to the town that round (GDP, jobs and firms, with their
 * change). Nothing is shown when no reason was given.
 */
import '../styles/why.css';
import type { TownIndicators } from '../../shared/engine/types';
import { h } from '../app/dom';
import { t } from '../i18n';
import type { LoggedReason } from '../net/reasons';
import { formatIndicator } from '../panel/format';
import { metricLabel } from '../panel/labels';
import { INDICATOR_FORMAT } from '../panel/results-model';

const WHAT_HAPPENED: (keyof TownIndicators)[] = ['gdp', 'jobs', 'firms'];

/** "GDP 1,234 M RMB (+56 M RMB)" for each figure, after round `round`. */
function outcomeLine(history: readonly TownIndicators[], round: number): string {
  const after = history[round - 1];
  if (!after) return t('campaign:report.why.unknown');
  const before = history[round - 2];
  return WHAT_HAPPENED.map((metric) => {
    const format = INDICATOR_FORMAT[metric];
    const value = formatIndicator(format, after[metric]);
    if (!before) return `${metricLabel(metric)} ${value}`;
    const change = formatIndicator(format, after[metric] - before[metric], true);
    return `${metricLabel(metric)} ${value} (${change})`;
  }).join(' · ');
}

export function reasonsSection(
  reasons: readonly LoggedReason[],
  history: readonly TownIndicators[],
): HTMLElement | null {
  if (reasons.length === 0) return null;
  return h(
    'section',
    { class: 'cg-why', id: 'cg-report-why', 'aria-labelledby': 'cg-report-why-title' },
    h('h3', { id: 'cg-report-why-title' }, t('campaign:report.why.title')),
    h(
      'ol',
      { class: 'reason-list' },
      ...reasons.map((r) =>
        h(
          'li',
          { 'data-round': r.round },
          h('span', { class: 'reason-who' }, t('campaign:report.why.round', { round: r.round })),
          h('q', { class: 'why-quote' }, r.why),
          h(
            'p',
            { class: 'muted' },
            t('campaign:report.why.then', { outcome: outcomeLine(history, r.round) }),
          ),
        ),
      ),
    ),
  );
}
