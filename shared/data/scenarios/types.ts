/**
 * What every scenario module shares: the shape of a scenario, the two sets of evaluation weights
 * and the full timeline. A match may use fewer towns than a scenario defines (the first ones) or
 * more (extra towns are generated from the seed).
 */
import type { Citation } from '../citation';
import type { SectorId } from '../sectors';
import type { Enforcement, EvaluationCosts, ScoreWeights } from '../../engine/types';

export interface IndustrySeed {
  sme?: number;
  foreign?: number;
  leading?: number;
  soe?: number;
  technology?: number;
  reputation?: number;
  embeddedness?: number;
}

export interface TownSeed {
  id: string;
  name: string;
  x: number;
  y: number;
  coastal: boolean;
  portKm: number;
  hubKm: number;
  riverOrder: number | null;
  landArea: number;
  locals: number;
  heritage: SectorId | null;
  sez?: boolean;
  skills?: number;
  wage?: number;
  cash?: number;
  industries?: Partial<Record<SectorId, IndustrySeed>>;
  enforcement?: Enforcement;
  note?: string;
}

export interface Scenario {
  id: string;
  title: string;
  summary: string;
  citations: Citation[];
  startYear: number;
  roundYears: number;
  defaultRounds: number;
  /** Timeline events by id; events dated before the start year are already in force. */
  timeline: string[];
  objectives: string[];
  weights: ScoreWeights;
  /** Points the evaluation subtracts at full pollution, debt and unemployment (scoring.ts). */
  costs: EvaluationCosts;
  /** Regional foreign plants per year before event multipliers. */
  fdiFlow: number;
  towns: TownSeed[];
}

export const GROWTH: ScoreWeights = {
  growth: 4,
  gdpPerHead: 2,
  jobs: 2,
  exports: 2,
  fdi: 2,
  patents: 0.5,
  environment: 0.2,
  services: 0.5,
  fiscal: 1,
  stability: 1,
};
export const BALANCED: ScoreWeights = {
  growth: 2,
  gdpPerHead: 2,
  jobs: 1.5,
  exports: 1,
  fdi: 0.5,
  patents: 1.5,
  environment: 2,
  services: 1.5,
  fiscal: 1,
  stability: 1.5,
};

/**
 * Costs in the 1980s: growth comes first, but overbuilding debt (Zhuhai, 003 §3.3) and smoke
 * are visible in the evaluation (issue 12).
 */
export const GROWTH_COSTS: EvaluationCosts = { pollution: 25, debt: 20, unemployment: 10 };
/** Costs once development must be balanced (001 ¶28): pollution and lost jobs weigh more. */
export const BALANCED_COSTS: EvaluationCosts = { pollution: 30, debt: 15, unemployment: 15 };

export const ALL_EVENTS = [
  'sez1980',
  'coastalCities1984',
  'ovop1989',
  'southernTour1992',
  'specialisedTowns1999',
  'wto2001',
  'parkCleanup2004',
  'ecoStandards',
  'unifiedTax2007',
  'crisis2008',
  'cheaperRivals',
  'greenTurn',
];
