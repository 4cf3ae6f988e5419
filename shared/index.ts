/** Public surface of the simulation, shared by the server, client, CLI, bots and tests. */
export * from './engine/types';
export { SECTOR_IDS, SECTORS, isSectorId, type SectorId, type SectorProfile } from './data/sectors';
export { SCENARIOS, findScenario, type Scenario, type TownSeed } from './data/scenarios';
export { EVENTS, findEvent, type EventDefinition } from './data/events';
export { PAPERS, cite, type Citation } from './data/citation';
export {
  createMatch,
  ScenarioError,
  MIN_TOWNS,
  MAX_TOWNS,
  type MatchOptions,
} from './engine/match';
export { resolveRound, type RoundInputs } from './engine/resolve-round';
export {
  validatePlan,
  defaultPlan,
  caretakerPlan,
  townPlanSchema,
  LIMITS,
  type PlanError,
  type PlanErrorCode,
  type PlanValidation,
} from './engine/plan-schema';
export {
  buildRoundPlans,
  computerPlans,
  fitCaretakerPlan,
  type CaretakerDrop,
  type PlanAdjustment,
  type RoundPlans,
  type TownSeatInput,
} from './engine/round-plans';
export { planCost, availableBudget, INFRA_SPECS, POLICY_COSTS } from './engine/costs';
export { hashState, canonicalJson } from './engine/hash';
export { explanationText } from './engine/explain';
export {
  decidePlan,
  STRATEGIES,
  STRATEGY_IDS,
  isStrategyId,
  type StrategyId,
} from './engine/strategies';
export {
  startLog,
  appendRound,
  parseLog,
  replayLog,
  replaySteps,
  type ReplayStep,
  LogError,
  LOG_VERSION,
  READABLE_LOG_VERSIONS,
  WHY_MAX_LENGTH,
  endLog,
  forkLog,
  type MatchLog,
  type LoggedRound,
  type RoundNote,
  type SubmissionNote,
  type ForkOrigin,
} from './engine/match-log';
export { pollutionIndex } from './engine/pollution';
export { EVENT_CARD_IDS } from './engine/events';
export {
  whatIf,
  whatIfCsv,
  WHAT_IF_INDICATORS,
  type WhatIfRequest,
  type WhatIfResult,
  type Divergence,
} from './engine/what-if';
export { buildChapters, type Chapter, type LessonRule } from './debrief/index';
export * from './debrief/extras';
