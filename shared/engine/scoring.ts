/**
 * The central government's yearly evaluation of each town (DESIGN §2 "Scores"): indicators on
 * fixed scales, weighted by the scenario — growth first in 1980s scenarios, balanced development
 * later ("from a sole pursuit of economic growth to a wider one", 001 ¶28). The green turn
 * adds weight to the environment and services.
 *
 * Rules version 3 (issue 12) subtracts three visible costs from the weighted indicators, in
 * evaluation points, so that a plan the papers warn against cannot win on output alone:
 * - pollution above what the region tolerates ("tough environmental requirements", 003 §4.2;
 *   Foshan's polluters, 001 ¶20);
 * - debt, as a share of the borrowing ceiling: Zhuhai's over-sized airport "exhausted its
 *   initial capital and became a drag on its economy" (003 §3.3);
 * - unemployment, which threatens the social stability growth must guarantee (001 ¶24).
 */
import { SECTOR_IDS } from '../data/sectors';
import { debtLimitFor } from './costs';
import { clamp, saturate } from './math';
import { pollutionIndex } from './pollution';
import type {
  EvaluationBreakdown,
  EvaluationCosts,
  EvaluationParts,
  MatchState,
  ScoreWeights,
  TownIndicators,
  TownState,
} from './types';

export type { CostRow, EvaluationBreakdown, IndicatorRow } from './types';

/**
 * Foreign plants as the evaluation counts them: a plant with local suppliers in full, an "empty
 * box" without them at half (002 §2.2.2: 175 of 2,100 foreign firms in Suzhou; 001 ¶15).
 */
export function embeddedPlants(town: TownState): number {
  let n = 0;
  for (const s of SECTOR_IDS) {
    const industry = town.industries[s];
    n += industry.firms.foreign * (0.5 + 0.5 * industry.embeddedness);
  }
  return n;
}

export function indicatorScores(
  state: MatchState,
  town: TownState,
  ind: TownIndicators,
  growth: number,
): ScoreWeights {
  const real = (x: number): number => x / state.national;
  return {
    growth: clamp(0.5 + growth * 5, 0, 1),
    gdpPerHead: saturate(real(ind.gdpPerHead), 3),
    jobs: saturate(ind.jobs, 100000),
    exports: saturate(real(ind.exports), 800),
    fdi: saturate(embeddedPlants(town), 100),
    patents: saturate(ind.patents, 200),
    environment: 1 - pollutionIndex(town) / 100,
    services: clamp(town.publicServices, 0, 1),
    fiscal: clamp(0.5 + (town.cash - town.debt) / (4 * ind.revenue + 1), 0, 1),
    stability: town.stability / 100,
  };
}

/** Pollution index the evaluation tolerates, and the index at which its cost is full. */
export const POLLUTION_TOLERATED = 20;
export const POLLUTION_FULL_COST = 80;
/** Unemployment rate at which its cost is full (a crash-year level, 003 §6.2). */
export const UNEMPLOYMENT_FULL_COST = 0.15;
/** Points the green turn adds to the pollution cost (001 ¶28). */
export const GREEN_TURN_POLLUTION_COST = 15;

/** How much of each cost applies, 0 … 1. */
export function costShares(
  state: MatchState,
  town: TownState,
  ind: TownIndicators,
): EvaluationCosts {
  const ceiling = debtLimitFor(ind.revenue, state);
  return {
    pollution: clamp(
      (pollutionIndex(town) - POLLUTION_TOLERATED) / (POLLUTION_FULL_COST - POLLUTION_TOLERATED),
      0,
      1,
    ),
    debt: clamp(town.debt / ceiling, 0, 1),
    unemployment: clamp(ind.unemployment / UNEMPLOYMENT_FULL_COST, 0, 1),
  };
}

/** The evaluation and every part of it, as the explanations and the results panel show it. */
export function evaluationBreakdown(
  state: MatchState,
  town: TownState,
  ind: TownIndicators,
  growth: number,
): EvaluationBreakdown {
  const scores = indicatorScores(state, town, ind, growth);
  const w = { ...state.weights };
  const green = state.conditions.greenEvaluation;
  w.environment += 2 * green;
  w.services += green;
  w.stability += green;
  const keys = Object.keys(w) as (keyof ScoreWeights)[];
  const weight = keys.reduce((sum, k) => sum + w[k], 0);
  const rows = keys.map((key) => {
    const share = weight > 0 ? (100 * w[key]) / weight : 0;
    return {
      key,
      score: scores[key],
      weight: w[key],
      points: share * scores[key],
      shortfall: share * (1 - scores[key]),
    };
  });
  const gross = rows.reduce((sum, r) => sum + r.points, 0);
  const c = { ...state.costs };
  c.pollution += GREEN_TURN_POLLUTION_COST * green;
  const shares = costShares(state, town, ind);
  const costKeys: (keyof EvaluationCosts)[] = ['pollution', 'debt', 'unemployment'];
  const costs = costKeys.map((key) => ({
    key,
    share: shares[key],
    weight: c[key],
    points: c[key] * shares[key],
  }));
  const total = Math.max(0, gross - costs.reduce((sum, r) => sum + r.points, 0));
  return {
    rows: rows.sort((a, b) => b.points - a.points || (a.key < b.key ? -1 : 1)),
    costs,
    gross,
    total,
    greenTurn: green > 0,
  };
}

export function evaluate(
  state: MatchState,
  town: TownState,
  ind: TownIndicators,
  growth: number,
): number {
  return evaluationBreakdown(state, town, ind, growth).total;
}

/** The points of a breakdown, as the town keeps them for the next round's explanation. */
export function partsOf(breakdown: EvaluationBreakdown): EvaluationParts {
  const points = {} as ScoreWeights;
  for (const row of breakdown.rows) points[row.key] = row.points;
  const costs = {} as EvaluationCosts;
  for (const row of breakdown.costs) costs[row.key] = row.points;
  return { points, costs };
}

/** A town's parts before its first evaluation: nothing scored, nothing lost. */
export function noEvaluation(): EvaluationParts {
  return {
    points: {
      growth: 0,
      gdpPerHead: 0,
      jobs: 0,
      exports: 0,
      fdi: 0,
      patents: 0,
      environment: 0,
      services: 0,
      fiscal: 0,
      stability: 0,
    },
    costs: { pollution: 0, debt: 0, unemployment: 0 },
  };
}
