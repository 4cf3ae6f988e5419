/**
 * The live budget meter: new spending against the room left after works under way, computed by
 * shared/ exactly as validatePlan checks it. The breakdown explains the figure in one click
 * (DESIGN §5), and the meter is where an over-budget error is shown.
 */
import type { MatchState, TownPlan } from '../../shared';
import { formatMoney, t } from '../i18n';
import { budgetTexts, shownBudget, type ShownBudget } from './budget-text';
import { errorSlot, hint, type ControlHandle } from './controls';
import { h, setText } from './dom';
import { BUDGET_CONTROL } from './panel-model';

export interface BudgetMeter {
  element: HTMLElement;
  handle: ControlHandle;
  /** Redraw for a draft; returns the figures shown, for the over-budget message. */
  update(state: MatchState, townId: string, plan: TownPlan): ShownBudget;
}

export function budgetMeter(idPrefix: string): BudgetMeter {
  const id = `${idPrefix}${BUDGET_CONTROL}`;
  const label = h('p', { class: 'pp-budget-label', id: `${id}-label` }, t('panel:budget.label'));
  const fill = h('div', { class: 'pp-bar-fill' });
  const bar = h('div', { class: 'pp-bar', 'aria-hidden': 'true' }, fill);
  const summary = h('p', { class: 'pp-budget-summary', id: `${id}-summary` });
  const status = h('p', { class: 'pp-budget-status' });
  // Forgone revenue is a cost too (issue 14), though not one the budget rule counts.
  const forgone = h('p', { class: 'pp-budget-forgone', id: `${id}-forgone` });
  const breakdown = h('ul', { class: 'pp-breakdown' });
  const forgoneList = h('ul', { class: 'pp-breakdown', id: `${id}-forgone-list` });
  const forgoneHeading = h('p', { class: 'pp-breakdown-heading' });
  const forgoneNote = h('p', { class: 'pp-note' });
  const committed = h('p', { class: 'pp-note' });
  const period = h('p', { class: 'pp-note' });
  const toggle = h('summary', {}, t('panel:budget.breakdown.heading'));
  const details = h(
    'details',
    { class: 'pp-budget-details' },
    toggle,
    breakdown,
    forgoneHeading,
    forgoneList,
    forgoneNote,
    committed,
    period,
    hint(`${id}-hint`, 'budget.hint'),
  );
  const error = errorSlot(`${id}-error`);
  const element = h(
    'div',
    { class: 'pp-budget', id, role: 'group', 'aria-labelledby': `${id}-label` },
    label,
    bar,
    h('div', { class: 'pp-budget-figures' }, summary, status),
    forgone,
    details,
    error,
  );
  return {
    element,
    handle: {
      id: BUDGET_CONTROL,
      label: () => t('panel:errors.budgetControl'),
      targets: [],
      error,
      describedBy: [],
      focus: () => toggle.focus(),
    },
    update(state, townId, plan) {
      const shown = shownBudget(state, townId, plan);
      const f = shown.exact;
      const text = budgetTexts(shown);
      const share = Number.isFinite(f.share) ? f.share : 1;
      fill.style.width = `${Math.min(100, share * 100)}%`;
      element.dataset.level = f.over > 0 ? 'over' : share > 0.85 ? 'tight' : 'ok';
      setText(summary, text.summary);
      setText(status, text.status);
      setText(forgone, text.forgone);
      forgone.dataset.amount = String(shown.forgone.total);
      breakdown.replaceChildren(
        ...(['policies', 'innovation', 'environment', 'construction'] as const).map((part) =>
          h(
            'li',
            {},
            h('span', {}, t(`panel:budget.breakdown.${part}`)),
            h('span', { class: 'pp-amount' }, formatMoney(f.breakdown[part])),
          ),
        ),
      );
      setText(forgoneHeading, t('panel:budget.forgone.heading'));
      forgoneList.replaceChildren(
        ...(['taxCuts', 'landDiscount'] as const).map((part) =>
          h(
            'li',
            { id: `${id}-forgone-${part}` },
            h('span', {}, t(`panel:budget.forgone.${part}`)),
            h('span', { class: 'pp-amount' }, formatMoney(shown.forgone[part])),
          ),
        ),
      );
      setText(forgoneNote, t('panel:budget.forgone.note'));
      setText(committed, t('panel:budget.committed', { committed: formatMoney(f.committed) }));
      setText(period, t('panel:budget.period', { count: state.roundYears }));
      return shown;
    },
  };
}
