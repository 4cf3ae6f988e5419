/**
 * Building blocks for the scripted plans of the campaign chapters. Scripted plans see only the
 * round and the plan in force, not the budget, so they are kept modest enough to stay within
 * it (the tests check every one against the shared validator).
 */
import { defaultPlan } from '../engine/plan-schema';
import type { InfraOrder, TownPlan } from '../engine/types';

export type PlanPatch = (plan: TownPlan) => void;

/** A fresh plan (today's defaults) with the patches applied in order. */
export function planOf(...patches: PlanPatch[]): TownPlan {
  const plan = defaultPlan();
  for (const patch of patches) patch(plan);
  return plan;
}

/** Orders works in the given rounds only (round → orders). */
export function buildIn(round: number, schedule: Record<number, InfraOrder[]>): PlanPatch {
  return (plan) => {
    plan.build.push(...(schedule[round] ?? []));
  };
}
