/**
 * The Phaser scenes in real Chromium: the preview page plays a match with computer towns and
 * draws a town or the region in test mode (no animation). The scene publishes what it drew on
 * window.__clusterTowns; these tests check that a growing town is busy and lit, that a town that
 * lost half its firms is hollowed out, that pollution greys the sky, and save screenshots to
 * test-results/screenshots/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import type { RegionSceneState, TownSceneState } from '../../client/scenes/debug-state';
import { chromiumAvailable, framesDrawn, launchChromium, startClient } from './browser';

const SHOTS = 'test-results/screenshots';

describe.skipIf(!chromiumAvailable() && !process.env.CI)(
  'town and region scenes in Chromium',
  () => {
    let browser: Browser;
    let server: ViteDevServer;
    let url: string;
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      ({ server, url } = await startClient());
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    async function open(
      query: string,
      viewport = { width: 1280, height: 800 },
    ): Promise<{ page: Page; errors: string[] }> {
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${url}scene-preview.html?${query}&test=1`);
      const key = query.includes('view=region') ? 'region' : 'town';
      await page.waitForFunction(
        (k) => window.__clusterTowns?.[k as 'town' | 'region']?.ready === true,
        key,
        {
          timeout: 30_000,
        },
      );
      // let the renderer draw a couple of frames before reading pixels
      await framesDrawn(page);
      return { page, errors };
    }

    /** Mean saturation (max − min channel) of the rendered view, read back from a screenshot. */
    async function colourfulness(page: Page): Promise<number> {
      const png = (
        await page.screenshot({ clip: { x: 0, y: 60, width: 400, height: 300 } })
      ).toString('base64');
      return page.evaluate(async (data) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d');
        if (!ctx) return 0;
        ctx.drawImage(img, 0, 0);
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        let sum = 0;
        for (let i = 0; i < px.length; i += 4)
          sum += Math.max(px[i], px[i + 1], px[i + 2]) - Math.min(px[i], px[i + 1], px[i + 2]);
        return sum / (px.length / 4);
      }, png);
    }

    const townState = (page: Page) =>
      page.evaluate(() => window.__clusterTowns?.town as TownSceneState);

    it('a growing town is busy and lit, with no closures to speak of', async () => {
      const { page, errors } = await open(
        'scenario=export-crash-2008&seed=1&rounds=8&town=shantou',
      );
      const s = await townState(page);
      expect(s.view).toBe('after');
      expect(s.buildings.active).toBeGreaterThan(40);
      expect(s.buildings.closed + s.buildings.emptyLot).toBeLessThanOrEqual(
        s.buildings.active * 0.05,
      );
      expect(s.lights).toBeGreaterThan(s.buildings.active);
      expect(s.people).toBeGreaterThan(20);
      await page.screenshot({ path: `${SHOTS}/growing-town.png` });
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it('a town that lost half its firms has closed factories and empty lots where they stood', async () => {
      const { page, errors } = await open(
        'scenario=foshan-2007&seed=1&rounds=6&town=foshan&hollow=1',
      );
      const after = await townState(page);
      await page.screenshot({ path: `${SHOTS}/hollowed-town.png` });
      await page.getByRole('button', { name: 'Before' }).click();
      await page.waitForFunction(() => window.__clusterTowns?.town?.view === 'before');
      const before = await townState(page);
      await page.screenshot({ path: `${SHOTS}/hollowed-town-before.png` });
      const previousBuildings = before.buildings.active + before.buildings.closed;
      expect(after.buildings.closed + after.buildings.emptyLot).toBeGreaterThanOrEqual(
        0.4 * previousBuildings,
      );
      expect(after.buildings.active).toBeLessThan(before.buildings.active);
      expect(after.people).toBeLessThan(before.people);
      expect(after.lights).toBeLessThan(before.lights);
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it('a polluted town has a greyer sky than a clean one', async () => {
      const clean = await open('scenario=foshan-2007&seed=1&rounds=2&town=foshan&air=0&water=0');
      const dirty = await open('scenario=foshan-2007&seed=1&rounds=2&town=foshan&air=80&water=80');
      const a = await townState(clean.page);
      const b = await townState(dirty.page);
      expect(b.skyTint).toBeGreaterThan(a.skyTint + 0.5);
      expect(b.riverStain).toBeGreaterThan(a.riverStain);
      // the pixels agree: the whole view is less colourful (greyer) under smog
      expect(await colourfulness(dirty.page)).toBeLessThan(await colourfulness(clean.page));
      await dirty.page.screenshot({ path: `${SHOTS}/polluted-town.png` });
      await clean.page.screenshot({ path: `${SHOTS}/clean-town.png` });
      await clean.page.close();
      await dirty.page.close();
    }, 60_000);

    it('the regional map shows every town, the coast, river and hub, and last round’s flows', async () => {
      const { page, errors } = await open(
        'scenario=foshan-2007&seed=1&rounds=6&view=region&diplomacy=demo',
      );
      const s = await page.evaluate(() => window.__clusterTowns?.region as RegionSceneState);
      expect(s.towns).toBe(5);
      expect(Object.keys(s.colours)).toHaveLength(5);
      expect(new Set(Object.values(s.colours)).size).toBeGreaterThan(1);
      expect(s.coast && s.river && s.hub).toBe(true);
      expect(s.relocations + s.investments).toBeGreaterThan(0);
      expect(s.proposals).toBe(2);
      await page.screenshot({ path: `${SHOTS}/region.png` });
      await page.getByRole('combobox', { name: 'Indicator' }).selectOption('pollution');
      await page.waitForFunction(() => window.__clusterTowns?.region?.indicator === 'pollution');
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it('shows no overlapping labels on the regional map at 390 px and 1920 px', async () => {
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1920, height: 1080 },
      ]) {
        const { page, errors } = await open(
          'scenario=foshan-2007&seed=1&rounds=6&view=region&diplomacy=demo',
          viewport,
        );
        const s = await page.evaluate(() => window.__clusterTowns?.region as RegionSceneState);
        // Measured from the scene's own label boxes (client/scenes/label-layout.ts).
        expect(s.labels).toBeGreaterThanOrEqual(s.towns);
        expect(s.labelOverlaps).toBe(0);
        await page.screenshot({ path: `${SHOTS}/region-labels-${viewport.width}.png` });
        expect(errors).toEqual([]);
        await page.close();
      }
    }, 60_000);

    it('fits a phone (360 px) and a full-HD screen', async () => {
      for (const viewport of [
        { width: 360, height: 740 },
        { width: 1920, height: 1080 },
      ]) {
        const { page, errors } = await open(
          'scenario=foshan-2007&seed=1&rounds=3&town=foshan',
          viewport,
        );
        const size = await page.evaluate(() => {
          const c = document.querySelector('#stage canvas');
          return c ? { w: c.clientWidth, h: c.clientHeight } : null;
        });
        expect(size?.w).toBe(viewport.width);
        expect(size?.h).toBeGreaterThan(viewport.height * 0.7);
        // Departure and arrival labels never overlap (issue 14), measured from the scene.
        const town = await page.evaluate(() => window.__clusterTowns?.town);
        expect(town?.labelOverlaps).toBe(0);
        await page.screenshot({ path: `${SHOTS}/town-${viewport.width}.png` });
        expect(errors).toEqual([]);
        await page.close();
      }
    }, 60_000);
  },
);
