/**
 * The match log: seed + configuration + ordered inputs + per-round state hashes, with a hash
 * chain so truncation or tampering is detected (STYLE.md point 5). Replays re-run it through
 * resolveRound. Format documented in docs/match-log.md; bump LOG_VERSION on any change.
 */
import { fnv1a64, canonicalJson, hashState } from './hash';
import { createMatch, type MatchOptions } from './match';
import { resolveRound, type RoundInputs } from './resolve-round';
import type { MatchState, RoundResult, TownPlan } from './types';

export const LOG_FORMAT = 'cluster-towns-match';
/** Version written by this build; versions in READABLE_LOG_VERSIONS are still read. */
export const LOG_VERSION = 4;
export const READABLE_LOG_VERSIONS: readonly number[] = [1, 2, 3, 4];
/** Version 4: the longest reason ("why") a submission may carry, in characters. */
export const WHY_MAX_LENGTH = 200;
export const GAME_VERSION = '0.1.0';
/**
 * Version of the economic rules (the engine's mechanisms and constants). A log records the rules
 * it was played under; a log of other rules cannot be re-simulated by this build and opens with a
 * RulesVersionError naming its version (docs/match-log.md, "Rules versions"). 1: up to
 * 2026-12-02; 2: issue 12's recalibration (hard budget, enforcement split, spread relocation);
 * 3: issue 12's evaluation (pollution, debt and unemployment costs, foreign plants counted by
 * their local links, score weights per scenario; the state holds the costs).
 */
export const RULES_VERSION = 3;

/** Who submitted a town's plan and when (epoch ms); informative, covered by the chain. */
export interface SubmissionNote {
  town: string;
  by: string;
  at: number;
  /** Version 4: the team's one-line reason, as the mayor submitted it (absent: none given). */
  why?: string;
}

/** Announcements, public statements and event cards of a round, as they happened. */
export interface RoundNote {
  kind: 'announcement' | 'statement' | 'eventCard' | 'control';
  author: string;
  text: string;
  at: number;
}

export interface LoggedRound {
  round: number;
  year: number;
  plans: Record<string, TownPlan>;
  cards: string[];
  /** Version 2: who submitted which plan and when (absent: computer or caretaker plans only). */
  submissions?: SubmissionNote[];
  /** Version 2: announcements, statements and cards during the round. */
  notes?: RoundNote[];
  /** Hash of the state after this round. */
  hash: string;
  /** v1: fnv1a64(previous | inputs | hash); v2 also covers submissions and notes (v4: reasons). */
  chain: string;
}

/** Where a forked match left its parent: the parent's rounds up to the fork are replayed first. */
export interface ForkOrigin {
  /** Rounds of the parent replayed before this log's own rounds. */
  round: number;
  parentInitialHash: string;
  /** The parent's chain and state hash after `round`: this log's chain starts from there. */
  parentChain: string;
  parentHash: string;
  /** The parent's inputs up to the fork (so this log replays on its own). */
  prefix: { plans: Record<string, TownPlan>; cards: string[]; hash: string }[];
}

export interface MatchLog {
  format: typeof LOG_FORMAT;
  version: number;
  gameVersion: string;
  scenarioId: string;
  seed: number;
  config: { towns: number; diplomacy: boolean };
  towns: { id: string; name: string; player: string }[];
  initialHash: string;
  /** Rules version the match was played under (RULES_VERSION); absent in logs of rules 1. */
  rules?: number;
  /** Version 2: present when this match continues another one from one of its rounds. */
  forkedFrom?: ForkOrigin;
  rounds: LoggedRound[];
  /** Version 2: written when the match ended, so a log cut short at the end is detected. */
  end?: EndMarker;
}

/**
 * The end marker. Version 2: the round count and the last link. Version 3 adds the closing notes
 * (made after the last round resolved, so in no round's `notes`) and the seal, a link over them.
 */
export interface EndMarker {
  rounds: number;
  chain: string;
  /** Version 3: announcements and statements after the last round (final words, a closing). */
  notes?: RoundNote[];
  /** Version 3: fnv1a64(chain | canonicalJson({ rounds, notes }) | "end"). */
  seal?: string;
}

function roundContent(
  log: Pick<MatchLog, 'version'>,
  inputs: RoundInputs,
  entry: Partial<LoggedRound>,
): unknown {
  if (log.version === 1) return inputs;
  return { ...inputs, submissions: entry.submissions ?? [], notes: entry.notes ?? [] };
}

export function chainLink(previous: string, content: unknown, hash: string): string {
  return fnv1a64(`${previous}|${canonicalJson(content)}|${hash}`);
}

