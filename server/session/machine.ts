/**
 * The classroom session machine (issue 11): `step(session, command) → { session, effects,
 * persist }`. Pure: no I/O, no clock, no timers; the same commands give the same session, which
 * is what lets a restart (or another process) rebuild a class from its command log. Rules live
 * in phases.ts (rounds and deadlines), plans.ts (drafts and submissions), controls.ts (the
 * instructor) and seat-rules.ts (teams); this file only dispatches.
 */
import { freeze, produce } from 'immer';
import {
  createMatch,
  replaySteps,
  startLog,
  STRATEGY_IDS,
  type MatchLog,
  type MatchState,
  type StrategyId,
} from '../../shared/index';
import { findCampaignEntry } from '../../shared/campaign/index';
import { findScenario } from '../../shared/index';
import type { SessionConfig } from '../../shared/protocol/messages';
import { refuse, type Ctx } from './context';
import { instructorCommand } from './controls';
import { beginRound, phaseSeconds, tick } from './phases';
import { studentCommand } from './plans';
import { connection, join, moveSeat } from './seat-rules';
import type { Command, Effect, Persistence, Session, StepResult } from './types';

/** Computer strategies for empty seats; in solo play the difficulty picks them. */
function botStrategy(config: SessionConfig, index: number): StrategyId {
  if (config.mode === 'solo' && config.difficulty === 'easy') return 'green';
  if (config.mode === 'solo' && config.difficulty === 'hard') return 'growth';
  return STRATEGY_IDS[index % STRATEGY_IDS.length];
}

/** A new session in the waiting room, from its configuration and its start (or fork) state. */
export function newSession(config: SessionConfig, match: MatchState, log: MatchLog): Session {
  const campaign = config.campaignId ? findCampaignEntry(config.campaignId) : undefined;
  const bots: Record<string, StrategyId> = {};
  if (config.bots) match.towns.forEach((t, i) => (bots[t.id] = botStrategy(config, i)));
  return freeze(
    {
      config,
      totalRounds: config.rounds ?? findScenario(config.scenarioId)?.defaultRounds ?? 10,
      match,
      log,
      phase: 'waiting',
      round: match.round,
      year: match.year,
      deadline: 0,
      remainingMs: 0,
      paused: false,
      overtime: false,
      locked: false,
      diplomacy: config.diplomacy,
      caretaker: config.caretaker,
      instructorConnections: 0,
      seats: {},
      nextSeatOrder: 0,
      drafts: {},
      draftVersions: {},
      draftErrors: {},
      whys: {},
      submissions: {},
      caretakerDrops: {},
      pendingCards: [],
      roundNotes: [],
      news: [],
      bots,
      history: {},
      last: null,
      campaignStates: campaign ? [match] : [],
      campaignDecided: false,
      soloTown: campaign?.playerTown ?? null,
    },
    true,
  );
}

/** A new match for a configuration (not a fork): its start state and empty log. */
export function startingPoint(config: SessionConfig): { match: MatchState; log: MatchLog } {
  const match = createMatch(config.scenarioId, {
    seed: config.seed ?? 1,
    towns: config.towns,
    // The engine always runs with diplomacy on; the session's switch filters plans instead,
    // so the log replays with exactly what the engine saw.
    diplomacy: true,
  });
  return { match, log: startLog(match) };
}

/** The start state of a stored log header (a new match's, or a fork's state at its round). */
export function startOfLog(header: Omit<MatchLog, 'rounds'>): MatchState {
  const first = replaySteps({ ...header, rounds: [] } as MatchLog).next();
  if (first.done) throw new Error('the log has no start state');
  return first.value.state;
}

function apply(ctx: Ctx, command: Command): void {
  const s = ctx.s;
  switch (command.type) {
    case 'join':
      return join(ctx, command);
    case 'connect':
      connection(ctx, command.playerId, true);
      // A solo game starts when its player arrives.
      if (command.playerId && s.config.mode === 'solo' && s.phase === 'waiting') beginRound(ctx);
      return;
    case 'disconnect':
      return connection(ctx, command.playerId, false);
    case 'tick':
      return tick(ctx);
    case 'restored':
      return restored(ctx);
    case 'instructor':
      return instructorCommand(ctx, command);
    case 'student': {
      const seat = s.seats[command.playerId];
      if (!seat || seat.removed || !seat.townId) {
        return refuse(ctx, 'forbidden', command.message.type, 'you have no town in this session');
      }
      return studentCommand(ctx, seat, command.message, (townId) => moveSeat(ctx, seat, townId));
    }
  }
}

/**
 * After a restart every connection is gone, and the phase under way gets its full time again
 * (README: "the round in progress restarts its timer"); nothing submitted is lost.
 */
function restored(ctx: Ctx): void {
  const s = ctx.s;
  s.instructorConnections = 0;
  for (const seat of Object.values(s.seats)) seat.connected = false;
  const seconds = phaseSeconds(ctx, s.phase);
  if (s.paused) s.remainingMs = s.remainingMs > 0 ? Math.max(s.remainingMs, 1) : 0;
  else if (s.deadline > 0 && seconds > 0) s.deadline = ctx.now + seconds * 1000;
  ctx.persist = 'durable';
}

export function step(session: Session, command: Command): StepResult {
  const effects: Effect[] = [];
  let persist: Persistence = 'none';
  let refused = false;
  const next = produce(session, (draft) => {
    const ctx: Ctx = {
      s: draft,
      match: session.match,
      now: command.now,
      effects,
      persist: 'none',
      refused: false,
    };
    apply(ctx, command);
    persist = ctx.persist;
    refused = ctx.refused;
  });
  // A refused command changes nothing: the rules check before they write, and this makes sure.
  if (refused) {
    const replies = effects.filter((e) => e.type === 'error' || e.type === 'joinRefused');
    return { session, effects: replies, persist: 'none' };
  }
  return { session: next, effects, persist };
}

/** Rebuild a session by replaying its command log through the machine. */
export function replay(start: Session, commands: readonly Command[]): Session {
  let session = start;
  for (const command of commands) session = step(session, command).session;
  return session;
}
