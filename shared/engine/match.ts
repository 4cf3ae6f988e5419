/**
 * Creating a match from a scenario: the towns, the starting conditions with every timeline event
 * dated before the start year already in force, and round-0 indicators.
 */
import { findEvent } from '../data/events';
import { findScenario, type IndustrySeed, type Scenario, type TownSeed } from '../data/scenarios';
import { SECTOR_IDS, SECTORS, type SectorId } from '../data/sectors';
import { applyEffects, isOpenToFdi, strikeEvent } from './events';
import { hashState } from './hash';
import { employment, industrialEmployment, sectorExports, valueAddedPerWorker } from './industry';
import { jobs, localLabourCap } from './labour';
import { landInUse } from './land';
import { fix, powInt, saturate } from './math';
import { defaultPlan } from './plan-schema';
import { townEmissions, POLLUTION } from './pollution';
import { NATIONAL_GROWTH, gdpOf, outputsOf } from './resolve-round';
import { nextFloat, seedRng, type RngState } from './rng';
import { SOCIAL, updateServices } from './social';
import { INFRA_SPECS } from './costs';
import { noEvaluation } from './scoring';
import { WORKERS_PER_LEVEL } from './infrastructure';
import { clusterType, lifeStage, specialisedSector } from './cluster';
import type { Conditions, Industry, MatchState, TownState } from './types';

export const MIN_TOWNS = 2;
export const MAX_TOWNS = 40;

export interface MatchOptions {
  seed: number;
  /** Number of towns; defaults to the scenario's own. */
  towns?: number;
  diplomacy?: boolean;
}

export class ScenarioError extends Error {}

function makeIndustry(
  sector: SectorId,
  seed: IndustrySeed | undefined,
  startYear: number,
): Industry {
  const size = SECTORS[sector].firmSize;
  const baseTech = Math.min(0.35, 0.05 + 0.01 * (startYear - 1980));
  return {
    sector,
    firms: {
      sme: seed?.sme ?? 0,
      foreign: seed?.foreign ?? 0,
      leading: seed?.leading ?? 0,
      soe: seed?.soe ?? 0,
    },
    firmSize: { ...size },
    foreignUnderHoliday: 0,
    technology: seed?.technology ?? baseTech,
    embeddedness: seed?.embeddedness ?? 0.05,
    reputation: seed?.reputation ?? 0.6,
    greenUpgrade: 0,
    patents: 0,
    firmTrend: 0,
    clusterType: 'none',
    lifeStage: 'none',
  };
}

/** Extra towns beyond a scenario's own: inland or coastal, each with a small heritage cluster. */
function generatedTown(rng: RngState, index: number): TownSeed {
  const coastal = nextFloat(rng) < 0.35;
  const heritage = SECTOR_IDS[Math.floor(nextFloat(rng) * SECTOR_IDS.length)];
  const x = Math.floor(5 + nextFloat(rng) * 90);
  const y = Math.floor(5 + nextFloat(rng) * 90);
  return {
    id: `town-${index + 1}`,
    name: `Town ${index + 1}`,
    x,
    y,
    coastal,
    portKm: coastal ? Math.floor(10 + nextFloat(rng) * 40) : Math.floor(60 + nextFloat(rng) * 200),
    hubKm: Math.floor(60 + nextFloat(rng) * 400),
    riverOrder: nextFloat(rng) < 0.3 ? Math.floor(nextFloat(rng) * 5) : null,
    landArea: Math.floor(15 + nextFloat(rng) * 25),
    locals: Math.floor(80000 + nextFloat(rng) * 200000),
    heritage,
    industries: { [heritage]: { sme: Math.floor(20 + nextFloat(rng) * 150) } },
  };
}

