/**
 * Shared helpers for the unit tests: building matches, playing rounds with bot or fixed plans,
 * walking a state's numbers and making a bare round context for calling single mechanisms.
 * Only public engine functions are used; the engine itself is never modified.
 */
import { SECTOR_IDS, type SectorId } from '../../shared/data/sectors';
import type { RoundContext, SectorRecord, TownRoundData } from '../../shared/engine/context';
import { countCompetitors } from '../../shared/engine/market';
import { createMatch } from '../../shared/engine/match';
import { defaultPlan, validatePlan } from '../../shared/engine/plan-schema';
import { resolveRound, type RoundInputs } from '../../shared/engine/resolve-round';
import { noEvaluation } from '../../shared/engine/scoring';
import { decidePlan, STRATEGY_IDS, type StrategyId } from '../../shared/engine/strategies';
import type { MatchState, RoundResult, TownPlan, TownState } from '../../shared/engine/types';

/** A plan as untrusted input: tests break it on purpose, so any field may hold anything. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deliberately malformed plans
export type LoosePlan = Record<string, any>;

export const SCENARIO_IDS = [
  'open-door-1980',
  'block-economy-zhejiang',
  'foshan-2007',
  'export-crash-2008',
] as const;

export function town(state: MatchState, id: string): TownState {
  const found = state.towns.find((t) => t.id === id);
  if (!found) throw new Error(`no town ${id} in ${state.scenarioId}`);
  return found;
}

/** A default plan with a modification applied. */
export function planWith(modify: (plan: TownPlan) => void): TownPlan {
  const plan = defaultPlan();
  modify(plan);
  return plan;
}

/** Advance one round. */
export function step(
  state: MatchState,
  plans: Record<string, TownPlan> = {},
  cards: string[] = [],
): RoundResult {
  const inputs: RoundInputs = { plans, cards };
  return resolveRound(state, inputs);
}

/** Advance several rounds with the same plans each round (missing towns are caretakers). */
export function advance(
  state: MatchState,
  rounds: number,
  plans: (s: MatchState) => Record<string, TownPlan> = () => ({}),
): MatchState {
  let s = state;
  for (let r = 0; r < rounds; r++) s = step(s, plans(s)).state;
  return s;
}

/** The strategy a bot town plays: strategies rotate through the towns. */
export function strategyOf(index: number, offset = 0): StrategyId {
  return STRATEGY_IDS[(index + offset) % STRATEGY_IDS.length];
}

/**
 * Bot plans for every town. decidePlan can return a plan the validator rejects (see
 * strategies.test.ts); such towns are left to the caretaker so that a run can continue.
 */
export function botPlans(state: MatchState, offset = 0): Record<string, TownPlan> {
  const plans: Record<string, TownPlan> = {};
  state.towns.forEach((t, i) => {
    const plan = decidePlan(state, t.id, strategyOf(i, offset));
    if (validatePlan(state, t.id, plan).ok) plans[t.id] = plan;
  });
  return plans;
}

/** Run a match with bots and return the hash of every round. */
export function botRunHashes(
  scenarioId: string,
  seed: number,
  rounds: number,
  towns?: number,
): string[] {
  let state = createMatch(scenarioId, { seed, towns });
  const hashes: string[] = [];
  for (let r = 0; r < rounds; r++) {
    const result = step(state, botPlans(state));
    hashes.push(result.hash);
    state = result.state;
  }
  return hashes;
}

/** Visit every number in a JSON-like value with its path. */
export function walkNumbers(
  value: unknown,
  visit: (path: string, n: number) => void,
  path = '',
): void {
  if (typeof value === 'number') {
    visit(path, value);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkNumbers(v, visit, `${path}[${i}]`));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walkNumbers(v, visit, path ? `${path}.${k}` : k);
  }
}

function record<T>(make: (s: SectorId) => T): SectorRecord<T> {
  const out = {} as SectorRecord<T>;
  for (const s of SECTOR_IDS) out[s] = make(s);
  return out;
}

/** Neutral per-town round data, for calling one mechanism directly. */
export function blankTownData(): TownRoundData {
  return {
    firmsBefore: record(() => 0),
    outputBefore: record(() => 0),
    gdpBefore: 0,
    jobsBefore: 0,
    exportsBefore: 0,
    pollutionBefore: 0,
    stabilityBefore: 0,
    fiscalBefore: 0,
    evaluationBefore: 0,
    evaluationPartsBefore: noEvaluation(),
    evaluation: null,
    overDebtLimitBefore: false,
    fiscalTrim: 0,
    profit: record(() => ({
      sme: { parts: {}, total: 0 },
      foreign: { parts: {}, total: 0 },
      leading: { parts: {}, total: 0 },
      soe: { parts: {}, total: 0 },
    })),
    foreignEntryProfit: record(() => 0),
    flows: [],
    outputAfter: record(() => 0),
    techGain: record(() => 0),
    smeEntrants: record(() => 0),
    fdiInflow: 0,
    pollutionCauses: [],
    fiscalCauses: [],
    stabilityCauses: [],
    unemployment: 0,
    landSold: 0,
  };
}

/** A bare round context over a (test-owned) state, as resolveRound builds one. */
export function bareContext(state: MatchState, years = state.roundYears): RoundContext {
  return {
    state,
    years,
    events: [],
    towns: new Map(state.towns.map((t) => [t.id, blankTownData()])),
    competitors: countCompetitors(state),
    landLeft: new Map(state.towns.map((t) => [t.id, 0])),
  };
}

/** Remove every firm of a town (test data set-up). */
export function emptyTown(t: TownState): void {
  for (const s of SECTOR_IDS) {
    const industry = t.industries[s];
    industry.firms = { sme: 0, foreign: 0, leading: 0, soe: 0 };
    industry.foreignUnderHoliday = 0;
  }
}
