/**
 * How the town's numbers turn into things on screen: how many buildings a number of firms
 * makes, how big they look, how many homes, schools, people and lights there are, and how grey
 * the sky is. Kept apart from the placement code so the rules can be read (and tuned) alone.
 */
import { SECTORS, type FirmKind, type SectorId, type TownState } from '../../shared';
import { clamp01 } from './hash';
import { FOREIGN_PLOTS, SME_PLOTS } from './town-grid';

/**
 * Buildings for a number of firms of one kind. Piecewise linear and concave: every firm counts
 * while a cluster is small (3 workshops a building), big clusters are summarised more coarsely
 * (up to 200 a building) so that Xiqiao's 1,200 textile firms still fit their district.
 */
const STEPS: Record<FirmKind, [upTo: number, perBuilding: number][]> = {
  sme: [
    [24, 3],
    [144, 10],
    [744, 50],
    [Infinity, 200],
  ],
  foreign: [
    [4, 1],
    [20, 4],
    [100, 20],
    [Infinity, 60],
  ],
  leading: [[Infinity, 1]],
  soe: [[Infinity, 1]],
};

const CAPACITY: Record<FirmKind, number> = {
  sme: SME_PLOTS,
  foreign: FOREIGN_PLOTS,
  leading: 2,
  soe: 2,
};

export function buildingsFor(kind: FirmKind, firms: number): number {
  if (firms <= 0) return 0;
  let left = firms;
  let from = 0;
  let total = 0;
  for (const [upTo, per] of STEPS[kind]) {
    const span = Math.min(left, upTo - from);
    total += span / per;
    left -= span;
    from = upTo;
    if (left <= 0) break;
  }
  return Math.min(CAPACITY[kind], Math.max(1, Math.ceil(total - 1e-9)));
}

/**
 * Size stage of a building (1 small workshop … 3 large plant) from the average firm size of its
 * kind against the sector's starting size: as firms grow (Xiqiao after its innovation centre,
 * 003 Table 6) the same plots carry bigger buildings. A fixed share of plots is one stage bigger
 * so a district never looks stamped from one mould.
 */
export function stageFor(
  sector: SectorId,
  kind: FirmKind,
  firmSize: number,
  plotSeed: number,
): 1 | 2 | 3 {
  const base = SECTORS[sector].firmSize[kind];
  const ratio = base > 0 ? firmSize / base : 1;
  const bump = plotSeed % 3 === 0 ? 1 : 0;
  if (kind === 'sme') return ratio >= 1.5 || bump ? 2 : 1;
  if (kind === 'foreign') return ratio >= 1.3 || bump ? 3 : 2;
  return 3;
}

/**
 * How much a sector has shrunk from its peak when we only have today's state: a declining life
 * stage with a falling firm trend implies about three years of that fall.
 */
export function inferredPeakFactor(lifeStage: string, firmTrend: number): number {
  if (firmTrend >= 0 || (lifeStage !== 'declining' && firmTrend > -0.02)) return 1;
  const yearly = 1 / Math.max(0.3, 1 + firmTrend);
  return Math.min(2.5, yearly * yearly * yearly);
}

export function residents(town: TownState): number {
  return town.locals + town.migrants;
}

/** Jobs in the town's industry, from firms × average firm size (not the lagging indicator). */
export function industryJobs(town: TownState): number {
  let jobs = 0;
  for (const ind of Object.values(town.industries))
    for (const k of ['sme', 'foreign', 'leading', 'soe'] as const)
      jobs += ind.firms[k] * ind.firmSize[k];
  return jobs;
}

export function housingCount(town: TownState): number {
  return Math.min(60, Math.max(2, Math.ceil(town.locals / 12_000)));
}

export function dormitoryCount(town: TownState): number {
  return Math.min(32, Math.ceil(town.migrants / 8_000));
}

/**
 * Housing density by build order: public housing programmes (the infrastructure level) put up
 * tower blocks and walk-ups first; the rest are village houses.
 */
export function housingTier(index: number, housingLevel: number): 1 | 2 | 3 {
  if (index < housingLevel) return 3;
  if (index < housingLevel * 3 + 2) return 2;
  return 1;
}

export function schoolCount(town: TownState): number {
  return Math.max(1, Math.min(3, Math.round((town.publicServices * residents(town)) / 150_000)));
}

export function hospitalCount(town: TownState): number {
  return Math.max(1, Math.min(2, Math.round((town.publicServices * residents(town)) / 300_000)));
}

export function roadLevel(roads: number): 1 | 2 | 3 {
  if (roads <= 1) return 1;
  if (roads <= 3) return 2;
  return 3;
}

/** Air pollution 0–100 to a grey amount 0–1: clean below 5, a full smog from 80. */
export function skyTint(airPollution: number): number {
  return clamp01((airPollution - 5) / 75);
}

export function riverStain(waterPollution: number): number {
  return clamp01((waterPollution - 5) / 75);
}

/** People on the streets: workers going to work plus residents, so closures empty the streets. */
export function peopleCount(jobs: number, population: number): number {
  return Math.min(220, Math.round(4 + jobs / 1_500 + population / 40_000));
}

export function trafficCount(activeFactories: number, roads: number, port: number): number {
  return Math.min(80, Math.round(2 + activeFactories * 0.5 + roads * 2 + port * 2));
}

/** Share of homes with lights on: the share of the labour force that has a job here. */
export function occupancy(town: TownState): number {
  const labour = town.workforce + town.migrants;
  return labour > 0 ? Math.max(0.2, Math.min(1, industryJobs(town) / labour)) : 0.2;
}

/** How much smoke an active plant of this sector puts out, 0–1. */
export function smokeLevel(town: TownState, sector: SectorId): number {
  const ind = town.industries[sector];
  const lax = town.plan.environment.enforcement === 'lax' ? 1.15 : 1;
  return clamp01(SECTORS[sector].airPollution * (1 - 0.7 * ind.greenUpgrade) * lax);
}
