/**
 * Cross-engine determinism: the same scenario, seed and bot decisions give identical per-round
 * state hashes in Node (V8 via vitest) and in Chromium running the built client's shared engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { SCENARIOS } from '../../shared';
import { botMatchHashes } from '../../client/bot-match';
import { chromiumAvailable, launchChromium, startClient } from './browser';

describe.skipIf(!chromiumAvailable() && !process.env.CI)('determinism in Chromium', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await startClient());
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: 12 rounds of bots hash the same in Chromium and Node`, async () => {
      const towns = scenario.id === 'open-door-1980' ? 12 : undefined;
      const page = await browser.newPage();
      await page.goto(`${url}?verify=${scenario.id},42,12${towns ? `,${towns}` : ''}`);
      await page.waitForSelector('#hashes', { timeout: 30_000 });
      const inBrowser = await page.evaluate(() => window.clusterTownsHashes ?? []);
      await page.close();
      const inNode = botMatchHashes(scenario.id, 42, 12, towns).hashes;
      expect(inBrowser).toHaveLength(13);
      expect(inBrowser).toEqual(inNode);
    }, 60_000);
  }
});
