/** Helpers shared by the command-line scripts (sim, replay, bench). */
import {
  appendRound,
  buildRoundPlans,
  createMatch,
  decidePlan,
  resolveRound,
  startLog,
  type MatchLog,
  type MatchState,
  type RoundResult,
  type StrategyId,
  type TownPlan,
  validatePlan,
} from '../shared/index';

/** Thrown for a problem the user must fix; `code` is the process exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

/** Print `error: <message>` on one line to stderr and exit with the given code. */
export function fail(message: string, code: number): never {
  process.stderr.write(`error: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
  process.exit(code);
}

/** Run a CLI main function, turning CliError and stray exceptions into one-line errors. */
export function runCli(main: () => void): void {
  try {
    main();
  } catch (error) {
    if (error instanceof CliError) fail(error.message, error.code);
    const message = error instanceof Error ? error.message : String(error);
    fail(message, 1);
  }
}

/** A one-line message for a node:util parseArgs error. */
export function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  let first = message.split(/\.\s|\n/)[0].replace(/\.$/, '');
  first = first.charAt(0).toLowerCase() + first.slice(1);
  // `--seed -1`: parseArgs refuses a value that starts with a dash unless it is attached.
  if (/argument is ambiguous/.test(first))
    first += " (write --name=<value> for a value starting with '-')";
  return first;
}

/** Parse a decimal integer option strictly (no fraction, exponent, hex or trailing text). */
export function integerOption(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (!/^[+-]?\d+$/.test(text))
    throw new CliError(`--${name} must be an integer, got ${JSON.stringify(raw)}`, 2);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliError(`--${name} must be an integer from ${min} to ${max}, got ${text}`, 2);
  }
  return value;
}

/** The strategy of the town at `index`: the list is assigned round-robin. */
export function strategyFor(strategies: readonly StrategyId[], index: number): StrategyId {
  return strategies[index % strategies.length];
}

/** A computer plan the shared validator refused, so the town was left to its caretaker. */
export interface RejectedPlan {
  round: number;
  town: string;
  strategy: StrategyId;
  reason: string;
}

/**
 * Every town's plan for the coming round, decided by its computer strategy. A plan the validator
 * refuses (decidePlan can return one when even a do-nothing plan is over budget because ongoing
 * construction already exceeds it) is left out, so the engine applies the caretaker plan, exactly
 * as for a town whose player submitted nothing; it is reported in `rejected`.
 */
export function decidePlans(
  state: MatchState,
  strategies: readonly StrategyId[],
  rejected: RejectedPlan[] = [],
): Record<string, TownPlan> {
  // The same builder as the classroom: a strategy's plan that does not validate is played by
  // the caretaker, and the CLI reports it.
  const seats = state.towns.map((town, i) => ({
    townId: town.id,
    submitted: null,
    strategy: strategyFor(strategies, i),
  }));
  const { plans, adjustments } = buildRoundPlans(state, seats);
  for (const a of adjustments) {
    if (a.reason !== 'invalidPlan') continue;
    const i = state.towns.findIndex((t) => t.id === a.townId);
    const plan = decidePlan(state, a.townId, strategyFor(strategies, i));
    const check = validatePlan(state, a.townId, plan);
    const reason = check.ok
      ? 'invalid'
      : check.errors.map((e) => `${e.path}: ${e.reason}`).join('; ');
    rejected.push({
      round: state.round + 1,
      town: a.townId,
      strategy: strategyFor(strategies, i),
      reason,
    });
  }
  return plans;
}

export interface PlayOptions {
  scenarioId: string;
  seed: number;
  rounds: number;
  towns?: number;
  strategies: readonly StrategyId[];
  onRound?: (result: RoundResult, before: MatchState) => void;
  onRejected?: (rejected: RejectedPlan) => void;
}

/** Play a match of computer towns and return its log, final state and refused plans. */
export function playMatch(options: PlayOptions): {
  log: MatchLog;
  state: MatchState;
  rejected: RejectedPlan[];
} {
  let state = createMatch(options.scenarioId, { seed: options.seed, towns: options.towns });
  const players: Record<string, string> = {};
  state.towns.forEach((town, i) => {
    players[town.id] = `computer:${strategyFor(options.strategies, i)}`;
  });
  const log = startLog(state, players);
  const rejected: RejectedPlan[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const refused: RejectedPlan[] = [];
    const inputs = { plans: decidePlans(state, options.strategies, refused), cards: [] };
    for (const item of refused) options.onRejected?.(item);
    rejected.push(...refused);
    let result: RoundResult;
    try {
      result = resolveRound(state, inputs);
    } catch (error) {
      throw new CliError(`round ${state.round + 1}: ${(error as Error).message}`, 1);
    }
    appendRound(log, state, inputs, result);
    options.onRound?.(result, state);
    state = result.state;
  }
  return { log, state, rejected };
}

/** The serialised form of a log as written to disk. */
export function serialiseLog(log: MatchLog): string {
  return `${JSON.stringify(log)}\n`;
}
