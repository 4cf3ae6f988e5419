/**
 * The one entry for every state change (STYLE.md point 2):
 *   resolveRound(state, inputs) → { state, events, explanations, hash }
 * It never mutates its input, reads no clock and draws randomness only from the PRNG stored in
 * the state, so a match log (seed, configuration, ordered inputs) replays exactly.
 */
import { SECTOR_IDS, type SectorId } from '../data/sectors';
import { classifyClusters, updateSpecialisation } from './cluster';
import type { RoundContext, SectorRecord, TownRoundData } from './context';
import { townData } from './context';
import { conductDiplomacy } from './diplomacy';
import { applyRoundEvents } from './events';
import { buildExplanations } from './explain';
import {
  allocateForeignInvestment,
  expireHolidays,
  foreignPlants,
  updateEmbeddedness,
} from './fdi';
import { settleBudget } from './fiscal';
import { closeFirms, enterSmes, growFirms, growLeadingEnterprises } from './firms';
import { fnv1a64 } from './hash';
import { employment, firmCount, sectorExports, sectorOutput, totalFirms } from './industry';
import { advanceConstruction } from './infrastructure';
import { innovate, updateSkills } from './innovation';
import { jobs, settleLabour } from './labour';
import { cleanUpParks, freeLand, settleLand } from './land';
import { clonePlain } from './copy';
import { debtLimit } from './costs';
import { countCompetitors } from './market';
import { powInt } from './math';
import { caretakerPlan, validatePlan } from './plan-schema';
import {
  pollutionFees,
  pollutionIndex,
  spreadPollution,
  townEmissions,
  upgradeGreen,
  type Emissions,
} from './pollution';
import { profitParts, sectorSetting, townSetting } from './profitability';
import { updateReputation } from './quality';
import { relocateFirms } from './relocation';
import { evaluationBreakdown, partsOf } from './scoring';
import { updateServices, updateStability } from './social';
import {
  FIRM_KINDS,
  type MatchState,
  type RoundResult,
  type TownIndicators,
  type TownPlan,
  type TownState,
} from './types';

/** What one round takes in: a plan per town (missing towns keep their policies) and cards. */
export interface RoundInputs {
  plans: Record<string, TownPlan>;
  cards: string[];
}

/** National productivity and wage trend per year (stylised catch-up growth). */
export const NATIONAL_GROWTH = 1.06;

function sectorRecord<T>(make: (s: SectorId) => T): SectorRecord<T> {
  const out = {} as SectorRecord<T>;
  for (const s of SECTOR_IDS) out[s] = make(s);
  return out;
}

export function outputsOf(
  ctx: RoundContext | null,
  state: MatchState,
  town: TownState,
): SectorRecord<number> {
  return sectorRecord((s) => sectorOutput(ctx, state, town, s));
}

/** GDP: industry plus services, which grow with industry and population (M RMB). */
export function gdpOf(state: MatchState, town: TownState, industrial: number): number {
  const residents = town.locals + town.migrants;
  return industrial * 1.45 + 0.0012 * residents * state.national;
}

function beginTown(ctx: RoundContext, town: TownState): TownRoundData {
  const { state } = ctx;
  const outputBefore = outputsOf(ctx, state, town);
  return {
    firmsBefore: sectorRecord((s) => firmCount(town.industries[s])),
    outputBefore,
    gdpBefore: town.last.gdp,
    jobsBefore: town.last.jobs,
    exportsBefore: town.last.exports,
    pollutionBefore: pollutionIndex(town),
    stabilityBefore: town.stability,
    fiscalBefore: town.last.fiscalBalance,
    evaluationBefore: town.last.evaluation,
    evaluationPartsBefore: town.evaluation,
    evaluation: null,
    profit: sectorRecord(() => ({}) as TownRoundData['profit'][SectorId]),
    foreignEntryProfit: sectorRecord(() => 0),
    flows: [],
    outputAfter: sectorRecord(() => 0),
    techGain: sectorRecord(() => 0),
    smeEntrants: sectorRecord(() => 0),
    fdiInflow: 0,
    pollutionCauses: [],
    fiscalCauses: [],
    stabilityCauses: [],
    unemployment: 0,
    landSold: 0,
    overDebtLimitBefore: town.debt >= debtLimit(town, state),
    fiscalTrim: 0,
  };
}

