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
import { NATIONAL_GROWTH, resolveRound } from '../../shared/engine/resolve-round';
import { computerPlans } from '../../shared/engine/round-plans';
import { evaluationBreakdown } from '../../shared/engine/scoring';
import { decidePlan, mainSector, type StrategyId } from '../../shared/engine/strategies';
import type {
  EvaluationCosts,
  InfraKind,
  MatchState,
  TownPlan,
  TownState,
} from '../../shared/engine/types';

type Step = (plan: TownPlan) => void;
type PlanFor = (state: MatchState, town: TownState) => { base: TownPlan; steps: Step[] };

/** The base plan, then each step that keeps the plan valid and within the budget. */
export function fillPlan(state: MatchState, town: TownState, make: PlanFor): TownPlan {
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

/**
 * Build what demand calls for: roads and power when firms outgrow them, a port when trade
 * outgrows it, land when it runs short, housing when crowded, wastewater when dirty.
 */
function buildToDemand(state: MatchState, town: TownState): Step[] {
  const steps: Step[] = [];
  if (infrastructureService(town) < 0.95) steps.push(build(town, 'roads'), build(town, 'power'));
  if (pollutionIndex(town) > 35) steps.push(build(town, 'wastewater'));
  if (freeLandShare(town) < 0.3) steps.push(build(town, 'park'));
  if (town.publicServices < 0.9) steps.push(build(town, 'housing'));
  if (town.last.exports / state.national > 150 * town.infra.port) steps.push(build(town, 'port'));
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

export interface LessonSpec {
  scenarioId: string;
  town: string;
  lesson: { name: string; plan: PlanFor };
  opposite: { name: string; plan: PlanFor };
}

const SPECS: LessonSpec[] = [
  {
    scenarioId: 'open-door-1980',
    town: 'zhuhai',
    lesson: {
      name: 'SEZ opening targeted at its strengths, building to demand (003 §3.1, §3.3)',
      plan: (state, town) => {
        // "identify its comparative advantages and bottlenecks accurately" (003 §3.3): target
        // the town's main sector, with the SEZ terms (15 % for foreign firms, holidays, cheap
        // land, one stop), and build only what demand calls for.
        const main = mainSector(town);
        const base = defaultPlan();
        targeted(base, [main]);
        Object.assign(base.preferential, {
          foreignTaxRate: 0.15,
          foreignTaxHolidayYears: 5,
          landDiscount: 0.5,
        });
        base.innovation.industryAssociation = [main];
        return {
          base,
          steps: [
            ...buildToDemand(state, town),
            (p) => (p.preferential.smeCreditGuarantee = 1),
            build(town, 'market', main),
            (p) => (p.innovation.vocationalSchool = true),
          ],
        };
      },
    },
    opposite: {
      name: 'Zhuhai-style overbuilding with lax enforcement (003 §3.3)',
      plan: (state, town) => {
        const base = defaultPlan();
        giveaway(base);
        return { base, steps: overbuild(town) };
      },
    },
  },
  {
    scenarioId: 'block-economy-zhejiang',
    town: 'wenzhou',
    lesson: {
      name: 'quality standards, association and market for the heritage craft (003 §4.3)',
      plan: (state, town) => {
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
            ...buildToDemand(state, town),
            (p) => (p.innovation.vocationalSchool = true),
          ],
        };
      },
    },
    opposite: {
      name: 'quantity without quality: cheap credit and land, no standards, lax (003 §4.3)',
      plan: (state, town) => {
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
    lesson: {
      name: 'strict enforcement, green upgrading, diversify (001 ¶20, 003 §7.4)',
      plan: (state, town) => {
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
            ...buildToDemand(state, town),
          ],
        };
      },
    },
    opposite: {
      name: 'lax enforcement and ceramics subsidised (001 ¶20)',
      plan: (state, town) => {
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
    lesson: {
      name: 'upgrade and turn to domestic demand (003 §7.2)',
      plan: (state, town) => {
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
            ...buildToDemand(state, town),
          ],
        };
      },
    },
    opposite: {
      name: 'more export giveaways and a bigger port (003 §6.2)',
      plan: (state, town) => {
        const base = defaultPlan();
        giveaway(base);
        return { base, steps: overbuild(town) };
      },
    },
  },
  {
    scenarioId: 'imbedding-clusters',
    town: 'suzhou',
    lesson: {
      name: 'target IT and grow local suppliers (002 §2.2.2, 001 ¶15)',
      plan: (state, town) => {
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
            ...buildToDemand(state, town),
          ],
        };
      },
    },
    opposite: {
      name: 'untargeted policy district, parks ahead of demand (002 §2.2.2)',
      plan: (state, town) => {
        const base = defaultPlan();
        giveaway(base);
        return { base, steps: overbuild(town) };
      },
    },
  },
  {
    scenarioId: 'go-west',
    town: 'chengdu',
    lesson: {
      name: 'attract footwear with skills, housing and clean water (003 §4.2, §6)',
      plan: (state, town) => {
        const base = defaultPlan();
        targeted(base, ['footwear']);
        base.innovation.qualityStandards = ['footwear'];
        return {
          base,
          steps: [
            (p) => (p.innovation.vocationalSchool = true),
            build(town, 'market', 'footwear'),
            build(town, 'wastewater'),
            ...buildToDemand(state, town),
          ],
        };
      },
    },
    opposite: {
      name: 'lax enforcement, giveaways to all comers, building ahead of demand (003 §3.3, §6.3)',
      plan: (state, town) => {
        const base = defaultPlan();
        giveaway(base);
        return { base, steps: overbuild(town) };
      },
    },
  },
];

