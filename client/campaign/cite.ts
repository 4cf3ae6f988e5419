/**
 * A citation as the campaign shows it: paper id and section at a glance, the paper's title on
 * hover, and the verbatim quote one click away (a <details>, so it works by keyboard and touch
 * where hovering does not).
 */
import type { Citation } from '../../shared/data/citation';
import { h } from '../app/dom';
import { t } from '../i18n';
import { citationLabel, citationText } from '../panel/labels';

export function citeNode(citation: Citation): HTMLElement {
  const summary = h(
    'summary',
    { class: 'cg-cite-summary', title: citationLabel(citation) },
    h('cite', {}, citationText(citation)),
  );
  return h(
    'details',
    { class: 'cg-cite' },
    summary,
    h(
      'blockquote',
      { class: 'cg-quote', lang: 'en' },
      h('p', {}, `“${citation.quote}”`),
      h('footer', {}, t('campaign:cite.from', { title: t(`common:paper.${citation.paper}`) })),
    ),
  );
}
