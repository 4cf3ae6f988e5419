/**
 * Who runs which class when several processes share Redis and the store (issue 13). Each live
 * session has a lock in Redis, `ct:lock:<matchId>` = this process's token, with an expiry that
 * a heartbeat renews while the session's room runs here; `ct:owned` lists the sessions that
 * some process runs. A process restores or creates a session's room only after taking its lock
 * (SET NX), so two processes never run the same class. A process that dies stops renewing: once
 * its locks expire, the next scan of a survivor takes them and replays those sessions from the
 * shared command log (kill-to-resume ≈ lock expiry + one scan). A room that closed normally
 * (ended, idle) gives its lock and its `ct:owned` entry back, so it is not adopted.
 *
 * With no REDIS_URL there is no coordinator: one process owns everything, as before.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

const LOCK = (matchId: string) => `ct:lock:${matchId}`;
const OWNED = 'ct:owned';

/** Renew the lock only while it is still ours; release it the same way. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface ClusterOptions {
  redisUrl: string;
  /** How long a lock outlives its last heartbeat (CLUSTER_LOCK_MS, default 10 s). */
  lockMs?: number;
  log: (message: string) => void;
}

export interface AdoptHooks {
  /** Is this session's room still running on this process? */
  isLive(matchId: string): boolean;
  /** Bring an orphaned session back here (replaying its command log). */
  restore(matchId: string): Promise<void>;
  /** Whether the store says the session has finished (nothing to adopt then). */
  finished(matchId: string): Promise<boolean>;
  /**
   * This process lost a session's lock while running it (a pause or a Redis outage longer than
   * the expiry): another process may run it now, so the room here must let its clients go.
   */
  lost(matchId: string): void;
}

export class ClusterCoordinator {
  readonly token = randomBytes(12).toString('hex');
  readonly lockMs: number;
  private readonly redis: Redis;
  /** Sessions whose lock this process holds. */
  private readonly held = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private scanning = false;

  constructor(private readonly options: ClusterOptions) {
    this.lockMs = options.lockMs ?? 10_000;
    this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
    this.redis.on('error', (error: Error) =>
      options.log(`redis (cluster locks): ${error.message}`),
    );
  }

  /** Take a session's lock; false if a live process holds it. */
  async acquire(matchId: string): Promise<boolean> {
    const ok = await this.redis.set(LOCK(matchId), this.token, 'PX', this.lockMs, 'NX');
    if (ok !== 'OK') return (await this.redis.get(LOCK(matchId))) === this.token;
    this.held.add(matchId);
    await this.redis.sadd(OWNED, matchId);
    return true;
  }

  /** Whether some process (this one included) holds the session's lock now. */
  async owned(matchId: string): Promise<boolean> {
    return (await this.redis.exists(LOCK(matchId))) === 1;
  }

  /** Give a session back: its room closed here (ended or idle); nobody should adopt it. */
  async release(matchId: string, { keepOwned = false } = {}): Promise<void> {
    this.held.delete(matchId);
    await this.redis.eval(RELEASE, 1, LOCK(matchId), this.token);
    if (!keepOwned) await this.redis.srem(OWNED, matchId);
  }

  /**
   * Every lockMs/3: renew the locks of the sessions running here, give back those whose room
   * closed, and adopt the sessions whose owner stopped renewing.
   */
  start(hooks: AdoptHooks): void {
    const interval = Math.max(200, Math.floor(this.lockMs / 3));
    this.timer = setInterval(() => {
      if (this.scanning) return;
      this.scanning = true;
      this.beat(hooks)
        .catch((error: unknown) => this.options.log(`cluster heartbeat: ${String(error)}`))
        .finally(() => (this.scanning = false));
    }, interval);
  }

  private async beat(hooks: AdoptHooks): Promise<void> {
    for (const matchId of [...this.held]) {
      if (!hooks.isLive(matchId)) {
        await this.release(matchId);
        continue;
      }
      const renewed = await this.redis.eval(RENEW, 1, LOCK(matchId), this.token, this.lockMs);
      if (renewed !== 1) {
        // Lost (a pause longer than the expiry): another process may run it now. The command
        // log's unique seq refuses our next write, so the class is never run twice; the room
        // here sends its clients away so that they reconnect to whoever runs it.
        this.held.delete(matchId);
        this.options.log(`lost the lock of session ${matchId}: its clients move to its new owner`);
        hooks.lost(matchId);
      }
    }
    for (const matchId of await this.redis.smembers(OWNED)) {
      if (this.held.has(matchId) || (await this.owned(matchId))) continue;
      if (!(await this.acquire(matchId))) continue;
      if (await hooks.finished(matchId)) {
        await this.release(matchId);
        continue;
      }
      try {
        await hooks.restore(matchId);
        this.options.log(`adopted session ${matchId} from a process that stopped`);
      } catch (error) {
        this.options.log(`could not adopt session ${matchId}: ${String(error)}`);
        await this.release(matchId, { keepOwned: true });
      }
    }
  }

  /** Stop the heartbeat (before the rooms close, so closing is not taken for an ending). */
  pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Graceful stop: hand every session over at once (their locks go, `ct:owned` stays). */
  async stop({ handOver }: { handOver: boolean }): Promise<void> {
    this.pause();
    if (handOver) {
      for (const matchId of [...this.held]) await this.release(matchId, { keepOwned: true });
    }
    this.redis.disconnect();
  }
}
