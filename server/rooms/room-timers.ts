/**
 * The room's only timers, each a single slot on the room's clock: the wake-up at the session's
 * next deadline (the machine's time comes from the tick it delivers), the coalesced patch, and
 * the idle close. None of them decides anything.
 */
import type { Delayed } from '@colyseus/core';

interface Clock {
  setTimeout(callback: () => void, ms: number): Delayed;
}

/** One pending callback at a time; setting it again replaces the one before. */
export class Slot {
  private pending: Delayed | null = null;

  constructor(private readonly clock: Clock) {}

  set(ms: number, callback: () => void): void {
    this.clear();
    this.pending = this.clock.setTimeout(
      () => {
        this.pending = null;
        callback();
      },
      Math.max(0, ms),
    );
  }

  /** Set only if nothing is pending (a coalesced patch). */
  setOnce(ms: number, callback: () => void): void {
    if (!this.pending) this.set(ms, callback);
  }

  clear(): void {
    this.pending?.clear();
    this.pending = null;
  }
}

/** A dropped student keeps the seat at least this long, and through the planning phase. */
export const RECONNECT_SECONDS = 120;
/** A room nobody has been connected to for this long is closed (its session stays stored). */
export const IDLE_DISPOSE_MS = 2 * 60 * 60 * 1000;
/** Draft edits and connections within this window go out as one patch. */
export const PATCH_COALESCE_MS = 50;

/**
 * An ended class closes this soon after its last client left (or after it was reopened, if
 * nobody comes): long enough for the instructor who looked its code up to join it.
 */
export function endedLingerMs(): number {
  return Number(process.env.CLUSTER_TOWNS_ENDED_LINGER_MS ?? 10_000);
}
