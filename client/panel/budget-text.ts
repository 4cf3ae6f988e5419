/**
 * The budget's figures as the player reads them (issue 14): every amount rounded once, by
 * roundMoney, and what is left computed from the rounded parts, so the meter, its breakdown and
 * the over-budget message show the same numbers ("4,747 万元 available" is never followed by
 * "at most 4,740 万元"). Pure apart from the current language, so it is tested in Node.
 */
import type { MatchState, TownPlan } from '../../shared';
import { formatMoney, formatPercent, moneyStep, roundMoney, t } from '../i18n';
import { forgoneRevenue, type ForgoneRevenue } from './forgone';
import { budgetFigures, type BudgetFigures } from './panel-model';

export interface ShownBudget {
  /** The exact figures, as validatePlan computes them. */
  exact: BudgetFigures;
  fresh: number;
  /** Room for new spending: what the over-budget message calls the most that is free. */
  room: number;
  remaining: number;
  over: number;
  share: number;
  forgone: ForgoneRevenue;
}

export function shownBudget(state: MatchState, townId: string, plan: TownPlan): ShownBudget {
  const exact = budgetFigures(state, townId, plan);
  const fresh = roundMoney(exact.fresh);
  const room = roundMoney(exact.room);
  // Over or not is validatePlan's verdict; the amounts are the shown ones.
  const over = exact.over > 0 ? Math.max(roundMoney(fresh - room), moneyStep(exact.over)) : 0;
  const remaining = exact.over > 0 ? 0 : roundMoney(Math.max(0, room - fresh));
  const raw = forgoneRevenue(state, townId, plan);
  const taxCuts = roundMoney(raw.taxCuts);
  const landDiscount = roundMoney(raw.landDiscount);
  return {
    exact,
    fresh,
    room,
    remaining,
    over,
    share: exact.share,
    forgone: { taxCuts, landDiscount, total: roundMoney(taxCuts + landDiscount) },
  };
}

export interface BudgetTexts {
  summary: string;
  status: string;
  /** The limit an over-budget message quotes: the meter's "available". */
  limit: string;
  forgone: string;
}

export function budgetTexts(shown: ShownBudget): BudgetTexts {
  const share = Number.isFinite(shown.share) ? shown.share : 1;
  return {
    summary: `${t('panel:budget.summary', {
      fresh: formatMoney(shown.fresh),
      available: formatMoney(shown.room),
    })} (${formatPercent(Math.min(share, 9.99))})`,
    status:
      shown.exact.over > 0
        ? t('panel:budget.over', { over: formatMoney(shown.over) })
        : t('panel:budget.remaining', { remaining: formatMoney(shown.remaining) }),
    limit: formatMoney(shown.room),
    forgone: t('panel:budget.forgone.summary', { amount: formatMoney(shown.forgone.total) }),
  };
}
