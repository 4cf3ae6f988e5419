/**
 * The phase machine of a round: waiting → (briefing →) planning → results → … → ended, with
 * deadlines as data. Invariants (tested in tests/unit/session-*.test.ts):
 *
 * - `deadlinePassedResolves`: a planning phase whose deadline passed resolves (with the
 *   caretaker off it waits, visibly, only for human towns that have not submitted; the last
 *   submission or the instructor resolves it);
 * - `caretakerFits`: every town's plan for the engine validates, so resolution cannot fail on a
 *   plan (shared/engine/round-plans.ts);
 * - `noRoundSkipped`: each resolution plays exactly the round being planned, once.
 */
import { current, isDraft } from 'immer';
import {
  appendRound,
  buildRoundPlans,
  findEvent,
  resolveRound,
  type MatchState,
  type RoundInputs,
  type RoundResult,
  type TownPlan,
} from '../../shared/index';
import { evaluateOutcome, findCampaignEntry } from '../../shared/campaign/index';
import type { Phase } from '../../shared/protocol/messages';
import { persist, pushNews, type Ctx } from './context';
import { humanTownIds } from './seat-rules';

/** The seconds a phase runs for under the session's settings (0: no timer). */
export function phaseSeconds(ctx: Ctx, phase: Phase): number {
  const c = ctx.s.config;
  if (phase === 'briefing') return c.briefingSeconds;
  if (phase === 'planning') return c.planningSeconds;
  if (phase === 'results') return c.resultsSeconds;
  return 0;
}

export function setPhase(ctx: Ctx, phase: Phase): void {
  const s = ctx.s;
  s.phase = phase;
  s.paused = false;
  s.remainingMs = 0;
  s.overtime = false;
  const seconds = phaseSeconds(ctx, phase);
  s.deadline = seconds > 0 ? ctx.now + seconds * 1000 : 0;
  persist(ctx, 'durable');
}

/** A fresh draft: the town's standing policies, nothing one-off. */
export function freshDraft(match: MatchState, townId: string): TownPlan {
  const town = match.towns.find((t) => t.id === townId)!;
  return {
    ...structuredClone(town.plan),
    build: [],
    diplomacy: { proposals: [], responses: [] },
  };
}

export function beginRound(ctx: Ctx): void {
  const s = ctx.s;
  const match = ctx.match;
  s.round = match.round + 1;
  s.year = match.year;
  s.submissions = {};
  s.drafts = {};
  s.draftErrors = {};
  s.whys = {};
  const end = match.year + match.roundYears;
  for (const entry of match.timeline) {
    if (entry.year < match.year || entry.year >= end) continue;
    if (match.appliedEvents.includes(entry.eventId)) continue;
    const event = findEvent(entry.eventId);
    if (!event) continue;
    pushNews(ctx, {
      kind: 'event',
      round: s.round,
      year: entry.year,
      eventId: event.id,
      text: event.title,
      at: ctx.now,
    });
  }
  setPhase(ctx, s.config.briefingSeconds > 0 ? 'briefing' : 'planning');
}

export function allHumansSubmitted(ctx: Ctx): boolean {
  const humans = humanTownIds(ctx);
  return humans.length > 0 && humans.every((id) => id in ctx.s.submissions);
}

/**
 * The phase's time is up, or the instructor advanced (`forced`): move on. Planning resolves
 * when forced, with the caretaker on, when every human town is in, or when no town is human.
 */
export function timeUp(ctx: Ctx, forced: boolean): void {
  const s = ctx.s;
  s.paused = false;
  s.remainingMs = 0;
  switch (s.phase) {
    case 'briefing':
      setPhase(ctx, 'planning');
      return;
    case 'planning':
      if (forced || s.caretaker || allHumansSubmitted(ctx) || humanTownIds(ctx).length === 0) {
        resolve(ctx);
      } else {
        s.deadline = 0;
        s.overtime = true;
        persist(ctx, 'durable');
      }
      return;
    case 'results':
      if (s.match.round >= s.totalRounds || s.campaignDecided) endMatch(ctx);
      else beginRound(ctx);
      return;
    default:
      return;
  }
}

