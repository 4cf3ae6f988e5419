/**
 * Back-off between a client's reconnection attempts after its connection dropped; the last
 * value repeats until the limit. The failover benchmark (scripts/bench-failover.ts) reconnects
 * on the same schedule, so its kill-to-resume time is what a student's browser sees.
 */
export const RETRY_MS = [300, 1000, 2000, 4000, 8000] as const;
export const RETRY_LIMIT_MS = 5 * 60_000;
