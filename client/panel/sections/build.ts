/**
 * Decision family 2 (DESIGN §2): infrastructure built over several rounds, with upkeep. Shows
 * what stands and what is under way, the new work orders (kind, sector, cost and years from
 * INFRA_SPECS at today's cost level), and a form to add one.
 */
import {
  INFRA_SPECS,
  LIMITS,
  SECTOR_IDS,
  type InfraKind,
  type InfraOrder,
  type SectorId,
} from '../../../shared';
import { formatMoney, t } from '../../i18n';
import { domId, errorSlot, fillHint, hint, selectField, type SectionContext } from '../controls';
import { h, setAttr, setText } from '../dom';
import { INFRA_KINDS, infraName, sectorName } from '../labels';
import { kindSectorParts, type Part, type SectionRenderer } from './section';

/** Kinds whose order names a sector: a market must, a park may (built on a cluster). */
const SECTOR_KINDS: readonly InfraKind[] = ['market', 'park'];

/** The add form's choice survives the rebuild that adding an order causes. */
const addChoice = new Map<string, { kind: InfraKind; sector: string }>();

function costText(ctx: SectionContext, kind: InfraKind): string {
  const spec = INFRA_SPECS[kind];
  const total = spec.cost * ctx.state.national;
  return t('panel:build.cost', {
    total: formatMoney(total),
    years: t('common:unit.years', { count: spec.years }),
    perYear: formatMoney(total / spec.years),
  });
}

function sectorOptions(kind: InfraKind): { value: string; label: string }[] {
  const none = kind === 'market' ? t('panel:build.sectorChoose') : t('panel:build.sectorNone');
  return [
    { value: '', label: none },
    ...SECTOR_IDS.map((s) => ({ value: s, label: sectorName(s) })),
  ];
}

function orderOf(kind: InfraKind, sector: string): InfraOrder {
  return SECTOR_KINDS.includes(kind) && sector ? { kind, sector: sector as SectorId } : { kind };
}

function standing(ctx: SectionContext): HTMLElement {
  const infra = ctx.town.infra;
  const levels = INFRA_KINDS.filter((k) => k !== 'market').map((kind) =>
    h(
      'li',
      {},
      t('panel:build.level', {
        kind: infraName(kind),
        level: infra[kind as Exclude<InfraKind, 'market'>],
        max: INFRA_SPECS[kind].maxLevel,
      }),
    ),
  );
  const markets =
    infra.markets.length > 0
      ? t('panel:build.markets', {
          list: infra.markets.map(sectorName).join(t('panel:listSeparator')),
        })
      : t('panel:build.noMarkets');
  const projects = infra.projects.map((p) =>
    h(
      'li',
      {},
      t('panel:build.project', {
        kind: infraName(p.kind),
        sector: p.sector ? ` (${sectorName(p.sector)})` : '',
        years: t('common:unit.years', { count: p.yearsLeft }),
      }),
    ),
  );
  return h(
    'div',
    { class: 'pp-standing' },
    h('h4', {}, t('panel:build.built')),
    h('ul', { class: 'pp-levels' }, ...levels, h('li', {}, markets)),
    h('h4', {}, t('panel:build.underway')),
    projects.length > 0
      ? h('ul', {}, ...projects)
      : h('p', { class: 'pp-note' }, t('panel:build.noProjects')),
  );
}

function orderRow(ctx: SectionContext, index: number): Part[] {
  const n = index + 1;
  // Error summaries name the row, not just "Sector".
  const title = t('panel:build.order', { n });
  const read = (): InfraOrder => ctx.current().build[index] ?? { kind: 'roads' };
  const write = (order: InfraOrder): void =>
    ctx.emit(
      'build',
      ctx.current().build.map((o, i) => (i === index ? order : o)),
    );
  const costId = domId(ctx, `build-${index}-cost`);
  const cost = h('p', { class: 'pp-cost', id: costId }, costText(ctx, read().kind));
  const kind = selectField(
    ctx,
    `build-${index}-kind`,
    t('panel:build.kind'),
    INFRA_KINDS.map((k) => ({ value: k, label: infraName(k) })),
    (plan) => plan.build[index]?.kind ?? 'roads',
    (value) => write(orderOf(value as InfraKind, read().sector ?? '')),
    [costId],
  );
  const sector = selectField(
    ctx,
    `build-${index}-sector`,
    t('panel:build.sector'),
    sectorOptions(read().kind),
    (plan) => plan.build[index]?.sector ?? '',
    (value) => write(orderOf(read().kind, value)),
  );
  const remove = h(
    'button',
    { type: 'button', class: 'pp-remove', id: domId(ctx, `build-${index}-remove`) },
    t('panel:build.remove', { n }),
  );
  remove.addEventListener('click', () =>
    ctx.emit(
      'build',
      ctx.current().build.filter((_, i) => i !== index),
    ),
  );
  const refresh = (): void => {
    const order = read();
    sector.select.disabled = !SECTOR_KINDS.includes(order.kind);
    setText(sector.select.options[0], sectorOptions(order.kind)[0].label);
    setText(cost, costText(ctx, order.kind));
  };
  refresh();
  const row = h(
    'li',
    { class: 'pp-row' },
    h('p', { class: 'pp-row-title' }, title),
    h('div', { class: 'pp-row-fields' }, kind.element, sector.element),
    cost,
    remove,
  );
  return [
    ...kindSectorParts(
      row,
      title,
      kind,
      sector,
      { kind: 'panel:build.kind', sector: 'panel:build.sector' },
      refresh,
    ),
  ];
}

