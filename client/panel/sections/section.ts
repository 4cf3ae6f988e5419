/**
 * The frame every decision family shares: a heading, who edits it, and its controls inside a
 * fieldset that is disabled for members who do not hold the section's portfolio (read-only
 * but visible, DESIGN issue 4). A section is rebuilt only when its `shape` changes (a row
 * added, a language switch); otherwise its controls are synced in place to keep focus.
 */
import type { TownPlan } from '../../../shared';
import type { PlanSection } from '../../../shared/protocol/roles';
import { t } from '../../i18n';
import { domId, type Control, type ControlHandle, type SectionContext } from '../controls';
import { h } from '../dom';

/** A piece of a section: a control with an error slot, or text that follows the draft. */
export interface Part {
  /** Null for a control whose element sits inside another part (a row of a list). */
  element: HTMLElement | null;
  handle?: ControlHandle;
  sync?(draft: TownPlan): void;
}

/**
 * The parts of a list row made of a kind and a sector drop-down (a construction order, a
 * diplomacy proposal): the row itself, then the two controls, labelled with the row's title so
 * a screen reader tells "Order 2 — Kind" from "Order 3 — Kind". Editing the kind refreshes what
 * depends on it (the cost, the hint, whether a sector applies).
 */
export function kindSectorParts(
  row: HTMLElement,
  title: string,
  kind: Control,
  sector: Control,
  /** i18n keys of the two labels. */
  labels: { kind: string; sector: string },
  refresh: () => void,
): Part[] {
  return [
    { element: row },
    {
      element: null,
      handle: { ...kind.handle, label: () => `${title} — ${t(labels.kind)}` },
      sync: (draft) => {
        kind.sync(draft);
        sector.sync(draft);
        refresh();
      },
    },
    {
      element: null,
      handle: { ...sector.handle, label: () => `${title} — ${t(labels.sector)}` },
    },
  ];
}

export interface SectionRenderer {
  section: PlanSection;
  /** Anything besides the language and editability that changes the section's structure. */
  shape(ctx: SectionContext): string;
  controls(ctx: SectionContext): Part[];
}

export interface SectionView {
  element: HTMLElement;
  handles: ControlHandle[];
  sync(ctx: SectionContext): void;
}

export function renderSection(renderer: SectionRenderer, ctx: SectionContext): SectionView {
  const id = domId(ctx, `section-${renderer.section}`);
  const parts = renderer.controls(ctx);
  const holder = t(`common:portfolio.${ctx.holder}`);
  const access = h(
    'p',
    { class: ctx.editable ? 'pp-access' : 'pp-access pp-readonly' },
    ctx.editable ? t('panel:editable') : t('panel:readOnly', { holder }),
  );
  const fieldset = h(
    'fieldset',
    { class: 'pp-controls', disabled: !ctx.editable, 'aria-labelledby': `${id}-h` },
    ...parts.map((p) => p.element),
  );
  const element = h(
    'section',
    {
      class: `pp-section pp-section-${renderer.section}`,
      id,
      'aria-labelledby': `${id}-h`,
      'data-editable': String(ctx.editable),
    },
    h('h3', { id: `${id}-h` }, t(`panel:section.${renderer.section}.heading`)),
    access,
    fieldset,
  );
  return {
    element,
    handles: parts.flatMap((p) => (p.handle ? [p.handle] : [])),
    sync(next) {
      for (const part of parts) part.sync?.(next.draft);
    },
  };
}