function computeMargins(ctx: RoundContext): void {
  const { state } = ctx;
  for (const town of state.towns) {
    const data = townData(ctx, town);
    const services = townSetting(town);
    for (const s of SECTOR_IDS) {
      const setting = sectorSetting(ctx, state, town, s, services);
      for (const kind of FIRM_KINDS) {
        data.profit[s][kind] = profitParts(ctx, state, town, s, kind, false, setting);
      }
      data.foreignEntryProfit[s] = profitParts(ctx, state, town, s, 'foreign', true, setting).total;
    }
  }
}

/**
 * Round every float to 6 decimals (as `fix` does) and rebuild objects with sorted keys, so that
 * plain JSON.stringify of the result is the canonical JSON that hashState would produce (the
 * state has no integer-like keys), at a fraction of its cost. Most objects already arrive with
 * sorted keys (the input state came from here), so the sort is skipped when it is not needed.
 */
function roundStateNumbers(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value;
    if (!Number.isFinite(value)) throw new Error(`non-finite number in state: ${String(value)}`);
    const rounded = Math.round(value * 1e6) / 1e6;
    return rounded === 0 ? 0 : rounded; // no −0 in the state, as in `fix`
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = roundStateNumbers(value[i]);
    return out;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) {
      keys.sort();
      break;
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const item = record[key];
    if (item !== undefined) out[key] = roundStateNumbers(item);
  }
  return out;
}

