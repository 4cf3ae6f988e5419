/**
 * Labelled form controls of the policy panel. Each control has a `<label>` (or a fieldset
 * legend), a one-line hint citing the papers, and an error slot wired through
 * `aria-describedby`; the panel marks it `aria-invalid` when validatePlan blames it.
 * Controls write to the draft through `emit` and read it back in `sync`, which never touches
 * the control that has focus, so a draft pushed by the server does not disturb typing.
 */
import type { MatchState, SectorId, TownPlan, TownState } from '../../shared';
import { SECTOR_IDS } from '../../shared';
import type { PlanSection, Portfolio } from '../../shared/protocol/roles';
import { t } from '../i18n';
import { HINT_CITATIONS } from './citations';
import { h } from './dom';
import { citationLabel, citationText, sectorName } from './labels';
import { NUMERIC_FIELDS, fromDisplay, toDisplay, type ErrorKind } from './panel-model';
import { rovingFocus } from './roving';
import { rangeAssist } from './stepper';

export interface SectionContext {
  state: MatchState;
  town: TownState;
  /** The draft when the section was rendered or synced. */
  draft: TownPlan;
  editable: boolean;
  holder: Portfolio;
  idPrefix: string;
  /** The newest draft: event handlers run after later updates. */
  current(): TownPlan;
  emit<S extends PlanSection>(section: S, value: TownPlan[S]): void;
  /** Report (or clear) an error the validator cannot see, e.g. text that is not a number. */
  localError(controlId: string, kind: ErrorKind | null): void;
}

export interface ControlHandle {
  /** Logical id, as returned by controlIdForPath. */
  id: string;
  /** What the error summary calls the control. */
  label(): string;
  /** Elements that carry aria-invalid. */
  targets: HTMLElement[];
  /** Slot for the error message, referenced from aria-describedby while it has text. */
  error: HTMLElement;
  /** aria-describedby ids always present (hint, cost …). */
  describedBy: string[];
  focus(): void;
}

export interface Control {
  element: HTMLElement;
  handle: ControlHandle;
  sync(draft: TownPlan): void;
}

export const domId = (ctx: { idPrefix: string }, id: string): string => `${ctx.idPrefix}${id}`;

/** A one-line hint with its paper and section. */
export function hint(
  id: string,
  hintKey: string,
  vars?: Record<string, string | number>,
): HTMLElement {
  const node = h('p', { class: 'pp-hint', id });
  fillHint(node, hintKey, vars);
  return node;
}

export function fillHint(
  node: HTMLElement,
  hintKey: string,
  vars?: Record<string, string | number>,
): void {
  const citation = HINT_CITATIONS[hintKey];
  node.replaceChildren(t(`panel:${hintKey}`, vars));
  if (citation) {
    node.append(' — ', h('cite', { title: citationLabel(citation) }, citationText(citation)));
  }
}

export function errorSlot(id: string): HTMLElement {
  return h('p', { class: 'pp-error', id, hidden: true });
}

function handleFor(
  ctx: SectionContext,
  id: string,
  label: () => string,
  targets: HTMLElement[],
  describedBy: string[],
  error: HTMLElement,
): ControlHandle {
  for (const target of targets) target.setAttribute('aria-describedby', describedBy.join(' '));
  return { id, label, targets, error, describedBy, focus: () => targets[0]?.focus() };
}

/** A number typed in the player's units (%, years, M RMB a year, 0–100 level). */
export function numberField(
  ctx: SectionContext,
  controlId: string,
  read: (plan: TownPlan) => number,
  write: (value: number) => void,
): Control {
  const field = NUMERIC_FIELDS[controlId];
  const id = domId(ctx, controlId);
  const hintKey = `field.${field.key}.hint`;
  const label = h('label', { for: id }, t(`panel:field.${field.key}.label`));
  const scale = field.unit === 'percent' || field.unit === 'level' ? 100 : 1;
  const input = h('input', {
    id,
    type: 'number',
    inputmode: field.integer ? 'numeric' : 'decimal',
    min: field.min * scale,
    max: field.max * scale,
    step: field.step * scale,
    value: String(toDisplay(field, read(ctx.draft))),
  });
  input.addEventListener('input', () => {
    assist.sync();
    const parsed = fromDisplay(field, input.value);
    if (!parsed.ok) {
      ctx.localError(controlId, parsed.reason);
      return;
    }
    ctx.localError(controlId, null);
    write(parsed.value);
  });
  const assist = rangeAssist(field, input, (display) => {
    input.value = String(display);
    input.dispatchEvent(new Event('input'));
  });
  const error = errorSlot(`${id}-error`);
  const hintNode = hint(`${id}-hint`, hintKey);
  const element = h(
    'div',
    { class: 'pp-field pp-number' },
    label,
    h('div', { class: 'pp-number-row' }, input, assist.element),
    hintNode,
    error,
  );
  return {
    element,
    handle: handleFor(ctx, controlId, () => label.textContent ?? '', [input], [hintNode.id], error),
    sync(draft) {
      if (document.activeElement === input) return;
      const shown = String(toDisplay(field, read(draft)));
      if (input.value === shown) return;
      // What was typed is replaced by the draft, so a "not a number" complaint no longer applies.
      const stale = !fromDisplay(field, input.value).ok;
      input.value = shown;
      assist.sync();
      if (stale) ctx.localError(controlId, null);
    },
  };
}

