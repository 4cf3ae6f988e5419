/**
 * Pollution: air and water. Lax enforcement attracts polluters; pollution accumulates, harms
 * health and social stability, flows downstream to neighbouring towns, and meets export
 * eco-standards (RoHS, WEEE — 003 §6.3). Strict enforcement and wastewater plants abate it;
 * green upgrading with public money keeps polluters in business while cleaning them (003 §7.4).
 *
 * Each index (0–100) moves toward an equilibrium set by emissions: air clears quickly, rivers
 * slowly. Half of a town's water emissions reach the next town downstream (DESIGN §3 fact 10).
 */
import { SECTOR_IDS, SECTORS, type SectorId } from '../data/sectors';
import type { RoundContext } from './context';
import { townData } from './context';
import { clamp, saturate } from './math';
import type { Cause, Enforcement, MatchState, TownState } from './types';

export const POLLUTION = {
  abatement: { lax: 0.05, standard: 0.25, strict: 0.5 } as Record<Enforcement, number>,
  greenAbatement: 0.4,
  wastewaterPerLevel: 0.12,
  /** Emissions that give an index of 50. */
  halfEmissions: 0.5,
  airSpeed: 0.7,
  waterSpeed: 0.35,
  downstreamShare: 0.5,
  feeRevenuePerUnit: 20,
} as const;

export interface Emissions {
  air: number;
  water: number;
}

function sectorAbatement(town: TownState, sector: SectorId): number {
  return (
    POLLUTION.abatement[town.plan.environment.enforcement] +
    POLLUTION.greenAbatement * town.industries[sector].greenUpgrade
  );
}

/** Yearly emissions of a town from its sectors' real output. */
export function townEmissions(
  state: MatchState,
  town: TownState,
  outputs: Record<SectorId, number>,
): Emissions {
  let air = 0;
  let water = 0;
  const wastewater = POLLUTION.wastewaterPerLevel * town.infra.wastewater;
  for (const s of SECTOR_IDS) {
    const real = outputs[s] / state.national / 1000;
    if (real <= 0) continue;
    const abate = sectorAbatement(town, s);
    air += real * SECTORS[s].airPollution * (1 - clamp(abate, 0, 0.9));
    water += real * SECTORS[s].waterPollution * (1 - clamp(abate + wastewater, 0, 0.92));
  }
  return { air, water };
}

/** Green upgrading of polluting sectors, paid by subsidies and pushed by strict enforcement. */
export function upgradeGreen(ctx: RoundContext, town: TownState): void {
  const data = townData(ctx, town);
  const env = town.plan.environment;
  const weights: number[] = SECTOR_IDS.map((s) => {
    const p = SECTORS[s];
    return (data.outputAfter[s] / ctx.state.national) * Math.max(p.airPollution, p.waterPollution);
  });
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  SECTOR_IDS.forEach((s, i) => {
    const industry = town.industries[s];
    if (weights[i] <= 0) return;
    const subsidy = totalWeight > 0 ? (env.greenSubsidy * weights[i]) / totalWeight : 0;
    const realOutput = data.outputAfter[s] / ctx.state.national;
    let push = 0.5 * saturate((subsidy * 100) / Math.max(1, realOutput), 2);
    if (env.enforcement === 'strict') push += 0.04;
    industry.greenUpgrade = clamp(
      industry.greenUpgrade + push * ctx.years * (1 - industry.greenUpgrade),
      0,
      0.95,
    );
  });
}

export function pollutionIndex(town: TownState): number {
  return (town.airPollution + town.waterPollution) / 2;
}

/**
 * Move every town's air and water indices toward their equilibria, in river order so that
 * upstream discharges reach downstream towns in the same round.
 */
export function spreadPollution(ctx: RoundContext, emissions: Map<string, Emissions>): void {
  const { state } = ctx;
  const order = [...state.towns].sort(
    (a, b) => (a.geo.riverOrder ?? 1e9) - (b.geo.riverOrder ?? 1e9) || (a.id < b.id ? -1 : 1),
  );
  const outflow = new Map<number, { town: string; water: number }[]>();
  for (const town of order) {
    const own = emissions.get(town.id) ?? { air: 0, water: 0 };
    const causes: Cause[] = [];
    let inflow = 0;
    const river = town.geo.riverOrder;
    if (river !== null) {
      for (const up of outflow.get(river - 1) ?? []) {
        inflow += up.water;
        causes.push({ cause: 'downstreamSpill', amount: up.water, town: up.town });
      }
    }
    const before = pollutionIndex(town);
    const airTarget = 100 * saturate(own.air, POLLUTION.halfEmissions);
    const waterLoad = own.water + inflow;
    const waterTarget = 100 * saturate(waterLoad, POLLUTION.halfEmissions);
    town.airPollution +=
      (airTarget - town.airPollution) * clamp(POLLUTION.airSpeed * ctx.years, 0, 1);
    town.waterPollution +=
      (waterTarget - town.waterPollution) * clamp(POLLUTION.waterSpeed * ctx.years, 0, 1);
    if (river !== null) {
      const list = outflow.get(river) ?? [];
      list.push({ town: town.id, water: waterLoad * POLLUTION.downstreamShare });
      outflow.set(river, list);
    }
    // Explain the change of the average index by the share of each load in the total.
    const delta = pollutionIndex(town) - before;
    const load = own.air + own.water + inflow;
    const explained: Cause[] = [];
    if (delta > 0 && load > 0) {
      explained.push({ cause: 'emissions', amount: (delta * (own.air + own.water)) / load });
      for (const c of causes) explained.push({ ...c, amount: (delta * c.amount) / load });
    } else if (delta < 0) {
      const strict = town.plan.environment.enforcement !== 'lax' || town.infra.wastewater > 0;
      explained.push({ cause: strict ? 'abatement' : 'naturalDecay', amount: delta });
    }
    townData(ctx, town).pollutionCauses = explained;
  }
}

/** Pollution fees collected this round, M RMB. */
export function pollutionFees(state: MatchState, town: TownState, emissions: Emissions): number {
  return (
    town.plan.environment.pollutionFee *
    (emissions.air + emissions.water) *
    POLLUTION.feeRevenuePerUnit *
    state.national
  );
}