/** The clock: a deadline that passed ends its phase. */
export function tick(ctx: Ctx): void {
  const s = ctx.s;
  if (s.paused || s.deadline <= 0 || ctx.now < s.deadline) return;
  timeUp(ctx, false);
}

function plain<T>(value: T): T {
  return isDraft(value) ? current(value) : value;
}

/** Run the engine once for all towns and log the round: the one place a round is played. */
export function resolve(ctx: Ctx): void {
  const s = ctx.s;
  const before = ctx.match;
  const humans = new Set(humanTownIds(ctx));
  const submissions = plain(s.submissions);
  const { plans, adjustments } = buildRoundPlans(
    before,
    before.towns.map((t) => ({
      townId: t.id,
      submitted: submissions[t.id]?.plan ?? null,
      strategy: humans.has(t.id) ? null : (s.bots[t.id] ?? null),
    })),
    { diplomacy: s.diplomacy },
  );
  let inputs: RoundInputs = { plans, cards: [...s.pendingCards] };
  let result: RoundResult;
  try {
    result = resolveRound(before, inputs);
  } catch (error) {
    // Never the class's problem: every plan validated, so this is an engine fault. Play the
    // round with the engine's own caretakers rather than stall it, and report the fault.
    ctx.effects.push({ type: 'failure', message: `resolution failed: ${String(error)}` });
    inputs = { plans: {}, cards: [] };
    try {
      result = resolveRound(before, inputs);
    } catch (again) {
      ctx.effects.push({ type: 'failure', message: `fallback failed: ${String(again)}` });
      s.deadline = ctx.now + Math.max(60, s.config.planningSeconds) * 1000;
      persist(ctx, 'durable');
      return;
    }
  }
  const log = plain(s.log);
  const next = { ...log, rounds: [...log.rounds] };
  const entry = appendRound(next, before, inputs, result, {
    submissions: Object.entries(submissions).map(([town, sub]) => ({
      town,
      by: sub.by,
      at: sub.at,
      ...(sub.why ? { why: sub.why } : {}),
    })),
    notes: plain(s.roundNotes),
  });
  s.log = next;
  s.roundNotes = [];
  s.pendingCards = [];
  s.submissions = {};
  s.drafts = {};
  s.draftErrors = {};
  s.whys = {};
  s.caretakerDrops = {};
  for (const a of adjustments) if (a.dropped.length > 0) s.caretakerDrops[a.townId] = a.dropped;
  s.match = result.state;
  ctx.match = result.state;
  s.last = { before, result };
  for (const town of result.state.towns) {
    (s.history[town.id] ??= []).push({ ...town.last });
  }
  pushNews(ctx, {
    kind: 'round',
    round: entry.round,
    year: entry.year,
    text: `round ${entry.round} resolved`,
    at: ctx.now,
  });
  const campaign = s.config.campaignId ? findCampaignEntry(s.config.campaignId) : undefined;
  if (campaign) {
    s.campaignStates.push(result.state);
    const outcome = evaluateOutcome(campaign, plain(s.campaignStates), campaign.playerTown);
    s.campaignDecided = outcome.status !== 'playing';
  }
  ctx.effects.push({ type: 'roundResolved', entry });
  // The round on show is the one just played, labelled with the year it was played in.
  s.round = entry.round;
  s.year = entry.year;
  setPhase(ctx, 'results');
}

export function endMatch(ctx: Ctx): void {
  const s = ctx.s;
  setPhase(ctx, 'ended');
  // The last round played stays on show: the header never names a round that was not played.
  s.round = s.match.round;
  s.year = s.log.rounds.at(-1)?.year ?? s.match.year;
  ctx.effects.push({ type: 'ended' }, { type: 'listing' });
}
