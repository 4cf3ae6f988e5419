/** A match of computer towns run with the shared engine, in any JavaScript engine. */
import {
  createMatch,
  computerPlans,
  hashState,
  resolveRound,
  type MatchEvent,
  type MatchState,
} from '../shared';

export interface ComputerMatch {
  /** Per-round state hashes, round 0 first. */
  hashes: string[];
  state: MatchState;
  /** The state before the last round, and that round's events (for before/after views). */
  previous: MatchState;
  events: MatchEvent[];
}

export function playComputerMatch(
  scenarioId: string,
  seed: number,
  rounds: number,
  towns?: number,
): ComputerMatch {
  let state = createMatch(scenarioId, { seed, towns });
  let previous = state;
  let events: MatchEvent[] = [];
  const hashes = [hashState(state)];
  for (let r = 0; r < rounds; r++) {
    const result = resolveRound(state, { plans: computerPlans(state), cards: [] });
    hashes.push(result.hash);
    previous = state;
    state = result.state;
    events = result.events;
  }
  return { hashes, state, previous, events };
}

export function botMatchHashes(
  scenarioId: string,
  seed: number,
  rounds: number,
  towns?: number,
): { hashes: string[]; state: MatchState } {
  const { hashes, state } = playComputerMatch(scenarioId, seed, rounds, towns);
  return { hashes, state };
}
