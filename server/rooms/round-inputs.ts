/**
 * What goes into the engine when a round resolves (issue 3, "Rounds"): each town's submitted
 * plan; for a human town that did not submit, a caretaker that keeps last round's policies; for
 * an empty seat, a computer strategy. With diplomacy switched off, proposals and statements are
 * dropped here, so the match log records exactly what the engine saw.
 */
import {
  caretakerPlan,
  decidePlan,
  validatePlan,
  type MatchState,
  type StrategyId,
  type TownPlan,
} from '../../shared/index';

export interface TownSeat {
  townId: string;
  human: boolean;
  bot: StrategyId | null;
  submitted: TownPlan | null;
}

function withoutDiplomacy(plan: TownPlan): TownPlan {
  return { ...plan, diplomacy: { proposals: [], responses: [] } };
}

export function roundPlans(
  match: MatchState,
  seats: readonly TownSeat[],
  diplomacy: boolean,
): Record<string, TownPlan> {
  const plans: Record<string, TownPlan> = {};
  for (const seat of seats) {
    const town = match.towns.find((t) => t.id === seat.townId);
    if (!town) continue;
    let plan: TownPlan;
    if (seat.submitted) plan = seat.submitted;
    else if (seat.human || !seat.bot) plan = caretakerPlan(town.plan);
    else plan = decidePlan(match, town.id, seat.bot);
    if (!diplomacy) plan = withoutDiplomacy(plan);
    // A plan that no longer validates (it never should) falls back to the caretaker rather than
    // failing the whole class's round.
    plans[town.id] = validatePlan(match, town.id, plan).ok ? plan : caretakerPlan(town.plan);
  }
  return plans;
}
