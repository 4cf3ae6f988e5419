/**
 * Cluster classification shown to players:
 * - Markusen's typology from the firm mix (003 Table 2): Marshallian (many local SMEs),
 *   hub-and-spoke (leading firms with suppliers), satellite platform (foreign branch plants
 *   with few local links) and state-anchored (an SOE or public anchor).
 * - Life stage: agglomeration, emerging, mature, declining, from the trend of the firm count.
 * - Specialised town: one sector with at least 30 % of the town's industrial output and
 *   employment ("one village, one product", 000 §4; Guangdong's specialised towns, 003 §4.3).
 */
import { SECTOR_IDS, type SectorId } from '../data/sectors';
import type { RoundContext } from './context';
import { townData } from './context';
import { employment, firmCount, industrialEmployment } from './industry';
import { clamp } from './math';
import type { ClusterType, Industry, LifeStage, TownState } from './types';

export const SPECIALISED_SHARE = 0.3;
export const MIN_SPECIALISED_WORKERS = 2000;

export function clusterType(industry: Industry): ClusterType {
  const total = employment(industry);
  if (total < 500) return 'none';
  const soe = employment(industry, 'soe') / total;
  const foreign = employment(industry, 'foreign') / total;
  const leading = employment(industry, 'leading') / total;
  if (soe >= 0.4) return 'stateAnchored';
  if (foreign >= 0.5 && industry.embeddedness < 0.2) return 'satellitePlatform';
  if (leading >= 0.25 || (foreign >= 0.5 && industry.embeddedness >= 0.2)) return 'hubAndSpoke';
  return 'marshallian';
}

export function lifeStage(industry: Industry): LifeStage {
  const firms = firmCount(industry);
  if (firms === 0) return 'none';
  if (firms < 30) return 'agglomeration';
  if (industry.firmTrend > 0.04) return 'emerging';
  if (industry.firmTrend < -0.04) return 'declining';
  return 'mature';
}

export function classifyClusters(ctx: RoundContext, town: TownState): void {
  const data = townData(ctx, town);
  for (const s of SECTOR_IDS) {
    const industry = town.industries[s];
    const before = data.firmsBefore[s];
    const after = firmCount(industry);
    const growth = before > 0 ? (after - before) / before / ctx.years : after > 0 ? 0.2 : 0;
    industry.firmTrend +=
      (clamp(growth, -1, 1) - industry.firmTrend) * clamp(0.5 * ctx.years, 0, 1);
    industry.clusterType = clusterType(industry);
    const stage = lifeStage(industry);
    if (stage !== industry.lifeStage && ctx.state.round > 0) {
      ctx.events.push({ type: 'ClusterStageChanged', town: town.id, sector: s, stage });
    }
    industry.lifeStage = stage;
  }
}

/** The sector that makes this a specialised town, if any. */
export function specialisedSector(
  town: TownState,
  outputs: Record<SectorId, number>,
): SectorId | null {
  const workers = industrialEmployment(town);
  let totalOutput = 0;
  for (const s of SECTOR_IDS) totalOutput += outputs[s];
  if (workers <= 0 || totalOutput <= 0) return null;
  let best: SectorId | null = null;
  let bestShare = 0;
  for (const s of SECTOR_IDS) {
    const jobs = employment(town.industries[s]);
    const share = Math.min(jobs / workers, outputs[s] / totalOutput);
    if (jobs >= MIN_SPECIALISED_WORKERS && share >= SPECIALISED_SHARE && share > bestShare) {
      best = s;
      bestShare = share;
    }
  }
  return best;
}

export function updateSpecialisation(
  ctx: RoundContext,
  town: TownState,
  outputs: Record<SectorId, number>,
): void {
  const sector = specialisedSector(town, outputs);
  if (sector === town.specialisedSector) return;
  if (town.specialisedSector)
    ctx.events.push({
      type: 'TownLostSpecialisation',
      town: town.id,
      sector: town.specialisedSector,
    });
  if (sector) ctx.events.push({ type: 'TownBecameSpecialised', town: town.id, sector });
  town.specialisedSector = sector;
  town.specialisedSinceRound = sector ? ctx.state.round + 1 : null;
}
