/**
 * Token buckets for input hygiene (issue 3): about 20 messages a second per client, with a
 * burst allowance; and a limit on failed join-code guesses per address, so that the 2^30 code
 * space cannot be walked.
 */

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Tokens available now, after refilling for the time elapsed. */
  available(now: number): number {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerSecond);
    return this.tokens;
  }

  take(now: number, cost = 1): boolean {
    if (this.available(now) < cost) return false;
    this.tokens -= cost;
    return true;
  }
}

export const MESSAGE_RATE = { perSecond: 20, burst: 30, strikesBeforeDisconnect: 40 } as const;

/** Per-client message limiter: refuse with an error first, disconnect a persistent abuser. */
export class ClientRateLimiter {
  private readonly bucket: TokenBucket;
  private strikes = 0;

  constructor(now: number) {
    this.bucket = new TokenBucket(MESSAGE_RATE.burst, MESSAGE_RATE.perSecond, now);
  }

  /** 'ok', 'limited' (send an error) or 'abuse' (disconnect). */
  check(now: number): 'ok' | 'limited' | 'abuse' {
    if (this.bucket.take(now)) {
      this.strikes = Math.max(0, this.strikes - 0.05);
      return 'ok';
    }
    this.strikes += 1;
    return this.strikes >= MESSAGE_RATE.strikesBeforeDisconnect ? 'abuse' : 'limited';
  }
}

/** The part of Colyseus's presence the shared counters use (Redis, or the local presence). */
export interface CounterPresence {
  incr(key: string): Promise<number>;
  expire(key: string, seconds: number): unknown;
}

export const GUESS_LIMIT = {
  /** Wrong codes per address per minute before wrong codes are answered 429 (docs: 20 a minute). */
  perMinute: 20,
  /** Wrong codes per address per hour after which every lookup from it is refused. */
  perHour: 200,
} as const;

/**
 * Wrong join codes and keys per address, shared by POST /api/join, the replay and solo routes
 * and the rooms' onAuth (one allowance, as docs/protocol.md says), and across processes when a
 * presence is given (fixed-window counters with expiry in Redis).
 *
 * A correct code is never refused because of wrong guesses from the same address (a class
 * behind one NAT): over 20 wrong codes a minute only wrong codes get 429. So that the 200/429
 * difference is no oracle for walking the code space, an address with 200 wrong codes in an
 * hour is refused every lookup until the hour ends: 2^30 codes at 200 an hour take 600 years.
 *
 * The checks are synchronous (onAuth calls them): they read this process's counts merged with
 * the shared counts last returned by Redis, which trail by one round trip.
 */
export class GuessLimiter {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly presence: CounterPresence | null = null,
    private readonly limits: { perMinute: number; perHour: number } = GUESS_LIMIT,
  ) {}

  private windows(address: string, now: number) {
    const minute = Math.floor(now / 60_000);
    const hour = Math.floor(now / 3_600_000);
    return {
      minuteKey: `ct:guess:m:${minute}:${address}`,
      hourKey: `ct:guess:h:${hour}:${address}`,
      minuteLeft: Math.ceil(((minute + 1) * 60_000 - now) / 1000),
      hourLeft: Math.ceil(((hour + 1) * 3_600_000 - now) / 1000),
    };
  }

  /** Seconds until this address may look a code up again; 0 if it may now (hourly ceiling). */
  blockedFor(address: string, now: number): number {
    const w = this.windows(address, now);
    return (this.counts.get(w.hourKey) ?? 0) >= this.limits.perHour ? w.hourLeft : 0;
  }

  /** Whether this address may try a code now (the hourly ceiling; consumes nothing). */
  allowed(address: string, now: number): boolean {
    return this.blockedFor(address, now) === 0;
  }

  /**
   * Record a wrong code. Returns 0 while the address is within its allowance, else the seconds
   * to send in Retry-After (the caller answers 429 / tooManyGuesses instead of "wrong code").
   */
  wrong(address: string, now: number): number {
    const w = this.windows(address, now);
    if (this.counts.size > 50_000) this.counts.clear();
    const minute = this.bump(w.minuteKey, 60);
    const hour = this.bump(w.hourKey, 3600);
    if (hour >= this.limits.perHour) return w.hourLeft;
    return minute > this.limits.perMinute ? w.minuteLeft : 0;
  }

  /** The old boolean form (rooms): false once the address is over its allowance. */
  fail(address: string, now: number): boolean {
    return this.wrong(address, now) === 0;
  }

  private bump(key: string, seconds: number): number {
    const local = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, local);
    if (this.presence) {
      const presence = this.presence;
      void presence.incr(key).then(
        (shared) => {
          if (shared === 1) void presence.expire(key, seconds + 5);
          this.counts.set(key, Math.max(shared, this.counts.get(key) ?? 0));
        },
        () => undefined,
      );
    }
    return local;
  }
}
