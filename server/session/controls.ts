/**
 * The instructor's controls. Each is an ordinary logged command (STYLE.md point 7). Invariants:
 *
 * - `advanceHoldsContext`: "advance now" names the phase and round it was confirmed for, and
 *   does nothing (with an error naming where the session is) once they no longer hold; a
 *   confirmation opened in the last second of briefing once resolved the planning that had just
 *   begun with last round's policies;
 * - `timersMeanTheirLabel`: "+60 s" extends a running timer; in a phase without a timer it starts
 *   a deadline only when the instructor confirmed that (`startDeadline`).
 */
import { findEvent } from '../../shared/index';
import { cardAlreadyScheduled } from '../../shared/engine/events';
import type { InstructorMessageType, Phase } from '../../shared/protocol/messages';
import { addNote, persist, refuse, running, type Ctx } from './context';
import { allHumansSubmitted, beginRound, endMatch, resolve, timeUp } from './phases';
import { assignRoles, moveSeat, removeSeat } from './seat-rules';
import type { InstructorCommand } from './types';

const PREFIX = 'instructor:';

/** The log's line for a control (docs/match-log.md, `control` notes), or null if it has none. */
function controlNote(ctx: Ctx, cmd: InstructorCommand): string | null {
  const nameOf = (id: string): string => ctx.s.seats[id]?.name ?? id;
  switch (cmd.action) {
    case 'fireEvent':
    case 'announce':
      return null;
    case 'extend':
      return `extend ${cmd.payload.seconds}`;
    case 'setDiplomacy':
    case 'setCaretaker':
      return `${cmd.action} ${cmd.payload.enabled ? 'on' : 'off'}`;
    case 'lock':
      return `lock ${cmd.payload.locked ? 'on' : 'off'}`;
    case 'moveStudent':
      return `moveStudent ${nameOf(cmd.payload.playerId)} ${cmd.payload.townId}`;
    case 'removeStudent':
      return `removeStudent ${nameOf(cmd.payload.playerId)}`;
    case 'assignRoles':
      return `assignRoles ${nameOf(cmd.payload.playerId)} ${cmd.payload.portfolios.join(',')}`;
    default:
      return cmd.action;
  }
}

function pause(ctx: Ctx): void {
  const s = ctx.s;
  // A timer that has a moment left keeps at least 1 ms, so it ends as soon as play resumes; a
  // phase without a timer stays without one.
  s.remainingMs = s.deadline > 0 ? Math.max(1, s.deadline - ctx.now) : 0;
  s.deadline = 0;
  s.paused = true;
}

function resume(ctx: Ctx): void {
  const s = ctx.s;
  s.paused = false;
  if (s.remainingMs > 0) s.deadline = ctx.now + s.remainingMs;
  s.remainingMs = 0;
}

function extend(ctx: Ctx, seconds: number, startDeadline: boolean, type: string): boolean {
  const s = ctx.s;
  if (!running(s.phase)) {
    refuse(ctx, 'wrongPhase', type, 'there is no running phase to extend');
    return false;
  }
  if (s.paused && s.remainingMs > 0) s.remainingMs += seconds * 1000;
  else if (!s.paused && s.deadline > 0) s.deadline += seconds * 1000;
  else if (!startDeadline) {
    refuse(
      ctx,
      'wrongPhase',
      type,
      `this phase has no timer: confirm to start a deadline of ${seconds} s`,
    );
    return false;
  } else if (s.paused) s.remainingMs = seconds * 1000;
  else s.deadline = ctx.now + seconds * 1000;
  s.overtime = false;
  return true;
}

