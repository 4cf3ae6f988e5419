/**
 * Plain-data types of the simulation: the match state, a town's plan (the decisions of one
 * round), the past-tense events a round produces and the explanations behind each headline change.
 * Everything here is JSON-serialisable so it can be hashed, logged, sent and replayed.
 */
import type { SectorId } from '../data/sectors';
import type { RngState } from './rng';

export type FirmKind = 'sme' | 'foreign' | 'leading' | 'soe';
export const FIRM_KINDS: readonly FirmKind[] = ['sme', 'foreign', 'leading', 'soe'];

export type Enforcement = 'lax' | 'standard' | 'strict';

export type InfraKind = 'roads' | 'power' | 'port' | 'market' | 'park' | 'housing' | 'wastewater';

export type ClusterType =
  'none' | 'marshallian' | 'hubAndSpoke' | 'satellitePlatform' | 'stateAnchored';

export type LifeStage = 'none' | 'agglomeration' | 'emerging' | 'mature' | 'declining';

/** One sector in one town: its firm cohorts and the qualities the cluster mechanics act on. */
export interface Industry {
  sector: SectorId;
  firms: Record<FirmKind, number>;
  /** Average employees per firm of each kind. */
  firmSize: Record<FirmKind, number>;
  /** Foreign plants still inside a tax holiday (a subset of firms.foreign). */
  foreignUnderHoliday: number;
  /** Technology level 0–1 (process and product). */
  technology: number;
  /** Share of foreign plants' inputs bought from local firms, 0–1 (002 §2.2.2). */
  embeddedness: number;
  /** Quality reputation of the town's products in this sector, 0–1 (003 §4.3). */
  reputation: number;
  /** Share of polluting capacity that has gone through green upgrading, 0–1 (003 §7.4). */
  greenUpgrade: number;
  patents: number;
  /** Smoothed yearly growth of the firm count, for the life stage. */
  firmTrend: number;
  clusterType: ClusterType;
  lifeStage: LifeStage;
}

export interface InfraProject {
  kind: InfraKind;
  sector: SectorId | null;
  /** Years of construction left; the level is added when it reaches 0. */
  yearsLeft: number;
  /** Spending per year while under construction (M RMB at 1980 prices). */
  costPerYear: number;
}

export interface Infrastructure {
  roads: number;
  power: number;
  port: number;
  park: number;
  housing: number;
  wastewater: number;
  /** Specialised markets, one per sector at most (Xiqiao's South Textile Market, 003 §4.3). */
  markets: SectorId[];
  projects: InfraProject[];
  /** Capital spent on completed works, which sets upkeep (Zhuhai's airport, 003 §3.3). */
  capitalStock: number;
}

export interface TownGeo {
  x: number;
  y: number;
  coastal: boolean;
  /** Distance to the nearest port and to the Hong Kong / Shanghai-like hub, km. */
  portKm: number;
  hubKm: number;
  /** River position: 0 is the source; a town receives water pollution from lower orders. */
  riverOrder: number | null;
}

export interface TownIndicators {
  gdp: number;
  gdpPerHead: number;
  industrialOutput: number;
  jobs: number;
  unemployment: number;
  exports: number;
  fdiStock: number;
  fdiInflow: number;
  firms: number;
  valueAddedPerWorker: number;
  patents: number;
  revenue: number;
  spending: number;
  fiscalBalance: number;
  evaluation: number;
}

