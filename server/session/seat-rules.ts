/**
 * Seats of a session: who plays which town with which portfolios (issue 3, role-play teams). A
 * seat outlives its connection; the room proves who holds it (seat token, instructor key) and
 * the machine decides what joining, moving, removing and handing out roles do.
 */
import { CLOSE_CODE, JOIN_ERROR } from '../../shared/protocol/messages';
import { PORTFOLIOS, type Portfolio } from '../../shared/protocol/roles';
import { persist, refuse, type Ctx } from './context';
import type { Command, SeatData } from './types';

type Seatlike = Pick<SeatData, 'removed' | 'townId' | 'order' | 'portfolios' | 'rolesAssigned'>;

export function membersOf<T extends Seatlike>(seats: Iterable<T>, townId: string): T[] {
  return [...seats]
    .filter((s) => !s.removed && s.townId === townId)
    .sort((a, b) => a.order - b.order);
}

/**
 * Hand out portfolios in a town: those the instructor assigned stay; the rest go round-robin to
 * the other members in join order, the mayor's first, so a lone student holds them all.
 */
export function distributePortfolios(members: Seatlike[]): void {
  const held = new Set(members.filter((m) => m.rolesAssigned).flatMap((m) => m.portfolios));
  const auto = members.filter((m) => !m.rolesAssigned);
  for (const m of auto) m.portfolios = [];
  const free = PORTFOLIOS.filter((p) => !held.has(p));
  // Every portfolio stays in someone's hands (a town without a mayor could never submit): the
  // free ones go to members without assigned roles, or, if all have them, to all in join order.
  const takers = auto.length > 0 ? auto : members;
  if (takers.length === 0) return;
  free.forEach((p: Portfolio, i) => takers[i % takers.length].portfolios.push(p));
}

/** The town with the fewest members that still has room, preferring the scenario's order. */
export function townWithRoom(
  townIds: readonly string[],
  seats: Iterable<Seatlike>,
  teamSize: number,
): string | null {
  const list = [...seats];
  let best: string | null = null;
  let bestCount = Infinity;
  for (const id of townIds) {
    const count = membersOf(list, id).length;
    if (count < teamSize && count < bestCount) {
      best = id;
      bestCount = count;
    }
  }
  return best;
}

export function humanTownIds(ctx: Ctx): string[] {
  const seats = Object.values(ctx.s.seats);
  return ctx.match.towns.map((t) => t.id).filter((id) => membersOf(seats, id).length > 0);
}

/** Re-deal a town's portfolios and tell every member whose hand changed. */
export function redistribute(ctx: Ctx, townId: string): void {
  const members = membersOf(Object.values(ctx.s.seats), townId);
  const before = new Map(members.map((m) => [m.playerId, m.portfolios.join(',')]));
  distributePortfolios(members);
  for (const m of members) {
    if (before.get(m.playerId) !== m.portfolios.join(',')) {
      ctx.effects.push({ type: 'seatChanged', playerId: m.playerId, from: m.townId });
    }
  }
}

export function join(ctx: Ctx, cmd: Extract<Command, { type: 'join' }>): void {
  const s = ctx.s;
  const seats = Object.values(s.seats);
  const no = (code: number, reason: string): void => {
    ctx.refused = true;
    ctx.effects.push({ type: 'joinRefused', code, reason });
  };
  if (s.phase === 'ended') return no(JOIN_ERROR.ended, 'this session has ended');
  if (s.locked) return no(JOIN_ERROR.locked, 'the session is locked: ask your instructor');
  if (s.config.mode === 'solo' && seats.some((x) => !x.removed)) {
    return no(JOIN_ERROR.full, 'this is someone else’s solo game');
  }
  const name = cmd.name;
  if (seats.some((x) => !x.removed && x.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
    return no(JOIN_ERROR.nameTaken, `the name "${name}" is taken in this session`);
  }
  if (s.seats[cmd.playerId]) return no(JOIN_ERROR.invalid, 'this player already has a seat');
  const townIds = ctx.match.towns.map((t) => t.id);
  let townId: string | null;
  if (cmd.townId !== undefined) {
    if (!townIds.includes(cmd.townId)) return no(JOIN_ERROR.invalid, 'unknown town');
    if (membersOf(seats, cmd.townId).length >= s.config.teamSize) {
      return no(JOIN_ERROR.full, 'that town’s team is full');
    }
    townId = cmd.townId;
  } else {
    // A campaign chapter is played from its historical town (Shenzhen, Wenzhou, Foshan…).
    const campaignTown = s.config.mode === 'solo' ? soloTown(ctx) : null;
    townId =
      campaignTown && townIds.includes(campaignTown)
        ? campaignTown
        : townWithRoom(townIds, seats, s.config.teamSize);
  }
  if (!townId) return no(JOIN_ERROR.full, 'the session is full');
  s.seats[cmd.playerId] = {
    playerId: cmd.playerId,
    name,
    townId,
    portfolios: [],
    rolesAssigned: false,
    seatTokenHash: cmd.seatTokenHash,
    removed: false,
    order: s.nextSeatOrder++,
    connected: false,
  };
  redistribute(ctx, townId);
  persist(ctx, 'durable');
}

/** Set by the room when it creates a campaign session (the chapter's historical town). */
function soloTown(ctx: Ctx): string | null {
  return ctx.s.soloTown;
}

/** Move a seat to another town (the student chose, or the instructor moved them). */
export function moveSeat(ctx: Ctx, seat: SeatData, townId: string): void {
  const from = seat.townId;
  seat.townId = townId;
  seat.rolesAssigned = false;
  redistribute(ctx, townId);
  if (from && from !== townId) redistribute(ctx, from);
  ctx.effects.push({ type: 'seatChanged', playerId: seat.playerId, from });
  persist(ctx, 'durable');
}

export function removeSeat(ctx: Ctx, seat: SeatData): void {
  seat.removed = true;
  const from = seat.townId;
  if (from) redistribute(ctx, from);
  ctx.effects.push({
    type: 'kick',
    playerId: seat.playerId,
    code: CLOSE_CODE.removed,
    reason: 'removed by the instructor',
  });
  persist(ctx, 'durable');
}

export function assignRoles(ctx: Ctx, seat: SeatData, portfolios: Portfolio[]): void {
  if (!seat.townId) return;
  // Taking a portfolio from a teammate: it leaves their hands.
  for (const other of membersOf(Object.values(ctx.s.seats), seat.townId)) {
    if (other.playerId !== seat.playerId) {
      const kept = other.portfolios.filter((p) => !portfolios.includes(p));
      if (kept.length !== other.portfolios.length) {
        other.portfolios = kept;
        ctx.effects.push({ type: 'seatChanged', playerId: other.playerId, from: other.townId });
      }
    }
  }
  seat.portfolios = [...portfolios];
  seat.rolesAssigned = true;
  ctx.effects.push({ type: 'seatChanged', playerId: seat.playerId, from: seat.townId });
  redistribute(ctx, seat.townId);
  persist(ctx, 'durable');
}

/** A connection opened or closed (the instructor's when `playerId` is null). Not durable. */
export function connection(ctx: Ctx, playerId: string | null, connected: boolean): void {
  const s = ctx.s;
  if (playerId === null) {
    s.instructorConnections = Math.max(0, s.instructorConnections + (connected ? 1 : -1));
    return;
  }
  const seat = s.seats[playerId];
  if (!seat) return refuse(ctx, 'notFound', 'connect', 'no such seat');
  seat.connected = connected;
}
