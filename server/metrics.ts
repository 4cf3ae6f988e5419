/**
 * Server-side figures for the load benchmark (npm run bench:server): how long each round's
 * resolution took. Exposed at GET /metrics only when CLUSTER_TOWNS_METRICS=1.
 */
const resolveMs: number[] = [];

export function recordResolution(ms: number): void {
  if (resolveMs.length < 100_000) resolveMs.push(ms);
}

export function metricsSnapshot(): {
  resolveMs: number[];
  rssBytes: number;
  heapUsedBytes: number;
} {
  const memory = process.memoryUsage();
  return { resolveMs: [...resolveMs], rssBytes: memory.rss, heapUsedBytes: memory.heapUsed };
}
