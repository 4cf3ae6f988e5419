/**
 * Seats of a classroom session: who plays which town with which portfolios. A seat outlives
 * its connection: the student's browser keeps a seat token that reclaims it after a reload, a
 * dropped connection or a server restart (issue 3, "Reconnection and durability").
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PORTFOLIOS, type Portfolio } from '../../shared/protocol/roles';
import type { SeatRecord } from '../store/match-store';

export interface Seat extends SeatRecord {
  /** Colyseus session of the live connection, or null while disconnected. */
  sessionId: string | null;
}

export function newSecret(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Constant-time comparison of a presented secret with a stored SHA-256 hash. */
export function matchesHash(secret: string, hash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function membersOf(seats: Iterable<Seat>, townId: string): Seat[] {
  return [...seats]
    .filter((s) => !s.removed && s.townId === townId)
    .sort((a, b) => a.order - b.order);
}

/**
 * Hand out portfolios in a town: those the instructor assigned stay; the rest go round-robin to
 * the other members in join order, the mayor's first, so a lone student holds them all.
 */
export function distributePortfolios(members: Seat[]): void {
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
  seats: Iterable<Seat>,
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

export function toRecord(seat: Seat): SeatRecord {
  return {
    playerId: seat.playerId,
    name: seat.name,
    townId: seat.townId,
    portfolios: [...seat.portfolios],
    rolesAssigned: seat.rolesAssigned,
    seatTokenHash: seat.seatTokenHash,
    removed: seat.removed,
    order: seat.order,
  };
}
