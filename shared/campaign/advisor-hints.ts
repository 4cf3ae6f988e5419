/**
 * All the advisor's rules: each reads one town's round and, when its mechanism is at work,
 * proposes a hint naming the mechanism and the paper behind it, weighted for ranking.
 */
import type { HintRule } from './advisor-facts';
import { FIRM_RULES } from './advisor-hints-firms';
import { TOWN_RULES } from './advisor-hints-town';

export const HINT_RULES: readonly HintRule[] = [...FIRM_RULES, ...TOWN_RULES];

export { ADVISOR_CITATIONS } from './advisor-citations';
