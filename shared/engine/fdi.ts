/**
 * Foreign direct investment and embeddedness.
 *
 * - A regional flow of foreign plants each year (set by events: SEZs 1980, 14 coastal cities 1984,
 *   the 1992 surge, WTO 2001, the 2008 crash) is shared among towns open to FDI in proportion to
 *   how profitable an arriving plant expects each town and sector to be.
 * - Investors follow investors: a town's existing foreign plants multiply its pull, so the first
 *   town to open with good location and policy races ahead and late copies earn less
 *   (Shenzhen, 003 §3.1).
 * - Embeddedness: the share of foreign plants' inputs bought locally. Untargeted "policy district"
 *   incentives build few links — in Suzhou only 175 of 2,100 foreign firms were supplied by local
 *   firms (002 §2.2.2) — while targeted policy, a local SME base and leading enterprises build
 *   them (002 §2.2.2; "empty boxes", 001 ¶15).
 */
import { SECTOR_IDS, SECTORS, type SectorId } from '../data/sectors';
import type { RoundContext } from './context';
import { townData } from './context';
import { apportion, clamp, pos, saturate } from './math';
import { roundCount } from './rng';
import type { TownState } from './types';

export const FDI = {
  /** Plants per existing foreign plant that double a town's pull (follow-the-leader). */
  momentumPlants: 6,
  targetedPull: 1.5,
  newPlantEmbeddedness: 0.04,
  embeddednessDecay: 0.025,
  maxEmbeddedness: 0.7,
} as const;

/** Foreign plants whose tax holiday ends this round. */
export function expireHolidays(ctx: RoundContext, town: TownState): void {
  const years = town.plan.preferential.foreignTaxHolidayYears;
  for (const sector of SECTOR_IDS) {
    const industry = town.industries[sector];
    const share = years <= 0 ? 1 : clamp(ctx.years / years, 0, 1);
    industry.foreignUnderHoliday = Math.min(
      industry.firms.foreign,
      Math.floor(industry.foreignUnderHoliday * (1 - share)),
    );
  }
}

export function foreignPlants(town: TownState): number {
  let n = 0;
  for (const s of SECTOR_IDS) n += town.industries[s].firms.foreign;
  return n;
}

/** Share the region's foreign arrivals of this round among open towns and sectors. */
export function allocateForeignInvestment(ctx: RoundContext): void {
  const { state } = ctx;
  const expected = state.conditions.fdiFlow * ctx.years;
  const slots: { town: TownState; sector: SectorId; weight: number }[] = [];
  for (const town of state.towns) {
    if (!town.fdiOpen) continue;
    const momentum = 1 + foreignPlants(town) / FDI.momentumPlants;
    const data = townData(ctx, town);
    for (const sector of SECTOR_IDS) {
      const appeal = pos(data.foreignEntryProfit[sector] + 0.05);
      if (appeal <= 0) continue;
      const targeted = town.plan.preferential.targetSectors.includes(sector) ? FDI.targetedPull : 1;
      // Squaring sharpens the competition: the best offer wins most plants.
      const weight = appeal * appeal * SECTORS[sector].fdiPropensity * momentum * targeted;
      slots.push({ town, sector, weight });
    }
  }
  const total = roundCount(state.rng, expected);
  const shares = apportion(
    total,
    slots.map((s) => s.weight),
  );
  slots.forEach((slot, i) => {
    let count = shares[i];
    if (count <= 0) return;
    const industry = slot.town.industries[slot.sector];
    const landPerPlant = (industry.firmSize.foreign * SECTORS[slot.sector].landPerWorker) / 1e6;
    const room = ctx.landLeft.get(slot.town.id) ?? 0;
    count = Math.min(count, Math.floor(room / Math.max(1e-9, landPerPlant)));
    if (count <= 0) return;
    // New plants arrive with few local links, diluting the cluster's embeddedness.
    const before = industry.firms.foreign;
    industry.embeddedness =
      (industry.embeddedness * before + FDI.newPlantEmbeddedness * count) / (before + count);
    industry.firms.foreign += count;
    if (slot.town.plan.preferential.foreignTaxHolidayYears > 0)
      industry.foreignUnderHoliday += count;
    if (slot.town.firstFdiRound === null) slot.town.firstFdiRound = state.round;
    ctx.landLeft.set(slot.town.id, room - count * landPerPlant);
    const data = townData(ctx, slot.town);
    data.fdiInflow += count;
    data.flows.push({ sector: slot.sector, kind: 'foreign', count, cause: 'foreignInvestment' });
    ctx.events.push({
      type: 'ForeignPlantsArrived',
      town: slot.town.id,
      sector: slot.sector,
      count,
    });
  });
}

/** Local supplier links of foreign plants grow with targeting, local SMEs and leaders. */
export function updateEmbeddedness(ctx: RoundContext, town: TownState): void {
  const y = ctx.years;
  for (const sector of SECTOR_IDS) {
    const industry = town.industries[sector];
    if (industry.firms.foreign <= 0) continue;
    const targeted = town.plan.preferential.targetSectors.includes(sector);
    const suppliers = saturate(industry.firms.sme, 150);
    let growth = 0.09 * (targeted ? 1 : 0.12) * suppliers;
    if (industry.firms.leading > 0) growth += 0.03 * (targeted ? 1 : 0.5);
    if (town.plan.innovation.industryAssociation.includes(sector)) growth += 0.015;
    if (town.infra.markets.includes(sector)) growth += 0.01;
    industry.embeddedness = clamp(
      industry.embeddedness +
        y * (growth * (1 - industry.embeddedness) - FDI.embeddednessDecay * industry.embeddedness),
      0,
      FDI.maxEmbeddedness,
    );
  }
}
