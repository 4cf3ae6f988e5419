/**
 * The match log: seed + configuration + ordered inputs + per-round state hashes, with a hash
 * chain so truncation or tampering is detected (STYLE.md point 5). Replays re-run it through
 * resolveRound. Format documented in docs/match-log.md; bump LOG_VERSION on any change.
 */
import { fnv1a64, canonicalJson, hashState } from './hash';
import { createMatch, type MatchOptions } from './match';
import { resolveRound, type RoundInputs } from './resolve-round';
import type { MatchState, RoundResult, TownPlan } from './types';

export const LOG_FORMAT = 'cluster-towns-match';
export const LOG_VERSION = 1;
export const GAME_VERSION = '0.1.0';

export interface LoggedRound {
  round: number;
  year: number;
  plans: Record<string, TownPlan>;
  cards: string[];
  /** Hash of the state after this round. */
  hash: string;
  /** fnv1a64(previous chain + this round's inputs + hash). */
  chain: string;
}

export interface MatchLog {
  format: typeof LOG_FORMAT;
  version: number;
  gameVersion: string;
  scenarioId: string;
  seed: number;
  config: { towns: number; diplomacy: boolean };
  towns: { id: string; name: string; player: string }[];
  initialHash: string;
  rounds: LoggedRound[];
}

export function chainLink(previous: string, inputs: RoundInputs, hash: string): string {
  return fnv1a64(`${previous}|${canonicalJson(inputs)}|${hash}`);
}

export function startLog(state: MatchState, players: Record<string, string> = {}): MatchLog {
  return {
    format: LOG_FORMAT,
    version: LOG_VERSION,
    gameVersion: GAME_VERSION,
    scenarioId: state.scenarioId,
    seed: state.seed,
    config: { towns: state.towns.length, diplomacy: state.diplomacy },
    towns: state.towns.map((t) => ({
      id: t.id,
      name: t.name,
      player: players[t.id] ?? 'computer',
    })),
    initialHash: hashState(state),
    rounds: [],
  };
}

export function appendRound(
  log: MatchLog,
  before: MatchState,
  inputs: RoundInputs,
  result: RoundResult,
): void {
  const previous =
    log.rounds.length > 0 ? log.rounds[log.rounds.length - 1].chain : log.initialHash;
  log.rounds.push({
    round: before.round + 1,
    year: before.year,
    plans: inputs.plans,
    cards: inputs.cards,
    hash: result.hash,
    chain: chainLink(previous, inputs, result.hash),
  });
}

export class LogError extends Error {
  constructor(
    message: string,
    readonly round: number | null = null,
  ) {
    super(message);
  }
}

/** Shape check of an untrusted parsed log; throws LogError naming the problem. */
export function parseLog(value: unknown): MatchLog {
  if (!value || typeof value !== 'object')
    throw new LogError('not a match log: expected a JSON object');
  const log = value as Partial<MatchLog>;
  if (log.format !== LOG_FORMAT)
    throw new LogError(`not a match log: format is ${JSON.stringify(log.format)}`);
  if (log.version !== LOG_VERSION) {
    throw new LogError(
      `unsupported match log version ${String(log.version)} (this build reads version ${LOG_VERSION})`,
    );
  }
  if (
    typeof log.scenarioId !== 'string' ||
    typeof log.seed !== 'number' ||
    !log.config ||
    !Array.isArray(log.rounds)
  ) {
    throw new LogError('corrupt match log: missing scenarioId, seed, config or rounds');
  }
  if (typeof log.initialHash !== 'string')
    throw new LogError('corrupt match log: missing initialHash');
  log.rounds.forEach((r, i) => {
    if (
      !r ||
      typeof r !== 'object' ||
      typeof r.hash !== 'string' ||
      typeof r.chain !== 'string' ||
      !r.plans ||
      !Array.isArray(r.cards)
    ) {
      throw new LogError(`corrupt match log: round ${i + 1} is malformed`, i + 1);
    }
  });
  return log as MatchLog;
}

export interface ReplayStep {
  round: number;
  state: MatchState;
  result: RoundResult;
}

/**
 * Re-simulate a log, checking the initial hash, every round's hash and the chain. Calls onRound
 * after each verified round (for CSV export and progress). Throws LogError at the first mismatch.
 */
export function replayLog(log: MatchLog, onRound?: (step: ReplayStep) => void): MatchState {
  const options: MatchOptions = {
    seed: log.seed,
    towns: log.config.towns,
    diplomacy: log.config.diplomacy,
  };
  let state = createMatch(log.scenarioId, options);
  if (hashState(state) !== log.initialHash)
    throw new LogError('initial state hash differs (round 0)', 0);
  let chain = log.initialHash;
  for (const entry of log.rounds) {
    const inputs: RoundInputs = { plans: entry.plans, cards: entry.cards };
    let result: RoundResult;
    try {
      result = resolveRound(state, inputs);
    } catch (error) {
      throw new LogError(
        `round ${entry.round}: inputs rejected: ${(error as Error).message}`,
        entry.round,
      );
    }
    if (result.hash !== entry.hash) {
      throw new LogError(
        `round ${entry.round}: state hash differs (log ${entry.hash}, replay ${result.hash})`,
        entry.round,
      );
    }
    chain = chainLink(chain, inputs, result.hash);
    if (chain !== entry.chain)
      throw new LogError(`round ${entry.round}: hash chain broken`, entry.round);
    state = result.state;
    onRound?.({ round: entry.round, state, result });
  }
  return state;
}
