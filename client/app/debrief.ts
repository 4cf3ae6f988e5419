/**
 * The end-of-match debrief (DESIGN §1, instructor: "ends with a debrief"): who leads on each
 * indicator, line charts comparing the towns round by round, and each town's turning points —
 * its largest rise and drop of GDP, firms and pollution. Loaded on demand (chart.js is large).
 */
import { Chart } from '../panel/line-chart';
import {
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
  onLanguageChange,
  t,
} from '../i18n';
import {
  DEBRIEF_METRICS,
  LOWER_IS_BETTER,
  type DebriefMetric,
  type FigureHistory,
} from '../net/figure-history';
import { h, translateTree, tx } from './dom';
import { reflowTable } from './reflow-table';
import { debriefReasons } from './debrief-reasons';
import type { LoggedReason } from '../net/reasons';

const CHARTED: DebriefMetric[] = ['score', 'gdp', 'firms', 'pollution'];
const TURNING: DebriefMetric[] = ['gdp', 'firms', 'pollution'];
/** Distinct hues in an order where neighbours differ; beyond ten towns lines are also dashed. */
const COLOURS = [
  '#1b6ca8',
  '#d1495b',
  '#2a9d4b',
  '#edae49',
  '#6a4c93',
  '#00798c',
  '#b5651d',
  '#c2185b',
  '#556b2f',
  '#455a64',
];

export function metricName(metric: DebriefMetric): string {
  return t(`instructor:metric.${metric}`);
}

export function formatMetric(metric: DebriefMetric, value: number): string {
  if (metric === 'gdp' || metric === 'exports') return formatMoney(value);
  if (metric === 'score' || metric === 'stability' || metric === 'pollution')
    return formatNumber(value, { digits: 1 });
  return formatCount(value);
}

export interface Debrief {
  element: HTMLElement;
  update(): void;
  destroy(): void;
}

export function mountDebrief(
  history: FigureHistory,
  reasonsOf: (townId: string) => LoggedReason[] = () => [],
): Debrief {
  const rankings = h('div', { class: 'debrief-rankings' });
  const charts = h('div', { class: 'debrief-charts' });
  const turning = h('div', { class: 'debrief-turning' });
  const reasons = h('div', { class: 'debrief-reasons', id: 'debrief-reasons' });
  const element = h(
    'section',
    { class: 'debrief', id: 'debrief', 'aria-labelledby': 'debrief-title' },
    tx('h2', 'instructor:debrief.title', { id: 'debrief-title' }),
    tx('p', 'instructor:debrief.intro', { class: 'muted' }),
    tx('h3', 'instructor:debrief.rankings'),
    rankings,
    tx('h3', 'instructor:debrief.charts'),
    charts,
    tx('h3', 'instructor:debrief.turningPoints'),
    tx('p', 'instructor:debrief.turningIntro', { class: 'muted' }),
    turning,
    tx('h3', 'instructor:debrief.reasons'),
    reasons,
  );
  const live = new Map<DebriefMetric, Chart>();

  const roundLabel = (round: number): string => {
    const year = history.year(round);
    return year
      ? t('instructor:debrief.roundYear', { round, year })
      : t('instructor:debrief.round', { round });
  };

  function renderRankings(): void {
    const towns = history.towns();
    const order = DEBRIEF_METRICS.map((metric) =>
      towns
        .map((town) => ({ town, value: history.latest(town.id, metric) }))
        .filter(
          (e): e is { town: { id: string; name: string }; value: number } => e.value !== undefined,
        )
        .sort((a, b) => (LOWER_IS_BETTER.has(metric) ? a.value - b.value : b.value - a.value)),
    );
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, t('instructor:debrief.rank')),
      ...DEBRIEF_METRICS.map((m) => h('th', { scope: 'col' }, metricName(m))),
    );
    const rows = towns.map((_, rank) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, String(rank + 1)),
        ...order.map((list, i) => {
          const entry = list[rank];
          return h(
            'td',
            {},
            entry ? h('span', { class: 'rank-town' }, entry.town.name) : '—',
            entry
              ? h('span', { class: 'rank-value' }, formatMetric(DEBRIEF_METRICS[i], entry.value))
              : null,
          );
        }),
      ),
    );
    rankings.replaceChildren(
      h(
        'div',
        { class: 'table-scroll' },
        reflowed(
          h(
            'table',
            { class: 'data-table ranking-table' },
            h('thead', {}, head),
            h('tbody', {}, ...rows),
          ),
        ),
      ),
    );
  }

  function renderCharts(): void {
    const rounds = history.rounds();
    const labels = rounds.map(roundLabel);
    for (const metric of CHARTED) {
      const datasets = history.towns().map((town, i) => ({
        label: town.name,
        data: rounds.map((r) => history.value(town.id, r, metric) ?? null),
        borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: COLOURS[i % COLOURS.length],
        borderDash: i >= COLOURS.length ? [6, 4] : [],
        spanGaps: true,
        tension: 0.2,
        pointRadius: 2,
      }));
      const existing = live.get(metric);
      if (existing) {
        existing.data.labels = labels;
        existing.data.datasets = datasets;
        existing.options.plugins!.title = { display: true, text: metricName(metric) };
        existing.update('none');
        continue;
      }
      const canvas = h('canvas', {
        role: 'img',
        'aria-label': t('instructor:debrief.chartLabel', { metric: metricName(metric) }),
      });
      charts.append(
        h(
          'figure',
          { class: 'chart-box' },
          tx('figcaption', `instructor:metric.${metric}`),
          h('div', { class: 'chart-canvas' }, canvas),
        ),
      );
      live.set(
        metric,
        new Chart(canvas, {
          type: 'line',
          data: { labels, datasets },
          options: {
            animation: false,
            maintainAspectRatio: false,
            interaction: { mode: 'nearest', intersect: false },
            plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
            scales: { y: { beginAtZero: metric !== 'score' } },
          },
        }),
      );
    }
    for (const [metric, chart] of live) {
      chart.canvas.setAttribute(
        'aria-label',
        t('instructor:debrief.chartLabel', { metric: metricName(metric) }),
      );
    }
  }

  function renderTurningPoints(): void {
    const rounds = history.rounds();
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, t('instructor:debrief.town')),
      ...TURNING.flatMap((m) => [
        h('th', { scope: 'col' }, t('instructor:debrief.rise', { metric: metricName(m) })),
        h('th', { scope: 'col' }, t('instructor:debrief.drop', { metric: metricName(m) })),
      ]),
    );
    const rows = history.towns().map((town) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, town.name),
        ...TURNING.flatMap((metric) => {
          const moves = changes(history, town.id, metric, rounds);
          const up = moves.reduce<Move | null>(
            (best, m) => (m.delta > 0 && (!best || m.delta > best.delta) ? m : best),
            null,
          );
          const down = moves.reduce<Move | null>(
            (best, m) => (m.delta < 0 && (!best || m.delta < best.delta) ? m : best),
            null,
          );
          return [moveCell(metric, up, roundLabel), moveCell(metric, down, roundLabel)];
        }),
      ),
    );
    turning.replaceChildren(
      h(
        'div',
        { class: 'table-scroll' },
        reflowed(
          h('table', { class: 'data-table' }, h('thead', {}, head), h('tbody', {}, ...rows)),
        ),
      ),
    );
  }

  function update(): void {
    if (history.rounds().length < 2) {
      rankings.replaceChildren(tx('p', 'instructor:debrief.empty', { class: 'muted' }));
    } else renderRankings();
    renderCharts();
    renderTurningPoints();
    reasons.replaceChildren(debriefReasons(history, reasonsOf));
  }
  const off = onLanguageChange(() => {
    translateTree(element);
    update();
  });
  update();
  return {
    element,
    update,
    destroy() {
      off();
      for (const chart of live.values()) chart.destroy();
      element.remove();
    },
  };
}

