/**
 * The advisor: after each round, up to three hints for the player's town, drawn from the
 * engine's explanations (the named causes behind each change) and the round's events. Each hint
 * names the mechanism and the paper behind it. Pure and deterministic: candidates are ranked by
 * weight, ties broken by mechanism name.
 */
import type { MatchState, RoundResult } from '../engine/types';
import { flowsOf, type Candidate, type RoundFacts } from './advisor-facts';
import { HINT_RULES } from './advisor-hints';
import { townIn } from './measures';
import type { AdvisorHint } from './types';

export const MAX_HINTS = 3;

const byWeight = (a: Candidate, b: Candidate): number =>
  b.weight - a.weight || (a.mechanism < b.mechanism ? -1 : a.mechanism > b.mechanism ? 1 : 0);

/**
 * Hints for one town after a round: `before` is the state the round started from and `result`
 * what resolveRound returned for it.
 */
export function advisorHints(
  before: MatchState,
  result: RoundResult,
  townId: string,
): AdvisorHint[] {
  townIn(result.state, townId); // throws for a town not in the match
  const facts: RoundFacts = {
    townId,
    before,
    after: result.state,
    result,
    flows: flowsOf(result, townId),
  };
  return HINT_RULES.map((rule) => rule(facts))
    .filter((c): c is Candidate => c !== null)
    .sort(byWeight)
    .slice(0, MAX_HINTS)
    .map(({ mechanism, text, citation }) => ({ mechanism, text, citation }));
}