export interface TownState {
  id: string;
  name: string;
  geo: TownGeo;
  /** Square kilometres of buildable industrial land and how much of it is used. */
  landArea: number;
  landUsed: number;
  /** Land price index (1 = cheap rural land in 1980). */
  landPrice: number;
  locals: number;
  /** Locals who left the fields for non-farm work (surplus farm labour is not unemployed). */
  workforce: number;
  migrants: number;
  /** Average wage index (the national trend is `MatchState.national`). */
  wage: number;
  skills: number;
  heritage: SectorId | null;
  /** Whether foreign investment is permitted here yet (SEZ 1980, coastal cities 1984, …). */
  fdiOpen: boolean;
  /** A designated special economic zone (opens to FDI in 1980, 003 §3.1). */
  sez: boolean;
  /** Round in which the town first admitted a foreign plant (first-mover fact, 003 §3.1). */
  firstFdiRound: number | null;
  cash: number;
  debt: number;
  airPollution: number;
  waterPollution: number;
  publicServices: number;
  stability: number;
  infra: Infrastructure;
  industries: Record<SectorId, Industry>;
  specialisedSector: SectorId | null;
  specialisedSinceRound: number | null;
  plan: TownPlan;
  score: number;
  last: TownIndicators;
  /** Points of the last central evaluation by indicator, and its costs (scoring.ts). */
  evaluation: EvaluationParts;
}

/** Global conditions set by events: multipliers the mechanisms read. */
export interface Conditions {
  /** Export demand multiplier per sector (2008 crash, cheaper rivals abroad). */
  exportDemand: Record<SectorId, number>;
  /** Yearly foreign-plant arrivals in the whole region before allocation. */
  fdiFlow: number;
  /** Floor on corporate tax rates (unified 25 % tax, 2007). */
  taxFloor: number;
  /** 0–1: how much preferential advantages are diluted (WTO 2001). */
  preferentialDilution: number;
  /** 0–1: strictness of export eco-standards (RoHS, WEEE, 003 §6.3). */
  ecoStandard: number;
  /** Weight the central evaluation gives to the environment (green turn). */
  greenEvaluation: number;
  /** Specialised-town grant available (Guangdong programme, 003 §5). */
  specialisedTownGrant: boolean;
  /** Parks without firms are being closed (clean-up 2004–06). */
  parkCleanup: boolean;
  /** SOE restructuring in progress. */
  soeReform: boolean;
  /** Which towns may admit foreign plants: 'sez' only, 'coastal', or 'all'. */
  fdiOpening: 'none' | 'sez' | 'coastal' | 'all';
}

export interface SharedCentre {
  id: string;
  sector: SectorId;
  funders: string[];
  openedRound: number;
}

export interface Proposal {
  id: string;
  round: number;
  from: string;
  to: string[];
  kind: ProposalKind;
  sector: SectorId | null;
  accepted: string[];
  declined: string[];
  status: 'open' | 'agreed' | 'declined' | 'expired';
}

export type ProposalKind = 'cofundCentre' | 'jointMarket' | 'riverCleanup';

export interface MatchConfig {
  scenarioId: string;
  seed: number;
  /** Town ids in play (a scenario may be played with fewer towns than it defines). */
  townCount: number;
  diplomacy: boolean;
}

export interface MatchState {
  version: 1;
  scenarioId: string;
  seed: number;
  round: number;
  year: number;
  roundYears: number;
  /** National productivity and wage trend (1 in 1980). */
  national: number;
  rng: RngState;
  conditions: Conditions;
  /** The scenario's timeline (event id and year), copied in so a state is self-contained. */
  timeline: { year: number; eventId: string }[];
  /** Timeline events and cards already applied (ids, in order). */
  appliedEvents: string[];
  /** Recoveries of past events, due in a given year. */
  scheduled: { year: number; eventId: string }[];
  /** Weights of the central evaluation (DESIGN §2 "Scores"). */
  weights: ScoreWeights;
  /** Points the evaluation subtracts at full pollution, debt and unemployment (scoring.ts). */
  costs: EvaluationCosts;
  towns: TownState[];
  centres: SharedCentre[];
  proposals: Proposal[];
  nextId: number;
  diplomacy: boolean;
}

export interface ScoreWeights {
  growth: number;
  gdpPerHead: number;
  jobs: number;
  exports: number;
  fdi: number;
  patents: number;
  environment: number;
  services: number;
  fiscal: number;
  stability: number;
}

/** Costs of the central evaluation, in points at their full extent (rules version 3). */
export interface EvaluationCosts {
  pollution: number;
  debt: number;
  unemployment: number;
}