interface Move {
  round: number;
  before: number;
  after: number;
  /** Relative change for GDP and firms, index points for pollution. */
  delta: number;
}

function changes(
  history: FigureHistory,
  townId: string,
  metric: DebriefMetric,
  rounds: number[],
): Move[] {
  const out: Move[] = [];
  for (let i = 1; i < rounds.length; i++) {
    const before = history.value(townId, rounds[i - 1], metric);
    const after = history.value(townId, rounds[i], metric);
    if (before === undefined || after === undefined) continue;
    const delta =
      metric === 'pollution' ? after - before : before > 0 ? (after - before) / before : 0;
    // Moves too small to print (under half a per cent, or 0.05 index points) are no turning point.
    if (Math.abs(delta) >= (metric === 'pollution' ? 0.05 : 0.005))
      out.push({ round: rounds[i], before, after, delta });
  }
  return out;
}

function moveCell(
  metric: DebriefMetric,
  move: Move | null,
  roundLabel: (r: number) => string,
): HTMLElement {
  if (!move) return h('td', { class: 'muted' }, '—');
  const size =
    metric === 'pollution'
      ? formatNumber(move.delta, { digits: 1, signed: true })
      : formatPercent(move.delta, Math.abs(move.delta) < 0.1 ? 1 : 0, true);
  const good = LOWER_IS_BETTER.has(metric) ? move.delta < 0 : move.delta > 0;
  return h(
    'td',
    { class: good ? 'move-good' : 'move-bad' },
    h('strong', {}, size),
    h('span', { class: 'move-when' }, roundLabel(move.round)),
    h(
      'span',
      { class: 'move-span' },
      `${formatMetric(metric, move.before)} → ${formatMetric(metric, move.after)}`,
    ),
  );
}

/** A table that becomes cards on a phone (issue 14). */
function reflowed(table: HTMLTableElement): HTMLTableElement {
  reflowTable(table);
  return table;
}
