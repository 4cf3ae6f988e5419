/**
 * Prices and export demand. The price a town's products fetch follows its quality reputation
 * (race to the bottom, 003 §4.3) and, for the exported part, the region's export demand and
 * how many towns compete for it (fragmentation: towns specialised in the same sector compete
 * for the same buyers; a sector-based centre shared by several of them coordinates them,
 * 003 §6 and §7.3).
 */
import { SECTOR_IDS, SECTORS, type SectorId } from '../data/sectors';
import { sectorWorkers } from './agglomeration';
import type { RoundContext, SectorRecord } from './context';
import { clamp } from './math';
import type { MatchState, TownState } from './types';

/** A town's cluster counts as a competitor for export buyers above this many workers. */
export const COMPETITOR_WORKERS = 3000;
/** Price lost per additional competing town that is not coordinated with this one. */
export const FRAGMENTATION_PENALTY = 0.035;

export function countCompetitors(state: MatchState): SectorRecord<number> {
  const out = {} as SectorRecord<number>;
  for (const s of SECTOR_IDS) {
    out[s] = state.towns.filter((t) => sectorWorkers(t, s) >= COMPETITOR_WORKERS).length;
  }
  return out;
}

/** Towns this town is coordinated with in a sector through a shared centre (including itself). */
export function coordinatedTowns(state: MatchState, town: TownState, sector: SectorId): number {
  const centre = state.centres.find((c) => c.sector === sector && c.funders.includes(town.id));
  return centre ? centre.funders.length : 1;
}

/** Price loss from uncoordinated competitors in the same export market (0 … 0.3). */
export function fragmentationLoss(
  ctx: RoundContext | null,
  state: MatchState,
  town: TownState,
  sector: SectorId,
): number {
  const competitors = ctx ? ctx.competitors[sector] : countCompetitors(state)[sector];
  const rivals = Math.max(0, competitors - coordinatedTowns(state, town, sector));
  return clamp(rivals * FRAGMENTATION_PENALTY * SECTORS[sector].exportShare, 0, 0.3);
}

/** Price multiplier: reputation (0.55 … 1.2), export demand and fragmentation. */
export function priceFactor(
  ctx: RoundContext | null,
  state: MatchState,
  town: TownState,
  sector: SectorId,
): number {
  const industry = town.industries[sector];
  const profile = SECTORS[sector];
  const reputation = 0.55 + 0.65 * industry.reputation;
  const demand = 1 - profile.exportShare * (1 - state.conditions.exportDemand[sector]);
  return reputation * demand * (1 - fragmentationLoss(ctx, state, town, sector));
}
