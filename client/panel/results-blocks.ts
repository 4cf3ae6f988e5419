/**
 * The blocks of the results panel, one function each: events, headline changes with causes,
 * the central evaluation, clusters, indicators and news. Each number gets a "Why?".
 */
import { SECTOR_IDS, findEvent, type Explanation, type TownState } from '../../shared';
import type { Citation } from '../../shared/data/citation';
import { firmCount } from '../../shared/engine/industry';
import { formatCount, formatNumber, t } from '../i18n';
import { CAUSE_CITATIONS, CLUSTER_TYPE_CITATION, EVALUATION_CITATION } from './citations';
import { h } from './dom';
import { formatIndicator } from './format';
import { arrowOf, trendOf } from './trend';
import {
  causeLabel,
  citationLabel,
  citationText,
  eventText,
  eventTitle,
  INDICATOR_KEYS,
  metricLabel,
  sectorName,
  townName,
} from './labels';
import { townNewsText } from './news';
import {
  INDICATOR_FORMAT,
  evaluationBreakdown,
  headlineFormat,
  struckEvents,
  townExplanations,
  townNews,
} from './results-model';
import type { ResultsPanelOptions } from './results-panel';
import { why } from './why';

export interface Render {
  opts: ResultsPanelOptions;
  prefix: string;
  town: TownState;
  expanded: Set<string>;
}

function citeNode(citation: Citation): HTMLElement {
  return h('cite', { title: citationLabel(citation) }, citationText(citation));
}

export function block(
  r: Render,
  key: string,
  heading: string,
  ...content: (Node | null)[]
): HTMLElement {
  const id = `${r.prefix}${key}`;
  return h(
    'section',
    { class: `rp-block rp-${key}`, 'aria-labelledby': `${id}-h` },
    h('h3', { id: `${id}-h` }, heading),
    ...content,
  );
}

export function eventsBlock(r: Render): HTMLElement {
  const struck = struckEvents(r.opts.events);
  const items = struck.map((e) => {
    const definition = findEvent(e.eventId);
    return h(
      'li',
      { class: 'rp-event' },
      h('h4', {}, `${e.year} · ${eventTitle(e.eventId)}`),
      h('p', {}, eventText(e.eventId)),
      h(
        'p',
        { class: 'rp-note' },
        e.type === 'EventCardPlayed' ? t('results:events.card') : t('results:events.timeline'),
      ),
      definition
        ? h(
            'p',
            { class: 'rp-source' },
            t('results:events.source', { citation: '' }),
            citeNode(definition.citation),
            ' ',
            h('q', {}, definition.citation.quote),
          )
        : null,
    );
  });
  return block(
    r,
    'events',
    t('results:events.heading'),
    items.length > 0
      ? h('ul', { class: 'rp-list' }, ...items)
      : h('p', {}, t('results:events.none')),
  );
}

function causesList(r: Render, e: Explanation): Node[] {
  const format = headlineFormat(e.metric);
  if (e.causes.length === 0) return [h('p', {}, t('results:headlines.noCauses'))];
  const shown = e.causes.slice(0, 8);
  const rest = e.causes.slice(8).reduce((sum, c) => sum + c.amount, 0);
  return [
    h('p', {}, t('results:headlines.causes')),
    h(
      'ol',
      { class: 'rp-causes' },
      ...shown.map((c) => {
        const citation = CAUSE_CITATIONS[c.cause];
        return h(
          'li',
          {},
          h('span', { class: 'rp-cause' }, causeLabel(c, r.opts.state)),
          h('span', { class: 'rp-amount' }, formatIndicator(format, c.amount, true)),
          citation ? h('span', { class: 'rp-cite' }, citeNode(citation)) : null,
        );
      }),
      rest !== 0
        ? h('li', {}, t('results:headlines.rest', { amount: formatIndicator(format, rest, true) }))
        : null,
    ),
  ];
}

