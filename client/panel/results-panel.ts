/**
 * The results panel shown after each round: the events that struck (with their paper), the
 * town's headline changes with the engine's causes, the central evaluation, a chart over time,
 * the town's clusters, every indicator and the news. Every number has a "Why?" next to it
 * (DESIGN §5). The blocks are built in results-blocks.ts.
 */
import type { Explanation, MatchEvent, MatchState, TownIndicators } from '../../shared';
import { onLanguageChange, t } from '../i18n';
import { h, rememberFocus, restoreFocus } from './dom';
import { indicatorChart, type IndicatorChart } from './indicator-chart';
import { townName } from './labels';
import {
  block,
  clustersBlock,
  evaluationBlock,
  eventsBlock,
  headlinesBlock,
  indicatorsBlock,
  newsBlock,
  type Render,
} from './results-blocks';

export interface ResultsPanelOptions {
  /** The match state after the round. */
  state: MatchState;
  townId: string;
  /** Events of the round just resolved. */
  events: MatchEvent[];
  /** Explanations of the round just resolved (all towns; the panel keeps its own). */
  explanations: Explanation[];
  /** The town's indicators per round, index 0 = start of the match, last = now. */
  history: TownIndicators[];
  /** Indicator charted first (default GDP). */
  indicator?: keyof TownIndicators;
  idPrefix?: string;
}

export interface ResultsPanel {
  update(options: Partial<ResultsPanelOptions>): void;
  destroy(): void;
}

export function mountResultsPanel(root: HTMLElement, options: ResultsPanelOptions): ResultsPanel {
  let opts: ResultsPanelOptions = { ...options };
  const prefix = opts.idPrefix ?? 'rp-';
  let indicator: keyof TownIndicators = opts.indicator ?? 'gdp';
  let chart: IndicatorChart | null = null;
  const expanded = new Set<string>();
  const panel = h('section', { class: 'rp', 'aria-labelledby': `${prefix}title` });
  root.replaceChildren(panel);

  const render = (): void => {
    const focus = rememberFocus(panel);
    chart?.destroy();
    const town = opts.state.towns.find((x) => x.id === opts.townId);
    if (!town) throw new Error(`unknown town ${opts.townId}`);
    const r: Render = { opts, prefix, town, expanded };
    chart = indicatorChart(
      prefix,
      opts.state,
      townName(opts.state, town.id),
      opts.history,
      indicator,
      (key) => {
        indicator = key;
        render();
      },
    );
    const heading =
      opts.state.round > 0
        ? t('results:roundHeading', { round: opts.state.round, year: opts.state.year })
        : t('results:startHeading', { year: opts.state.year });
    panel.replaceChildren(
      h('h2', { id: `${prefix}title` }, heading),
      eventsBlock(r),
      headlinesBlock(r),
      evaluationBlock(r),
      block(r, 'chart', t('results:chart.heading'), chart.element),
      clustersBlock(r),
      indicatorsBlock(r),
      newsBlock(r),
    );
    chart.attach();
    restoreFocus(focus);
  };

  const unsubscribe = onLanguageChange(render);
  render();
  return {
    update(partial) {
      // A new round closes the explanations that were open for the previous one.
      if (partial.state && partial.state.round !== opts.state.round) expanded.clear();
      opts = { ...opts, ...partial };
      if (partial.indicator) indicator = partial.indicator;
      render();
    },
    destroy() {
      unsubscribe();
      chart?.destroy();
      root.replaceChildren();
    },
  };
}
