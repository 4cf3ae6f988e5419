/**
 * What each scenario teaches, as two plans for one town: the plan that follows the papers'
 * lesson and its opposite (issue 12, "Scores that reward the lesson"). Both are built from the
 * state each round and fill the budget in priority order, as the computer towns do, so every
 * plan passes the shared validator. The other towns follow the computer strategies in turn.
 */
import { SCENARIOS } from '../../shared/data/scenarios';
import type { SectorId } from '../../shared/data/sectors';
import { availableBudget, planCost } from '../../shared/engine/costs';
import { infrastructureService } from '../../shared/engine/infrastructure';
import { freeLandShare } from '../../shared/engine/land';
import { createMatch } from '../../shared/engine/match';
import { defaultPlan, validatePlan } from '../../shared/engine/plan-schema';
import { pollutionIndex } from '../../shared/engine/pollution';
import { resolveRound } from '../../shared/engine/resolve-round';
import { computerPlans } from '../../shared/engine/round-plans';
import { decidePlan, mainSector, type StrategyId } from '../../shared/engine/strategies';
import type { InfraKind, MatchState, TownPlan, TownState } from '../../shared/engine/types';

type Step = (plan: TownPlan) => void;
type PlanFor = (state: MatchState, town: TownState) => { base: TownPlan; steps: Step[] };

/** The base plan, then each step that keeps the plan valid and within the budget. */
function fill(state: MatchState, town: TownState, make: PlanFor): TownPlan {
  const { base, steps } = make(state, town);
  const p = base.preferential;
  p.foreignTaxRate = Math.max(p.foreignTaxRate, state.conditions.taxFloor);
  p.domesticTaxRate = Math.max(p.domesticTaxRate, state.conditions.taxFloor);
  let plan = validatePlan(state, town.id, base).ok ? base : defaultPlan();
  const budget = availableBudget(state, town);
  for (const step of steps) {
    const trial = structuredClone(plan);
    step(trial);
    if (planCost(state, town, trial).total <= budget && validatePlan(state, town.id, trial).ok)
      plan = trial;
  }
  return plan;
}

const build =
  (town: TownState, kind: InfraKind, sector?: SectorId): Step =>
  (plan) => {
    if (plan.build.some((o) => o.kind === kind)) return;
    if (town.infra.projects.some((p) => p.kind === kind)) return;
    plan.build.push(sector ? { kind, sector } : { kind });
  };

/** Build what demand calls for: roads when congested, land when full, housing when crowded. */
function buildToDemand(town: TownState): Step[] {
  const steps: Step[] = [];
  if (infrastructureService(town) < 0.95) steps.push(build(town, 'roads'));
  if (freeLandShare(town) < 0.2) steps.push(build(town, 'park'));
  if (town.publicServices < 0.9) steps.push(build(town, 'housing'));
  if (pollutionIndex(town) > 35) steps.push(build(town, 'wastewater'));
  return steps;
}

/** Build everything every round, whatever the demand (Zhuhai's airport, 003 §3.3). */
function overbuild(town: TownState): Step[] {
  const kinds: InfraKind[] = ['port', 'roads', 'power', 'park', 'housing'];
  return kinds.map((k) => build(town, k));
}

/** Deep, untargeted incentives and lax enforcement: the "policy district" (002 §2.2.2). */
function giveaway(plan: TownPlan): void {
  Object.assign(plan.preferential, {
    foreignTaxRate: 0.1,
    domesticTaxRate: 0.15,
    foreignTaxHolidayYears: 5,
    landDiscount: 0.7,
    oneStopOffice: true,
  });
  plan.environment.enforcement = 'lax';
}

/** Moderate, targeted incentives (001 ¶15, 002 §2.2.2). */
function targeted(plan: TownPlan, sectors: SectorId[]): void {
  Object.assign(plan.preferential, {
    foreignTaxRate: 0.2,
    domesticTaxRate: 0.25,
    foreignTaxHolidayYears: 2,
    landDiscount: 0.3,
    targetSectors: sectors,
    equalTreatmentPrivate: true,
    oneStopOffice: true,
  });
}

export interface Lesson {
  scenarioId: string;
  town: string;
  rounds: number;
  lesson: { name: string; plan: PlanFor };
  opposite: { name: string; plan: PlanFor };
}

