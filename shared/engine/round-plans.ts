/**
 * The one builder of a round's plans, used by the classroom session, the CLI, the computer towns
 * and the previews, so that all of them treat a missing or invalid plan the same way:
 *
 * - a submitted plan is played as submitted (it was validated when it was submitted);
 * - a town nobody plays follows its computer strategy;
 * - a human town that did not submit, or any plan that no longer validates, is played by the
 *   caretaker: last round's standing policies, no new one-off actions, trimmed to the budget.
 *
 * The caretaker's plan always fits the budget (issue 11): a kept plan that no longer fits a
 * shrunken budget would otherwise be refused by the engine and the whole class's round with it.
 * What the caretaker dropped is reported, so the town's students see why a policy stopped.
 */
import { defaultPlan, validatePlan, caretakerPlan } from './plan-schema';
import { decidePlan, STRATEGY_IDS, type StrategyId } from './strategies';
import type { MatchState, TownPlan } from './types';

/** Who plays a town this round. */
export interface TownSeatInput {
  townId: string;
  /** The plan the town's team submitted for this round, if any. */
  submitted: TownPlan | null;
  /** The computer strategy of a town nobody plays; null for a human (or caretaker-only) town. */
  strategy: StrategyId | null;
}

/** A standing policy the caretaker could not keep within the budget. */
export interface CaretakerDrop {
  /** The plan field, as a path (e.g. `preferential.smeCreditGuarantee`). */
  path: string;
  /** What the town had (a number, a list or a switch), for the explanation. */
  had: number | string | boolean;
}

export interface PlanAdjustment {
  townId: string;
  /** Why the town's plan is not the one submitted or decided. */
  reason: 'caretaker' | 'invalidPlan';
  dropped: CaretakerDrop[];
}

export interface RoundPlans {
  plans: Record<string, TownPlan>;
  adjustments: PlanAdjustment[];
}

/**
 * Spending a caretaker gives up first when the budget shrank: the most discretionary (yearly
 * vouchers and guarantees) before the institutions a town built up (centres, schools).
 */
const DROP_ORDER: readonly {
  path: string;
  had: (p: TownPlan) => number | string | boolean;
  active: (p: TownPlan) => boolean;
  drop: (p: TownPlan) => void;
}[] = [
  {
    path: 'innovation.innovationVouchers',
    had: (p) => p.innovation.innovationVouchers,
    active: (p) => p.innovation.innovationVouchers > 0,
    drop: (p) => (p.innovation.innovationVouchers = 0),
  },
  {
    path: 'preferential.smeCreditGuarantee',
    had: (p) => p.preferential.smeCreditGuarantee,
    active: (p) => p.preferential.smeCreditGuarantee > 0,
    drop: (p) => (p.preferential.smeCreditGuarantee = 0),
  },
  {
    path: 'preferential.talentHukou',
    had: (p) => p.preferential.talentHukou,
    active: (p) => p.preferential.talentHukou > 0,
    drop: (p) => (p.preferential.talentHukou = 0),
  },
  {
    path: 'environment.greenSubsidy',
    had: (p) => p.environment.greenSubsidy,
    active: (p) => p.environment.greenSubsidy > 0,
    drop: (p) => (p.environment.greenSubsidy = 0),
  },
  {
    path: 'innovation.industryAssociation',
    had: (p) => p.innovation.industryAssociation.join(','),
    active: (p) => p.innovation.industryAssociation.length > 0,
    drop: (p) => (p.innovation.industryAssociation = []),
  },
  {
    path: 'innovation.qualityStandards',
    had: (p) => p.innovation.qualityStandards.join(','),
    active: (p) => p.innovation.qualityStandards.length > 0,
    drop: (p) => (p.innovation.qualityStandards = []),
  },
  {
    path: 'preferential.oneStopOffice',
    had: () => true,
    active: (p) => p.preferential.oneStopOffice,
    drop: (p) => (p.preferential.oneStopOffice = false),
  },
  {
    path: 'innovation.universityPartnership',
    had: () => true,
    active: (p) => p.innovation.universityPartnership,
    drop: (p) => (p.innovation.universityPartnership = false),
  },
  {
    path: 'innovation.vocationalSchool',
    had: () => true,
    active: (p) => p.innovation.vocationalSchool,
    drop: (p) => (p.innovation.vocationalSchool = false),
  },
  {
    path: 'innovation.centres',
    had: (p) => p.innovation.centres.join(','),
    active: (p) => p.innovation.centres.length > 0,
    drop: (p) => (p.innovation.centres = []),
  },
];

