/**
 * One indicator of the town over time (DESIGN §2 "Scores": each shown over time), drawn with
 * chart.js, with a selector and the same figures as a table for screen readers and for anyone
 * who wants the exact numbers.
 */
// chart.js (about 55 KB compressed) loads when a chart is first drawn, not before the town
// appears on a phone (issue 16); the table beside it needs nothing.
import type { Chart } from './line-chart';
import type { MatchState, TownIndicators } from '../../shared';
import { t } from '../i18n';
import { h } from './dom';
import { formatIndicator } from './format';
import { INDICATOR_KEYS, metricLabel } from './labels';
import { INDICATOR_FORMAT, historyYears } from './results-model';

export interface IndicatorChart {
  element: HTMLElement;
  /** Draw once the element is in the document, so chart.js can measure its box. */
  attach(): void;
  destroy(): void;
}

export function indicatorChart(
  idPrefix: string,
  state: MatchState,
  townName: string,
  history: TownIndicators[],
  selected: keyof TownIndicators,
  onSelect: (key: keyof TownIndicators) => void,
): IndicatorChart {
  const selectId = `${idPrefix}chart-select`;
  const select = h(
    'select',
    { id: selectId },
    ...INDICATOR_KEYS.map((key) => h('option', { value: key }, metricLabel(key))),
  );
  select.value = selected;
  select.addEventListener('change', () => onSelect(select.value as keyof TownIndicators));
  const years = historyYears(state, history.length);
  const values = history.map((row) => row[selected]);
  const format = INDICATOR_FORMAT[selected];
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': t('results:chart.aria', {
      indicator: metricLabel(selected),
      town: townName,
      from: years[0] ?? state.year,
      to: years[years.length - 1] ?? state.year,
    }),
  });
  const table = h(
    'table',
    { class: 'rp-data' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('results:chart.year')),
        h('th', { scope: 'col' }, metricLabel(selected)),
      ),
    ),
    h(
      'tbody',
      {},
      ...years.map((year, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, String(year)),
          h('td', {}, formatIndicator(format, values[i])),
        ),
      ),
    ),
  );
  const element = h(
    'div',
    { class: 'rp-chart' },
    h(
      'div',
      { class: 'rp-field' },
      h('label', { for: selectId }, t('results:chart.select')),
      select,
    ),
    history.length > 1
      ? h('div', { class: 'rp-canvas' }, canvas)
      : h('p', { class: 'rp-note' }, t('results:chart.empty')),
    h('details', {}, h('summary', {}, t('results:chart.table')), table),
  );
  let chart: Chart | null = null;
  let phase: 'idle' | 'loading' | 'destroyed' = 'idle';
  const attach = (): void => {
    if (history.length < 2 || chart || phase !== 'idle') return;
    phase = 'loading';
    import('./line-chart').then(
      ({ Chart }) => {
        if (phase === 'destroyed') return;
        phase = 'idle';
        chart = draw(Chart);
      },
      () => {
        // Offline or a failed download: the table below the chart still has every figure.
        phase = 'idle';
      },
    );
  };
  const draw = (ChartOf: typeof Chart): Chart => {
    const ink =
      getComputedStyle(document.documentElement).getPropertyValue('--rp-ink').trim() || '#1b1b1b';
    const accent =
      getComputedStyle(document.documentElement).getPropertyValue('--rp-accent').trim() ||
      '#0b5cad';
    return new ChartOf(canvas, {
      type: 'line',
      data: {
        labels: years.map(String),
        datasets: [
          {
            label: metricLabel(selected),
            data: values,
            borderColor: accent,
            backgroundColor: `${accent}22`,
            fill: true,
            borderWidth: 3,
            pointRadius: 4,
            tension: 0,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: { label: (item) => formatIndicator(format, Number(item.parsed.y)) },
          },
        },
        scales: {
          x: { ticks: { color: ink, font: { size: 14 } } },
          y: {
            ticks: {
              color: ink,
              font: { size: 14 },
              callback: (value) => formatIndicator(format, Number(value)),
            },
          },
        },
      },
    });
  };
  return {
    element,
    attach,
    destroy: () => {
      phase = 'destroyed';
      chart?.destroy();
    },
  };
}
