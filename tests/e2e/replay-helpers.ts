/**
 * What the replay e2e tests share: Node's own hashes of a log, and waiting on the viewer's test
 * handle (window.__replay).
 */
import type { Page } from 'playwright-core';
import { hashState, replaySteps, type MatchLog } from '../../shared/index';

export const SHOTS = 'test-results/screenshots';

/** Node's own verified hashes, round 0 first. */
export function nodeHashes(log: MatchLog): string[] {
  const out: string[] = [];
  for (const step of replaySteps(log)) {
    out.push('result' in step ? step.result.hash : hashState(step.state));
  }
  return out;
}

export async function waitStatus(page: Page, status: 'ready' | 'error'): Promise<void> {
  await page.waitForFunction((s) => window.__replay?.status === s, status, { timeout: 30_000 });
}

export const replayOf = (page: Page) => page.evaluate(() => ({ ...window.__replay! }));