export function resolveRound(input: MatchState, inputs: RoundInputs): RoundResult {
  const state = clonePlain(input);
  const plans = new Map<string, TownPlan>();
  for (const town of state.towns) {
    const submitted = inputs.plans[town.id];
    if (submitted === undefined) {
      plans.set(town.id, caretakerPlan(town.plan));
      continue;
    }
    const check = validatePlan(state, town.id, submitted);
    if (!check.ok) {
      throw new Error(
        `invalid plan for ${town.id}: ${check.errors.map((e) => `${e.path}: ${e.reason}`).join('; ')}`,
      );
    }
    plans.set(town.id, check.plan);
  }
  for (const id of Object.keys(inputs.plans)) {
    if (!state.towns.some((t) => t.id === id)) throw new Error(`plan for unknown town ${id}`);
  }
  const ctx: RoundContext = {
    state,
    years: state.roundYears,
    events: [],
    towns: new Map(),
    competitors: countCompetitors(state),
    landLeft: new Map(),
  };
  for (const town of state.towns) ctx.towns.set(town.id, beginTown(ctx, town));

  applyRoundEvents(ctx, inputs.cards);
  conductDiplomacy(ctx, plans);
  for (const town of state.towns) {
    const plan = plans.get(town.id)!;
    town.plan = { ...plan, build: [], diplomacy: { proposals: [], responses: [] } };
    advanceConstruction(ctx, town, plan.build);
    cleanUpParks(ctx, state, town);
    expireHolidays(ctx, town);
    ctx.landLeft.set(town.id, freeLand(town) * 0.6);
  }
  computeMargins(ctx);
  for (const town of state.towns) innovate(ctx, town);
  for (const town of state.towns) {
    closeFirms(ctx, town);
    enterSmes(ctx, town);
    growLeadingEnterprises(ctx, town);
  }
  relocateFirms(ctx);
  allocateForeignInvestment(ctx);

  const emissions = new Map<string, Emissions>();
  const incomeBefore = new Map(state.towns.map((t) => [t.id, t.last.gdpPerHead / state.national]));
  for (const town of state.towns) {
    updateEmbeddedness(ctx, town);
    updateReputation(ctx, town);
    growFirms(ctx, town);
    settleLand(ctx, town);
    settleLabour(ctx, town);
    updateServices(town);
    const data = townData(ctx, town);
    data.outputAfter = outputsOf(ctx, state, town);
    upgradeGreen(ctx, town);
    emissions.set(town.id, townEmissions(state, town, data.outputAfter));
  }
  spreadPollution(ctx, emissions);

  const nextNational = state.national * powInt(NATIONAL_GROWTH, ctx.years);
  for (const town of state.towns) {
    const data = townData(ctx, town);
    const fees = pollutionFees(state, town, emissions.get(town.id)!);
    const fiscal = settleBudget(ctx, town, fees);
    updateSkills(ctx, town, pollutionIndex(town));
    let industrial = 0;
    let exports = 0;
    for (const s of SECTOR_IDS) {
      industrial += data.outputAfter[s];
      exports += sectorExports(ctx, state, town, s);
    }
    const gdp = gdpOf(state, town, industrial);
    const residents = town.locals + town.migrants;
    const gdpPerHead = (gdp * 1000) / residents;
    const before = incomeBefore.get(town.id) ?? 0;
    const incomeGrowth =
      before > 0 ? (gdpPerHead / state.national - before) / before / ctx.years : 0;
    updateStability(ctx, town, incomeGrowth);
    classifyClusters(ctx, town);
    updateSpecialisation(ctx, town, data.outputAfter);
    let patents = 0;
    let workers = 0;
    for (const s of SECTOR_IDS) {
      patents += town.industries[s].patents;
      workers += employment(town.industries[s]);
    }
    const indicators: TownIndicators = {
      gdp,
      gdpPerHead,
      industrialOutput: industrial,
      jobs: jobs(town),
      unemployment: data.unemployment,
      exports,
      fdiStock: foreignPlants(town),
      fdiInflow: data.fdiInflow,
      firms: totalFirms(town),
      valueAddedPerWorker: workers > 0 ? (industrial * 1000) / workers : 0,
      patents,
      revenue: fiscal.revenue / ctx.years,
      spending: fiscal.spending / ctx.years,
      fiscalBalance: (fiscal.revenue - fiscal.spending) / ctx.years,
      evaluation: 0,
    };
    const growth = data.gdpBefore > 0 ? (gdp / data.gdpBefore - 1) / ctx.years : 0;
    const breakdown = evaluationBreakdown(state, town, indicators, growth);
    indicators.evaluation = breakdown.total;
    data.evaluation = breakdown;
    town.evaluation = partsOf(breakdown);
    town.last = indicators;
    town.score += indicators.evaluation;
  }
  const explanations = state.towns.flatMap((t) => buildExplanations(ctx, t));
  state.round += 1;
  state.year += ctx.years;
  // Wages and land prices are nominal: they follow the national trend, then local pressures.
  const trend = nextNational / state.national;
  for (const town of state.towns) {
    town.wage *= trend;
    town.landPrice *= trend;
  }
  state.national = nextNational;
  // The ceiling plans are checked against (costs.ts) moves with revenue: a town whose debt
  // reaches it can commit only its cash next round, so the news announces the squeeze.
  for (const town of state.towns) {
    const trimmed = townData(ctx, town).fiscalTrim;
    if (trimmed > 0) {
      ctx.events.push({ type: 'DebtLimitReached', town: town.id, trimmed });
    } else if (!townData(ctx, town).overDebtLimitBefore && town.debt >= debtLimit(town, state)) {
      ctx.events.push({ type: 'DebtLimitReached', town: town.id });
    }
  }
  const rounded = roundStateNumbers(state) as MatchState;
  return {
    state: rounded,
    events: ctx.events,
    explanations,
    hash: fnv1a64(JSON.stringify(rounded)),
  };
}
