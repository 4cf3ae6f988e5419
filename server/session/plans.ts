/**
 * A town's plan for the round: the team drafts it section by section, the mayor submits it.
 * Invariants (tests/unit/session-*.test.ts):
 *
 * - `submitOnlyInPlanning`: a plan is accepted only while planning; a submit in briefing or
 *   results is refused with `wrongPhase` (an early submit once hung a no-timer round);
 * - `submittedIsPlayed`: the plan that resolves for a town is exactly the one submitted;
 * - `noRepeatSubmit`: a second submit of the same round is an error, not a silent success.
 */
import { validatePlan, WHY_MAX_LENGTH, type PlanError, type TownPlan } from '../../shared/index';
import { canSubmit, editableSections, type PlanSection } from '../../shared/protocol/roles';
import { addNote, persist, refuse, type Ctx } from './context';
import { allHumansSubmitted, freshDraft, resolve, timeUp } from './phases';
import type { SeatData, StudentCommand } from './types';

function draftOf(ctx: Ctx, townId: string): TownPlan {
  return ctx.s.drafts[townId] ?? freshDraft(ctx.match, townId);
}

export function errorsOf(ctx: Ctx, townId: string, plan: TownPlan): PlanError[] {
  const check = validatePlan(ctx.match, townId, plan);
  return check.ok ? [] : check.errors;
}

function editDraft(ctx: Ctx, seat: SeatData, section: PlanSection, value: unknown): void {
  const s = ctx.s;
  const townId = seat.townId!;
  if (s.phase !== 'planning' && s.phase !== 'briefing') {
    return refuse(
      ctx,
      'wrongPhase',
      'draft',
      `plans can only be changed while planning (the session is in "${s.phase}")`,
    );
  }
  if (!editableSections(seat.portfolios).includes(section)) {
    return refuse(ctx, 'forbidden', 'draft', `your portfolio does not include ${section}`, {
      path: section,
    });
  }
  if (section === 'diplomacy' && !s.diplomacy) {
    return refuse(ctx, 'diplomacyOff', 'draft', 'diplomacy is switched off');
  }
  if (townId in s.submissions) {
    return refuse(
      ctx,
      'conflict',
      'draft',
      'the plan is submitted: the mayor must reopen it before it can change',
    );
  }
  const draft = { ...draftOf(ctx, townId), [section]: value } as TownPlan;
  s.drafts[townId] = draft;
  s.draftErrors[townId] = errorsOf(ctx, townId, draft);
  const version = (s.draftVersions[townId] ?? 0) + 1;
  s.draftVersions[townId] = version;
  ctx.effects.push({ type: 'reply', message: 'draftSaved', payload: { section, version } });
  persist(ctx, 'lazy');
}

/** Any member edits the team's one-line reason (issue 15) while its plan is open. */
function editWhy(ctx: Ctx, seat: SeatData, raw: string): void {
  const s = ctx.s;
  const townId = seat.townId!;
  const text = raw.trim();
  if (s.phase !== 'planning' && s.phase !== 'briefing') {
    return refuse(
      ctx,
      'wrongPhase',
      'why',
      `the reason is written while planning (the session is in "${s.phase}")`,
    );
  }
  if (text.length > WHY_MAX_LENGTH) {
    return refuse(
      ctx,
      'invalid',
      'why',
      `the reason is ${text.length} characters long: at most ${WHY_MAX_LENGTH}`,
      { path: 'why' },
    );
  }
  if (townId in s.submissions) {
    return refuse(
      ctx,
      'conflict',
      'why',
      'the plan is submitted: the mayor must reopen it before its reason can change',
    );
  }
  s.whys = { ...s.whys, [townId]: text };
  const version = (s.draftVersions[townId] ?? 0) + 1;
  s.draftVersions[townId] = version;
  ctx.effects.push({ type: 'reply', message: 'draftSaved', payload: { section: 'why', version } });
  persist(ctx, 'lazy');
}

