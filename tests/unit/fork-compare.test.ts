/**
 * A fork against its original (shared/engine/fork-compare.ts): both paths from the fork round,
 * the most diverged indicators explained by cause, and a clear refusal for a log that is not the
 * fork's parent. Real logs, played here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendRound,
  forkLog,
  replaySteps,
  resolveRound,
  LogError,
  STRATEGY_IDS,
  type MatchLog,
  type MatchState,
} from '../../shared/index';
import { compareFork, forkComparisonCsv } from '../../shared/engine/fork-compare';
import { whatIf } from '../../shared/engine/what-if';
import { playMatch } from '../../scripts/common';

let original: MatchLog;
let fork: MatchLog;
let strictFork: MatchLog;

function statesOf(log: MatchLog): MatchState[] {
  return [...replaySteps(log)].map((s) => s.state);
}

/** Continue a fork with the original's own inputs, but Foshan's plan changed at the first round. */
function continueFork(change: (plans: MatchLog['rounds'][0]['plans']) => void): MatchLog {
  const states = statesOf(original);
  const log = forkLog(original, 2, states[2]);
  let state = states[2];
  for (const entry of original.rounds.slice(2)) {
    const plans = structuredClone(entry.plans);
    if (entry.round === 3) change(plans);
    const inputs = { plans, cards: entry.cards };
    const result = resolveRound(state, inputs);
    appendRound(log, state, inputs, result);
    state = result.state;
  }
  return log;
}

beforeAll(() => {
  original = playMatch({
    scenarioId: 'foshan-2007',
    seed: 5,
    rounds: 5,
    towns: 5,
    strategies: [...STRATEGY_IDS],
  }).log;
  fork = continueFork(() => undefined);
  strictFork = continueFork((plans) => {
    plans.foshan.environment.enforcement = 'strict';
    plans.foshan.preferential.targetSectors = [];
    plans.foshan.preferential.withdrawSectors = ['ceramics'];
  });
});

describe('compare a fork with its original', () => {
  it('the same inputs after the fork: nothing diverges', () => {
    const c = compareFork(fork, original);
    expect(c.round).toBe(2);
    expect(c.lastRound).toBe(5);
    expect(new Set(c.rows.map((r) => r.round))).toEqual(new Set([3, 4, 5]));
    expect(c.diverged).toEqual([]);
  });

  it('a crackdown in the fork: firms diverge, explained by cause, as a what-if explains it', () => {
    const c = compareFork(strictFork, original);
    const firms = c.diverged.find((d) => d.townId === 'foshan' && d.indicator === 'firms')!;
    expect(firms.difference).toBeLessThan(0);
    expect(firms.causes.reduce((a, x) => a + x.amount, 0)).toBeCloseTo(firms.difference, 6);
    expect(firms.causes.some((x) => x.cause === 'strictEnforcement')).toBe(true);
    // Ranked: the largest relative difference first.
    const rel = c.diverged.map((d) => d.relative);
    expect(rel).toEqual([...rel].sort((a, b) => b - a));
    // The same change as a what-if on the original tells the same story.
    const w = whatIf(original, {
      round: 3,
      townId: 'foshan',
      plan: strictFork.rounds[0].plans.foshan,
    });
    expect(w.diverged).toEqual(c.diverged);
    expect(forkComparisonCsv(c).split('\n')[0]).toBe(
      'round,year,town,indicator,history,what_if,difference',
    );
  });

  it('refuses a log that is not a fork, and an original that is not the parent', () => {
    expect(() => compareFork(original, original)).toThrow(/not a fork/);
    const other = playMatch({
      scenarioId: 'foshan-2007',
      seed: 6,
      rounds: 5,
      towns: 5,
      strategies: [...STRATEGY_IDS],
    }).log;
    expect(() => compareFork(fork, other)).toThrow(LogError);
    expect(() => compareFork(fork, other)).toThrow(/not the original/);
    const cut = structuredClone(original);
    cut.rounds = cut.rounds.slice(0, 1);
    delete cut.end;
    expect(() => compareFork(fork, cut)).toThrow(/rounds 0–1/);
    const tampered = structuredClone(original);
    tampered.rounds[0].plans.foshan.environment.greenSubsidy += 1;
    expect(() => compareFork(fork, tampered)).toThrow(/not the ones the fork replays/);
  });
});