/** The first link: v1 starts from the initial hash; v2 also covers the header's own facts. */
export function chainStart(log: MatchLog): string {
  if (log.version === 1) return log.initialHash;
  if (log.forkedFrom) return log.forkedFrom.parentChain;
  return chainLink(
    log.initialHash,
    { scenarioId: log.scenarioId, seed: log.seed, config: log.config },
    log.initialHash,
  );
}

export function startLog(state: MatchState, players: Record<string, string> = {}): MatchLog {
  return {
    format: LOG_FORMAT,
    version: LOG_VERSION,
    gameVersion: GAME_VERSION,
    scenarioId: state.scenarioId,
    seed: state.seed,
    config: { towns: state.towns.length, diplomacy: state.diplomacy },
    towns: state.towns.map((t) => ({
      id: t.id,
      name: t.name,
      player: players[t.id] ?? 'computer',
    })),
    initialHash: hashState(state),
    rules: RULES_VERSION,
    rounds: [],
  };
}

/** The rules version a log was played under: logs written before it was recorded are rules 1. */
export function logRules(log: Pick<MatchLog, 'rules'>): number {
  return log.rules ?? 1;
}

export function appendRound(
  log: MatchLog,
  before: MatchState,
  inputs: RoundInputs,
  result: RoundResult,
  record: { submissions?: SubmissionNote[]; notes?: RoundNote[] } = {},
): LoggedRound {
  const previous =
    log.rounds.length > 0 ? log.rounds[log.rounds.length - 1].chain : chainStart(log);
  const entry: LoggedRound = {
    round: before.round + 1,
    year: before.year,
    plans: inputs.plans,
    cards: inputs.cards,
    hash: result.hash,
    chain: '',
  };
  if (log.version >= 2) {
    // A log of an older version has no place for reasons: they are left out, not smuggled in.
    entry.submissions = (record.submissions ?? []).map(({ town, by, at, why }) =>
      log.version >= 4 && why ? { town, by, at, why } : { town, by, at },
    );
    entry.notes = record.notes ?? [];
  }
  entry.chain = chainLink(previous, roundContent(log, inputs, entry), result.hash);
  log.rounds.push(entry);
  return entry;
}

/** The seal of a version 3 end marker: a last link over the round count and closing notes. */
export function endSeal(chain: string, rounds: number, notes: readonly RoundNote[]): string {
  return chainLink(chain, { rounds, notes }, 'end');
}

/**
 * Mark the match as finished, so that a later cut at the end of the file is detected. From
 * version 3 the marker also holds and seals the closing notes: those made after the last round
 * resolved (or during a round that never resolved), which no round's `notes` holds. A version 1
 * or 2 log has no place for them and keeps its old marker. Calling it again replaces the marker.
 */
export function endLog(log: MatchLog, closing: { notes?: readonly RoundNote[] } = {}): void {
  const last = log.rounds.length > 0 ? log.rounds[log.rounds.length - 1].chain : chainStart(log);
  const rounds = log.rounds.length;
  if (log.version < 3) {
    log.end = { rounds, chain: last };
    return;
  }
  const notes = (closing.notes ?? []).map(({ kind, author, text, at }) => ({
    kind,
    author,
    text,
    at,
  }));
  log.end = { rounds, chain: last, notes, seal: endSeal(last, rounds, notes) };
}

/**
 * The notes of a list (e.g. everything a server stored) that no logged round holds: for a
 * finished match, its closing notes for `endLog`. Notes are matched on time, kind, author and
 * text; the order of the list is kept.
 */
export function unloggedNotes(
  rounds: readonly Pick<LoggedRound, 'notes'>[],
  notes: readonly RoundNote[],
): RoundNote[] {
  const key = (n: RoundNote): string => `${n.at}|${n.kind}|${n.author}|${n.text}`;
  const logged = new Set(rounds.flatMap((r) => (r.notes ?? []).map(key)));
  return notes
    .filter((n) => !logged.has(key(n)))
    .map(({ kind, author, text, at }) => ({ kind, author, text, at }));
}

export class LogError extends Error {
  constructor(
    message: string,
    readonly round: number | null = null,
  ) {
    super(message);
  }
}

/**
 * A log played under other rules: its header, towns, plans, cards and notes can be shown, but
 * its rounds cannot be re-simulated and verified by this build's engine.
 */
export class RulesVersionError extends LogError {
  constructor(readonly rules: number) {
    super(
      `this match log was played under rules version ${rules}; this build plays rules version ${RULES_VERSION}, ` +
        `so its rounds cannot be re-simulated or verified (its towns, plans, cards and notes can still be read)`,
      0,
    );
  }
}

/** "1, 2 and 3" */
function readableVersions(): string {
  const list = READABLE_LOG_VERSIONS.map(String);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : list.join('');
}

