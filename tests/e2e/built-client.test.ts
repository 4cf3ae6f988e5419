/**
 * The client as `npm start` ships it (issue 16): built by Vite with the game's own Phaser
 * (client/scenes/phaser-build.js, only the parts the scenes use) and compressed copies of each
 * file, served by the game server. The other end-to-end tests run on the dev server with the
 * whole Phaser; this one checks that the cut-down build draws the town and the region on a phone,
 * and that the files go out compressed and cacheable.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { createGameServer, type GameServer } from '../../server/app';
import { chromiumAvailable, launchChromium } from './browser';
import { createSession, joinInstructor, type Joined } from '../integration/helpers';

const SHOTS = 'test-results/screenshots';

describe.skipIf(!chromiumAvailable() && !process.env.CI)('the built client', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'cluster-towns-built-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'cluster-towns-built-data-'));
  let server: GameServer;
  let base: string;
  let browser: Browser;
  let teacher: Joined;
  let page: Page;
  const pageErrors: string[] = [];
  const scripts: { url: string; encoding: string; cache: string }[] = [];

  beforeAll(async () => {
    await build({
      configFile: 'vite.config.ts',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    server = await createGameServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      clientDir: outDir,
      log: () => undefined,
    });
    base = `http://127.0.0.1:${server.port}`;
    const session = await createSession(base, {
      scenarioId: 'open-door-1980',
      towns: 3,
      rounds: 3,
      seed: 4,
      planningSeconds: 600,
      briefingSeconds: 0,
      resultsSeconds: 600,
    });
    teacher = await joinInstructor(base, session);
    teacher.room.send('instructor:start', {});
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const headers = response.headers();
      scripts.push({
        url: response.url(),
        encoding: headers['content-encoding'] ?? '',
        cache: headers['cache-control'] ?? '',
      });
    });
    await page.goto(`${base}/?join=${session.code}`);
    await page.fill('#join-name', 'Mei');
    await page.click('#door-join button[type=submit]');
  }, 180_000);

  afterAll(async () => {
    await teacher?.room.leave();
    await browser?.close();
    await server?.shutdown();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("draws the student's own town on a phone with the game's own Phaser", async () => {
    await page.waitForFunction(() => window.__clusterTowns?.town?.ready === true, undefined, {
      timeout: 60_000,
    });
    const town = await page.evaluate(() => window.__clusterTowns!.town!);
    expect(town.buildings.active).toBeGreaterThan(0);
    // The canvas fills its frame (no band left by a frame that grew after the game started).
    const sizes = await page.evaluate(() => {
      const canvas = document.querySelector('#play-scene canvas')!.getBoundingClientRect();
      const frame = document.querySelector<HTMLElement>('#play-scene')!;
      // The frame's inside: its box without the border.
      return {
        canvas: [canvas.width, canvas.height],
        frame: [frame.clientWidth, frame.clientHeight],
      };
    });
    expect(Math.abs(sizes.canvas[0] - sizes.frame[0]), JSON.stringify(sizes)).toBeLessThanOrEqual(
      1,
    );
    expect(Math.abs(sizes.canvas[1] - sizes.frame[1]), JSON.stringify(sizes)).toBeLessThanOrEqual(
      1,
    );
    await page.screenshot({ path: `${SHOTS}/built-client-phone-town.png` });
    expect(pageErrors).toEqual([]);
  });

  it('draws the region map (curves, splines) too', async () => {
    await page.getByRole('button', { name: 'Region', exact: true }).click();
    await page.waitForFunction(() => window.__clusterTowns?.region?.ready === true, undefined, {
      timeout: 60_000,
    });
    await page.screenshot({ path: `${SHOTS}/built-client-phone-region.png` });
    expect(pageErrors).toEqual([]);
  });

  it('sends the built files compressed, hashed ones cacheable for a year', async () => {
    const hashed = scripts.filter((s) => s.url.includes('/assets/'));
    expect(hashed.length).toBeGreaterThan(3);
    for (const s of hashed) {
      // Files under 1 KB are not worth a compressed copy (vite.config.ts).
      const compressed = existsSync(join(outDir, 'assets', `${s.url.split('/').pop()}.br`));
      expect(s.encoding, s.url).toBe(compressed ? 'br' : '');
      expect(s.cache, s.url).toContain('immutable');
    }
    expect(hashed.find((s) => s.url.includes('/scenes-'))?.encoding).toBe('br');
    const index = await fetch(`${base}/?join=X`, { headers: { 'accept-encoding': 'gzip' } });
    expect(index.headers.get('cache-control')).toBe('no-cache');
  });
});
