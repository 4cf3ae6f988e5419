/**
 * Land: firms fill the town's industrial land; as it fills, its price climbs steeply, and land
 * leases bring revenue (Shenzhen's land auctions, 003 §3.3). A land discount lowers what
 * firms pay and what the town earns. Parks without firms are closed in the 2004–06 clean-up.
 */
import { SECTOR_IDS, SECTORS } from '../data/sectors';
import { sectorWorkers } from './agglomeration';
import type { RoundContext } from './context';
import { townData } from './context';
import { PARK_LAND } from './infrastructure';
import { clamp } from './math';
import type { MatchState, TownState } from './types';

/** Revenue from leasing one square kilometre at price index 1, M RMB. */
export const LAND_LEASE_VALUE = 6;

export function landInUse(town: TownState): number {
  let km2 = 0;
  for (const s of SECTOR_IDS) km2 += (sectorWorkers(town, s) * SECTORS[s].landPerWorker) / 1e6;
  return km2;
}

export function freeLandShare(town: TownState): number {
  if (town.landArea <= 0) return 0;
  return clamp(1 - town.landUsed / town.landArea, 0, 1);
}

/** Square kilometres still free for new plants. */
export function freeLand(town: TownState): number {
  return Math.max(0, town.landArea - town.landUsed);
}

/** Update land use and price after firms moved; record land newly leased. */
export function settleLand(ctx: RoundContext, town: TownState): void {
  const used = landInUse(town);
  const leased = Math.max(0, used - town.landUsed);
  townData(ctx, town).landSold = leased;
  town.landUsed = used;
  const fill = clamp(used / Math.max(0.1, town.landArea), 0, 0.98);
  // Price relative to the national trend: flat when land is plentiful, steep as it runs out.
  const relative = 1 + (2.5 * fill * fill) / (1.05 - fill);
  const target = ctx.state.national * relative;
  // Prices adjust over a couple of years rather than jumping.
  const speed = clamp(0.5 * ctx.years, 0, 1);
  town.landPrice += (target - town.landPrice) * speed;
}

/** The clean-up of unqualified parks (2004–06, 003 §3.3): a mostly empty park level is closed. */
export function cleanUpParks(ctx: RoundContext, state: MatchState, town: TownState): void {
  if (!state.conditions.parkCleanup || town.infra.park === 0) return;
  if (freeLandShare(town) > 0.5 && town.landArea - PARK_LAND >= town.landUsed) {
    town.infra.park -= 1;
    town.landArea -= PARK_LAND;
    ctx.events.push({ type: 'ParkClosedInCleanup', town: town.id });
  }
}