function addForm(ctx: SectionContext): Part {
  const key = ctx.idPrefix;
  const choice = addChoice.get(key) ?? { kind: 'roads' as InfraKind, sector: '' };
  const kindId = domId(ctx, 'build-add');
  const sectorId = domId(ctx, 'build-add-sector');
  const hintId = `${kindId}-hint`;
  const kindSelect = h(
    'select',
    { id: kindId },
    ...INFRA_KINDS.map((k) => {
      const spec = INFRA_SPECS[k];
      return h(
        'option',
        { value: k },
        `${infraName(k)} — ${formatMoney(spec.cost * ctx.state.national)}, ${t('common:unit.years', { count: spec.years })}`,
      );
    }),
  );
  kindSelect.value = choice.kind;
  const sectorSelect = h(
    'select',
    { id: sectorId },
    ...sectorOptions(choice.kind).map((o) => h('option', { value: o.value }, o.label)),
  );
  sectorSelect.value = choice.sector;
  const kindHint = hint(hintId, `build.kindHint.${choice.kind}`);
  const limit = h(
    'p',
    { class: 'pp-note', id: `${kindId}-limit` },
    t('panel:build.limit', { max: LIMITS.maxBuildOrders }),
  );
  const button = h(
    'button',
    { type: 'button', class: 'pp-add', id: domId(ctx, 'build-add-button') },
    t('panel:build.addButton'),
  );
  const error = errorSlot(`${kindId}-error`);
  const refresh = (): void => {
    const kind = kindSelect.value as InfraKind;
    sectorSelect.disabled = !SECTOR_KINDS.includes(kind);
    setText(sectorSelect.options[0], sectorOptions(kind)[0].label);
    fillHint(kindHint, `build.kindHint.${kind}`);
    const full = ctx.current().build.length >= LIMITS.maxBuildOrders;
    setAttr(button, 'aria-disabled', full ? 'true' : null);
    setAttr(button, 'aria-describedby', full ? limit.id : null);
    limit.hidden = !full;
  };
  const remember = (): void => {
    addChoice.set(key, { kind: kindSelect.value as InfraKind, sector: sectorSelect.value });
    refresh();
  };
  kindSelect.addEventListener('change', remember);
  sectorSelect.addEventListener('change', remember);
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    const order = orderOf(kindSelect.value as InfraKind, sectorSelect.value);
    ctx.emit('build', [...ctx.current().build, order]);
  });
  refresh();
  const element = h(
    'div',
    { class: 'pp-add-form', role: 'group', 'aria-labelledby': `${kindId}-h` },
    h('h4', { id: `${kindId}-h` }, t('panel:build.add')),
    h(
      'div',
      { class: 'pp-row-fields' },
      h(
        'div',
        { class: 'pp-field pp-select' },
        h('label', { for: kindId }, t('panel:build.addKind')),
        kindSelect,
      ),
      h(
        'div',
        { class: 'pp-field pp-select' },
        h('label', { for: sectorId }, t('panel:build.addSector')),
        sectorSelect,
      ),
    ),
    kindHint,
    button,
    limit,
    error,
  );
  kindSelect.setAttribute('aria-describedby', hintId);
  return {
    element,
    handle: {
      id: 'build-add',
      label: () => t('panel:build.add'),
      targets: [kindSelect],
      error,
      describedBy: [hintId],
      focus: () => kindSelect.focus(),
    },
    sync: refresh,
  };
}

export const buildSection: SectionRenderer = {
  section: 'build',
  shape: (ctx) =>
    `${ctx.state.national}|${ctx.draft.build.length}|${JSON.stringify(ctx.town.infra)}`,
  controls(ctx) {
    const orders = ctx.draft.build.map((_, i) => orderRow(ctx, i));
    const list =
      orders.length > 0
        ? h('ol', { class: 'pp-rows' }, ...orders.map((parts) => parts[0].element))
        : h('p', { class: 'pp-note' }, t('panel:build.noOrders'));
    return [
      { element: hint(domId(ctx, 'build-hint'), 'section.build.hint') },
      { element: standing(ctx) },
      {
        element: h(
          'h4',
          {},
          t('panel:build.orders', {
            count: ctx.draft.build.length,
            max: LIMITS.maxBuildOrders,
          }),
        ),
      },
      { element: list },
      ...orders.flatMap((parts) => parts.slice(1)),
      addForm(ctx),
    ];
  },
};
