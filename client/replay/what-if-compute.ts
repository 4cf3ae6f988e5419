/**
 * The heavy half of the what-if tab, without the DOM or translations, so that a Web Worker can
 * run it (what-if-worker.ts): a what-if or a fork comparison turned into the rows, the ranked
 * divergences and the CSV. A log the engine refuses comes back as its message.
 */
import { LogError, type MatchLog, type TownPlan } from '../../shared';
import {
  whatIf,
  whatIfCsv,
  type Divergence,
  type WhatIfOthers,
  type WhatIfRow,
} from '../../shared/engine/what-if';
import { compareFork } from '../../shared/engine/fork-compare';

export type Outcome<T> = { ok: true; value: T } | { ok: false; messages: string[] };

export interface Comparison {
  /** The round the paths part (a what-if's changed round; a fork's first own round). */
  from: number;
  rows: WhatIfRow[];
  diverged: Divergence[];
  csv: string;
  /** Milliseconds the engine took. */
  ms: number;
}

export interface WhatIfInput {
  round: number;
  townId: string;
  plan: TownPlan;
  others: WhatIfOthers;
}

const now = (): number => globalThis.performance?.now() ?? Date.now();

function refused(error: unknown): Outcome<Comparison> {
  if (error instanceof LogError) return { ok: false, messages: [error.message] };
  throw error;
}

/** Play the what-if (the plan was checked by the caller; the engine checks it again). */
export function computeWhatIf(log: MatchLog, input: WhatIfInput): Outcome<Comparison> {
  const started = now();
  try {
    const result = whatIf(log, input);
    const { rows, diverged } = result;
    return {
      ok: true,
      value: { from: input.round, rows, diverged, csv: whatIfCsv(result), ms: now() - started },
    };
  } catch (error) {
    return refused(error);
  }
}

/** Compare an opened fork with its original; a log that is not its parent is refused. */
export function computeForkCompare(fork: MatchLog, original: MatchLog): Outcome<Comparison> {
  const started = now();
  try {
    const c = compareFork(fork, original);
    const { rows, diverged } = c;
    return {
      ok: true,
      value: { from: c.round + 1, rows, diverged, csv: whatIfCsv(c), ms: now() - started },
    };
  } catch (error) {
    return refused(error);
  }
}

/** A job for the worker, and the same job run here when there is no worker. */
export type Job =
  | { kind: 'whatIf'; log: MatchLog; input: WhatIfInput }
  | { kind: 'fork'; fork: MatchLog; original: MatchLog };

export function runJob(job: Job): Outcome<Comparison> {
  return job.kind === 'whatIf'
    ? computeWhatIf(job.log, job.input)
    : computeForkCompare(job.fork, job.original);
}
