/**
 * Scenarios: a region of towns, a start year, a round length, objectives and score weights, each
 * grounded in the papers, one module per scenario (issue 12 split the single file).
 */
import { BLOCK_ECONOMY } from './block-economy';
import { EXPORT_CRASH_2008 } from './export-crash';
import { FOSHAN_2007 } from './foshan';
import { GO_WEST } from './go-west';
import { IMBEDDING_CLUSTERS } from './imbedding';
import { OPEN_DOOR } from './open-door';
import type { Scenario } from './types';

export type { IndustrySeed, Scenario, TownSeed } from './types';

export const SCENARIOS: Scenario[] = [
  OPEN_DOOR,
  BLOCK_ECONOMY,
  FOSHAN_2007,
  EXPORT_CRASH_2008,
  IMBEDDING_CLUSTERS,
  GO_WEST,
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
