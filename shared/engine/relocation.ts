/**
 * Relocation between towns: hollowing out is firms closing *or moving away*, and the player must
 * see where they went (DESIGN §2). A firm moves when another town offers a margin better than
 * its own by more than the cost of moving.
 * - Foreign plants with few local links are footloose ("satellite platform", 003 Table 2; FDI
 *   clusters lose firms faster when incentives end or costs rise, 002 §2.1.5).
 * - Local SMEs are rooted in family and supplier networks and move reluctantly (002 §2.1.5),
 *   but rising land and labour costs push labour-intensive ones inland (Chengdu, 003 §4.2).
 * - Polluters expelled by strict towns go where enforcement is laxer (DESIGN §3 fact 10).
 * - Movers spread over every better destination in proportion to its attractiveness, not all to
 *   the single best one, so inland clusters grow by diffusion (Chengdu, 003 §4.2).
 */
import { SECTOR_IDS, SECTORS, type SectorId } from '../data/sectors';
import type { RoundContext } from './context';
import { townData } from './context';
import { firmCount } from './industry';
import { apportion, clamp } from './math';
import { roundCount } from './rng';
import type { FirmKind, TownState } from './types';

export const RELOCATION = {
  mobility: { sme: 0.35, foreign: 1.2 } as Record<'sme' | 'foreign', number>,
  /** Margin a firm gives up by moving, plus a share per 100 km. */
  movingCost: { sme: 0.12, foreign: 0.06 } as Record<'sme' | 'foreign', number>,
  perHundredKm: 0.01,
  maxShare: 0.35,
  /** Weight of a destination's existing cluster (log of its firms) in where movers go. */
  clusterPull: 0.25,
  /** Share of the firms strict enforcement drives out that move rather than close (001 ¶20). */
  expelledMove: 0.5,
} as const;

function distanceKm(a: TownState, b: TownState): number {
  const dx = a.geo.x - b.geo.x;
  const dy = a.geo.y - b.geo.y;
  return Math.sqrt(dx * dx + dy * dy) * 5; // map units are 5 km
}

/** Attractiveness of each possible destination for one origin's firms of a sector and kind. */
interface Offer {
  dest: TownState;
  gain: number;
  weight: number;
}

function offers(
  ctx: RoundContext,
  origin: TownState,
  sector: SectorId,
  kind: 'sme' | 'foreign',
  filter: (dest: TownState) => boolean = () => true,
): Offer[] {
  const own = townData(ctx, origin).profit[sector][kind].total;
  const out: Offer[] = [];
  for (const dest of ctx.state.towns) {
    if (dest === origin || !filter(dest)) continue;
    if (kind === 'foreign' && !dest.fdiOpen) continue;
    const theirs = townData(ctx, dest).profit[sector][kind].total;
    const cost =
      RELOCATION.movingCost[kind] + (RELOCATION.perHundredKm * distanceKm(origin, dest)) / 100;
    const gain = theirs - own - cost;
    if (gain <= 0) continue;
    // A cluster already there (suppliers, buyers, workers who know the trade) draws movers:
    // Chengdu's shoe cluster grew by diffusion from the coast (003 §4.2).
    const cluster = firmCount(dest.industries[sector]);
    out.push({ dest, gain, weight: gain * (1 + RELOCATION.clusterPull * Math.log1p(cluster)) });
  }
  return out;
}

/**
 * Spread movers over the destinations in proportion to their attractiveness (margin gained net
 * of moving cost and distance, and cluster size), within the land each has left. Returns how
 * many moved.
 */
function spread(
  ctx: RoundContext,
  origin: TownState,
  sector: SectorId,
  kind: 'sme' | 'foreign',
  movers: number,
  options: Offer[],
): number {
  if (movers <= 0 || options.length === 0) return 0;
  const industry = origin.industries[sector];
  const landPerFirm = (industry.firmSize[kind] * SECTORS[sector].landPerWorker) / 1e6;
  const shares = apportion(
    movers,
    options.map((o) => o.weight),
  );
  let moved = 0;
  options.forEach((o, i) => {
    const landLeft = ctx.landLeft.get(o.dest.id) ?? 0;
    const room = Math.floor(landLeft / Math.max(1e-9, landPerFirm));
    const count = Math.min(shares[i], room, industry.firms[kind]);
    if (count <= 0) return;
    ctx.landLeft.set(o.dest.id, landLeft - count * landPerFirm);
    moveFirms(ctx, origin, o.dest, sector, kind, count);
    moved += count;
  });
  return moved;
}

export function relocateFirms(ctx: RoundContext): void {
  const { state } = ctx;
  for (const origin of state.towns) {
    for (const sector of SECTOR_IDS) {
      const industry = origin.industries[sector];
      for (const kind of ['sme', 'foreign'] as const) {
        const n = industry.firms[kind];
        if (n <= 0) continue;
        const options = offers(ctx, origin, sector, kind);
        if (options.length === 0) continue;
        // How many leave follows the best offer; where they go follows every offer.
        const bestGain = Math.max(...options.map((o) => o.gain));
        // Local suppliers anchor foreign plants: footloose in proportion to missing links.
        const anchor =
          kind === 'foreign' ? (1 - industry.embeddedness) * (1 - industry.embeddedness) : 1;
        const share = clamp(
          RELOCATION.mobility[kind] * bestGain * anchor * ctx.years,
          0,
          RELOCATION.maxShare,
        );
        spread(ctx, origin, sector, kind, Math.min(n, roundCount(state.rng, n * share)), options);
      }
    }
  }
}

/**
 * Polluters that strict enforcement drives out: instead of closing, about half move to towns
 * that enforce less strictly ("many ceramics firms had to close and many other decided to move",
 * `001` ¶20), spread over those towns by attractiveness. Returns how many moved; the rest close.
 */
export function expelPolluters(
  ctx: RoundContext,
  origin: TownState,
  sector: SectorId,
  kind: 'sme' | 'foreign',
  count: number,
): number {
  const strictness = ENFORCEMENT_ORDER.indexOf(origin.plan.environment.enforcement);
  const laxer = (dest: TownState): boolean =>
    ENFORCEMENT_ORDER.indexOf(dest.plan.environment.enforcement) < strictness;
  // A firm that would close anyway moves if any laxer town is open to it: the gain is escaping
  // the enforcement cost, so every laxer town counts, weighted by what it offers.
  const own = townData(ctx, origin).profit[sector][kind].total;
  const options: Offer[] = [];
  for (const dest of ctx.state.towns) {
    if (dest === origin || !laxer(dest)) continue;
    if (kind === 'foreign' && !dest.fdiOpen) continue;
    const theirs = townData(ctx, dest).profit[sector][kind].total;
    const cost = (RELOCATION.perHundredKm * distanceKm(origin, dest)) / 100;
    const gain = Math.max(0.01, theirs - own - cost);
    const cluster = firmCount(dest.industries[sector]);
    options.push({ dest, gain, weight: gain * (1 + RELOCATION.clusterPull * Math.log1p(cluster)) });
  }
  return spread(ctx, origin, sector, kind, count, options);
}

const ENFORCEMENT_ORDER = ['lax', 'standard', 'strict'] as const;

function moveFirms(
  ctx: RoundContext,
  origin: TownState,
  dest: TownState,
  sector: SectorId,
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
