/**
 * Scripted match logs for the debrief-chapter tests: real matches played round by round with
 * scripted plans for some towns (the others keep their policies, as in tests/facts/harness.ts),
 * each round written with startLog/appendRound so the debrief replays and verifies them.
 */
import { createMatch } from '../../shared/engine/match';
import { appendRound, endLog, startLog, type MatchLog } from '../../shared/engine/match-log';
import { defaultPlan, validatePlan } from '../../shared/engine/plan-schema';
import { resolveRound } from '../../shared/engine/resolve-round';
import type { InfraKind, MatchState, TownPlan } from '../../shared/engine/types';

export type PlanPatch = (plan: TownPlan) => void;

export function planWith(...patches: PlanPatch[]): TownPlan {
  const plan = defaultPlan();
  for (const patch of patches) patch(plan);
  return plan;
}

/** Plays `rounds` rounds of a scenario; `plans(state, i)` gives round i's scripted plans. */
export function scriptedLog(
  scenario: string,
  rounds: number,
  plans: (state: MatchState, i: number) => Record<string, TownPlan>,
  seed = 7,
): MatchLog {
  let state = createMatch(scenario, { seed });
  const log = startLog(state);
  for (let i = 0; i < rounds; i++) {
    const inputs = { plans: plans(state, i), cards: [] };
    const result = resolveRound(state, inputs);
    appendRound(log, state, inputs, result);
    state = result.state;
  }
  endLog(log);
  return log;
}

/** Foshan (001 ¶20): withdraw ceramics support and enforce strictly. */
export const crackdown = planWith((p) => {
  p.environment.enforcement = 'strict';
  p.preferential.withdrawSectors = ['ceramics'];
  p.preferential.targetSectors = ['appliances'];
});

/** Shenzhen (003 §3.1): low foreign taxes, a holiday, cheap land, a one-stop office. */
export const opening = planWith((p) =>
  Object.assign(p.preferential, {
    foreignTaxRate: 0.15,
    foreignTaxHolidayYears: 5,
    landDiscount: 0.6,
    oneStopOffice: true,
  }),
);

/** Zhuhai (003 §3.3): order every work the budget allows, whatever the demand. */
export function overbuild(
  state: MatchState,
  townId: string,
  base: TownPlan = planWith(),
): TownPlan {
  const kinds: InfraKind[] = ['port', 'roads', 'power', 'park', 'housing'];
  const town = state.towns.find((t) => t.id === townId)!;
  const plan = validatePlan(state, townId, base).ok ? structuredClone(base) : planWith();
  for (const kind of kinds) {
    const trial = structuredClone(plan);
    trial.build.push({ kind });
    const busy = town.infra.projects.some((p) => p.kind === kind);
    if (!busy && validatePlan(state, townId, trial).ok) plan.build.push({ kind });
  }
  return plan;
}
