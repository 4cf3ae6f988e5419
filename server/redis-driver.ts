/**
 * @colyseus/redis-driver 0.16.1 with one fix. Its room listing shares one in-flight HGETALL
 * between concurrent queries and forgets it only when it succeeds: a query made while Redis is
 * unreachable leaves the rejected request behind, and every later query of that process fails
 * with the same error for good, even once Redis is back (seen in the outage drill of issue 13:
 * `GET /health` and every join answered 503 ten seconds after Redis returned). Forgetting the
 * shared request when it fails lets the next query ask Redis again. And a `findOne` by room name
 * (joinOrCreate) made during an outage never settled at all; it now fails like the rest.
 */
import type { IRoomCache, SortOptions } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';

/** The driver's private memo of in-flight listing requests (see the file comment). */
interface ListingMemo {
  _concurrentRoomCacheRequest?: unknown;
  _roomCacheRequestByName: Record<string, unknown>;
}

export class ResilientRedisDriver extends RedisDriver {
  private forgetFailedListing(): void {
    const memo = this as unknown as ListingMemo;
    memo._concurrentRoomCacheRequest = undefined;
    memo._roomCacheRequestByName = {};
  }

  override async query(conditions: Partial<IRoomCache>, sortOptions?: SortOptions) {
    try {
      return await super.query(conditions, sortOptions);
    } catch (error) {
      this.forgetFailedListing();
      throw error;
    }
  }

  override findOne(conditions: Partial<IRoomCache>, sortOptions?: SortOptions) {
    const found = super.findOne(conditions, sortOptions);
    // The driver's Query is a thenable whose `then` drops its reject callback (the failure only
    // rejects the promise `then` returns), so awaiting it during an outage would never settle:
    // settle a real promise from both paths, and clear the memo on failure.
    return new Promise<Awaited<typeof found>>((resolve, reject) => {
      const settled: unknown = found.then(resolve, reject);
      Promise.resolve(settled).catch((error: unknown) => {
        this.forgetFailedListing();
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }
}
