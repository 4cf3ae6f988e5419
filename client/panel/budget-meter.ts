/**
 * The live budget meter: new spending against the room left after works under way, computed by
 * shared/ exactly as validatePlan checks it. The breakdown explains the figure in one click
 * (DESIGN §5), and the meter is where an over-budget error is shown.
 */
import type { MatchState, TownPlan } from '../../shared';
import { formatMoney, formatPercent, t } from '../i18n';
import { errorSlot, hint, type ControlHandle } from './controls';
import { h, setText } from './dom';
import { BUDGET_CONTROL, budgetFigures } from './panel-model';

export interface BudgetMeter {
  element: HTMLElement;
  handle: ControlHandle;
  update(state: MatchState, townId: string, plan: TownPlan): void;
}

export function budgetMeter(idPrefix: string): BudgetMeter {
  const id = `${idPrefix}${BUDGET_CONTROL}`;
  const label = h('p', { class: 'pp-budget-label', id: `${id}-label` }, t('panel:budget.label'));
  const fill = h('div', { class: 'pp-bar-fill' });
  const bar = h('div', { class: 'pp-bar', 'aria-hidden': 'true' }, fill);
  const summary = h('p', { class: 'pp-budget-summary', id: `${id}-summary` });
  const status = h('p', { class: 'pp-budget-status' });
  const breakdown = h('ul', { class: 'pp-breakdown' });
  const committed = h('p', { class: 'pp-note' });
  const period = h('p', { class: 'pp-note' });
  const toggle = h('summary', {}, t('panel:budget.breakdown.heading'));
  const details = h(
    'details',
    { class: 'pp-budget-details' },
    toggle,
    breakdown,
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
      const f = budgetFigures(state, townId, plan);
      const share = Number.isFinite(f.share) ? f.share : 1;
      fill.style.width = `${Math.min(100, share * 100)}%`;
      element.dataset.level = f.over > 0 ? 'over' : share > 0.85 ? 'tight' : 'ok';
      setText(
        summary,
        `${t('panel:budget.summary', { fresh: formatMoney(f.fresh), available: formatMoney(f.room) })} (${formatPercent(Math.min(share, 9.99))})`,
      );
      setText(
        status,
        f.over > 0
          ? t('panel:budget.over', { over: formatMoney(f.over) })
          : t('panel:budget.remaining', { remaining: formatMoney(f.remaining) }),
      );
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
      setText(committed, t('panel:budget.committed', { committed: formatMoney(f.committed) }));
      setText(period, t('panel:budget.period', { count: state.roundYears }));
    },
  };
}
