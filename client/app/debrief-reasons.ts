/**
 * The debrief's reasons (issue 15): for each town, the one line its team submitted with each
 * plan, beside what followed that round (GDP and score before and after). Read from the room's
 * logged reasons; towns that gave none are left out.
 */
import '../styles/why.css';
import { localTownName, t } from '../i18n';
import type { FigureHistory } from '../net/figure-history';
import type { LoggedReason } from '../net/reasons';
import { h } from './dom';
import { formatMetric, metricName } from './debrief';

const FOLLOWED = ['gdp', 'score'] as const;

function followed(history: FigureHistory, townId: string, round: number): string {
  return FOLLOWED.flatMap((metric) => {
    const after = history.value(townId, round, metric);
    if (after === undefined) return [];
    const before = history.value(townId, round - 1, metric);
    const name = metricName(metric);
    return [
      before === undefined
        ? `${name} ${formatMetric(metric, after)}`
        : `${name} ${formatMetric(metric, before)} → ${formatMetric(metric, after)}`,
    ];
  }).join(' · ');
}

/** The section's content, rebuilt on every update (a round resolved, or the language changed). */
export function debriefReasons(
  history: FigureHistory,
  reasonsOf: (townId: string) => LoggedReason[],
): HTMLElement {
  const towns = history
    .towns()
    .map((town) => ({ town, reasons: reasonsOf(town.id) }))
    .filter((x) => x.reasons.length > 0);
  if (towns.length === 0) return h('p', { class: 'muted' }, t('instructor:debrief.reasonsNone'));
  return h(
    'div',
    { class: 'debrief-reasons-list' },
    ...towns.map(({ town, reasons }) =>
      h(
        'div',
        { 'data-town': town.id },
        h('h4', {}, localTownName(town.id, town.name)),
        h(
          'ol',
          { class: 'reason-list' },
          ...reasons.map((r) =>
            h(
              'li',
              { 'data-round': r.round },
              h(
                'span',
                { class: 'reason-who' },
                t('instructor:debrief.reasonRound', { round: r.round, by: r.by }),
              ),
              h('q', { class: 'why-quote' }, r.why),
              h('p', { class: 'muted' }, followed(history, town.id, r.round)),
            ),
          ),
        ),
      ),
    ),
  );
}
