/**
 * Scores that reward the lesson (issue 12): in every scenario the plan that follows the papers'
 * lesson beats its opposite under the central evaluation, over several seeds and by a stated
 * margin, and each computer strategy is the best of the three in at least one scenario. The
 * plans are in tests/facts/lessons.ts; the evaluation in shared/engine/scoring.ts.
 */
import { describe, expect, it } from 'vitest';
import { STRATEGY_IDS, type StrategyId } from '../../shared/engine/strategies';
import { LESSONS, SCENARIO_IDS, playLesson } from './lessons';

const SEEDS = [1, 2, 3, 4, 5];
/** The lesson's mean score must exceed its opposite's by this share of the opposite's. */
const MARGIN = 0.05;

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the lesson wins', () => {
  it('every scenario has a lesson and its opposite', () => {
    expect(LESSONS.map((l) => l.scenarioId).sort()).toEqual([...SCENARIO_IDS].sort());
  });

  for (const l of LESSONS) {
    it(`${l.scenarioId}: ${l.lesson.name} beats ${l.opposite.name} on every seed, by ≥ ${MARGIN * 100} % on average`, () => {
      const lesson = SEEDS.map(
        (seed) =>
          playLesson(l.scenarioId, l.town, l.rounds, seed, { kind: 'plan', plan: l.lesson.plan })
            .score,
      );
      const opposite = SEEDS.map(
        (seed) =>
          playLesson(l.scenarioId, l.town, l.rounds, seed, { kind: 'plan', plan: l.opposite.plan })
            .score,
      );
      const wins = lesson.filter((x, i) => x > opposite[i]).length;
      expect(wins, `lesson ${lesson.join(', ')} vs opposite ${opposite.join(', ')}`).toBe(
        SEEDS.length,
      );
      expect(mean(lesson) - mean(opposite)).toBeGreaterThanOrEqual(MARGIN * mean(opposite));
    });
  }
});

describe('the evaluation adds up', () => {
  it('the indicators before costs, minus the pollution, debt and unemployment costs, make the score', () => {
    for (const l of LESSONS) {
      const o = playLesson(l.scenarioId, l.town, l.rounds, 1, {
        kind: 'plan',
        plan: l.opposite.plan,
      });
      const costs = o.costs.pollution + o.costs.debt + o.costs.unemployment;
      expect(o.gross - costs, l.scenarioId).toBeCloseTo(o.score, -1);
      expect(costs, l.scenarioId).toBeGreaterThan(0);
    }
  });
});

describe('every computer strategy has its scenario', () => {
  it('each of growth, balanced and green has the highest mean score in at least one scenario', () => {
    const best = new Map<StrategyId, string[]>();
    const table: string[] = [];
    for (const l of LESSONS) {
      const scores = STRATEGY_IDS.map((id) => ({
        id,
        score: mean(
          SEEDS.map(
            (seed) =>
              playLesson(l.scenarioId, l.town, l.rounds, seed, { kind: 'strategy', id }).score,
          ),
        ),
      }));
      const top = scores.reduce((a, b) => (b.score > a.score ? b : a));
      best.set(top.id, [...(best.get(top.id) ?? []), l.scenarioId]);
      table.push(
        `${l.scenarioId}: ${scores.map((s) => `${s.id} ${s.score.toFixed(0)}`).join(', ')}`,
      );
    }
    for (const id of STRATEGY_IDS)
      expect(
        best.get(id)?.length ?? 0,
        `${id} is best nowhere:\n${table.join('\n')}`,
      ).toBeGreaterThan(0);
  });
});