/** What an evaluation was made of: points per indicator and points lost to each cost. */
export interface EvaluationParts {
  points: ScoreWeights;
  costs: EvaluationCosts;
}

export interface IndicatorRow {
  key: keyof ScoreWeights;
  /** The indicator's score, 0 … 1. */
  score: number;
  weight: number;
  /** Contribution to the 0–100 evaluation. */
  points: number;
  /** Points the indicator would add at a perfect score: what pulled it down. */
  shortfall: number;
}

export interface CostRow {
  key: keyof EvaluationCosts;
  /** How much of the cost applies, 0 … 1. */
  share: number;
  /** Points at full cost. */
  weight: number;
  /** Points subtracted (≥ 0). */
  points: number;
}

/** The central evaluation and every part of it (scoring.ts `evaluationBreakdown`). */
export interface EvaluationBreakdown {
  /** Indicators, largest contribution first. */
  rows: IndicatorRow[];
  /** The three costs, in the order pollution, debt, unemployment. */
  costs: CostRow[];
  /** Weighted indicators before costs, 0–100. */
  gross: number;
  /** The evaluation: gross minus costs, never below 0. */
  total: number;
  greenTurn: boolean;
}

// ---------------------------------------------------------------------------------------------
// Decisions

export interface PreferentialPolicy {
  /** Corporate tax rates for foreign and for domestic firms (0–0.33). */
  foreignTaxRate: number;
  domesticTaxRate: number;
  /** Years of tax holiday offered to new foreign plants ("two years free, three half"). */
  foreignTaxHolidayYears: number;
  /** Discount on industrial land prices, 0–0.9. */
  landDiscount: number;
  /** Yearly credit guarantees for SMEs, M RMB. */
  smeCreditGuarantee: number;
  /** Targeted sectors ("industry-preferential"); empty means a "policy district" (001 ¶15). */
  targetSectors: SectorId[];
  /** Sectors whose support is withdrawn ("emptying the cage", Foshan 001 ¶20). */
  withdrawSectors: SectorId[];
  equalTreatmentPrivate: boolean;
  oneStopOffice: boolean;
  /** Yearly spending on talent and hukou incentives, M RMB. */
  talentHukou: number;
}

export interface InfraOrder {
  kind: InfraKind;
  /** Required for a specialised market; optional for an industrial park built on a cluster. */
  sector?: SectorId;
}

export interface InnovationPlan {
  /** Technology innovation centres funded this round; partners co-fund (003 §7.3). */
  centres: SectorId[];
  vocationalSchool: boolean;
  universityPartnership: boolean;
  qualityStandards: SectorId[];
  industryAssociation: SectorId[];
  /** Yearly innovation vouchers, M RMB. */
  innovationVouchers: number;
}

export interface EnvironmentPlan {
  enforcement: Enforcement;
  /** Pollution fee per unit of emissions, 0–1 scale. */
  pollutionFee: number;
  /** Yearly green-upgrading subsidies, M RMB. */
  greenSubsidy: number;
}

export interface ProposalDraft {
  kind: ProposalKind;
  to: string[];
  sector?: SectorId;
}

export interface DiplomacyPlan {
  proposals: ProposalDraft[];
  responses: { proposalId: string; accept: boolean }[];
  statement?: string;
}

export interface TownPlan {
  preferential: PreferentialPolicy;
  build: InfraOrder[];
  innovation: InnovationPlan;
  environment: EnvironmentPlan;
  diplomacy: DiplomacyPlan;
}

// ---------------------------------------------------------------------------------------------
// Results