export function headlinesBlock(r: Render): HTMLElement {
  const own = townExplanations(r.opts.explanations, r.town.id);
  const items = own.map((e) => {
    const format = headlineFormat(e.metric);
    const label = metricLabel(e.metric);
    const w = why(`${r.prefix}headline-${e.metric}`, label, () => causesList(r, e), r.expanded);
    const delta = e.after - e.before;
    const { trend, quality } = trendOf(e.metric, delta);
    return h(
      'li',
      { class: 'rp-number', 'data-trend': trend, 'data-quality': quality },
      h('span', { class: 'rp-label' }, label),
      h(
        'span',
        { class: 'rp-value' },
        t('results:headlines.change', {
          before: formatIndicator(format, e.before),
          after: formatIndicator(format, e.after),
        }),
      ),
      h(
        'span',
        { class: 'rp-delta' },
        h('span', { 'aria-hidden': 'true' }, arrowOf(trend)),
        formatIndicator(format, delta, true),
      ),
      w.button,
      w.region,
    );
  });
  return block(
    r,
    'headlines',
    t('results:headlines.heading', { town: townName(r.opts.state, r.town.id) }),
    items.length > 0
      ? h('ul', { class: 'rp-numbers' }, ...items)
      : h('p', {}, t('results:headlines.none')),
  );
}

export function evaluationBlock(r: Render): HTMLElement {
  const history = r.opts.history;
  const previous = history.length > 1 ? history[history.length - 2].gdp : null;
  const explain = (): Node[] => {
    const breakdown = evaluationBreakdown(r.opts.state, r.town, previous);
    return [
      h('p', {}, t('results:evaluation.intro')),
      h(
        'ul',
        { class: 'rp-causes' },
        ...breakdown.rows.map((row) =>
          h(
            'li',
            {},
            t('results:evaluation.row', {
              indicator: t(`common:weight.${row.key}`),
              score: formatNumber(row.score, { digits: 2 }),
              weight: formatNumber(row.weight, { digits: 1 }),
              points: formatNumber(row.points, { digits: 1 }),
            }),
          ),
        ),
      ),
      h('p', {}, t('results:evaluation.costsIntro')),
      h(
        'ul',
        { class: 'rp-causes' },
        ...breakdown.costs.map((cost) =>
          h(
            'li',
            {},
            t('results:evaluation.cost', {
              cost: t(`results:evaluation.costName.${cost.key}`),
              share: formatIndicator('percent', cost.share),
              weight: formatNumber(cost.weight, { digits: 0 }),
              points: formatNumber(-cost.points, { digits: 1, signed: true }),
            }),
          ),
        ),
      ),
      h(
        'p',
        {},
        t('results:evaluation.gross', {
          gross: formatNumber(breakdown.gross, { digits: 1 }),
          costs: formatNumber(
            breakdown.costs.reduce((sum, c) => sum + c.points, 0),
            { digits: 1 },
          ),
        }),
        ' ',
        t('results:evaluation.approx', { total: formatNumber(breakdown.total, { digits: 1 }) }),
      ),
      breakdown.greenTurn ? h('p', {}, t('results:evaluation.green')) : null,
      h(
        'p',
        { class: 'rp-source' },
        t('results:evaluation.source', { citation: '' }),
        citeNode(EVALUATION_CITATION),
      ),
    ].filter((n) => n !== null);
  };
  const label = t('common:metric.evaluation');
  const w = why(`${r.prefix}evaluation`, label, explain, r.expanded);
  return block(
    r,
    'evaluation',
    t('results:evaluation.heading'),
    h(
      'p',
      { class: 'rp-big' },
      t('results:evaluation.value', { value: formatNumber(r.town.last.evaluation, { digits: 1 }) }),
      ' ',
      w.button,
    ),
    w.region,
    h('p', {}, t('results:evaluation.score', { score: formatNumber(r.town.score, { digits: 0 }) })),
  );
}

