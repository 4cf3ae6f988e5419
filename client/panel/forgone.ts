/**
 * Forgone revenue (issue 14): a tax cut or a land discount costs the town money it does not
 * collect, not money it pays out, so planCost (and the budget rule) count it as nothing. The
 * panel shows an estimate of it beside the spending, computed with the engine's own functions
 * (fiscal.ts's tax base and rates, land.ts's lease value): what the town would collect at the
 * standard rate with no holiday and no discount, minus what it collects under the draft.
 *
 * It is an estimate: taxes are taken on today's firms (new entrants are not forecast), and
 * land is assumed to be leased at each sector's recent pace of growth (at least
 * LAND_GROWTH_FLOOR a year), never more than the free land. Amounts are M RMB for the round.
 */
import { LIMITS, SECTOR_IDS, SECTORS, type MatchState, type TownPlan } from '../../shared';
import { sectorWorkers } from '../../shared/engine/agglomeration';
import { FISCAL } from '../../shared/engine/fiscal';
import { employment, valueAddedPerWorker } from '../../shared/engine/industry';
import { LAND_LEASE_VALUE, freeLand } from '../../shared/engine/land';
import { priceFactor } from '../../shared/engine/market';
import { clamp } from '../../shared/engine/math';
import { effectiveTax } from '../../shared/engine/profitability';
import { FIRM_KINDS, type TownState } from '../../shared/engine/types';

/** Yearly growth of land use assumed when a sector's firms are not growing yet (round 1). */
export const LAND_GROWTH_FLOOR = 0.03;

export interface ForgoneRevenue {
  /** Taxes below the standard rate (cuts and holidays), M RMB over the round. */
  taxCuts: number;
  /** Land leases given away by the discount, M RMB over the round. */
  landDiscount: number;
  total: number;
}

/** Square kilometres the town is expected to lease over the round. */
export function expectedLandLeased(state: MatchState, town: TownState): number {
  let perYear = 0;
  for (const s of SECTOR_IDS) {
    const growth = Math.max(LAND_GROWTH_FLOOR, town.industries[s].firmTrend);
    perYear += (sectorWorkers(town, s) * SECTORS[s].landPerWorker * growth) / 1e6;
  }
  return Math.min(freeLand(town), perYear * state.roundYears);
}

/** Estimated revenue the draft gives away this round by tax cuts, holidays and land discounts. */
export function forgoneRevenue(state: MatchState, townId: string, plan: TownPlan): ForgoneRevenue {
  const found = state.towns.find((t) => t.id === townId);
  if (!found) throw new Error(`unknown town ${townId}`);
  // effectiveTax reads the town's plan: give it the draft without touching the state.
  const town: TownState = { ...found, plan };
  const standard = Math.max(LIMITS.maxTaxRate, state.conditions.taxFloor);
  let taxYear = 0;
  for (const sector of SECTOR_IDS) {
    const industry = town.industries[sector];
    const price = priceFactor(null, state, town, sector);
    for (const kind of FIRM_KINDS) {
      if (industry.firms[kind] <= 0) continue;
      const va =
        (employment(industry, kind) * valueAddedPerWorker(state, town, sector, kind) * price) /
        1000;
      const rate = effectiveTax(state, town, sector, kind, false);
      taxYear += va * FISCAL.profitShare * Math.max(0, standard - rate);
    }
  }
  const taxCuts = taxYear * state.roundYears;
  const discount = clamp(plan.preferential.landDiscount, 0, 1);
  const landDiscount =
    discount > 0
      ? expectedLandLeased(state, town) * LAND_LEASE_VALUE * town.landPrice * discount
      : 0;
  return { taxCuts, landDiscount, total: taxCuts + landDiscount };
}
