/**
 * Reading and verifying a match log in the browser. The log is re-simulated with the shared
 * engine round by round (replaySteps), checking every state hash and link of the chain, and the
 * page is given back between rounds so the progress bar moves and the tab stays responsive
 * (DESIGN §5: long work shows progress). Every verified state is kept: scrubbing is then free.
 */
import { LogError, parseLog, replaySteps } from '../../shared';
import type { MatchLog, MatchState, RoundResult } from '../../shared';
import { readAnnotations, type Annotation } from './annotations';

export interface VerifiedReplay {
  log: MatchLog;
  /** states[r] is the verified state after round r; states[0] the start. */
  states: MatchState[];
  /** results[r] is the result of round r (events, explanations); null for round 0. */
  results: (RoundResult | null)[];
  /** The state hashes this browser computed, index = round. */
  hashes: string[];
  /** Notes that came inside the file ("Download log with notes"). */
  fileAnnotations: Annotation[];
  /** Milliseconds spent verifying (for the benchmark and the status line). */
  verifyMs: number;
}

/** A file that is not even JSON (cut in the middle, or another kind of file). */
export class NotJsonError extends Error {}

/** Parse the text of a log file and check its shape; throws NotJsonError or LogError. */
export function readLog(text: string): MatchLog {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new NotJsonError((error as Error).message);
  }
  return parseLog(value);
}

interface YieldingScheduler {
  yield(): Promise<void>;
}

/**
 * Give the page a turn. scheduler.yield() (Chromium) resumes first in line after rendering and
 * input; elsewhere a message-channel task does the same without setTimeout's 4 ms clamp.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Work this long before giving the page a turn: about one frame. */
const SLICE_MS = 14;

export interface VerifyOptions {
  onProgress?: (verified: number, total: number) => void;
  /** Stop early (a new file was opened): rejects with an AbortError. */
  signal?: AbortSignal;
}

/** Re-simulate and verify a parsed log; rejects with the engine's LogError at the first mismatch. */
export async function verifyLog(
  log: MatchLog,
  options: VerifyOptions = {},
): Promise<VerifiedReplay> {
  const started = performance.now();
  const total = log.rounds.length;
  const states: MatchState[] = [];
  const results: (RoundResult | null)[] = [];
  const hashes: string[] = [];
  let slice = performance.now();
  options.onProgress?.(0, total);
  for (const step of replaySteps(log)) {
    if ('result' in step) {
      states.push(step.state);
      results.push(step.result);
      hashes.push(step.result.hash);
    } else {
      // replaySteps has just compared hashState(start) with the log's initial hash.
      states.push(step.state);
      results.push(null);
      hashes.push(log.initialHash);
    }
    if (performance.now() - slice > SLICE_MS) {
      options.onProgress?.(step.round, total);
      await yieldToPage();
      options.signal?.throwIfAborted();
      slice = performance.now();
    }
  }
  options.onProgress?.(total, total);
  return {
    log,
    states,
    results,
    hashes,
    fileAnnotations: readAnnotations((log as unknown as { annotations?: unknown }).annotations),
    verifyMs: performance.now() - started,
  };
}

/** The round a failure names, for the error screen; null when it concerns the whole file. */
export function failedRound(error: unknown): number | null {
  return error instanceof LogError ? error.round : null;
}
