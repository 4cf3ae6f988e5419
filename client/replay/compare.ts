/**
 * Side-by-side comparison of 2 to 4 towns at the chosen round: a small plan view of each and a
 * table of their key figures with the change since the round before; the best of each row is
 * marked. The choice of towns is a set of checkboxes (the fifth stays disabled).
 */
import type { MatchState } from '../../shared';
import { t } from '../i18n';
import { h, tx } from '../app/dom';
import { townName } from '../panel/labels';
import { COMPARE_KEYS, HIGH_IS_BAD, figureLabel, figureOf, formatFigure } from './figures';
import { drawTownThumbnail } from './thumbnail';

export const MAX_COMPARED = 4;
const THUMB_PX = 168;

export interface ComparePanel {
  element: HTMLElement;
  /** `year` is the year the round was played (the viewer's label for a round). */
  update(state: MatchState, previous: MatchState | null, year: number): void;
  selected(): string[];
  /** Show these towns (a presenter's choice); ids not in the match are ignored. */
  setSelected(ids: readonly string[]): void;
  relabel(): void;
}

export function mountCompare(
  start: MatchState,
  initial: readonly string[],
  onChange: (ids: string[]) => void,
): ComparePanel {
  const towns = start.towns.map((town) => ({ id: town.id }));
  let chosen = initial.filter((id) => towns.some((t) => t.id === id)).slice(0, MAX_COMPARED);
  let last: { state: MatchState; previous: MatchState | null; year: number } | null = null;
  const boxes = towns.map((town) =>
    h('input', {
      type: 'checkbox',
      id: `replay-compare-${town.id}`,
      value: town.id,
      checked: chosen.includes(town.id),
    }),
  );
  // Names follow the language (scenario towns have Chinese names).
  const names = towns.map(() => h('span', {}));
  const nameTowns = (): void =>
    names.forEach((span, i) => (span.textContent = townName(start, towns[i].id)));
  const picker = h(
    'fieldset',
    { class: 'replay-compare-picker' },
    tx('legend', 'replay:compare.pick', {}, { max: MAX_COMPARED }),
    h(
      'div',
      { class: 'replay-compare-boxes' },
      ...towns.map((town, i) =>
        h('label', { for: boxes[i].id, class: 'replay-check' }, boxes[i], names[i]),
      ),
    ),
  );
  const hint = h('p', { class: 'muted', role: 'status' });
  const table = h('table', { class: 'replay-compare-table', id: 'replay-compare-table' });
  const element = h(
    'div',
    { class: 'replay-compare' },
    picker,
    hint,
    h('div', { class: 'replay-compare-scroll' }, table),
  );

  const syncBoxes = (): void => {
    for (const box of boxes) {
      box.checked = chosen.includes(box.value);
      box.disabled = !box.checked && chosen.length >= MAX_COMPARED;
    }
    hint.textContent =
      chosen.length < 2
        ? t('replay:compare.tooFew')
        : t('replay:compare.count', { count: chosen.length });
  };

  boxes.forEach((box) =>
    box.addEventListener('change', () => {
      chosen = box.checked
        ? [...chosen, box.value].slice(0, MAX_COMPARED)
        : chosen.filter((id) => id !== box.value);
      syncBoxes();
      onChange([...chosen]);
      if (last) render(last.state, last.previous, last.year);
    }),
  );

  function headCell(
    state: MatchState,
    previous: MatchState | null,
    id: string,
    year: number,
  ): HTMLElement {
    const town = state.towns.find((x) => x.id === id)!;
    const canvas = h('canvas', {
      width: THUMB_PX,
      height: THUMB_PX,
      class: 'replay-thumb',
      role: 'img',
      'aria-label': t('replay:compare.thumb', { town: townName(state, id), year }),
    });
    drawTownThumbnail(
      canvas,
      town,
      previous?.towns.find((x) => x.id === id),
    );
    return h(
      'th',
      { scope: 'col' },
      h('span', { class: 'replay-compare-name' }, townName(state, id)),
      canvas,
    );
  }

  function render(state: MatchState, previous: MatchState | null, year: number): void {
    const ids = chosen.filter((id) => state.towns.some((x) => x.id === id));
    if (ids.length === 0) {
      table.replaceChildren();
      return;
    }
    const rows = COMPARE_KEYS.map((key) => {
      const values = ids.map((id) =>
        figureOf(
          state.towns.find((x) => x.id === id)!,
          key,
        ),
      );
      const best = HIGH_IS_BAD.has(key) ? Math.min(...values) : Math.max(...values);
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, figureLabel(key)),
        ...ids.map((id, i) => {
          const before = previous?.towns.find((x) => x.id === id);
          const delta = before ? values[i] - figureOf(before, key) : 0;
          const shown = formatFigure(key, delta, true);
          const worse = HIGH_IS_BAD.has(key) ? delta > 0 : delta < 0;
          return h(
            'td',
            { class: ids.length > 1 && values[i] === best ? 'replay-best' : '' },
            formatFigure(key, values[i]),
            // A change too small to print ("+0") is no change to show.
            before && shown !== formatFigure(key, 0, true)
              ? h(
                  'span',
                  { class: `replay-delta ${worse ? 'replay-worse' : 'replay-better'}` },
                  ` ${shown}`,
                )
              : null,
          );
        }),
      );
    });
    table.replaceChildren(
      h(
        'caption',
        {},
        t(state.round === 0 ? 'replay:compare.captionStart' : 'replay:compare.caption', {
          year,
          round: state.round,
        }),
      ),
      h(
        'thead',
        {},
        h('tr', {}, h('td', {}), ...ids.map((id) => headCell(state, previous, id, year))),
      ),
      h('tbody', {}, ...rows),
    );
  }

  nameTowns();
  syncBoxes();
  return {
    element,
    update(state, previous, year) {
      last = { state, previous, year };
      render(state, previous, year);
    },
    selected: () => [...chosen],
    setSelected(ids) {
      const next = ids.filter((id) => towns.some((t) => t.id === id)).slice(0, MAX_COMPARED);
      if (next.join() === chosen.join()) return;
      chosen = next;
      syncBoxes();
      if (last) render(last.state, last.previous, last.year);
    },
    relabel() {
      nameTowns();
      syncBoxes();
      if (last) render(last.state, last.previous, last.year);
    },
  };
}
