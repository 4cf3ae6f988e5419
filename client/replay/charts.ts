/**
 * Any figure for every town over the whole match (chart.js), with a cursor line at the current
 * round. The chosen town and the compared towns are drawn in colour and named in the legend; the
 * others stay thin and grey, so forty towns remain readable. Moving the cursor only redraws; it
 * does not rebuild the chart. A table of the figure at the current round, ranked, is there for
 * screen readers and exact numbers.
 */
import { Chart } from '../panel/line-chart';
import { type Plugin } from 'chart.js';
import type { MatchState } from '../../shared';
import { t } from '../i18n';
import { h } from '../app/dom';
import { townName } from '../panel/labels';
import {
  FIGURE_KEYS,
  figureLabel,
  figureOf,
  formatFigure,
  isFigure,
  type FigureKey,
} from './figures';

const COLOURS = ['#0b5cad', '#c8553d', '#1f7a3a', '#6a4c93', '#b5651d'];
const OTHERS = '#b9c0c8';

export interface ChartsPanel {
  element: HTMLElement;
  /** Draw once visible (chart.js measures its box). */
  attach(): void;
  setRound(round: number): void;
  /** Towns drawn in colour: the chosen one first, then the compared ones. */
  setHighlighted(ids: readonly string[]): void;
  relabel(): void;
  destroy(): void;
}

export function mountCharts(
  states: readonly MatchState[],
  yearOf: (round: number) => number,
  initial: FigureKey = 'gdp',
): ChartsPanel {
  let figure: FigureKey = initial;
  let round = 0;
  let highlighted: string[] = [];
  let chart: Chart | null = null;
  const last = states[states.length - 1];
  const select = h('select', { id: 'replay-chart-figure' });
  const label = h('label', { for: 'replay-chart-figure' });
  const canvas = h('canvas', { role: 'img', id: 'replay-chart-canvas' });
  const summary = h('summary', {});
  const table = h('table', { class: 'replay-rank' });
  const element = h(
    'div',
    { class: 'replay-charts' },
    h('div', { class: 'replay-field' }, label, select),
    h('div', { class: 'replay-chart-box' }, canvas),
    h('details', {}, summary, table),
  );

  // The cursor: a vertical line at the current round, drawn over the lines.
  const cursor: Plugin<'line'> = {
    id: 'replayCursor',
    afterDatasetsDraw(c) {
      const x = c.scales.x.getPixelForValue(round);
      const { top, bottom } = c.chartArea;
      const ctx = c.ctx;
      ctx.save();
      ctx.strokeStyle = '#16212b';
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.restore();
    },
  };

  function fillSelect(): void {
    select.replaceChildren(
      ...FIGURE_KEYS.map((key) =>
        h('option', { value: key, selected: key === figure }, figureLabel(key)),
      ),
    );
    label.textContent = t('replay:charts.figure');
    summary.textContent = t('replay:charts.table');
  }

  function datasets() {
    return last.towns.map((town) => {
      const rank = highlighted.indexOf(town.id);
      const colour = rank >= 0 ? COLOURS[rank % COLOURS.length] : OTHERS;
      return {
        label: townName(last, town.id),
        data: states.map((s) => {
          const now = s.towns.find((x) => x.id === town.id);
          return now ? figureOf(now, figure) : null;
        }),
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: rank === 0 ? 4 : rank > 0 ? 3 : 1,
        pointRadius: rank >= 0 ? 2 : 0,
        order: rank >= 0 ? rank : 100,
        tension: 0,
      };
    });
  }

  function renderTable(): void {
    const state = states[round];
    const ranked = [...state.towns]
      .map((town) => ({ id: town.id, value: figureOf(town, figure) }))
      .sort((a, b) => b.value - a.value);
    table.replaceChildren(
      h(
        'caption',
        {},
        t('replay:charts.caption', { figure: figureLabel(figure), year: yearOf(round) }),
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('replay:charts.town')),
          h('th', { scope: 'col' }, figureLabel(figure)),
        ),
      ),
      h(
        'tbody',
        {},
        ...ranked.map((row) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, townName(state, row.id)),
            h('td', {}, formatFigure(figure, row.value)),
          ),
        ),
      ),
    );
  }

  function describe(): void {
    canvas.setAttribute(
      'aria-label',
      t('replay:charts.aria', {
        figure: figureLabel(figure),
        from: yearOf(0),
        to: yearOf(states.length - 1),
        year: yearOf(round),
      }),
    );
  }

  function build(): void {
    chart?.destroy();
    chart = new Chart(canvas, {
      type: 'line',
      data: {
        // Round r is labelled with the year it was played; round 0 is the start.
        labels: states.map((_, r) => (r === 0 ? t('replay:charts.start') : String(yearOf(r)))),
        datasets: datasets(),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false },
        plugins: {
          legend: {
            labels: {
              // Only the coloured towns are named; the grey crowd is context.
              filter: (item) => highlighted.length === 0 || item.strokeStyle !== OTHERS,
            },
          },
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.dataset.label}: ${formatFigure(figure, Number(item.parsed.y))}`,
            },
          },
        },
        scales: {
          y: { ticks: { callback: (value) => formatFigure(figure, Number(value)) } },
        },
      },
      plugins: [cursor],
    });
  }

  select.addEventListener('change', () => {
    if (!isFigure(select.value)) return;
    figure = select.value;
    describe();
    renderTable();
    if (chart) build();
  });

  fillSelect();
  describe();
  renderTable();
  return {
    element,
    attach() {
      if (!chart && element.isConnected) build();
    },
    setRound(next) {
      round = next;
      describe();
      renderTable();
      chart?.draw();
    },
    setHighlighted(ids) {
      const next = [...new Set(ids)];
      if (next.join() === highlighted.join()) return;
      highlighted = next;
      if (chart) {
        chart.data.datasets = datasets();
        chart.update('none');
      }
    },
    relabel() {
      fillSelect();
      describe();
      renderTable();
      if (chart) build();
    },
    destroy() {
      chart?.destroy();
    },
  };
}
