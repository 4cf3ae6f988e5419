/**
 * Plays a campaign entry to the end the way a solo match does: the player's town follows a
 * scripted plan, every other town a computer strategy. Each scripted plan must pass the shared
 * validator (resolveRound throws on an invalid one).
 */
import type { ScriptedPlan } from '../../shared/campaign/types';
import type { CampaignEntry } from '../../shared/campaign/types';
import { createMatch } from '../../shared/engine/match';
import { resolveRound } from '../../shared/engine/resolve-round';
import { decidePlan, type StrategyId } from '../../shared/engine/strategies';
import type { MatchState, RoundResult, TownPlan } from '../../shared/engine/types';

export interface PlayOptions {
  seed: number;
  strategy: StrategyId;
  /** Stop after this many rounds (defaults to the entry's). */
  rounds?: number;
}

export interface Played {
  states: MatchState[];
  results: RoundResult[];
}

export function playEntry(entry: CampaignEntry, plan: ScriptedPlan, options: PlayOptions): Played {
  let state = createMatch(entry.scenarioId, { seed: options.seed });
  const states = [state];
  const results: RoundResult[] = [];
  const rounds = options.rounds ?? entry.rounds;
  for (let i = 0; i < rounds; i++) {
    const plans: Record<string, TownPlan> = {};
    for (const town of state.towns) {
      plans[town.id] =
        town.id === entry.playerTown
          ? plan(state.round + 1, structuredClone(town.plan))
          : decidePlan(state, town.id, options.strategy);
    }
    const result = resolveRound(state, { plans, cards: [] });
    results.push(result);
    state = result.state;
    states.push(state);
  }
  return { states, results };
}