/**
 * The caretaker's plan for a town: last round's standing policies that still fit, in the order
 * of DROP_ORDER. Always valid for the state: if even a plan without spending is refused (it
 * should never be), the town gets the do-nothing default plan with its tax rates kept.
 */
export function fitCaretakerPlan(
  state: MatchState,
  townId: string,
  previous: TownPlan,
): { plan: TownPlan; dropped: CaretakerDrop[] } {
  const plan = caretakerPlan(previous);
  const dropped: CaretakerDrop[] = [];
  if (validatePlan(state, townId, plan).ok) return { plan, dropped };
  for (const item of DROP_ORDER) {
    if (!item.active(plan)) continue;
    dropped.push({ path: item.path, had: item.had(plan) });
    item.drop(plan);
    if (validatePlan(state, townId, plan).ok) return { plan, dropped };
  }
  const fallback = defaultPlan();
  fallback.preferential.foreignTaxRate = previous.preferential.foreignTaxRate;
  fallback.preferential.domesticTaxRate = previous.preferential.domesticTaxRate;
  if (validatePlan(state, townId, fallback).ok) return { plan: fallback, dropped };
  return { plan: defaultPlan(), dropped };
}

function withoutDiplomacy(plan: TownPlan): TownPlan {
  return { ...plan, diplomacy: { proposals: [], responses: [] } };
}

/**
 * Every town's plan for the coming round. With `diplomacy` off, proposals and statements are
 * dropped here, so a match log records exactly what the engine saw. Never throws for a town of
 * the state; towns not in `seats` get no plan (the engine's caretaker plays them).
 */
export function buildRoundPlans(
  state: MatchState,
  seats: readonly TownSeatInput[],
  options: { diplomacy: boolean } = { diplomacy: true },
): RoundPlans {
  const plans: Record<string, TownPlan> = {};
  const adjustments: PlanAdjustment[] = [];
  for (const seat of seats) {
    const town = state.towns.find((t) => t.id === seat.townId);
    if (!town) continue;
    let plan: TownPlan | null = seat.submitted;
    if (!plan && seat.strategy) plan = decidePlan(state, town.id, seat.strategy);
    if (plan && !options.diplomacy) plan = withoutDiplomacy(plan);
    if (plan && validatePlan(state, town.id, plan).ok) {
      plans[town.id] = plan;
      continue;
    }
    const fitted = fitCaretakerPlan(state, town.id, town.plan);
    plans[town.id] = options.diplomacy ? fitted.plan : withoutDiplomacy(fitted.plan);
    if (plan || fitted.dropped.length > 0) {
      adjustments.push({
        townId: town.id,
        reason: plan ? 'invalidPlan' : 'caretaker',
        dropped: fitted.dropped,
      });
    }
  }
  return { plans, adjustments };
}

/**
 * Plans for every town played by the computer, the strategies taken in turn by town order
 * (the default round-robin of bots, previews and benchmarks). Towns in `skip` get no plan.
 */
export function computerPlans(
  state: MatchState,
  strategies: readonly StrategyId[] = STRATEGY_IDS,
  skip: ReadonlySet<string> = new Set(),
): Record<string, TownPlan> {
  const seats = state.towns
    .map((town, i) => ({
      townId: town.id,
      submitted: null,
      strategy: strategies[i % strategies.length],
    }))
    .filter((seat) => !skip.has(seat.townId));
  return buildRoundPlans(state, seats).plans;
}
