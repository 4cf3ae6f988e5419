/**
 * The key moments in the sidebar: one button per moment, in the order they happened; a click
 * jumps to its round, its town and the view that shows it best (the map for flows between towns
 * and region-wide events, the town scene otherwise).
 */
import type { MatchState } from '../../shared';
import { formatCount, formatNumber, formatPercent, t } from '../i18n';
import { h } from '../app/dom';
import { eventTitle, sectorName, townName } from '../panel/labels';
import { momentTown, type KeyMoment } from './key-moments';
import type { ReplayPosition } from './sync';

const ICONS: Record<KeyMoment['kind'], string> = {
  rise: '▲',
  drop: '▼',
  relocation: '⇢',
  eventImpact: '⚡',
  specialised: '★',
};

function changeText(moment: Extract<KeyMoment, { kind: 'rise' | 'drop' }>): string {
  return moment.metric === 'pollution'
    ? t('replay:moment.points', { value: formatNumber(moment.change, { digits: 1, signed: true }) })
    : formatPercent(moment.change, 0, true);
}

export function momentText(moment: KeyMoment, state: MatchState): string {
  switch (moment.kind) {
    case 'rise':
    case 'drop':
      return t(`replay:moment.${moment.kind}`, {
        town: townName(state, moment.town),
        metric: t(`common:metric.${moment.metric}`),
        change: changeText(moment),
      });
    case 'relocation':
      return t('replay:moment.relocation', {
        count: moment.count,
        number: formatCount(moment.count),
        sector: t(`common:sectorShort.${moment.sector}`),
        from: townName(state, moment.from),
        to: townName(state, moment.to),
      });
    case 'eventImpact':
      return t('replay:moment.eventImpact', {
        events: moment.events.map(eventTitle).join(', '),
        gdp: formatPercent(moment.gdpChange, 1, true),
        firms: formatPercent(moment.firmsChange, 1, true),
        usualGdp: formatPercent(moment.typicalGdpChange, 1, true),
        usualFirms: formatPercent(moment.typicalFirmsChange, 1, true),
      });
    case 'specialised':
      return t('replay:moment.specialised', {
        town: townName(state, moment.town),
        sector: sectorName(moment.sector),
      });
  }
}

/** Where a click on a moment takes the viewer. */
export function momentPosition(moment: KeyMoment, fallbackTown: string): ReplayPosition {
  const view = moment.kind === 'relocation' || moment.kind === 'eventImpact' ? 'region' : 'town';
  return { round: moment.round, view, townId: momentTown(moment) ?? fallbackTown };
}

export interface MomentsList {
  element: HTMLElement;
  update(round: number): void;
  relabel(): void;
}

export function mountMoments(
  moments: readonly KeyMoment[],
  state: MatchState,
  yearOf: (round: number) => number,
  onJump: (moment: KeyMoment) => void,
): MomentsList {
  const list = h('ol', { class: 'replay-moments', id: 'replay-moments' });
  const empty = h('p', { class: 'muted' });
  const element = h('div', {}, list, empty);
  let buttons: HTMLButtonElement[] = [];
  let current = -1;

  function render(): void {
    buttons = moments.map((moment) => {
      const button = h(
        'button',
        {
          type: 'button',
          class: `replay-moment replay-moment-${moment.kind}`,
          'data-round': moment.round,
        },
        h('span', { class: 'replay-moment-icon', 'aria-hidden': 'true' }, ICONS[moment.kind]),
        h(
          'span',
          { class: 'replay-moment-when' },
          t('replay:moment.when', { round: moment.round, year: yearOf(moment.round) }),
        ),
        h('span', { class: 'replay-moment-text' }, momentText(moment, state)),
      );
      button.addEventListener('click', () => onJump(moment));
      return button;
    });
    list.replaceChildren(...buttons.map((b) => h('li', {}, b)));
    empty.textContent = moments.length === 0 ? t('replay:moment.none') : '';
    empty.hidden = moments.length > 0;
    mark();
  }

  function mark(): void {
    let first: HTMLButtonElement | null = null;
    for (const button of buttons) {
      const here = Number(button.dataset.round) === current;
      if (here) button.setAttribute('aria-current', 'step');
      else button.removeAttribute('aria-current');
      if (here && !first) first = button;
    }
    // Bring the round's moments into the list's view, without scrolling the page (the list is
    // positioned, so offsetTop counts from its top).
    const item = first?.parentElement;
    if (
      item &&
      (item.offsetTop < list.scrollTop ||
        item.offsetTop > list.scrollTop + list.clientHeight - item.offsetHeight)
    ) {
      list.scrollTop = item.offsetTop;
    }
  }

  render();
  return {
    element,
    update(round) {
      if (round === current) return;
      current = round;
      mark();
    },
    relabel: render,
  };
}
