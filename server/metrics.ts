/**
 * Server-side figures for the load benchmark (npm run bench:server): how long each round's
 * resolution took, how long results took to leave, and how long the event loop was blocked
 * (a message waits that long before its room sees it). Exposed at GET /metrics only when
 * CLUSTER_TOWNS_METRICS=1; the event-loop histogram starts with the first snapshot.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

let loop: IntervalHistogram | null = null;
const resolveMs: number[] = [];
const publishMs: number[] = [];

/** From the submission that completed a round to its results patch leaving the server. */
export function recordPublish(ms: number): void {
  if (publishMs.length < 100_000) publishMs.push(ms);
}

export function recordResolution(ms: number): void {
  if (resolveMs.length < 100_000) resolveMs.push(ms);
}

export function metricsSnapshot(): {
  resolveMs: number[];
  publishMs: number[];
  rssBytes: number;
  heapUsedBytes: number;
  /** CPU time this process has used since it started (user + system). */
  cpuMs: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
} {
  if (!loop) {
    loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
  }
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return {
    cpuMs: (cpu.user + cpu.system) / 1000,
    loopDelayP99Ms: loop.count > 0 ? loop.percentile(99) / 1e6 : 0,
    loopDelayMaxMs: loop.count > 0 ? loop.max / 1e6 : 0,
    resolveMs: [...resolveMs],
    publishMs: [...publishMs],
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
  };
}
