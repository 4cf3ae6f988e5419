/**
 * Agglomeration: a sector's size in a town raises its firms' productivity and attracts more of
 * them — labour pooling, specialised suppliers and knowledge spillovers (Marshall; Krugman;
 * 000 Table 1). The gain saturates: a cluster of 15,000 workers gets half the maximum.
 */
import type { SectorId } from '../data/sectors';
import { saturate } from './math';
import type { TownState } from './types';

export const AGGLOMERATION = {
  maxProductivityGain: 0.3,
  halfWorkers: 15000,
  /** A specialised market adds buyers and suppliers in one place (Xiqiao, 003 §4.3). */
  marketGain: 0.05,
} as const;

export function sectorWorkers(town: TownState, sector: SectorId): number {
  const industry = town.industries[sector];
  return (
    industry.firms.sme * industry.firmSize.sme +
    industry.firms.foreign * industry.firmSize.foreign +
    industry.firms.leading * industry.firmSize.leading +
    industry.firms.soe * industry.firmSize.soe
  );
}

/** Productivity gain (0 … ~0.35) from the size of the sector's cluster in the town. */
export function agglomerationBonus(town: TownState, sector: SectorId): number {
  const scale =
    AGGLOMERATION.maxProductivityGain *
    saturate(sectorWorkers(town, sector), AGGLOMERATION.halfWorkers);
  return scale + (town.infra.markets.includes(sector) ? AGGLOMERATION.marketGain : 0);
}
