/**
 * Relocation between towns: hollowing out is firms closing *or moving away*, and the player must
 * see where they went (DESIGN §2). A firm moves when another town offers a margin better than
 * its own by more than the cost of moving.
 * - Foreign plants with few local links are footloose ("satellite platform", 003 Table 2; FDI
 *   clusters lose firms faster when incentives end or costs rise, 002 §2.1.5).
 * - Local SMEs are rooted in family and supplier networks and move reluctantly (002 §2.1.5),
 *   but rising land and labour costs push labour-intensive ones inland (Chengdu, 003 §4.2).
 * - Polluters expelled by strict towns go where enforcement is lax (DESIGN §3 fact 10).
 */
import { SECTOR_IDS, SECTORS } from '../data/sectors';
import type { RoundContext } from './context';
import { townData } from './context';
import { clamp } from './math';
import { roundCount } from './rng';
import type { FirmKind, TownState } from './types';

export const RELOCATION = {
  mobility: { sme: 0.35, foreign: 1.2 } as Record<'sme' | 'foreign', number>,
  /** Margin a firm gives up by moving, plus a share per 100 km. */
  movingCost: { sme: 0.12, foreign: 0.06 } as Record<'sme' | 'foreign', number>,
  perHundredKm: 0.01,
  maxShare: 0.35,
} as const;

function distanceKm(a: TownState, b: TownState): number {
  const dx = a.geo.x - b.geo.x;
  const dy = a.geo.y - b.geo.y;
  return Math.sqrt(dx * dx + dy * dy) * 5; // map units are 5 km
}

export function relocateFirms(ctx: RoundContext): void {
  const { state } = ctx;
  const landLeft = ctx.landLeft;
  for (const origin of state.towns) {
    const originData = townData(ctx, origin);
    for (const sector of SECTOR_IDS) {
      const industry = origin.industries[sector];
      for (const kind of ['sme', 'foreign'] as const) {
        const n = industry.firms[kind];
        if (n <= 0) continue;
        const own = originData.profit[sector][kind].total;
        let best: TownState | null = null;
        let bestGain = 0;
        for (const dest of state.towns) {
          if (dest === origin) continue;
          if (kind === 'foreign' && !dest.fdiOpen) continue;
          const theirs = townData(ctx, dest).profit[sector][kind].total;
          const cost =
            RELOCATION.movingCost[kind] +
            (RELOCATION.perHundredKm * distanceKm(origin, dest)) / 100;
          const gain = theirs - own - cost;
          if (gain > bestGain) {
            best = dest;
            bestGain = gain;
          }
        }
        if (!best) continue;
        // Local suppliers anchor foreign plants: footloose in proportion to missing links.
        const anchor =
          kind === 'foreign' ? (1 - industry.embeddedness) * (1 - industry.embeddedness) : 1;
        const share = clamp(
          RELOCATION.mobility[kind] * bestGain * anchor * ctx.years,
          0,
          RELOCATION.maxShare,
        );
        let movers = Math.min(n, roundCount(state.rng, n * share));
        const landPerFirm = (industry.firmSize[kind] * SECTORS[sector].landPerWorker) / 1e6;
        const room = Math.floor((landLeft.get(best.id) ?? 0) / Math.max(1e-9, landPerFirm));
        movers = Math.min(movers, room);
        if (movers <= 0) continue;
        landLeft.set(best.id, (landLeft.get(best.id) ?? 0) - movers * landPerFirm);
        moveFirms(ctx, origin, best, sector, kind, movers);
      }
    }
  }
}

function moveFirms(
  ctx: RoundContext,
  origin: TownState,
  dest: TownState,
  sector: (typeof SECTOR_IDS)[number],
  kind: FirmKind,
  count: number,
): void {
  const from = origin.industries[sector];
  const to = dest.industries[sector];
  // Movers keep their size; the destination's average blends in the newcomers.
  const total = to.firms[kind] + count;
  to.firmSize[kind] = (to.firmSize[kind] * to.firms[kind] + from.firmSize[kind] * count) / total;
  if (kind === 'foreign') {
    const moving = Math.min(count, from.foreignUnderHoliday);
    from.foreignUnderHoliday -= moving;
    to.embeddedness = (to.embeddedness * to.firms.foreign) / total;
  }
  from.firms[kind] -= count;
  to.firms[kind] += count;
  townData(ctx, origin).flows.push({
    sector,
    kind,
    count: -count,
    cause: 'relocationOut',
    town: dest.id,
  });
  townData(ctx, dest).flows.push({ sector, kind, count, cause: 'relocationIn', town: origin.id });
  ctx.events.push({ type: 'FirmsRelocated', from: origin.id, to: dest.id, sector, kind, count });
}