/** A lesson is played over the scenario's whole match (its default number of rounds). */
export interface Lesson extends LessonSpec {
  rounds: number;
}

export const LESSONS: Lesson[] = SPECS.map((spec) => {
  const scenario = SCENARIOS.find((s) => s.id === spec.scenarioId);
  if (!scenario) throw new Error(`no scenario ${spec.scenarioId}`);
  return { ...spec, rounds: scenario.defaultRounds };
});

/** Every scenario has a lesson (the test checks the list against SCENARIOS). */
export const SCENARIO_IDS = SCENARIOS.map((s) => s.id);

export type Policy = { kind: 'plan'; plan: PlanFor } | { kind: 'strategy'; id: StrategyId };

export interface Outcome {
  /** The town's score: the sum of its central evaluations over the rounds. */
  score: number;
  /** Points lost to each cost over the rounds (scoring.ts). */
  costs: EvaluationCosts;
  /** Weighted indicators before costs, summed over the rounds. */
  gross: number;
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
  const costs: EvaluationCosts = { pollution: 0, debt: 0, unemployment: 0 };
  let gross = 0;
  for (let r = 0; r < rounds; r++) {
    const plans = computerPlans(state, undefined, new Set([townId]));
    const before = findTown(state, townId);
    plans[townId] =
      policy.kind === 'plan'
        ? fillPlan(state, before, policy.plan)
        : decidePlan(state, townId, policy.id);
    state = resolveRound(state, { plans, cards: [] }).state;
    const after = findTown(state, townId);
    // The breakdown at the evaluation's cost level (the state's trend has moved on a round).
    const atEvaluation = { ...state, national: state.national / NATIONAL_GROWTH };
    const growth = before.last.gdp > 0 ? after.last.gdp / before.last.gdp - 1 : 0;
    const parts = evaluationBreakdown(atEvaluation, after, after.last, growth);
    gross += parts.gross;
    for (const c of parts.costs) costs[c.key] += c.points;
  }
  return { score: findTown(state, townId).score, costs, gross, state };
}

function findTown(state: MatchState, townId: string): TownState {
  const town = state.towns.find((t) => t.id === townId);
  if (!town) throw new Error(`no town ${townId} in ${state.scenarioId}`);
  return town;
}
