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

/**
 * Failed join-code guesses per address: 20 in a burst, then one every 3 seconds. A whole class
 * often shares one school address, so the allowance covers a few mistyped codes per student;
 * walking 2^30 codes at 20 a minute still takes decades.
 */
export class GuessLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly burst = 20,
    private readonly perMinute = 20,
  ) {}

  /** Whether this address may try another code now (consumes nothing). */
  allowed(address: string, now: number): boolean {
    const bucket = this.buckets.get(address);
    return !bucket || bucket.available(now) >= 1;
  }

  /** Record a failed guess; returns false once the address is over its limit. */
  fail(address: string, now: number): boolean {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      bucket = new TokenBucket(this.burst, this.perMinute / 60, now);
      this.buckets.set(address, bucket);
    }
    if (this.buckets.size > 50_000) this.buckets.clear();
    return bucket.take(now);
  }
}