function makeTown(seed: TownSeed, scenario: Scenario, national: number): TownState {
  const industries = {} as Record<SectorId, Industry>;
  for (const s of SECTOR_IDS)
    industries[s] = makeIndustry(s, seed.industries?.[s], scenario.startYear);
  const plan = defaultPlan();
  if (seed.enforcement) plan.environment.enforcement = seed.enforcement;
  const zero = {
    gdp: 0,
    gdpPerHead: 0,
    industrialOutput: 0,
    jobs: 0,
    unemployment: 0,
    exports: 0,
    fdiStock: 0,
    fdiInflow: 0,
    firms: 0,
    valueAddedPerWorker: 0,
    patents: 0,
    revenue: 0,
    spending: 0,
    fiscalBalance: 0,
    evaluation: 0,
  };
  return {
    id: seed.id,
    name: seed.name,
    geo: {
      x: seed.x,
      y: seed.y,
      coastal: seed.coastal,
      portKm: seed.portKm,
      hubKm: seed.hubKm,
      riverOrder: seed.riverOrder,
    },
    landArea: seed.landArea,
    landUsed: 0,
    landPrice: national,
    locals: seed.locals,
    workforce: 0,
    migrants: 0,
    wage: (seed.wage ?? 1) * national,
    skills: seed.skills ?? 0.3,
    heritage: seed.heritage,
    fdiOpen: false,
    sez: seed.sez ?? false,
    firstFdiRound: null,
    cash: 15 * national,
    debt: 0,
    airPollution: 0,
    waterPollution: 0,
    publicServices: 1,
    stability: 60,
    infra: {
      roads: 1,
      power: 1,
      port: seed.coastal ? 1 : 0,
      park: 0,
      housing: 0,
      wastewater: 0,
      markets: [],
      projects: [],
      capitalStock: 0,
    },
    industries,
    specialisedSector: null,
    specialisedSinceRound: null,
    plan,
    score: 0,
    last: { ...zero },
    evaluation: noEvaluation(),
  };
}

/** Round-0 figures so the first round has something to compare with. */
function settleStart(state: MatchState, town: TownState): void {
  town.landUsed = landInUse(town);
  for (const s of SECTOR_IDS) town.industries[s].foreignUnderHoliday = 0;
  // Enough migrants to fill the jobs the local workforce cannot.
  const cap = localLabourCap(state, town);
  town.workforce = Math.min(cap, jobs(town));
  const gap = jobs(town) - cap;
  if (gap > 0) town.migrants = gap / 0.9;
  // Towns start with the roads, power and housing their size needs; their cost sets upkeep.
  const workers0 = industrialEmployment(town);
  const level = Math.min(
    INFRA_SPECS.roads.maxLevel,
    Math.max(1, Math.ceil(workers0 / WORKERS_PER_LEVEL - 1)),
  );
  town.infra.roads = Math.max(town.infra.roads, level);
  town.infra.power = Math.max(town.infra.power, level);
  const residents = town.locals + town.migrants;
  const housingNeed = Math.ceil((residents - SOCIAL.baseCapacity) / SOCIAL.capacityPerHousing);
  town.infra.housing = Math.min(INFRA_SPECS.housing.maxLevel, Math.max(0, housingNeed));
  town.infra.capitalStock =
    town.infra.roads * INFRA_SPECS.roads.cost +
    town.infra.power * INFRA_SPECS.power.cost +
    town.infra.port * INFRA_SPECS.port.cost +
    town.infra.housing * INFRA_SPECS.housing.cost;
  updateServices(town);
  const outputs = outputsOf(null, state, town);
  const emissions = townEmissions(state, town, outputs);
  town.airPollution = 100 * saturate(emissions.air, POLLUTION.halfEmissions);
  town.waterPollution = 100 * saturate(emissions.water, POLLUTION.halfEmissions);
  let industrial = 0;
  let exports = 0;
  let taxes = 0;
  let workers = 0;
  for (const s of SECTOR_IDS) {
    industrial += outputs[s];
    exports += sectorExports(null, state, town, s);
    workers += employment(town.industries[s]);
    const industry = town.industries[s];
    industry.clusterType = clusterType(industry);
    industry.lifeStage = lifeStage(industry);
    for (const kind of ['sme', 'foreign', 'leading', 'soe'] as const) {
      taxes +=
        (employment(industry, kind) * valueAddedPerWorker(state, town, s, kind) * 0.3 * 0.25) /
        1000;
    }
  }
  town.specialisedSector = specialisedSector(town, outputs);
  town.specialisedSinceRound = town.specialisedSector ? 0 : null;
  const gdp = gdpOf(state, town, industrial);
  const revenue = taxes + 0.00003 * (town.locals + town.migrants) * state.national;
  town.last = {
    ...town.last,
    gdp,
    gdpPerHead: (gdp * 1000) / (town.locals + town.migrants),
    industrialOutput: industrial,
    jobs: jobs(town),
    exports,
    fdiStock: SECTOR_IDS.reduce((a, s) => a + town.industries[s].firms.foreign, 0),
    firms: SECTOR_IDS.reduce(
      (a, s) =>
        a +
        town.industries[s].firms.sme +
        town.industries[s].firms.foreign +
        town.industries[s].firms.leading +
        town.industries[s].firms.soe,
      0,
    ),
    valueAddedPerWorker: workers > 0 ? (industrial * 1000) / workers : 0,
    revenue,
  };
}