function submit(ctx: Ctx, seat: SeatData, round: number): void {
  const s = ctx.s;
  if (s.phase !== 'planning') {
    return refuse(
      ctx,
      'wrongPhase',
      'submit',
      `plans are submitted while planning (the session is in "${s.phase}")`,
    );
  }
  if (!canSubmit(seat.portfolios)) {
    return refuse(ctx, 'forbidden', 'submit', 'only the mayor submits the plan');
  }
  if (round !== s.round) {
    return refuse(
      ctx,
      'wrongPhase',
      'submit',
      `round ${round} is not the round being planned (${s.round})`,
    );
  }
  const townId = seat.townId!;
  if (townId in s.submissions) {
    return refuse(ctx, 'conflict', 'submit', `the plan for round ${round} is already submitted`);
  }
  const plan = draftOf(ctx, townId);
  const errors = errorsOf(ctx, townId, plan);
  if (errors.length > 0) {
    return refuse(
      ctx,
      'planInvalid',
      'submit',
      errors.map((e) => `${e.path}: ${e.reason}`).join('; '),
      { errors },
    );
  }
  const why = s.whys?.[townId] ?? '';
  s.submissions[townId] = { plan, by: seat.name, at: ctx.now, ...(why ? { why } : {}) };
  ctx.effects.push({ type: 'reply', message: 'submitted', payload: { round, townId } });
  persist(ctx, 'durable');
  if (allHumansSubmitted(ctx)) resolve(ctx);
}

function unsubmit(ctx: Ctx, seat: SeatData, round: number): void {
  const s = ctx.s;
  if (s.phase !== 'planning') {
    return refuse(ctx, 'wrongPhase', 'unsubmit', 'plans can only be reopened while planning');
  }
  if (!canSubmit(seat.portfolios) || round !== s.round) {
    return refuse(ctx, 'forbidden', 'unsubmit', 'only the mayor can reopen this round’s plan');
  }
  if (!(seat.townId! in s.submissions)) {
    return refuse(ctx, 'conflict', 'unsubmit', 'the plan is not submitted');
  }
  delete s.submissions[seat.townId!];
  persist(ctx, 'durable');
}

function statement(ctx: Ctx, seat: SeatData, text: string): void {
  const s = ctx.s;
  // Statements belong to a round of the log: none before the start or after the end.
  if (s.phase === 'waiting' || s.phase === 'ended') {
    return refuse(ctx, 'wrongPhase', 'statement', 'statements are made while the match runs');
  }
  if (!s.diplomacy) return refuse(ctx, 'diplomacyOff', 'statement', 'diplomacy is switched off');
  const town = ctx.match.towns.find((t) => t.id === seat.townId)!;
  addNote(
    ctx,
    { kind: 'statement', author: `${town.name} (${seat.name})`, text },
    { townId: town.id },
  );
  persist(ctx, 'durable');
}

function continueSolo(ctx: Ctx, seat: SeatData, round: number): void {
  const s = ctx.s;
  if (s.config.mode !== 'solo' || !canSubmit(seat.portfolios)) {
    return refuse(ctx, 'forbidden', 'continue', 'only a solo player moves the game on');
  }
  if (s.phase !== 'results' || round !== s.round) {
    return refuse(ctx, 'wrongPhase', 'continue', 'there are no results to move on from');
  }
  timeUp(ctx, true);
}

function chooseTown(ctx: Ctx, seat: SeatData, townId: string, move: (t: string) => void): void {
  const s = ctx.s;
  if (s.phase !== 'waiting') {
    return refuse(ctx, 'wrongPhase', 'chooseTown', 'towns are chosen before the match starts');
  }
  if (!ctx.match.towns.some((t) => t.id === townId)) {
    return refuse(ctx, 'notFound', 'chooseTown', 'unknown town');
  }
  const members = Object.values(s.seats).filter((x) => !x.removed && x.townId === townId);
  if (members.length >= s.config.teamSize) {
    return refuse(ctx, 'conflict', 'chooseTown', 'that town’s team is full');
  }
  move(townId);
}

export function studentCommand(
  ctx: Ctx,
  seat: SeatData,
  message: StudentCommand,
  move: (townId: string) => void,
): void {
  switch (message.type) {
    case 'draft':
      return editDraft(ctx, seat, message.section as PlanSection, message.value);
    case 'submit':
      return submit(ctx, seat, message.round);
    case 'why':
      return editWhy(ctx, seat, message.text);
    case 'unsubmit':
      return unsubmit(ctx, seat, message.round);
    case 'statement':
      return statement(ctx, seat, message.text);
    case 'continue':
      return continueSolo(ctx, seat, message.round);
    case 'chooseTown':
      return chooseTown(ctx, seat, message.townId, move);
  }
}
