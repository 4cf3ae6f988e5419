/**
 * Showing validation errors: each at the control that caused it (aria-invalid, message linked
 * by aria-describedby) and all of them in a summary whose entries move focus to the control,
 * so a keyboard or screen-reader user finds every problem from the submit button.
 */
import type { PlanError, TownPlan } from '../../shared';
import { formatCount, formatMoney, formatPercent, t } from '../i18n';
import type { ControlHandle } from './controls';
import { h, setAttr } from './dom';
import {
  BUDGET_CONTROL,
  NUMERIC_FIELDS,
  errorsByControl,
  toDisplay,
  type ErrorKind,
} from './panel-model';

/** A limit in the units the player sees at that control. */
function formatLimit(controlId: string, kind: ErrorKind, limit: PlanError['limit']): string {
  if (limit === undefined) return '';
  if (typeof limit === 'string') return limit;
  if (kind === 'budget' || controlId === BUDGET_CONTROL) return formatMoney(limit);
  const field = NUMERIC_FIELDS[controlId];
  if (!field) return formatCount(limit);
  switch (field.unit) {
    case 'percent':
      return formatPercent(limit);
    case 'amount':
      return formatMoney(limit);
    default:
      return String(toDisplay(field, limit));
  }
}

/**
 * The message for an error. `budgetLimit` is the meter's own "available" text: the validator's
 * limit is rounded down to 0.1 M, and the player must read one figure, not two (issue 14).
 */
export function errorMessage(
  controlId: string,
  kind: ErrorKind,
  error?: PlanError,
  budgetLimit?: string,
): string {
  if (kind === 'invalid') return t('panel:errors.invalid', { reason: error?.reason ?? '' });
  const limit =
    kind === 'budget' && budgetLimit !== undefined
      ? budgetLimit
      : formatLimit(controlId, kind, error?.limit);
  return t(`panel:errors.${kind}`, { limit });
}

interface ErrorViewInput {
  errors: PlanError[];
  /** Errors only the panel can see (text that is not a number), by control id. */
  localErrors: Map<string, ErrorKind>;
  draft: TownPlan;
  handles: ControlHandle[];
  summary: HTMLElement;
  /** The control edited last: an over-budget error is shown there too, where the player is. */
  lastEdited: string | null;
  /** The budget meter's "available", quoted by an over-budget message. */
  budgetLimit?: string;
  /** Move focus to a control, looked up when clicked (sections may have been rebuilt since). */
  focusControl(controlId: string): void;
}

/** Mark every control and rebuild the summary; returns the number of problems. */
export function applyErrors(input: ErrorViewInput): number {
  const messages = new Map<string, string[]>();
  // Shown at the control but not repeated in the summary, which lists the budget already.
  const blamed = new Map<string, string>();
  const add = (controlId: string, message: string): void => {
    const list = messages.get(controlId) ?? [];
    if (!list.includes(message)) list.push(message);
    messages.set(controlId, list);
  };
  for (const { controlId, kind, error } of errorsByControl(input.errors, input.draft)) {
    // A field the player is still typing into shows the typing problem, not a stale one.
    const message = errorMessage(controlId, kind, error, input.budgetLimit);
    if (!input.localErrors.has(controlId)) add(controlId, message);
    if (kind === 'budget' && input.lastEdited && input.lastEdited !== controlId) {
      blamed.set(input.lastEdited, message);
    }
  }
  for (const [controlId, kind] of input.localErrors) add(controlId, errorMessage(controlId, kind));

  const byId = new Map(input.handles.map((handle) => [handle.id, handle]));
  for (const handle of input.handles) {
    const extra = blamed.get(handle.id);
    const list = [...(messages.get(handle.id) ?? []), ...(extra ? [extra] : [])];
    handle.error.textContent = list.join(' · ');
    handle.error.hidden = list.length === 0;
    const describedBy =
      list.length > 0 ? [...handle.describedBy, handle.error.id] : handle.describedBy;
    for (const target of handle.targets) {
      setAttr(target, 'aria-invalid', list.length > 0 ? 'true' : null);
      setAttr(target, 'aria-describedby', describedBy.length > 0 ? describedBy.join(' ') : null);
    }
  }

  // Rebuilt only when it changes, so a draft pushed by the server keeps focus on an entry.
  const signature = JSON.stringify([...messages]);
  if (input.summary.dataset.signature === signature)
    return input.summary.querySelectorAll('li').length;
  input.summary.dataset.signature = signature;
  const items: HTMLElement[] = [];
  for (const [controlId, list] of messages) {
    const handle = byId.get(controlId);
    const label = handle ? handle.label() : t('panel:errors.planControl');
    for (const message of list) {
      const text = t('panel:errors.goTo', { control: label, message });
      if (!handle) {
        items.push(h('li', {}, text));
        continue;
      }
      const link = h('button', { type: 'button', class: 'pp-summary-link' }, text);
      link.addEventListener('click', () => input.focusControl(controlId));
      items.push(h('li', {}, link));
    }
  }
  input.summary.replaceChildren(
    ...(items.length > 0
      ? [h('p', { class: 'pp-summary-heading' }, t('panel:errors.heading')), h('ul', {}, ...items)]
      : []),
  );
  input.summary.hidden = items.length === 0;
  return items.length;
}