/** Version 4 reasons are short strings; older versions have none. */
function checkReasons(version: number, round: Partial<LoggedRound>, n: number): void {
  for (const sub of Array.isArray(round.submissions) ? round.submissions : []) {
    const why: unknown = sub && typeof sub === 'object' ? sub.why : undefined;
    if (why === undefined) continue;
    if (version < 4) {
      throw new LogError(
        `corrupt match log: round ${n} has a reason, which version ${version} logs do not hold`,
        n,
      );
    }
    if (typeof why !== 'string' || why.length > WHY_MAX_LENGTH) {
      throw new LogError(
        `corrupt match log: round ${n}: a reason must be text of at most ${WHY_MAX_LENGTH} characters`,
        n,
      );
    }
  }
}

/** Shape check of an untrusted parsed log; throws LogError naming the problem. */
export function parseLog(value: unknown): MatchLog {
  if (!value || typeof value !== 'object')
    throw new LogError('not a match log: expected a JSON object');
  const log = value as Partial<MatchLog>;
  if (log.format !== LOG_FORMAT)
    throw new LogError(`not a match log: format is ${JSON.stringify(log.format)}`);
  if (typeof log.version !== 'number' || !READABLE_LOG_VERSIONS.includes(log.version)) {
    throw new LogError(
      `unsupported match log version ${String(log.version)} (this build reads versions ${readableVersions()})`,
    );
  }
  if (
    typeof log.scenarioId !== 'string' ||
    typeof log.seed !== 'number' ||
    !log.config ||
    !Array.isArray(log.rounds)
  ) {
    throw new LogError('corrupt match log: missing scenarioId, seed, config or rounds');
  }
  if (typeof log.initialHash !== 'string')
    throw new LogError('corrupt match log: missing initialHash');
  if (log.rules !== undefined && (!Number.isInteger(log.rules) || log.rules < 1))
    throw new LogError('corrupt match log: rules version is not a positive integer');
  log.rounds.forEach((r, i) => {
    if (
      !r ||
      typeof r !== 'object' ||
      typeof r.hash !== 'string' ||
      typeof r.chain !== 'string' ||
      !r.plans ||
      !Array.isArray(r.cards)
    ) {
      throw new LogError(`corrupt match log: round ${i + 1} is malformed`, i + 1);
    }
    checkReasons(log.version!, r, i + 1);
  });
  if (log.end !== undefined) {
    if (!log.end || typeof log.end.rounds !== 'number' || typeof log.end.chain !== 'string') {
      throw new LogError('corrupt match log: malformed end marker');
    }
    if (
      log.version >= 3 &&
      (!Array.isArray(log.end.notes) ||
        typeof log.end.seal !== 'string' ||
        !log.end.notes.every((n) => n && typeof n === 'object'))
    ) {
      throw new LogError('corrupt match log: the end marker has no closing notes or seal');
    }
    if (log.end.rounds !== log.rounds.length) {
      throw new LogError(
        `truncated match log: the match ended after ${log.end.rounds} rounds but the file holds ${log.rounds.length}`,
        log.rounds.length + 1,
      );
    }
  }
  if (log.forkedFrom !== undefined && (!log.forkedFrom || !Array.isArray(log.forkedFrom.prefix))) {
    throw new LogError('corrupt match log: malformed fork origin');
  }
  if (log.forkedFrom && log.forkedFrom.round !== log.forkedFrom.prefix.length) {
    // The fork round is where the log starts (the viewer's and forkLog's numbering); the prefix
    // that is replayed to get there must hold exactly that many rounds.
    throw new LogError(
      `corrupt match log: forked at round ${String(log.forkedFrom.round)} but the fork origin holds ${log.forkedFrom.prefix.length} rounds`,
    );
  }
  return log as MatchLog;
}

export interface ReplayStep {
  round: number;
  state: MatchState;
  result: RoundResult;
}

/**
 * Re-simulate a log one round at a time, checking the initial hash, every round's hash and the
 * chain; throws LogError at the first mismatch. A generator, so a viewer can show progress and
 * yield to the page between rounds. The first value is the start state (no result): round 0, or
 * for a fork the round it was forked at. Rounds are absolute, as the log's `round` fields are.
 */
