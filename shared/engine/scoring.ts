/**
 * The central government's yearly evaluation of each town (DESIGN §2 "Scores"): indicators on
 * fixed scales, weighted by the scenario — pure growth in 1980s scenarios, balanced development
 * later ("from a sole pursuit of economic growth to a wider one", 001 ¶28). The green turn
 * adds weight to the environment and services.
 */
import { clamp, saturate } from './math';
import { pollutionIndex } from './pollution';
import type { MatchState, ScoreWeights, TownIndicators, TownState } from './types';

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
    fdi: saturate(ind.fdiStock, 100),
    patents: saturate(ind.patents, 200),
    environment: 1 - pollutionIndex(town) / 100,
    services: clamp(town.publicServices, 0, 1),
    fiscal: clamp(0.5 + (town.cash - town.debt) / (4 * ind.revenue + 1), 0, 1),
    stability: town.stability / 100,
  };
}

export function evaluate(
  state: MatchState,
  town: TownState,
  ind: TownIndicators,
  growth: number,
): number {
  const scores = indicatorScores(state, town, ind, growth);
  const w = { ...state.weights };
  const green = state.conditions.greenEvaluation;
  w.environment += 2 * green;
  w.services += green;
  w.stability += green;
  let total = 0;
  let weight = 0;
  for (const key of Object.keys(w) as (keyof ScoreWeights)[]) {
    total += w[key] * scores[key];
    weight += w[key];
  }
  return weight > 0 ? (100 * total) / weight : 0;
}
