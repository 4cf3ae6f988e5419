/**
 * Translated names of the simulation's domain values (sectors, causes, events …) and the
 * complete lists of them, so the i18n test can check every value has a translation.
 */
import {
  SECTOR_IDS,
  findEvent,
  type Cause,
  type CauseCode,
  type ClusterType,
  type Enforcement,
  type HeadlineMetric,
  type InfraKind,
  type LifeStage,
  type MatchState,
  type ProposalKind,
  type SectorId,
  type TownIndicators,
} from '../../shared';
import type { Citation } from '../../shared/data/citation';
import { hasTranslation, localTownName, t } from '../i18n';

/** Every CauseCode; `satisfies` makes the compiler reject a missing or unknown one. */
const CAUSE_SET = {
  spinOffs: true,
  heritageCraft: true,
  foreignInvestment: true,
  relocationIn: true,
  relocationOut: true,
  unprofitable: true,
  strictEnforcement: true,
  supportWithdrawn: true,
  shakeOut: true,
  exportShock: true,
  ecoStandards: true,
  fragmentation: true,
  raceToTheBottom: true,
  soeReform: true,
  leadingEnterprise: true,
  productivity: true,
  firmGrowth: true,
  wages: true,
  landCosts: true,
  taxes: true,
  landSales: true,
  fees: true,
  transfers: true,
  policySpending: true,
  construction: true,
  upkeep: true,
  interest: true,
  publicServiceCosts: true,
  emissions: true,
  downstreamSpill: true,
  abatement: true,
  naturalDecay: true,
  services: true,
  pollution: true,
  unemployment: true,
  incomeGrowth: true,
  migrants: true,
  baseline: true,
  sectorOutput: true,
  servicesOutput: true,
  indicatorPoints: true,
  pollutionCost: true,
  debtCost: true,
  unemploymentCost: true,
  evaluationFloor: true,
} as const satisfies Record<CauseCode, true>;
export const CAUSE_CODES = Object.keys(CAUSE_SET) as CauseCode[];

const INFRA_SET = {
  roads: true,
  power: true,
  port: true,
  market: true,
  park: true,
  housing: true,
  wastewater: true,
} as const satisfies Record<InfraKind, true>;
export const INFRA_KINDS = Object.keys(INFRA_SET) as InfraKind[];

export const ENFORCEMENTS: readonly Enforcement[] = ['lax', 'standard', 'strict'];
export const PROPOSAL_KINDS: readonly ProposalKind[] = [
  'cofundCentre',
  'jointMarket',
  'riverCleanup',
];
export const CLUSTER_TYPES: readonly ClusterType[] = [
  'none',
  'marshallian',
  'hubAndSpoke',
  'satellitePlatform',
  'stateAnchored',
];
export const LIFE_STAGES: readonly LifeStage[] = [
  'none',
  'agglomeration',
  'emerging',
  'mature',
  'declining',
];

const INDICATOR_SET = {
  gdp: true,
  gdpPerHead: true,
  industrialOutput: true,
  jobs: true,
  unemployment: true,
  exports: true,
  fdiStock: true,
  fdiInflow: true,
  firms: true,
  valueAddedPerWorker: true,
  patents: true,
  revenue: true,
  spending: true,
  fiscalBalance: true,
  evaluation: true,
} as const satisfies Record<keyof TownIndicators, true>;
export const INDICATOR_KEYS = Object.keys(INDICATOR_SET) as (keyof TownIndicators)[];

export const sectorName = (s: SectorId): string => t(`common:sector.${s}`);
export const infraName = (k: InfraKind): string => t(`common:infra.${k}`);
export const proposalKindName = (k: ProposalKind): string => t(`common:proposalKind.${k}`);

/** A town's name in the player's language where the scenario town is known, else as given. */
export function townName(state: MatchState, id: string | undefined): string {
  if (id === undefined) return '';
  return localTownName(id, state.towns.find((town) => town.id === id)?.name ?? id);
}

/** "Firms moving away to Qingyuan", "Output of Ceramics and building materials", … */
export function causeLabel(cause: Cause, state: MatchState): string {
  const plain = t(`common:cause.${cause.cause}`);
  if (cause.indicator)
    return t('common:causeIndicator', { indicator: t(`common:weight.${cause.indicator}`) });
  if (cause.town) {
    const town = townName(state, cause.town);
    const own = `common:causeTown.${cause.cause}`;
    return hasTranslation(own, 'en')
      ? t(own, { town })
      : t('common:causeTown.other', { cause: plain, town });
  }
  if (cause.sector) {
    const sector = sectorName(cause.sector);
    return cause.cause === 'sectorOutput'
      ? t('common:causeSector.sectorOutput', { sector })
      : t('common:causeSector.other', { cause: plain, sector });
  }
  return plain;
}

export function metricLabel(metric: HeadlineMetric | keyof TownIndicators): string {
  if (metric.startsWith('firms_')) {
    const sector = metric.slice('firms_'.length);
    if ((SECTOR_IDS as readonly string[]).includes(sector)) {
      return t('common:metric.firmsOfSector', { sector: sectorName(sector as SectorId) });
    }
  }
  return t(`common:metric.${metric}`);
}

export function eventTitle(id: string): string {
  return findEvent(id) ? t(`common:event.${id}.title`) : t('common:event.unknown.title', { id });
}

export function eventText(id: string): string {
  return findEvent(id) ? t(`common:event.${id}.text`) : t('common:event.unknown.text');
}

/** "003 §3.1". */
export function citationText(citation: Citation): string {
  return t('common:citation', { paper: citation.paper, section: citation.section });
}

/** Long form for screen readers and tooltips: paper title included. */
export function citationLabel(citation: Citation): string {
  return t('common:citationLabel', {
    paper: citation.paper,
    section: citation.section,
    title: t(`common:paper.${citation.paper}`),
  });
}
