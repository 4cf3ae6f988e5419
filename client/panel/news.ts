/**
 * One translated line per round event, for the results panel's news list and the ticker.
 * Announcements go into a polite `role="log"` region: read out once, never interrupting.
 */
import type { FirmKind, MatchEvent, MatchState } from '../../shared';
import { formatCount, t } from '../i18n';
import { h } from './dom';
import { eventTitle, infraName, proposalKindName, sectorName, townName } from './labels';

/** "3 local SMEs", "1 foreign plant", "3 家本地中小企业". */
function firms(kind: FirmKind, count: number): string {
  return t(`common:firmCount.${kind}`, { count });
}

export function newsText(event: MatchEvent, state: MatchState): string {
  const name = (id: string): string => townName(state, id);
  const kindOf = (id: string): string => {
    const proposal = state.proposals.find((p) => p.id === id);
    return proposal ? proposalKindName(proposal.kind) : id;
  };
  switch (event.type) {
    case 'TimelineEventStruck':
    case 'EventCardPlayed':
      return t('results:news.EventStruck', { title: eventTitle(event.eventId) });
    case 'FirmsEntered':
    case 'FirmsClosed':
      return t(`results:news.${event.type}`, {
        firms: firms(event.kind, event.count),
        sector: sectorName(event.sector),
        cause: event.type === 'FirmsClosed' ? t(`common:cause.${event.cause}`) : '',
      });
    case 'FirmsRelocated':
      return t('results:news.FirmsRelocatedOut', {
        firms: firms(event.kind, event.count),
        sector: sectorName(event.sector),
        from: name(event.from),
        to: name(event.to),
      });
    case 'ForeignPlantsArrived':
      return t('results:news.ForeignPlantsArrived', {
        sector: sectorName(event.sector),
        count: formatCount(event.count),
      });
    case 'LeadingEnterpriseEmerged':
      return t('results:news.LeadingEnterpriseEmerged', { sector: sectorName(event.sector) });
    case 'TownBecameSpecialised':
    case 'TownLostSpecialisation':
      return t(`results:news.${event.type}`, {
        town: name(event.town),
        sector: sectorName(event.sector),
      });
    case 'ProjectCompleted':
      return event.sector
        ? t('results:news.ProjectCompletedSector', {
            kind: infraName(event.kind),
            sector: sectorName(event.sector),
          })
        : t('results:news.ProjectCompleted', { kind: infraName(event.kind) });
    case 'ParkClosedInCleanup':
    case 'DebtLimitReached':
      return t(`results:news.${event.type}`, { town: name(event.town) });
    case 'CentreOpened':
      return t('results:news.CentreOpened', {
        sector: sectorName(event.sector),
        funders: event.funders.map(name).join(t('panel:listSeparator')),
      });
    case 'ProposalMade':
      return t('results:news.ProposalMade', {
        from: name(event.from),
        to: event.to.map(name).join(t('panel:listSeparator')),
        kind: proposalKindName(event.kind),
      });
    case 'ProposalAgreed': {
      const proposal = state.proposals.find((p) => p.id === event.proposalId);
      const towns = proposal ? [proposal.from, ...proposal.accepted].map(name) : [];
      return t('results:news.ProposalAgreed', {
        kind: kindOf(event.proposalId),
        towns: towns.join(t('panel:listSeparator')),
      });
    }
    case 'ProposalDeclined':
      return t('results:news.ProposalDeclined', {
        by: name(event.by),
        kind: kindOf(event.proposalId),
      });
    case 'StatementPosted':
      return t('results:news.StatementPosted', { town: name(event.town), text: event.text });
    case 'ClusterStageChanged':
      return t('results:news.ClusterStageChanged', {
        town: name(event.town),
        sector: sectorName(event.sector),
        stage: t(`common:lifeStage.${event.stage}`),
      });
  }
}

/**
 * A news ticker for announcements (events, statements, the town's own news). The relocation
 * line is worded from the town's side, so players see where their firms went.
 */
export function townNewsText(event: MatchEvent, state: MatchState, townId: string): string {
  if (event.type === 'FirmsRelocated' && event.to === townId) {
    return t('results:news.FirmsRelocatedIn', {
      firms: firms(event.kind, event.count),
      sector: sectorName(event.sector),
      from: townName(state, event.from),
    });
  }
  return newsText(event, state);
}

export interface NewsTickerOptions {
  state: MatchState;
  townId: string;
  /** Events of the latest round; pass new ones with `push`. */
  events: MatchEvent[];
  /** Lines kept on screen. */
  max?: number;
}

export interface NewsTicker {
  push(events: MatchEvent[], state: MatchState): void;
  destroy(): void;
}

/** Mount a small live news list that announces each new line once. */
export function mountNewsTicker(root: HTMLElement, options: NewsTickerOptions): NewsTicker {
  const max = options.max ?? 6;
  const list = h('ul', { class: 'news-ticker-list' });
  const box = h(
    'div',
    {
      class: 'news-ticker',
      role: 'log',
      'aria-live': 'polite',
      'aria-label': t('results:news.live'),
    },
    list,
  );
  root.replaceChildren(box);
  const push = (events: MatchEvent[], state: MatchState): void => {
    for (const event of events) {
      list.prepend(h('li', {}, townNewsText(event, state, options.townId)));
    }
    while (list.children.length > max) list.lastElementChild?.remove();
  };
  push(options.events, options.state);
  return {
    push,
    destroy: () => root.replaceChildren(),
  };
}
