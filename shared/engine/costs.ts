/**
 * What a plan costs. Shared by validation (the budget check) and the fiscal mechanism (the
 * actual spending), so the player is never told a plan fits and then charged something else.
 * Amounts are M RMB at 1980 prices per year; the cost level follows the national trend.
 */
import type { InfraKind, MatchState, TownPlan, TownState } from './types';

/** Total cost, build time and land or capacity effect of one level of each work. */
export const INFRA_SPECS: Record<InfraKind, { cost: number; years: number; maxLevel: number }> = {
  roads: { cost: 12, years: 2, maxLevel: 6 },
  power: { cost: 10, years: 2, maxLevel: 6 },
  // A port on the coast, a logistics centre inland: either lowers the cost of reaching buyers.
  port: { cost: 40, years: 3, maxLevel: 4 },
  market: { cost: 6, years: 1, maxLevel: 1 },
  park: { cost: 15, years: 2, maxLevel: 6 },
  housing: { cost: 10, years: 2, maxLevel: 8 },
  wastewater: { cost: 8, years: 2, maxLevel: 4 },
};

/** Yearly upkeep as a share of the capital stock of completed works. */
export const UPKEEP_RATE = 0.05;

export const POLICY_COSTS = {
  oneStopOffice: 0.5,
  centre: 4,
  /** A shared centre costs more in total but each funder pays a share (003 §7.3). */
  sharedCentreOverhead: 0.25,
  vocationalSchool: 1.5,
  universityPartnership: 3,
  qualityStandards: 0.6,
  industryAssociation: 0.3,
} as const;

export function cofundersOf(state: MatchState, townId: string, sector: string): number {
  const centre = state.centres.find((c) => c.sector === sector && c.funders.includes(townId));
  return centre ? centre.funders.length : 1;
}

export function centreCostPerFunder(funders: number): number {
  return (POLICY_COSTS.centre * (1 + POLICY_COSTS.sharedCentreOverhead * (funders - 1))) / funders;
}

export interface PlanCost {
  policies: number;
  innovation: number;
  environment: number;
  construction: number;
  /** Construction already committed by earlier rounds (part of `construction`). */
  committed: number;
  total: number;
}

/** Discretionary spending of a plan over one round (all years of it), at today's cost level. */
export function planCost(state: MatchState, town: TownState, plan: TownPlan): PlanCost {
  const years = state.roundYears;
  const level = state.national;
  const p = plan.preferential;
  const policies =
    (p.smeCreditGuarantee + p.talentHukou + (p.oneStopOffice ? POLICY_COSTS.oneStopOffice : 0)) *
    level *
    years;
  let innovationYear = plan.innovation.innovationVouchers;
  for (const sector of plan.innovation.centres) {
    innovationYear += centreCostPerFunder(cofundersOf(state, town.id, sector));
  }
  if (plan.innovation.vocationalSchool) innovationYear += POLICY_COSTS.vocationalSchool;
  if (plan.innovation.universityPartnership) innovationYear += POLICY_COSTS.universityPartnership;
  innovationYear += plan.innovation.qualityStandards.length * POLICY_COSTS.qualityStandards;
  innovationYear += plan.innovation.industryAssociation.length * POLICY_COSTS.industryAssociation;
  const innovation = innovationYear * level * years;
  const environment = plan.environment.greenSubsidy * level * years;
  // Ongoing projects keep drawing money; new orders start drawing this round.
  let committedYear = 0;
  for (const project of town.infra.projects) committedYear += project.costPerYear;
  let constructionYear = committedYear;
  for (const order of plan.build) {
    const spec = INFRA_SPECS[order.kind];
    constructionYear += spec.cost / spec.years;
  }
  const construction = constructionYear * level * years;
  return {
    policies,
    innovation,
    environment,
    construction,
    committed: committedYear * level * years,
    total: policies + innovation + environment + construction,
  };
}

/** Borrowing ceiling: twice last year's revenue, never below a small floor. */
export function debtLimit(town: TownState, state: MatchState): number {
  return debtLimitFor(town.last.revenue, state);
}

/** The same ceiling for a given yearly revenue (the evaluation reads this round's). */
export function debtLimitFor(revenue: number, state: MatchState): number {
  return Math.max(2 * revenue, 20 * state.national);
}

/** Money the town can commit this round: cash plus unused borrowing room. */
export function availableBudget(state: MatchState, town: TownState): number {
  return Math.max(0, town.cash) + Math.max(0, debtLimit(town, state) - town.debt);
}
