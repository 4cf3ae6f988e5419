/**
 * What each policy costs and what it aims at, beside its control (issue 14). Costs come from the
 * engine: spending is planCost with and without the policy, revenue given up is forgoneRevenue
 * with and without it (client/panel/forgone.ts), both for the whole round and in the one money
 * format. The line is part of the control's description, so a screen reader reads it with the
 * control, and it follows the draft as the player edits.
 */
import { planCost, type TownPlan } from '../../shared';
import { formatMoney, t } from '../i18n';
import type { Control, SectionContext } from './controls';
import { domId } from './controls';
import { h, setText } from './dom';
import { forgoneRevenue } from './forgone';

export type CostRule =
  /** Budget spending: the plan as drafted against `off` (the policy not chosen). */
  | { kind: 'spend'; off: (plan: TownPlan) => TownPlan; on?: (plan: TownPlan) => TownPlan }
  /** Revenue given up: the plan as drafted against `off` (the standard rate, no discount). */
  | { kind: 'forgone'; off: (plan: TownPlan) => TownPlan }
  | { kind: 'free' }
  | { kind: 'fees' }
  /** Revenue given up later, by firms that arrive under it (tax holidays). */
  | { kind: 'later' };

/** The cost line for a draft, in the current language. */
export function costText(ctx: SectionContext, rule: CostRule, draft: TownPlan): string {
  const { state, town } = ctx;
  switch (rule.kind) {
    case 'free':
      return t('panel:impact.free');
    case 'fees':
      return t('panel:impact.fees');
    case 'later':
      return t('panel:impact.later');
    case 'forgone': {
      const amount =
        forgoneRevenue(state, town.id, draft).total -
        forgoneRevenue(state, town.id, rule.off(draft)).total;
      // "About 0" read oddly for a cut no firm benefits from yet (a foreign tax cut before the
      // first foreign plant): say plainly that nothing is given up this round.
      if (amount < 0.05) return t('panel:impact.forgoneNone');
      return t('panel:impact.forgone', { amount: formatMoney(amount) });
    }
    case 'spend': {
      const cost = (plan: TownPlan): number => planCost(state, town, plan).total;
      const spent = cost(draft) - cost(rule.off(draft));
      // Not chosen yet: what choosing it would cost.
      if (spent <= 1e-9 && rule.on) {
        const price = cost(rule.on(draft)) - cost(rule.off(draft));
        return t('panel:impact.price', { amount: formatMoney(price) });
      }
      return t('panel:impact.spend', { amount: formatMoney(Math.max(0, spent)) });
    }
  }
}

/** Add the cost and aim of a policy to a control; `effect` names panel:effect.<effect>. */
export function withImpact(
  ctx: SectionContext,
  control: Control,
  effect: string,
  rule: CostRule,
): Control {
  const id = `${domId(ctx, control.handle.id)}-impact`;
  const cost = h('span', { class: 'pp-impact-cost' }, costText(ctx, rule, ctx.draft));
  const aim = h(
    'span',
    { class: 'pp-impact-aim' },
    t('panel:impact.aim', { effect: t(`panel:effect.${effect}`) }),
  );
  // The separator keeps the two apart when the line is read as one description.
  const line = h('p', { class: 'pp-impact', id }, cost, ' · ', aim);
  const anchor = control.element.querySelector(':scope > .pp-hint, :scope > .pp-error');
  control.element.insertBefore(line, anchor);
  control.handle.describedBy.unshift(id);
  for (const target of control.handle.targets) {
    const ids = (target.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    target.setAttribute('aria-describedby', [id, ...ids].join(' '));
  }
  return {
    ...control,
    sync(draft) {
      control.sync(draft);
      setText(cost, costText(ctx, rule, draft));
    },
  };
}
