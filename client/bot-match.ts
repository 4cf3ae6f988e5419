/** A match of computer towns run with the shared engine, in any JavaScript engine. */
import { createMatch, computerPlans, hashState, resolveRound, type MatchState } from '../shared';

export function botMatchHashes(
  scenarioId: string,
  seed: number,
  rounds: number,
  towns?: number,
): { hashes: string[]; state: MatchState } {
  let state = createMatch(scenarioId, { seed, towns });
  const hashes = [hashState(state)];
  for (let r = 0; r < rounds; r++) {
    const plans = computerPlans(state);
    const result = resolveRound(state, { plans, cards: [] });
    hashes.push(result.hash);
    state = result.state;
  }
  return { hashes, state };
}
