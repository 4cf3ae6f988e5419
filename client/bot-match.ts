/** A match of computer towns run with the shared engine, in any JavaScript engine. */
import {
  STRATEGY_IDS,
  createMatch,
  decidePlan,
  hashState,
  resolveRound,
  type MatchState,
  type TownPlan,
} from '../shared';

export function botMatchHashes(
  scenarioId: string,
  seed: number,
  rounds: number,
  towns?: number,
): { hashes: string[]; state: MatchState } {
  let state = createMatch(scenarioId, { seed, towns });
  const hashes = [hashState(state)];
  for (let r = 0; r < rounds; r++) {
    const plans: Record<string, TownPlan> = {};
    state.towns.forEach(
      (t, i) => (plans[t.id] = decidePlan(state, t.id, STRATEGY_IDS[i % STRATEGY_IDS.length])),
    );
    const result = resolveRound(state, { plans, cards: [] });
    hashes.push(result.hash);
    state = result.state;
  }
  return { hashes, state };
}
