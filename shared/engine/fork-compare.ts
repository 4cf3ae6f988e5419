/**
 * A forked match against the match it left (issue 15): both paths per indicator from the fork
 * round on, the indicators that diverged most, and the engine's explanation of each difference
 * by cause, exactly as a what-if explains one (divergence.ts). Pure. The original must be the
 * fork's parent: its chain at the fork round is the fork's starting link (match-log.ts
 * ForkOrigin), so a comparison never pairs a fork with a match it did not come from.
 */
import { canonicalJson } from './hash';
import { LogError, chainStart, logRoundSpan, replaySteps, type MatchLog } from './match-log';
import {
  comparePaths,
  divergenceCsv,
  type Divergence,
  type PathStep,
  type WhatIfRow,
} from './divergence';

export interface ForkComparison {
  /** The round the fork left the original (absolute); rows start at the next round. */
  round: number;
  /** Rounds both matches played after the fork, per town and indicator ("history" = original). */
  rows: WhatIfRow[];
  diverged: Divergence[];
  /** The last round both played (the shorter match's end). */
  lastRound: number;
}

/** Throws a LogError saying why `original` is not the match `fork` was forked from. */
export function checkForkParent(fork: MatchLog, original: MatchLog): void {
  const origin = fork.forkedFrom;
  if (!origin) throw new LogError('this log is not a fork: it has no original to compare with');
  const { first, last } = logRoundSpan(original);
  const initial = original.forkedFrom?.parentInitialHash ?? original.initialHash;
  const notParent = (why: string) =>
    new LogError(`the other log is not the original of this fork: ${why}`);
  if (initial !== origin.parentInitialHash || original.scenarioId !== fork.scenarioId) {
    throw notParent('it starts from another match');
  }
  if (origin.round < first || origin.round > last) {
    throw notParent(`it covers rounds ${first}–${last}, the fork left at round ${origin.round}`);
  }
  const chain =
    origin.round > first ? original.rounds[origin.round - first - 1].chain : chainStart(original);
  if (chain !== origin.parentChain) {
    throw notParent(`its hash chain at round ${origin.round} is not the one the fork continues`);
  }
  const inputs = [
    ...(original.forkedFrom?.prefix ?? []),
    ...original.rounds.slice(0, origin.round - first).map((r) => ({
      plans: r.plans,
      cards: r.cards,
      hash: r.hash,
    })),
  ];
  if (canonicalJson(inputs) !== canonicalJson(origin.prefix)) {
    throw notParent(`its rounds up to ${origin.round} are not the ones the fork replays`);
  }
}

/** The rounds of a log after `round`, each with its state and result (the log is verified). */
function pathAfter(log: MatchLog, round: number): PathStep[] {
  const out: PathStep[] = [];
  for (const step of replaySteps(log)) {
    if ('result' in step && step.round > round)
      out.push({ state: step.state, result: step.result });
  }
  return out;
}

/**
 * Compare a fork with its original. Throws LogError when the fork is not a fork, the original is
 * not its parent, either log does not verify, or the two share no round after the fork.
 */
export function compareFork(fork: MatchLog, original: MatchLog): ForkComparison {
  checkForkParent(fork, original);
  const round = fork.forkedFrom!.round;
  const history = pathAfter(original, round);
  const alternative = pathAfter(fork, round);
  const n = Math.min(history.length, alternative.length);
  if (n === 0) {
    throw new LogError(`no round to compare: one of the two matches ends at round ${round}`);
  }
  const { rows, diverged } = comparePaths(history.slice(0, n), alternative.slice(0, n));
  return { round, rows, diverged, lastRound: history[n - 1].state.round };
}

export function forkComparisonCsv(comparison: ForkComparison): string {
  return divergenceCsv(comparison.rows);
}
