/**
 * How profitable a firm of a given kind finds a given town and sector this round. This one
 * margin-like number drives entry, exit, relocation and foreign investment, and its named parts
 * are what the explanations quote ("−80 ceramics firms: strict enforcement").
 *
 * Sources of each part:
 * - wages and land: rising costs push labour-intensive firms inland (003 §4.2, Chengdu shoes);
 * - taxes, holidays, land discounts, one-stop office: SEZ preferential policies (003 §3.1–3.3);
 * - targeting vs "policy district": industry-preferential policy (002 §2.2.2);
 * - enforcement: lax towns attract polluters; strict ones close or drive them out unless they
 *   upgrade (001 ¶20, 003 §7.4);
 * - export demand and eco-standards: the 2008 crash and RoHS/WEEE (003 §6.2, §6.3);
 * - reputation: race to the bottom (003 §4.3).
 */
import { SECTORS, type SectorId } from '../data/sectors';
import { agglomerationBonus } from './agglomeration';
import type { ProfitPart, ProfitParts, RoundContext } from './context';
import { infrastructureService, portAccess } from './infrastructure';
import { freeLandShare } from './land';
import { fragmentationLoss } from './market';
import { clamp, pos, saturate } from './math';
import type { FirmKind, MatchState, TownState } from './types';

export const ENFORCEMENT_COST = { lax: -0.06, standard: 0.05, strict: 0.25 } as const;

/** Effective tax rate a firm pays, after holidays, never below the national floor. */
export function effectiveTax(
  state: MatchState,
  town: TownState,
  sector: SectorId,
  kind: FirmKind,
  entrant: boolean,
): number {
  const p = town.plan.preferential;
  const floor = state.conditions.taxFloor;
  if (kind !== 'foreign') return Math.max(p.domesticTaxRate, floor);
  const industry = town.industries[sector];
  const holiday = entrant
    ? p.foreignTaxHolidayYears / (p.foreignTaxHolidayYears + 4)
    : industry.firms.foreign > 0
      ? industry.foreignUnderHoliday / industry.firms.foreign
      : 0;
  // WTO accession dilutes what preferential treatment is worth (003 §6).
  const relief = holiday * (1 - state.conditions.preferentialDilution);
  return Math.max(p.foreignTaxRate * (1 - relief), floor * (1 - relief));
}

/**
 * The parts of a margin that depend on the town and the sector but not on the kind of firm.
 * computeMargins asks for five kinds per sector, so it computes these once per sector (and the
 * town-wide services once per town) instead of five times: the same numbers, a fifth of the work.
 */
export interface SectorSetting {
  agglomeration: number;
  landScarcity: number;
  infrastructure: number;
  fragmentation: number;
}

export interface TownSetting {
  infrastructureService: number;
  portAccess: number;
  freeLandShare: number;
}

export function townSetting(town: TownState): TownSetting {
  return {
    infrastructureService: infrastructureService(town),
    portAccess: portAccess(town),
    freeLandShare: freeLandShare(town),
  };
}

export function sectorSetting(
  ctx: RoundContext | null,
  state: MatchState,
  town: TownState,
  sector: SectorId,
  setting: TownSetting = townSetting(town),
): SectorSetting {
  const profile = SECTORS[sector];
  return {
    agglomeration: agglomerationBonus(town, sector) * 0.8,
    landScarcity: -0.5 * pos(0.12 - setting.freeLandShare) * (profile.landPerWorker / 100),
    infrastructure:
      0.12 * (setting.infrastructureService - 0.7) +
      0.1 * profile.exportShare * (setting.portAccess - 0.5),
    fragmentation: -fragmentationLoss(ctx, state, town, sector) * 0.8,
  };
}

export function profitParts(
  ctx: RoundContext | null,
  state: MatchState,
  town: TownState,
  sector: SectorId,
  kind: FirmKind,
  entrant = false,
  setting: SectorSetting = sectorSetting(ctx, state, town, sector),
): ProfitParts {
  const profile = SECTORS[sector];
  const industry = town.industries[sector];
  const p = town.plan.preferential;
  const env = town.plan.environment;
  const c = state.conditions;
  const parts: Partial<Record<ProfitPart, number>> = {};
  parts.base = 0.15;
  parts.agglomeration = setting.agglomeration;
  parts.wages = -profile.labourIntensity * 0.4 * (town.wage / state.national - 1);
  const landDiscount = p.landDiscount * (1 - 0.5 * c.preferentialDilution);
  parts.landCosts =
    -(profile.landPerWorker / 100) *
    0.06 *
    (town.landPrice / state.national - 1) *
    (1 - landDiscount);
  parts.landScarcity = setting.landScarcity;
  parts.taxes = -(effectiveTax(state, town, sector, kind, entrant) - 0.15) * 0.7;
  parts.infrastructure = setting.infrastructure;
  const dirt = Math.max(profile.airPollution, profile.waterPollution) * (1 - industry.greenUpgrade);
  const enforcement = ENFORCEMENT_COST[env.enforcement] * dirt;
  if (enforcement > 0) parts.strictEnforcement = -enforcement;
  else parts.laxEnforcement = -enforcement;
  if (env.pollutionFee > 0) parts.pollutionFees = -0.15 * env.pollutionFee * dirt;
  if (p.targetSectors.includes(sector)) parts.targeting = kind === 'foreign' ? 0.1 : 0.07;
  if (p.withdrawSectors.includes(sector)) parts.supportWithdrawn = -0.15;
  if (p.oneStopOffice) parts.serviceOffice = 0.03;
  if (kind === 'sme') {
    const smes = Math.max(20, industry.firms.sme);
    // Guarantees matter in proportion to how many SMEs share them (M RMB per 100 firms).
    parts.creditGuarantee = 0.1 * saturate((p.smeCreditGuarantee * 100) / smes, 3);
    if (p.equalTreatmentPrivate) parts.creditGuarantee += 0.03;
    if (town.infra.markets.includes(sector)) parts.market = 0.05;
  }
  const shock = profile.exportShare * (c.exportDemand[sector] - 1) * (kind === 'foreign' ? 1.3 : 1);
  if (shock !== 0) parts.exportShock = shock * 0.6;
  if (c.ecoStandard > 0) parts.ecoStandards = -c.ecoStandard * 0.25 * profile.exportShare * dirt;
  parts.raceToTheBottom = 0.35 * (industry.reputation - 0.6);
  parts.fragmentation = setting.fragmentation;
  parts.technology = 0.15 * profile.techIntensity * industry.technology;
  parts.skills = 0.12 * profile.techIntensity * (town.skills - 0.4);
  if (kind === 'foreign') {
    // Distance from Hong Kong-like hubs matters most to export-processing plants (003 §3.1).
    parts.location = 0.08 * (town.geo.coastal ? 1 : 0) - 0.15 * clamp(town.geo.hubKm / 400, 0, 1.5);
  }
  let total = 0;
  for (const value of Object.values(parts)) total += value ?? 0;
  return { parts, total };
}