export const LESSONS: Lesson[] = [
  {
    scenarioId: 'open-door-1980',
    town: 'zhuhai',
    rounds: 12,
    lesson: {
      name: 'SEZ opening targeted at light industry, building to demand (003 §3.1, §3.3)',
      plan: (_s, town) => {
        const base = defaultPlan();
        // The SEZ terms: 15 % for foreign firms, holidays, cheap land, one stop (003 §3.3).
        targeted(base, ['toys', 'electronics']);
        Object.assign(base.preferential, {
          foreignTaxRate: 0.15,
          foreignTaxHolidayYears: 5,
          landDiscount: 0.5,
        });
        return {
          base,
          steps: [...buildToDemand(town), (p) => (p.preferential.smeCreditGuarantee = 1)],
        };
      },
    },
    opposite: {
      name: 'Zhuhai-style overbuilding with lax enforcement (003 §3.3)',
      plan: (_s, town) => {
        const base = defaultPlan();
        giveaway(base);
        return { base, steps: overbuild(town) };
      },
    },
  },
  {
    scenarioId: 'block-economy-zhejiang',
    town: 'wenzhou',
    rounds: 12,
    lesson: {
      name: 'quality standards, association and market for the heritage craft (003 §4.3)',
      plan: (_s, town) => {
        const craft = town.heritage ?? mainSector(town);
        const base = defaultPlan();
        targeted(base, [craft]);
        base.innovation.qualityStandards = [craft];
        base.innovation.industryAssociation = [craft];
        return {
          base,
          steps: [
            build(town, 'market', craft),
            (p) => (p.preferential.smeCreditGuarantee = 1),
            ...buildToDemand(town),
            (p) => (p.innovation.vocationalSchool = true),
          ],
        };
      },
    },
    opposite: {
      name: 'quantity without quality: cheap credit and land, no standards, lax (003 §4.3)',
      plan: (_s, town) => {
        const base = defaultPlan();
        giveaway(base);
        return {
          base,
          steps: [(p) => (p.preferential.smeCreditGuarantee = 3), ...overbuild(town)],
        };
      },
    },
  },
  {
    scenarioId: 'foshan-2007',
    town: 'foshan',
    rounds: 8,
    lesson: {
      name: 'strict enforcement, green upgrading, diversify (001 ¶20, 003 §7.4)',
      plan: (_s, town) => {
        const base = defaultPlan();
        targeted(base, ['appliances', 'electronics']);
        base.preferential.withdrawSectors = ['ceramics'];
        base.environment = { enforcement: 'strict', pollutionFee: 0.3, greenSubsidy: 3 };
        return {
          base,
          steps: [
            build(town, 'wastewater'),
            (p) => p.innovation.centres.push('appliances'),
            (p) => (p.innovation.vocationalSchool = true),
            ...buildToDemand(town),
          ],
        };
      },
    },
    opposite: {
      name: 'lax enforcement and ceramics subsidised (001 ¶20)',
      plan: (_s, town) => {
        const base = defaultPlan();
        giveaway(base);
        base.preferential.targetSectors = ['ceramics'];
        return {
          base,
          steps: [(p) => (p.preferential.smeCreditGuarantee = 3), ...overbuild(town)],
        };
      },
    },
  },
  {
    scenarioId: 'export-crash-2008',
    town: 'dongguan',
    rounds: 8,
    lesson: {
      name: 'upgrade and turn to domestic demand (003 §7.2)',
      plan: (_s, town) => {
        const main = mainSector(town);
        const base = defaultPlan();
        targeted(base, ['appliances', main]);
        base.innovation.qualityStandards = [main];
        return {
          base,
          steps: [
            (p) => p.innovation.centres.push(main),
            (p) => (p.innovation.vocationalSchool = true),
            (p) => (p.innovation.innovationVouchers = 1),
            ...buildToDemand(town),
          ],
        };
      },
    },
    opposite: {
      name: 'more export giveaways and a bigger port (003 §6.2)',
      plan: (_s, town) => {
        const base = defaultPlan();
        giveaway(base);
        return { base, steps: overbuild(town) };
      },
    },
  },
  {
    scenarioId: 'imbedding-clusters',
    town: 'suzhou',
    rounds: 10,
    lesson: {
      name: 'target IT and grow local suppliers (002 §2.2.2, 001 ¶15)',
      plan: (_s, town) => {
        const base = defaultPlan();
        // As generous as the policy district, but targeted and building links.
        targeted(base, ['electronics']);
        Object.assign(base.preferential, {
          foreignTaxRate: 0.15,
          foreignTaxHolidayYears: 5,
          landDiscount: 0.5,
        });
        base.innovation.industryAssociation = ['electronics'];
        return {
          base,
          steps: [
            (p) => (p.preferential.smeCreditGuarantee = 1.5),
            (p) => (p.innovation.vocationalSchool = true),
            ...buildToDemand(town),
          ],
        };
      },
    },
    opposite: {
      name: 'untargeted policy district, parks ahead of demand (002 §2.2.2)',
      plan: (_s, town) => {
        const base = defaultPlan();
        giveaway(base);
        return { base, steps: overbuild(town) };
      },
    },
  },
  {
    scenarioId: 'go-west',
    town: 'chengdu',
    rounds: 8,
    lesson: {
      name: 'attract footwear with skills, housing and clean water (003 §4.2, §6)',
      plan: (_s, town) => {
        const base = defaultPlan();
        targeted(base, ['footwear']);
        base.innovation.qualityStandards = ['footwear'];
        return {
          base,
          steps: [
            (p) => (p.innovation.vocationalSchool = true),
            build(town, 'market', 'footwear'),
            build(town, 'wastewater'),
            ...buildToDemand(town),
          ],
        };
      },
    },
    opposite: {
      name: "lax pollution haven taking the coast's polluters (003 §6.3)",
      plan: (_s, town) => {
        const base = defaultPlan();
        giveaway(base);
        return { base, steps: overbuild(town) };
      },
    },
  },
];

/** Every scenario has a lesson (the test checks the list against SCENARIOS). */
export const SCENARIO_IDS = SCENARIOS.map((s) => s.id);

export type Policy = { kind: 'plan'; plan: PlanFor } | { kind: 'strategy'; id: StrategyId };

export interface Outcome {
  /** The town's score: the sum of its central evaluations over the rounds. */
  score: number;
  state: MatchState;
}

/** Plays `rounds` rounds with `town` following `policy`, the others the computer strategies. */
export function playLesson(
  scenarioId: string,
  townId: string,
  rounds: number,
  seed: number,
  policy: Policy,
): Outcome {
  let state = createMatch(scenarioId, { seed });
  for (let r = 0; r < rounds; r++) {
    const plans = computerPlans(state, undefined, new Set([townId]));
    const town = state.towns.find((t) => t.id === townId);
    if (!town) throw new Error(`no town ${townId} in ${scenarioId}`);
    plans[townId] =
      policy.kind === 'plan'
        ? fill(state, town, policy.plan)
        : decidePlan(state, townId, policy.id);
    state = resolveRound(state, { plans, cards: [] }).state;
  }
  const town = state.towns.find((t) => t.id === townId);
  return { score: town ? town.score : 0, state };
}
