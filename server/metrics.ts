/**
 * Server-side figures for the load benchmark (npm run bench:server): how long each round's
 * resolution took. Exposed at GET /metrics only when CLUSTER_TOWNS_METRICS=1.
 */
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
} {
  const memory = process.memoryUsage();
  return {
    resolveMs: [...resolveMs],
    publishMs: [...publishMs],
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
  };
}
