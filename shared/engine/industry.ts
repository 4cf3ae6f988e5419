/**
 * Read-only figures of a town's industries: employment, productivity and output. Output is value
 * added in M RMB; productivity rises with technology, skills, agglomeration and reputation.
 */
import { SECTOR_IDS, SECTORS, type SectorId } from '../data/sectors';
import { agglomerationBonus } from './agglomeration';
import { priceFactor } from './market';
import type { RoundContext } from './context';
import { FIRM_KINDS, type FirmKind, type Industry, type MatchState, type TownState } from './types';

/** Productivity of each firm kind relative to a local SME (foreign plants bring technology). */
export const KIND_PRODUCTIVITY: Record<FirmKind, number> = {
  sme: 1,
  foreign: 1.35,
  leading: 1.5,
  soe: 0.75,
};

export function firmCount(industry: Industry): number {
  let n = 0;
  for (const kind of FIRM_KINDS) n += industry.firms[kind];
  return n;
}

export function employment(industry: Industry, kind?: FirmKind): number {
  if (kind) return industry.firms[kind] * industry.firmSize[kind];
  let n = 0;
  for (const k of FIRM_KINDS) n += industry.firms[k] * industry.firmSize[k];
  return n;
}

export function industrialEmployment(town: TownState): number {
  let n = 0;
  for (const s of SECTOR_IDS) n += employment(town.industries[s]);
  return n;
}

export function totalFirms(town: TownState): number {
  let n = 0;
  for (const s of SECTOR_IDS) n += firmCount(town.industries[s]);
  return n;
}

/** Value added per worker (thousand RMB a year) of one kind of firm. */
export function valueAddedPerWorker(
  state: MatchState,
  town: TownState,
  sector: SectorId,
  kind: FirmKind,
): number {
  const profile = SECTORS[sector];
  const industry = town.industries[sector];
  const technology = 1 + 2 * profile.techIntensity * industry.technology;
  const skills = 0.8 + 0.4 * town.skills * (0.5 + profile.techIntensity);
  return (
    profile.valueAddedPerWorker *
    state.national *
    technology *
    skills *
    (1 + agglomerationBonus(town, sector)) *
    KIND_PRODUCTIVITY[kind]
  );
}

/** Value added of a sector in M RMB a year, at the prices the town's products fetch. */
export function sectorOutput(
  ctx: RoundContext | null,
  state: MatchState,
  town: TownState,
  sector: SectorId,
): number {
  const industry = town.industries[sector];
  let out = 0;
  for (const kind of FIRM_KINDS) {
    const workers = employment(industry, kind);
    if (workers > 0) out += (workers * valueAddedPerWorker(state, town, sector, kind)) / 1000;
  }
  return out * priceFactor(ctx, state, town, sector);
}

/** Export share of a sector, higher for foreign plants (export-processing), cut by demand shocks. */
export function sectorExports(
  ctx: RoundContext | null,
  state: MatchState,
  town: TownState,
  sector: SectorId,
): number {
  const industry = town.industries[sector];
  const profile = SECTORS[sector];
  const workers = employment(industry);
  if (workers <= 0) return 0;
  const foreignShare = employment(industry, 'foreign') / workers;
  const share = Math.min(0.95, profile.exportShare * (1 + 0.3 * foreignShare));
  return sectorOutput(ctx, state, town, sector) * share * state.conditions.exportDemand[sector];
}