export type MatchEvent =
  | { type: 'TimelineEventStruck'; eventId: string; year: number }
  | { type: 'EventCardPlayed'; eventId: string; year: number }
  | { type: 'FirmsEntered'; town: string; sector: SectorId; kind: FirmKind; count: number }
  | {
      type: 'FirmsClosed';
      town: string;
      sector: SectorId;
      kind: FirmKind;
      count: number;
      cause: CauseCode;
    }
  | {
      type: 'FirmsRelocated';
      from: string;
      to: string;
      sector: SectorId;
      kind: FirmKind;
      count: number;
    }
  | { type: 'ForeignPlantsArrived'; town: string; sector: SectorId; count: number }
  | { type: 'LeadingEnterpriseEmerged'; town: string; sector: SectorId }
  | { type: 'TownBecameSpecialised'; town: string; sector: SectorId }
  | { type: 'TownLostSpecialisation'; town: string; sector: SectorId }
  | { type: 'ProjectCompleted'; town: string; kind: InfraKind; sector: SectorId | null }
  | { type: 'ParkClosedInCleanup'; town: string }
  | { type: 'CentreOpened'; centreId: string; sector: SectorId; funders: string[] }
  | { type: 'ProposalMade'; proposalId: string; from: string; to: string[]; kind: ProposalKind }
  | { type: 'ProposalAgreed'; proposalId: string }
  | { type: 'ProposalDeclined'; proposalId: string; by: string }
  | { type: 'StatementPosted'; town: string; text: string }
  /**
   * The town's debt reached the ceiling. `trimmed` (M RMB) is present when a fiscal crisis cut
   * its discretionary spending this round and its standing policies for the next (fiscal.ts).
   */
  | { type: 'DebtLimitReached'; town: string; trimmed?: number }
  | { type: 'ClusterStageChanged'; town: string; sector: SectorId; stage: LifeStage };

/** Named causes of change; the UI translates them and links each to its paper. */
export type CauseCode =
  | 'spinOffs'
  | 'heritageCraft'
  | 'foreignInvestment'
  | 'relocationIn'
  | 'relocationOut'
  | 'unprofitable'
  | 'strictEnforcement'
  | 'supportWithdrawn'
  | 'shakeOut'
  | 'exportShock'
  | 'ecoStandards'
  | 'fragmentation'
  | 'raceToTheBottom'
  | 'soeReform'
  | 'leadingEnterprise'
  | 'productivity'
  | 'firmGrowth'
  | 'wages'
  | 'landCosts'
  | 'taxes'
  | 'landSales'
  | 'fees'
  | 'transfers'
  | 'policySpending'
  | 'construction'
  | 'upkeep'
  | 'interest'
  | 'publicServiceCosts'
  | 'emissions'
  | 'downstreamSpill'
  | 'abatement'
  | 'naturalDecay'
  | 'services'
  | 'pollution'
  | 'unemployment'
  | 'incomeGrowth'
  | 'migrants'
  | 'baseline'
  | 'sectorOutput'
  | 'servicesOutput'
  /** Change in an indicator's points of the central evaluation (`Cause.indicator`). */
  | 'indicatorPoints'
  /** Change in the points the evaluation subtracts for pollution, debt and unemployment. */
  | 'pollutionCost'
  | 'debtCost'
  | 'unemploymentCost'
  /** The evaluation is never below 0: points given back when costs exceed the indicators. */
  | 'evaluationFloor';

export interface Cause {
  cause: CauseCode;
  amount: number;
  sector?: SectorId;
  town?: string;
  /** The evaluation indicator an `indicatorPoints` cause is about. */
  indicator?: keyof ScoreWeights;
}

export type HeadlineMetric =
  | 'firms'
  | 'gdp'
  | 'jobs'
  | 'exports'
  | 'pollution'
  | 'fiscalBalance'
  | 'stability'
  | 'evaluation'
  | `firms_${SectorId}`;

export interface Explanation {
  town: string;
  metric: HeadlineMetric;
  before: number;
  after: number;
  causes: Cause[];
  /** For the `evaluation` metric: every indicator's score, weight and points, and the costs. */
  evaluation?: EvaluationBreakdown;
}

export interface RoundResult {
  state: MatchState;
  events: MatchEvent[];
  explanations: Explanation[];
  hash: string;
}
