/**
 * Working data of one round: what the mechanisms compute about each town and pass to each other
 * (employment, profitability, flows of firms) and what the explanation builder reads afterwards.
 * It never enters the match state or the hash.
 */
import type { SectorId } from '../data/sectors';
import type {
  Cause,
  EvaluationBreakdown,
  EvaluationParts,
  FirmKind,
  MatchEvent,
  MatchState,
  TownState,
} from './types';

export type SectorRecord<T> = Record<SectorId, T>;

export interface ProfitParts {
  /** Named components of the margin; negative ones explain closures. */
  parts: Partial<Record<ProfitPart, number>>;
  total: number;
}

export type ProfitPart =
  | 'base'
  | 'agglomeration'
  | 'wages'
  | 'landCosts'
  | 'taxes'
  | 'infrastructure'
  | 'strictEnforcement'
  | 'laxEnforcement'
  | 'pollutionFees'
  | 'targeting'
  | 'supportWithdrawn'
  | 'serviceOffice'
  | 'creditGuarantee'
  | 'market'
  | 'exportShock'
  | 'ecoStandards'
  | 'raceToTheBottom'
  | 'technology'
  | 'skills'
  | 'location'
  | 'landScarcity'
  | 'fragmentation';

export interface FirmFlow {
  sector: SectorId;
  kind: FirmKind;
  count: number;
  cause: Cause['cause'];
  town?: string;
}

export interface TownRoundData {
  firmsBefore: SectorRecord<number>;
  /** Gross output per sector before the round (for GDP explanations). */
  outputBefore: SectorRecord<number>;
  gdpBefore: number;
  jobsBefore: number;
  exportsBefore: number;
  pollutionBefore: number;
  stabilityBefore: number;
  fiscalBefore: number;
  /** The last evaluation and its parts before the round, and this round's breakdown. */
  evaluationBefore: number;
  evaluationPartsBefore: EvaluationParts;
  evaluation: EvaluationBreakdown | null;
  /** Profitability of an incumbent firm of each kind, by sector. */
  profit: SectorRecord<Record<FirmKind, ProfitParts>>;
  /** Profitability a newly arriving foreign plant would expect (holiday and land discount). */
  foreignEntryProfit: SectorRecord<number>;
  flows: FirmFlow[];
  outputAfter: SectorRecord<number>;
  techGain: SectorRecord<number>;
  smeEntrants: SectorRecord<number>;
  fdiInflow: number;
  pollutionCauses: Cause[];
  fiscalCauses: Cause[];
  stabilityCauses: Cause[];
  unemployment: number;
  landSold: number;
  /** Debt was already at the borrowing ceiling when the round began (no second announcement). */
  overDebtLimitBefore: boolean;
  /** M RMB of discretionary spending the fiscal crisis cut this round (fiscal.ts). */
  fiscalTrim: number;
}

export interface RoundContext {
  state: MatchState;
  years: number;
  events: MatchEvent[];
  towns: Map<string, TownRoundData>;
  /** Number of towns whose cluster in each sector competes for the same export demand. */
  competitors: SectorRecord<number>;
  /** Industrial land (km²) each town can still lease this round to entrants and movers. */
  landLeft: Map<string, number>;
}

export function townData(ctx: RoundContext, town: TownState): TownRoundData {
  const data = ctx.towns.get(town.id);
  if (!data) throw new Error(`no round data for ${town.id}`);
  return data;
}