export function clustersBlock(r: Render): HTMLElement {
  const rows = SECTOR_IDS.filter((s) => firmCount(r.town.industries[s]) > 0).map((sector) => {
    const industry = r.town.industries[sector];
    const explanation = r.opts.explanations.find(
      (e) => e.town === r.town.id && e.metric === `firms_${sector}`,
    );
    const explain = (): Node[] => [
      h(
        'p',
        {},
        (['sme', 'foreign', 'leading', 'soe'] as const)
          .map((kind) => `${t(`common:firmKind.${kind}`)}: ${formatCount(industry.firms[kind])}`)
          .join(t('panel:listSeparator')),
      ),
      ...(explanation ? causesList(r, explanation) : []),
    ];
    const label = sectorName(sector);
    const w = why(
      `${r.prefix}cluster-${sector}`,
      metricLabel(`firms_${sector}`),
      explain,
      r.expanded,
    );
    return h(
      'li',
      { class: 'rp-number' },
      h('span', { class: 'rp-label' }, label),
      h(
        'span',
        { class: 'rp-value' },
        `${formatCount(firmCount(industry))} `,
        h('span', { class: 'rp-unit' }, t('results:clusters.firms')),
      ),
      h(
        'span',
        { class: 'rp-delta' },
        h(
          'span',
          { class: 'rp-line' },
          `${t('results:clusters.type')}: ${t(`common:clusterType.${industry.clusterType}`)}`,
        ),
        h(
          'span',
          { class: 'rp-line' },
          `${t('results:clusters.stage')}: ${t(`common:lifeStage.${industry.lifeStage}`)}`,
        ),
      ),
      w.button,
      w.region,
    );
  });
  const specialised = r.town.specialisedSector
    ? t('results:clusters.specialised', { sector: sectorName(r.town.specialisedSector) })
    : t('results:clusters.notSpecialised');
  return block(
    r,
    'clusters',
    t('results:clusters.heading', { town: townName(r.opts.state, r.town.id) }),
    h('p', {}, specialised),
    rows.length > 0
      ? h('ul', { class: 'rp-numbers rp-grid' }, ...rows)
      : h('p', {}, t('results:clusters.none')),
    h(
      'p',
      { class: 'rp-source' },
      t('results:clusters.typeSource', { citation: '' }),
      citeNode(CLUSTER_TYPE_CITATION),
    ),
  );
}

export function indicatorsBlock(r: Render): HTMLElement {
  const history = r.opts.history;
  const previous = history.length > 1 ? history[history.length - 2] : null;
  const items = INDICATOR_KEYS.map((key) => {
    const format = INDICATOR_FORMAT[key];
    const value = r.town.last[key];
    const label = metricLabel(key);
    const explanation = r.opts.explanations.find((e) => e.town === r.town.id && e.metric === key);
    const w = why(
      `${r.prefix}indicator-${key}`,
      label,
      () => [
        h('p', {}, t(`results:help.${key}`)),
        ...(explanation ? causesList(r, explanation) : []),
      ],
      r.expanded,
    );
    const change = previous ? trendOf(key, value - previous[key]) : null;
    return h(
      'li',
      { class: 'rp-number', 'data-trend': change?.trend, 'data-quality': change?.quality },
      h('span', { class: 'rp-label' }, label),
      h('span', { class: 'rp-value' }, formatIndicator(format, value)),
      previous
        ? h(
            'span',
            { class: 'rp-delta' },
            h('span', { 'aria-hidden': 'true' }, arrowOf(change!.trend)),
            t('results:indicators.change', {
              delta: formatIndicator(format, value - previous[key], true),
            }),
          )
        : null,
      w.button,
      w.region,
    );
  });
  return block(
    r,
    'indicators',
    t('results:indicators.heading'),
    h('ul', { class: 'rp-numbers rp-grid' }, ...items),
  );
}

export function newsBlock(r: Render): HTMLElement {
  const news = townNews(r.opts.events, r.town.id).slice(0, 30);
  return block(
    r,
    'news',
    t('results:news.heading'),
    news.length > 0
      ? h(
          'ul',
          { class: 'rp-list rp-news-list' },
          ...news.map((e) => h('li', {}, townNewsText(e, r.opts.state, r.town.id))),
        )
      : h('p', {}, t('results:news.none')),
  );
}
