/**
 * What a what-if (or a fork comparison) shows once it ran: the chosen figure of the chosen town
 * on both paths (as it happened, solid; what if, dashed), the most diverged figures with their
 * causes in the reader's language, and the diff as CSV to download.
 */
import type { MatchState } from '../../shared';
import { WHAT_IF_INDICATORS, type WhatIfIndicator } from '../../shared/engine/what-if';
import { t } from '../i18n';
import { h } from '../app/dom';
import { townName } from '../panel/labels';
import { Chart } from '../panel/line-chart';
import {
  divergenceSentence,
  formatValue,
  indicatorLabel,
  pathSeries,
  type Comparison,
} from './what-if-model';

const SHOWN = 8;

export interface PathLabels {
  history: string;
  whatIf: string;
  title: string;
}

export interface ResultView {
  element: HTMLElement;
  /** `labels`: the translation keys of the two paths ("as it happened" / "what if") and title. */
  show(comparison: Comparison, townId: string, labels: PathLabels): void;
  clear(): void;
  relabel(): void;
  destroy(): void;
}

function saveText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start reading the blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function mountResult(
  prefix: string,
  state: () => MatchState,
  yearOf: (round: number) => number,
  fileName: string,
): ResultView {
  let shown: {
    comparison: Comparison;
    townId: string;
    labels: PathLabels;
  } | null = null;
  let indicator: WhatIfIndicator = 'firms';
  let chart: Chart | null = null;
  const select = h('select', { id: `${prefix}-indicator` });
  const label = h('label', { for: `${prefix}-indicator` });
  const title = h('h3', { id: `${prefix}-chart-title` });
  const canvas = h('canvas', { role: 'img', id: `${prefix}-chart` });
  const listTitle = h('h3', {});
  const list = h('ol', { class: 'whatif-diverged', id: `${prefix}-diverged` });
  const nothing = h('p', { class: 'muted', hidden: true, id: `${prefix}-nothing` });
  const download = h('button', { type: 'button', class: 'btn', id: `${prefix}-download` });
  const took = h('p', { class: 'muted', id: `${prefix}-took`, role: 'status' });
  const element = h(
    'div',
    { class: 'whatif-result', id: `${prefix}-result`, hidden: true },
    h('div', { class: 'replay-field' }, label, select),
    title,
    h('div', { class: 'replay-chart-box whatif-chart-box' }, canvas),
    listTitle,
    nothing,
    list,
    download,
    took,
  );

  function draw(): void {
    if (!shown) return;
    const { comparison, townId, labels } = shown;
    const series = pathSeries(comparison.rows, townId, indicator);
    const name = townName(state(), townId);
    title.textContent = t(labels.title, {
      indicator: indicatorLabel(indicator),
      town: name,
    });
    canvas.setAttribute('aria-label', title.textContent);
    chart?.destroy();
    chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: series.rounds.map((r) => String(yearOf(r))),
        datasets: [
          {
            label: t(labels.history),
            data: series.history,
            borderColor: '#16212b',
            backgroundColor: '#16212b',
            borderWidth: 3,
            pointRadius: 3,
          },
          {
            label: t(labels.whatIf),
            data: series.whatIf,
            borderColor: '#c8553d',
            backgroundColor: '#c8553d',
            borderWidth: 3,
            borderDash: [8, 5],
            pointRadius: 3,
            pointStyle: 'rectRot',
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.dataset.label}: ${formatValue(indicator, Number(item.parsed.y))}`,
            },
          },
        },
        scales: { y: { ticks: { callback: (v) => formatValue(indicator, Number(v)) } } },
      },
    });
  }

  function render(): void {
    label.textContent = t('whatif:indicator');
    select.replaceChildren(
      ...WHAT_IF_INDICATORS.map((key) =>
        h('option', { value: key, selected: key === indicator }, indicatorLabel(key)),
      ),
    );
    listTitle.textContent = t('whatif:mostDiverged');
    nothing.textContent = t('whatif:nothing');
    download.textContent = t('whatif:download');
    if (!shown) return;
    const { comparison } = shown;
    const s = state();
    list.replaceChildren(
      ...comparison.diverged.slice(0, SHOWN).map((d) => h('li', {}, divergenceSentence(d, s))),
    );
    nothing.hidden = comparison.diverged.length > 0;
    const ms = Math.round(comparison.ms);
    took.textContent = t('whatif:took', { ms });
    draw();
  }

  select.addEventListener('change', () => {
    const next = WHAT_IF_INDICATORS.find((k) => k === select.value);
    if (!next) return;
    indicator = next;
    draw();
  });
  download.addEventListener('click', () => {
    if (shown) saveText(fileName, shown.comparison.csv);
  });
  render();

  return {
    element,
    show(comparison, townId, labels) {
      shown = { comparison, townId, labels };
      // The changed town's biggest divergence is what the reader asked about: chart that first.
      const first = comparison.diverged.find((d) => d.townId === townId) ?? comparison.diverged[0];
      if (first) indicator = first.indicator;
      element.hidden = false;
      render();
    },
    clear() {
      shown = null;
      chart?.destroy();
      chart = null;
      element.hidden = true;
    },
    relabel: render,
    destroy() {
      chart?.destroy();
    },
  };
}
