/**
 * The two defeats every chapter shares: a budget run into the ground (Zhuhai's oversized
 * airport, 003 §3.3) and social unrest. Chapters add their own (a hollowed-out cluster, a
 * collapsed reputation) beside these.
 */
import { debtOfLimit, stability } from './measures';
import type { DefeatRule } from './rules';
import { text } from './text';
import type { Text } from './types';

/**
 * Debt at the borrowing limit (over 90 % of it: the fiscal crisis of the hard budget)
 * two rounds running.
 */
export function debtDefeat(reason?: Text): DefeatRule {
  return {
    reason:
      reason ??
      text(
        'Debt stayed at the borrowing limit two rounds running: a fiscal crisis cut the budget',
        '债务连续两轮达到借款上限：财政危机削减了预算',
      ),
    measure: debtOfLimit,
    op: '>',
    threshold: 0.9,
    rounds: 2,
  };
}

/** Social stability below a floor two rounds running. */
export function unrestDefeat(floor: number): DefeatRule {
  return {
    reason: text(
      `Social stability stayed below ${floor} two rounds running`,
      `社会稳定度连续两轮低于${floor}`,
    ),
    measure: stability,
    op: '<',
    threshold: floor,
    rounds: 2,
  };
}