export function instructorCommand(ctx: Ctx, cmd: InstructorCommand): void {
  const s = ctx.s;
  const type = PREFIX + cmd.action;
  const phase: Phase = s.phase;
  const wrongPhase = (reason: string): void => refuse(ctx, 'wrongPhase', type, reason);
  const notFound = (reason: string): void => refuse(ctx, 'notFound', type, reason);
  // The control's line goes into the round it acted on (an advance resolves the round it names,
  // so its note belongs there); a refused control leaves no line (machine.ts drops it).
  const note = controlNote(ctx, cmd);
  if (note) addNote(ctx, { kind: 'control', author: 'instructor', text: note });
  switch (cmd.action) {
    case 'start':
      if (phase !== 'waiting') return wrongPhase('the match has already started');
      beginRound(ctx);
      break;
    case 'pause':
      if (s.paused || !running(phase)) return wrongPhase('nothing to pause');
      pause(ctx);
      break;
    case 'resume':
      if (!s.paused) return wrongPhase('the session is not paused');
      resume(ctx);
      break;
    case 'extend':
      if (!extend(ctx, cmd.payload.seconds, cmd.payload.startDeadline === true, type)) return;
      break;
    case 'advance': {
      const asked = cmd.payload;
      if (asked.phase !== phase || asked.round !== s.round) {
        return wrongPhase(
          `The session moved on to ${phase} of round ${s.round} since you asked to end ` +
            `${asked.phase} of round ${asked.round}: nothing was done`,
        );
      }
      timeUp(ctx, true);
      break;
    }
    case 'fireEvent': {
      if (phase === 'ended') return wrongPhase('the match has ended');
      const eventId = cmd.payload.eventId;
      if (s.pendingCards.includes(eventId)) {
        return wrongPhase('that card is already queued for this round');
      }
      if (ctx.match.appliedEvents.includes(eventId)) {
        return wrongPhase('that event has already happened in this match');
      }
      if (cardAlreadyScheduled(ctx.match, eventId)) {
        return wrongPhase('that event is already on the timeline for this round: it will happen');
      }
      s.pendingCards.push(eventId);
      addNote(
        ctx,
        { kind: 'eventCard', author: 'instructor', text: eventId },
        { text: findEvent(eventId)?.title ?? eventId, eventId },
      );
      break;
    }
    case 'announce':
      // After the end an announcement would change the sealed end of the log.
      if (phase === 'ended') return wrongPhase('the match has ended');
      addNote(ctx, { kind: 'announcement', author: 'instructor', text: cmd.payload.text });
      ctx.effects.push({ type: 'announcement', text: cmd.payload.text });
      break;
    case 'moveStudent': {
      const seat = s.seats[cmd.payload.playerId];
      if (!seat || seat.removed) return notFound('no such student');
      if (!ctx.match.towns.some((t) => t.id === cmd.payload.townId)) {
        return notFound('unknown town');
      }
      moveSeat(ctx, seat, cmd.payload.townId);
      break;
    }
    case 'removeStudent': {
      const seat = s.seats[cmd.payload.playerId];
      if (!seat || seat.removed) return notFound('no such student');
      removeSeat(ctx, seat);
      break;
    }
    case 'assignRoles': {
      const seat = s.seats[cmd.payload.playerId];
      if (!seat || seat.removed || !seat.townId) return notFound('no such student');
      assignRoles(ctx, seat, cmd.payload.portfolios);
      break;
    }
    case 'setDiplomacy':
      s.diplomacy = cmd.payload.enabled;
      break;
    case 'setCaretaker':
      s.caretaker = cmd.payload.enabled;
      // A round waiting past its deadline for missing towns resolves once a caretaker plays them.
      if (s.caretaker && s.overtime && phase === 'planning') resolve(ctx);
      break;
    case 'lock':
      s.locked = cmd.payload.locked;
      ctx.effects.push({ type: 'listing' });
      break;
    case 'end':
      if (phase === 'ended') return wrongPhase('the match has already ended');
      endMatch(ctx);
      break;
  }
  ctx.effects.push({ type: 'reply', message: 'ack', payload: { type } });
  persist(ctx, 'durable');
  // The last submission may have come in while the round waited past its deadline.
  if (s.phase === 'planning' && s.overtime && allHumansSubmitted(ctx)) resolve(ctx);
}

export type { InstructorMessageType };
