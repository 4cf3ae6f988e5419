/**
 * Computer-town strategies: three personalities the server's bots, the self-guided mode and the
 * CLI use. Each starts from standing policies and adds actions in priority order while they fit
 * the budget, so every plan it returns passes the shared validator. Deterministic: no PRNG draw.
 */
import { SECTOR_IDS, type SectorId } from '../data/sectors';
import { availableBudget, planCost } from './costs';
import { infrastructureService } from './infrastructure';
import { employment } from './industry';
import { freeLandShare } from './land';
import { defaultPlan, validatePlan } from './plan-schema';
import { pollutionIndex } from './pollution';
import type { InfraKind, MatchState, TownPlan, TownState } from './types';

export const STRATEGY_IDS = ['growth', 'balanced', 'green'] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

export const STRATEGIES: Record<StrategyId, { name: string; description: string }> = {
  growth: {
    name: 'Growth at any cost',
    description:
      'Low taxes, long holidays and cheap land for all comers, lax enforcement, build ahead of demand.',
  },
  balanced: {
    name: 'Balanced developer',
    description:
      'Targets its main sector, standard enforcement, housing and schools as the town grows.',
  },
  green: {
    name: 'Green innovator',
    description:
      'Strict enforcement with green-upgrading subsidies, innovation centre, university and standards.',
  },
};

export function isStrategyId(value: string): value is StrategyId {
  return (STRATEGY_IDS as readonly string[]).includes(value);
}

/** The town's largest sector by employment. */
export function mainSector(town: TownState): SectorId {
  let best: SectorId = SECTOR_IDS[0];
  let most = -1;
  for (const s of SECTOR_IDS) {
    const n = employment(town.industries[s]);
    if (n > most) {
      best = s;
      most = n;
    }
  }
  return best;
}

type Step = (plan: TownPlan) => void;

function canBuild(town: TownState, plan: TownPlan, kind: InfraKind): boolean {
  if (plan.build.some((o) => o.kind === kind)) return false;
  return !town.infra.projects.some((p) => p.kind === kind);
}

function stepsFor(
  id: StrategyId,
  state: MatchState,
  town: TownState,
): { base: TownPlan; steps: Step[] } {
  const base = defaultPlan();
  const main = mainSector(town);
  const p = base.preferential;
  const steps: Step[] = [];
  const needRoads = infrastructureService(town) < 0.95;
  const needLand = freeLandShare(town) < 0.25;
  const crowded = town.publicServices < 0.9;
  const dirty = pollutionIndex(town) > 35;
  const build =
    (kind: InfraKind, sector?: SectorId): Step =>
    (plan) => {
      if (canBuild(town, plan, kind)) plan.build.push(sector ? { kind, sector } : { kind });
    };
  if (id === 'growth') {
    Object.assign(p, {
      foreignTaxRate: 0.1,
      domesticTaxRate: 0.2,
      foreignTaxHolidayYears: 5,
      landDiscount: 0.6,
      oneStopOffice: true,
    });
    base.environment.enforcement = 'lax';
    if (needRoads) steps.push(build('roads'), build('power'));
    if (needLand) steps.push(build('park'));
    if (town.geo.coastal) steps.push(build('port'));
    steps.push((plan) => (plan.preferential.smeCreditGuarantee = 2));
    if (crowded) steps.push(build('housing'));
  } else if (id === 'balanced') {
    Object.assign(p, {
      foreignTaxRate: 0.2,
      domesticTaxRate: 0.25,
      foreignTaxHolidayYears: 2,
      landDiscount: 0.3,
      targetSectors: [main],
      equalTreatmentPrivate: true,
    });
    if (needRoads) steps.push(build('roads'));
    if (crowded) steps.push(build('housing'));
    if (needLand) steps.push(build('park'));
    if (dirty) steps.push(build('wastewater'));
    steps.push((plan) => (plan.preferential.smeCreditGuarantee = 1.5));
    steps.push((plan) => plan.innovation.qualityStandards.push(main));
    steps.push((plan) => plan.innovation.industryAssociation.push(main));
    steps.push((plan) => (plan.innovation.vocationalSchool = true));
    if (!town.infra.markets.includes(main)) steps.push(build('market', main));
  } else {
    Object.assign(p, {
      foreignTaxRate: 0.25,
      domesticTaxRate: 0.25,
      foreignTaxHolidayYears: 2,
      landDiscount: 0.2,
      targetSectors: [main],
    });
    base.environment.enforcement = 'strict';
    base.environment.pollutionFee = 0.3;
    steps.push((plan) => (plan.environment.greenSubsidy = 3));
    if (dirty) steps.push(build('wastewater'));
    steps.push((plan) => plan.innovation.centres.push(main));
    steps.push((plan) => plan.innovation.qualityStandards.push(main));
    steps.push((plan) => (plan.innovation.universityPartnership = true));
    steps.push((plan) => (plan.innovation.innovationVouchers = 1));
    if (crowded) steps.push(build('housing'));
    if (needRoads) steps.push(build('roads'));
  }
  // Below the national tax floor the rate is simply raised; keep plans honest about it.
  p.foreignTaxRate = Math.max(p.foreignTaxRate, state.conditions.taxFloor);
  p.domesticTaxRate = Math.max(p.domesticTaxRate, state.conditions.taxFloor);
  return { base, steps };
}

/** Share of the available budget a computer town is willing to commit in one round. */
export const BOT_SPENDING_SHARE = 0.6;

export function decidePlan(state: MatchState, townId: string, strategy: StrategyId): TownPlan {
  const town = state.towns.find((t) => t.id === townId);
  if (!town) throw new Error(`unknown town ${townId}`);
  const { base, steps } = stepsFor(strategy, state, town);
  const committed = planCost(state, town, base).committed;
  const ceiling =
    Math.max(0, availableBudget(state, town) - committed) * BOT_SPENDING_SHARE + committed;
  let plan = base;
  if (!validatePlan(state, townId, plan).ok) plan = defaultPlan();
  for (const step of steps) {
    const trial = structuredClone(plan);
    step(trial);
    if (planCost(state, town, trial).total <= ceiling && validatePlan(state, townId, trial).ok)
      plan = trial;
  }
  return plan;
}
