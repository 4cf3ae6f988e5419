/**
 * What-if against what happened (issue 15): change one town's plan at one round of a played
 * match and compare the two paths from that round on, with the engine's own explanation of each
 * difference ("Foshan: −120 ceramics firms against history: strict enforcement −80, relocation
 * −40"). The other towns either do what the log says they did (the default) or, for computer
 * towns, decide again with their strategy on the changed state ("others follow their strategy"):
 * a crackdown that empties Foshan's budget line is then met by neighbours that react to it.
 * Pure: the viewer, the CLI (`npm run replay -- log.json --what-if plan.json --round k --town id
 * --diff out.csv`) and the tests share it. The log is verified while it is replayed, so a
 * what-if never starts from a forged history.
 */
import { canonicalJson } from './hash';
import { LogError, replaySteps, type MatchLog } from './match-log';
import { validatePlan } from './plan-schema';
import { resolveRound } from './resolve-round';
import { buildRoundPlans } from './round-plans';
import { STRATEGY_IDS, isStrategyId, type StrategyId } from './strategies';
import {
  comparePaths,
  divergenceCsv,
  type Divergence,
  type PathStep,
  type WhatIfRow,
} from './divergence';
import type { MatchState, RoundResult, TownPlan } from './types';

export {
  WHAT_IF_INDICATORS,
  indicatorValue,
  type Divergence,
  type WhatIfIndicator,
  type WhatIfRow,
} from './divergence';

/** What the towns other than the changed one do after the change. */
export const WHAT_IF_OTHERS = ['logged', 'strategy'] as const;
export type WhatIfOthers = (typeof WHAT_IF_OTHERS)[number];

export interface WhatIfRequest {
  /** The absolute round whose plan changes (as the log and the viewer number rounds). */
  round: number;
  townId: string;
  /** The town's plan for that round instead of the logged one (validated against the state). */
  plan: unknown;
  /** 'logged' (default): the others replay their logged plans; 'strategy': computer towns decide again. */
  others?: WhatIfOthers;
}

export interface WhatIfResult {
  round: number;
  townId: string;
  others: WhatIfOthers;
  /** Rounds compared: the changed round to the log's last. */
  rows: WhatIfRow[];
  /** The indicators that diverged most at the last round, largest relative difference first. */
  diverged: Divergence[];
  /** Later logged plans that no longer fit a town's what-if state (not played; standing policies were). */
  dropped: { round: number; townId: string; reasons: string[] }[];
  /** With others 'strategy': the computer towns that decided again, and with which strategy. */
  strategies: Record<string, StrategyId>;
}

function isComputer(player: string): boolean {
  return player === 'computer' || player.startsWith('computer:');
}

/**
 * The strategy a computer town played by: named in the log's player field (the CLI writes
 * `computer:green`) or else the one whose decisions reproduce the town's logged plans (the
 * server logs bots as plain `computer`). Null when none does: the town then keeps its log.
 */
function strategyOf(
  log: MatchLog,
  history: readonly { state: MatchState }[],
  index: number,
  townId: string,
): StrategyId | null {
  const player = log.towns.find((t) => t.id === townId)?.player ?? '';
  if (!isComputer(player)) return null;
  const named = player.split(':')[1];
  if (named !== undefined && isStrategyId(named)) return named;
  const options = { diplomacy: log.config.diplomacy };
  // A few rounds from the change on are enough to tell three personalities apart.
  const rounds = Array.from({ length: Math.min(3, history.length - index) }, (_, k) => index + k);
  return (
    STRATEGY_IDS.find((strategy) =>
      rounds.every((i) => {
        const logged = log.rounds[i - 1].plans[townId];
        if (logged === undefined) return false;
        const seat = { townId, submitted: null, strategy };
        const decided = buildRoundPlans(history[i - 1].state, [seat], options).plans[townId];
        return canonicalJson(decided) === canonicalJson(logged);
      }),
    ) ?? null
  );
}

/**
 * Play the what-if. Throws LogError when the log does not verify, the round is not one the log
 * played, the town is unknown, or the plan is not valid for that town at that round (the reasons
 * say why, as the policy panel would).
 */
export function whatIf(log: MatchLog, request: WhatIfRequest): WhatIfResult {
  const others = request.others ?? 'logged';
  const history: { state: MatchState; result?: RoundResult }[] = [];
  for (const step of replaySteps(log)) {
    history.push({ state: step.state, result: 'result' in step ? step.result : undefined });
  }
  const first = history[0].state.round;
  const index = request.round - first;
  if (!Number.isInteger(request.round) || index < 1 || index >= history.length) {
    throw new LogError(
      `round ${request.round} is not a round this log played (rounds ${first + 1}–${first + history.length - 1})`,
      0,
    );
  }
  if (!history[0].state.towns.some((t) => t.id === request.townId)) {
    throw new LogError(`unknown town "${request.townId}" in this log`, 0);
  }
  if (!(WHAT_IF_OTHERS as readonly string[]).includes(others)) {
    throw new LogError(`others must be one of ${WHAT_IF_OTHERS.join(', ')}`, 0);
  }
  let state = history[index - 1].state;
  const check = validatePlan(state, request.townId, request.plan);
  if (!check.ok) {
    throw new LogError(
      `the plan is not valid for ${request.townId} at round ${request.round}: ` +
        check.errors.map((e) => `${e.path}: ${e.reason}`).join('; '),
      request.round,
    );
  }
  const strategies: Record<string, StrategyId> = {};
  if (others === 'strategy') {
    for (const town of state.towns) {
      if (town.id === request.townId) continue;
      const strategy = strategyOf(log, history, index, town.id);
      if (strategy) strategies[town.id] = strategy;
    }
  }
  const dropped: WhatIfResult['dropped'] = [];
  const played: PathStep[] = [];
  for (let i = index; i < history.length; i++) {
    const entry = log.rounds[i - 1];
    const plans: Record<string, TownPlan> = { ...entry.plans };
    const seats = Object.entries(strategies).map(([townId, strategy]) => ({
      townId,
      submitted: null,
      strategy,
    }));
    Object.assign(plans, buildRoundPlans(state, seats, { diplomacy: log.config.diplomacy }).plans);
    for (const [townId, plan] of Object.entries(plans)) {
      if (i === index && townId === request.townId) continue;
      // A logged plan may not fit the state the change led to (a smaller budget, a market that
      // now exists): such a plan is not played, the town's standing policies are.
      const fits = validatePlan(state, townId, plan);
      if (!fits.ok) {
        delete plans[townId];
        dropped.push({ round: entry.round, townId, reasons: fits.errors.map((e) => e.reason) });
      }
    }
    if (i === index) plans[request.townId] = check.plan;
    const result = resolveRound(state, { plans, cards: entry.cards });
    played.push({ state: result.state, result });
    state = result.state;
  }
  const logged = history.slice(index).map((h) => ({ state: h.state, result: h.result! }));
  const { rows, diverged } = comparePaths(logged, played);
  return {
    round: request.round,
    townId: request.townId,
    others,
    rows,
    diverged,
    dropped,
    strategies,
  };
}

/** The diff as CSV, one row per round, town and indicator (the CLI's `--diff`). */
export function whatIfCsv(result: Pick<WhatIfResult, 'rows'>): string {
  return divergenceCsv(result.rows);
}