export function* replaySteps(
  log: MatchLog,
): Generator<ReplayStep | { round: number; state: MatchState }> {
  if (logRules(log) !== RULES_VERSION) throw new RulesVersionError(logRules(log));
  const options: MatchOptions = {
    seed: log.seed,
    towns: log.config.towns,
    diplomacy: log.config.diplomacy,
  };
  let state = createMatch(log.scenarioId, options);
  const fork = log.forkedFrom;
  if (hashState(state) !== (fork ? fork.parentInitialHash : log.initialHash))
    throw new LogError('initial state hash differs (round 0)', 0);
  if (fork) {
    // The parent's rounds up to the fork rebuild the state this match started from.
    for (const [i, step] of fork.prefix.entries()) {
      const result = resolveStep(state, { plans: step.plans, cards: step.cards }, i + 1);
      if (result.hash !== step.hash) {
        throw new LogError(`fork origin: parent round ${i + 1} state hash differs`, 0);
      }
      state = result.state;
    }
    if (hashState(state) !== fork.parentHash || hashState(state) !== log.initialHash) {
      throw new LogError('fork origin: the state at the fork point differs (round 0)', 0);
    }
  }
  yield { round: state.round, state };
  let chain = chainStart(log);
  for (const entry of log.rounds) {
    const inputs: RoundInputs = { plans: entry.plans, cards: entry.cards };
    const result = resolveStep(state, inputs, entry.round);
    if (result.hash !== entry.hash) {
      throw new LogError(
        `round ${entry.round}: state hash differs (log ${entry.hash}, replay ${result.hash})`,
        entry.round,
      );
    }
    chain = chainLink(chain, roundContent(log, inputs, entry), result.hash);
    if (chain !== entry.chain)
      throw new LogError(`round ${entry.round}: hash chain broken`, entry.round);
    state = result.state;
    yield { round: entry.round, state, result };
  }
  if (log.end && log.end.chain !== chain) {
    throw new LogError('the end marker does not match the last round', log.rounds.length);
  }
  if (
    log.end &&
    log.version >= 3 &&
    log.end.seal !== endSeal(chain, log.end.rounds, log.end.notes!)
  ) {
    throw new LogError(
      'the end marker does not match its closing notes (hash chain broken)',
      log.rounds.length,
    );
  }
}

/**
 * Re-simulate a log, checking the initial hash, every round's hash and the chain. Calls onRound
 * after each verified round (for CSV export and progress). Throws LogError at the first mismatch.
 */
export function replayLog(log: MatchLog, onRound?: (step: ReplayStep) => void): MatchState {
  let last: MatchState | null = null;
  for (const step of replaySteps(log)) {
    last = step.state;
    if ('result' in step) onRound?.(step);
  }
  return last!;
}

function resolveStep(state: MatchState, inputs: RoundInputs, round: number): RoundResult {
  try {
    return resolveRound(state, inputs);
  } catch (error) {
    throw new LogError(`round ${round}: inputs rejected: ${(error as Error).message}`, round);
  }
}

/** The first and last round a log covers: its start (0, or a fork's round) and its last round. */
export function logRoundSpan(log: Pick<MatchLog, 'forkedFrom' | 'rounds'>): {
  first: number;
  last: number;
} {
  const first = log.forkedFrom?.round ?? 0;
  return { first, last: first + log.rounds.length };
}

/**
 * Start the log of a match that continues another from one of its rounds ("what if Foshan had not
 * cracked down in 2007?"): the parent's inputs up to the fork are kept, and the new chain starts
 * from the parent's link at that round. `round` is absolute, as the parent's `round` fields and
 * the viewer number it: a forked parent can be forked again at its own start or any round it
 * played. Rounds before a parent's own fork point are not in its chain: fork the log it came from.
 */
export function forkLog(parent: MatchLog, round: number, stateAtFork: MatchState): MatchLog {
  checkForkRound(parent, round);
  const { first } = logRoundSpan(parent);
  const parentPrefix = parent.forkedFrom?.prefix ?? [];
  const own = parent.rounds
    .slice(0, round - first)
    .map((r) => ({ plans: r.plans, cards: r.cards, hash: r.hash }));
  const parentChain = round > first ? parent.rounds[round - first - 1].chain : chainStart(parent);
  const log = startLog(stateAtFork);
  log.seed = parent.seed;
  log.config = { ...parent.config };
  log.towns = parent.towns.map((t) => ({ ...t, player: 'computer' }));
  log.forkedFrom = {
    round,
    parentInitialHash: parent.forkedFrom?.parentInitialHash ?? parent.initialHash,
    parentChain,
    parentHash: hashState(stateAtFork),
    prefix: [...parentPrefix, ...own],
  };
  return log;
}

/** Throws a LogError saying why a log cannot be forked at this (absolute) round. */
export function checkForkRound(parent: MatchLog, round: number): void {
  const { first, last } = logRoundSpan(parent);
  if (!Number.isInteger(round) || round < 0 || round > last) {
    throw new LogError(`cannot fork at round ${round}: the log ends at round ${last}`);
  }
  if (round < first) {
    throw new LogError(
      `cannot fork at round ${round}: this log continues another match from its round ${first} ` +
        `and starts there; fork the log of the match it was forked from ` +
        `(initial hash ${parent.forkedFrom!.parentInitialHash}) to go back before round ${first}`,
    );
  }
}