/** A single yes/no decision. */
export function checkboxField(
  ctx: SectionContext,
  controlId: string,
  labelText: string,
  hintKey: string,
  read: (plan: TownPlan) => boolean,
  write: (value: boolean) => void,
): Control {
  const id = domId(ctx, controlId);
  const input = h('input', { id, type: 'checkbox' });
  input.checked = read(ctx.draft);
  input.addEventListener('change', () => write(input.checked));
  const label = h('label', { for: id }, labelText);
  const error = errorSlot(`${id}-error`);
  const hintNode = hint(`${id}-hint`, hintKey);
  const element = h(
    'div',
    { class: 'pp-field pp-check' },
    h('div', { class: 'pp-check-row' }, input, label),
    hintNode,
    error,
  );
  return {
    element,
    handle: handleFor(ctx, controlId, () => labelText, [input], [hintNode.id], error),
    sync(draft) {
      input.checked = read(draft);
    },
  };
}

/** A group of sector checkboxes (targeted sectors, quality standards, centres …). */
export function sectorChecklist(
  ctx: SectionContext,
  controlId: string,
  legendText: string,
  hintKey: string,
  read: (plan: TownPlan) => SectorId[],
  write: (value: SectorId[]) => void,
  optionLabel: (sector: SectorId) => string = sectorName,
  note?: string,
): Control {
  const id = domId(ctx, controlId);
  const hintNode = hint(`${id}-hint`, hintKey);
  const error = errorSlot(`${id}-error`);
  const boxes = SECTOR_IDS.map((sector) => {
    const box = h('input', { id: `${id}-${sector}`, type: 'checkbox', value: sector });
    box.checked = read(ctx.draft).includes(sector);
    box.addEventListener('change', () => {
      const now = read(ctx.current()).filter((s) => s !== sector);
      // Keep the canonical sector order so drafts compare equal however they were ticked.
      const next = box.checked ? [...now, sector] : now;
      write(SECTOR_IDS.filter((s) => next.includes(s)));
    });
    return box;
  });
  // One Tab stop for the whole list; arrows move between sectors (issue 14).
  const ticked = SECTOR_IDS.findIndex((sector) => read(ctx.draft).includes(sector));
  rovingFocus(boxes, Math.max(0, ticked));
  // Said once when a screen reader enters the list: how to move in it.
  const legend = h(
    'legend',
    {},
    legendText,
    h('span', { class: 'pp-visually-hidden' }, ` (${t('panel:checklistKeys')})`),
  );
  const fieldset = h(
    'fieldset',
    { class: 'pp-field pp-checklist', id },
    legend,
    note ? h('p', { class: 'pp-note' }, note) : null,
    h(
      'div',
      { class: 'pp-checklist-options' },
      ...boxes.map((box, i) =>
        h(
          'div',
          { class: 'pp-check-row' },
          box,
          h('label', { for: box.id }, optionLabel(SECTOR_IDS[i])),
        ),
      ),
    ),
    hintNode,
    error,
  );
  return {
    element: fieldset,
    handle: handleFor(ctx, controlId, () => legendText, boxes, [hintNode.id], error),
    sync(draft) {
      const list = read(draft);
      boxes.forEach((box, i) => (box.checked = list.includes(SECTOR_IDS[i])));
    },
  };
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled drop-down; arrow keys change it without a mouse. */
export function selectField(
  ctx: SectionContext,
  controlId: string,
  labelText: string,
  options: Option[],
  read: (plan: TownPlan) => string,
  write: (value: string) => void,
  describedBy: string[] = [],
): Control & { select: HTMLSelectElement } {
  const id = domId(ctx, controlId);
  const select = h(
    'select',
    { id },
    ...options.map((o) => h('option', { value: o.value }, o.label)),
  );
  select.value = read(ctx.draft);
  select.addEventListener('change', () => write(select.value));
  const label = h('label', { for: id }, labelText);
  const error = errorSlot(`${id}-error`);
  const element = h('div', { class: 'pp-field pp-select' }, label, select, error);
  return {
    element,
    select,
    handle: handleFor(ctx, controlId, () => labelText, [select], describedBy, error),
    sync(draft) {
      const value = read(draft);
      if (select.value !== value) select.value = value;
    },
  };
}

export interface RadioOption extends Option {
  /** A short description read after the option's label. */
  description?: string;
}

/**
 * A group of radio buttons (enforcement level, a reply to a proposal). Native radios give the
 * keyboard behaviour players expect: Tab enters the group, arrow keys move and select.
 */
export function radioGroup(
  ctx: SectionContext,
  controlId: string,
  legendText: string,
  options: RadioOption[],
  read: (plan: TownPlan) => string,
  write: (value: string) => void,
  hintKey?: string,
): Control {
  const id = domId(ctx, controlId);
  const hintNode = hintKey ? hint(`${id}-hint`, hintKey) : null;
  const error = errorSlot(`${id}-error`);
  const radios = options.map((option) => {
    const radio = h('input', {
      type: 'radio',
      name: id,
      id: `${id}-${option.value}`,
      value: option.value,
    });
    radio.checked = read(ctx.draft) === option.value;
    radio.addEventListener('change', () => {
      if (radio.checked) write(option.value);
    });
    return radio;
  });
  const fieldset = h(
    'fieldset',
    { class: 'pp-field pp-radios', id },
    h('legend', {}, legendText),
    h(
      'div',
      { class: 'pp-radio-options' },
      ...options.map((option, i) => {
        const descId = `${radios[i].id}-desc`;
        if (option.description) radios[i].setAttribute('aria-describedby', descId);
        return h(
          'div',
          { class: 'pp-radio-row' },
          radios[i],
          h('label', { for: radios[i].id }, option.label),
          option.description
            ? h('span', { class: 'pp-radio-desc', id: descId }, option.description)
            : null,
        );
      }),
    ),
    hintNode,
    error,
  );
  const handle: ControlHandle = {
    id: controlId,
    label: () => legendText,
    // The group carries the state: one invalid flag, not one per option.
    targets: [fieldset],
    error,
    describedBy: hintNode ? [hintNode.id] : [],
    focus: () => (radios.find((r) => r.checked) ?? radios[0])?.focus(),
  };
  if (hintNode) fieldset.setAttribute('aria-describedby', hintNode.id);
  return {
    element: fieldset,
    handle,
    sync(draft) {
      const value = read(draft);
      radios.forEach((radio) => (radio.checked = radio.value === value));
    },
  };
}

/** A text area with a live character count (the public statement). */
export function statementField(
  ctx: SectionContext,
  controlId: string,
  max: number,
  read: (plan: TownPlan) => string,
  write: (value: string) => void,
): Control {
  const id = domId(ctx, controlId);
  const area = h('textarea', {
    id,
    rows: 3,
    maxlength: max,
    placeholder: t('panel:field.statement.placeholder'),
  });
  area.value = read(ctx.draft);
  const counter = h('p', { class: 'pp-counter', id: `${id}-count` });
  const count = (): void => {
    counter.textContent = t('panel:field.statement.counter', { count: area.value.length, max });
    counter.classList.toggle('pp-counter-full', area.value.length >= max);
  };
  count();
  area.addEventListener('input', () => {
    count();
    write(area.value);
  });
  const hintNode = hint(`${id}-hint`, 'field.statement.hint');
  const error = errorSlot(`${id}-error`);
  const label = h('label', { for: id }, t('panel:field.statement.label'));
  const handle = handleFor(
    ctx,
    controlId,
    () => label.textContent ?? '',
    [area],
    [hintNode.id, counter.id],
    error,
  );
  return {
    element: h('div', { class: 'pp-field pp-statement' }, label, area, counter, hintNode, error),
    handle,
    sync(draft) {
      if (document.activeElement === area) return;
      const value = read(draft);
      if (area.value !== value) {
        area.value = value;
        count();
      }
    },
  };
}
