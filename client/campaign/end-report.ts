/**
 * The end report of a scenario: the stars, why the game was won or lost, the player's path
 * (key figures from the first round to the last, from the town's history) beside what
 * happened historically, and the ways on: next scenario, try again, back to the campaign.
 */
import type { Outcome } from '../../shared/campaign/types';
import type { TownIndicators } from '../../shared/engine/types';
import { h } from '../app/dom';
import { onLanguageChange, t } from '../i18n';
import { formatIndicator } from '../panel/format';
import { metricLabel } from '../panel/labels';
import { INDICATOR_FORMAT } from '../panel/results-model';
import { text, type CampaignEntry } from './catalog';
import { citeNode } from './cite';
import { reasonsSection } from './report-reasons';
import type { LoggedReason } from '../net/reasons';
import { starsNode } from './widgets';

/** The figures the path compares: size, openness, innovation and the public purse. */
const PATH_METRICS: (keyof TownIndicators)[] = [
  'gdp',
  'firms',
  'jobs',
  'exports',
  'fdiStock',
  'patents',
  'valueAddedPerWorker',
  'fiscalBalance',
];

export interface EndReportOptions {
  entry: CampaignEntry;
  outcome: Outcome;
  history: readonly TownIndicators[];
  /** The player's own reasons, round by round (issue 15). */
  reasons?: readonly LoggedReason[];
  /** The next scenario, when this result unlocked it. */
  next: CampaignEntry | null;
  onNext(): void;
  onRetry(): void;
  onCampaign(): void;
  onClose(): void;
}

function pathTable(history: readonly TownIndicators[]): HTMLElement {
  const first = history[0];
  const last = history[history.length - 1];
  if (!first || !last) return h('p', { class: 'muted' }, t('campaign:report.noHistory'));
  const rows = PATH_METRICS.map((metric) => {
    const format = INDICATOR_FORMAT[metric];
    const change = last[metric] - first[metric];
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, metricLabel(metric)),
      h('td', {}, formatIndicator(format, first[metric])),
      h('td', {}, formatIndicator(format, last[metric])),
      h(
        'td',
        { class: change > 0 ? 'cg-up' : change < 0 ? 'cg-down' : '' },
        formatIndicator(format, change, true),
      ),
    );
  });
  return h(
    'table',
    { class: 'cg-path' },
    h('caption', {}, t('campaign:report.pathCaption', { rounds: history.length })),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('campaign:report.figure')),
        h('th', { scope: 'col' }, t('campaign:report.first')),
        h('th', { scope: 'col' }, t('campaign:report.last', { round: history.length })),
        h('th', { scope: 'col' }, t('campaign:report.change')),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}

export function openEndReport(options: EndReportOptions): () => void {
  const dialog = h('dialog', {
    class: 'app-dialog cg-dialog cg-report',
    id: 'cg-report',
    'aria-labelledby': 'cg-report-title',
  });
  const render = (): void => {
    const { entry, outcome } = options;
    const won = outcome.status === 'won';
    const button = (id: string, key: string, primary: boolean, action: () => void) => {
      const b = h(
        'button',
        { type: 'button', class: primary ? 'btn btn-primary' : 'btn', id },
        t(key),
      );
      b.addEventListener('click', action);
      return b;
    };
    dialog.dataset.status = outcome.status;
    const parts: (HTMLElement | null)[] = [
      h(
        'header',
        { class: 'cg-report-head' },
        h(
          'h2',
          { id: 'cg-report-title', tabindex: -1 },
          t(won ? 'campaign:report.won' : 'campaign:report.lost', { title: text(entry.title) }),
        ),
        starsNode(won ? outcome.stars : 0, 'cg-stars-large'),
      ),
      outcome.reasons.length > 0
        ? h(
            'section',
            { class: 'cg-reasons' },
            h('h3', {}, t('campaign:report.reasons')),
            h('ul', {}, ...outcome.reasons.map((reason) => h('li', {}, text(reason)))),
          )
        : null,
      h(
        'div',
        { class: 'cg-report-grid' },
        h('section', {}, h('h3', {}, t('campaign:report.path')), pathTable(options.history)),
        h(
          'section',
          {},
          h('h3', {}, t('campaign:report.history')),
          h(
            'ul',
            { class: 'cg-fact-list' },
            ...entry.history.map((fact) =>
              h('li', { class: 'cg-fact' }, h('p', {}, text(fact.text)), citeNode(fact.citation)),
            ),
          ),
        ),
      ),
      reasonsSection(options.reasons ?? [], options.history),
      h(
        'div',
        { class: 'app-dialog-actions cg-report-actions' },
        won && options.next
          ? button('cg-report-next', 'campaign:report.next', true, options.onNext)
          : null,
        button('cg-report-retry', 'campaign:report.retry', !won, options.onRetry),
        button('cg-report-campaign', 'campaign:report.campaign', false, options.onCampaign),
        button('cg-report-close', 'campaign:report.close', false, () => finish()),
      ),
    ];
    dialog.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
  };
  const offLanguage = onLanguageChange(render);
  let open = true;
  const finish = (): void => {
    if (!open) return;
    open = false;
    offLanguage();
    dialog.close();
    dialog.remove();
    options.onClose();
  };
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    finish();
  });
  render();
  document.body.append(dialog);
  dialog.showModal();
  dialog.querySelector<HTMLElement>('#cg-report-title')?.focus();
  return finish;
}