export function createMatch(scenarioId: string, options: MatchOptions): MatchState {
  const scenario = findScenario(scenarioId);
  if (!scenario) throw new ScenarioError(`unknown scenario "${scenarioId}"`);
  const count = options.towns ?? scenario.towns.length;
  if (!Number.isInteger(count) || count < MIN_TOWNS || count > MAX_TOWNS) {
    throw new ScenarioError(
      `towns must be an integer from ${MIN_TOWNS} to ${MAX_TOWNS}, got ${count}`,
    );
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
    throw new ScenarioError(`seed must be an integer from 0 to 4294967295, got ${options.seed}`);
  }
  const national = powInt(NATIONAL_GROWTH, scenario.startYear - 1980);
  const seeds = scenario.towns.slice(0, count);
  const layoutRng = seedRng(options.seed ^ 0x5eed1e55);
  for (let i = seeds.length; i < count; i++) seeds.push(generatedTown(layoutRng, i));
  const exportDemand = {} as Conditions['exportDemand'];
  for (const s of SECTOR_IDS) exportDemand[s] = 1;
  const state: MatchState = {
    version: 1,
    scenarioId,
    seed: options.seed,
    round: 0,
    year: scenario.startYear,
    roundYears: scenario.roundYears,
    national,
    rng: seedRng(options.seed),
    conditions: {
      exportDemand,
      fdiFlow: scenario.fdiFlow,
      taxFloor: 0,
      preferentialDilution: 0,
      ecoStandard: 0,
      greenEvaluation: 0,
      specialisedTownGrant: false,
      parkCleanup: false,
      soeReform: false,
      fdiOpening: 'none',
    },
    timeline: scenario.timeline
      .map((id) => ({ eventId: id, year: findEvent(id)?.year ?? scenario.startYear }))
      .sort((a, b) => a.year - b.year),
    appliedEvents: [],
    scheduled: [],
    weights: { ...scenario.weights },
    costs: { ...scenario.costs },
    towns: seeds.map((seed) => makeTown(seed, scenario, national)),
    centres: [],
    proposals: [],
    nextId: 1,
    diplomacy: options.diplomacy ?? true,
  };
  // History before the start year is already in force.
  for (const entry of state.timeline) {
    if (entry.year < scenario.startYear) strikeEvent(state, entry.eventId, entry.year);
  }
  for (const item of state.scheduled.filter((s) => s.year < scenario.startYear)) {
    const event = findEvent(item.eventId);
    if (event?.recovery) applyEffects(state.conditions, event.recovery.effects);
  }
  state.scheduled = state.scheduled.filter((s) => s.year >= scenario.startYear);
  for (const town of state.towns) town.fdiOpen = isOpenToFdi(state.conditions, town);
  for (const town of state.towns) settleStart(state, town);
  return JSON.parse(
    JSON.stringify(state, (_k, v: unknown) =>
      typeof v === 'number' && !Number.isInteger(v) ? fix(v) : v,
    ),
  ) as MatchState;
}

export function stateHash(state: MatchState): string {
  return hashState(state);
}
