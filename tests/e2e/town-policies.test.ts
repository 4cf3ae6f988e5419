/**
 * Every policy visible in the town, in real Chromium: a town that ordered every building and
 * programme a plan can (client/policy-match.ts) shows each of them — under construction or
 * working — and the scene's own counts (window.__clusterTowns.town.kinds) say so; upgraded
 * plants are marked; patents and skills have markers; the legend names what is shown; and the
 * sky moves visibly with 5 points of air pollution. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import type { TownSceneState } from '../../client/scenes/debug-state';
import { chromiumAvailable, launchChromium, startClient } from './browser';

const SHOTS = 'test-results/screenshots';
const POLICY_TOWN = 'scenario=foshan-2007&seed=1&rounds=4&town=foshan&policies=all';

describe.skipIf(!chromiumAvailable() && !process.env.CI)('every policy visible in the town', () => {
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
    await page.waitForFunction(() => window.__clusterTowns?.town?.ready === true, undefined, {
      timeout: 30_000,
    });
    // the canvas redraws on the next animation frame: wait for two of them before a screenshot
    await page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
    );
    return { page, errors };
  }

  const townState = (page: Page) =>
    page.evaluate(() => window.__clusterTowns?.town as TownSceneState);

  it('a town that ordered everything shows each building at its stage, with a legend', async () => {
    const { page, errors } = await open(POLICY_TOWN);
    const after = await townState(page);
    // under construction this round: a port, a park, a wastewater plant and housing
    expect(after.kinds.construction).toBe(4);
    // working: what was ordered in the first round, and the programmes funded every round
    for (const kind of [
      'innovation',
      'vocational',
      'university',
      'market',
      'park',
      'port',
      'wastewater',
      'substation',
      'housing',
    ])
      expect(after.kinds[kind], kind).toBeGreaterThanOrEqual(1);
    expect(after.kinds.inspection).toBe(2);
    // patents and skills have markers; upgraded plants wear a badge
    expect(after.kinds.patent).toBeGreaterThanOrEqual(1);
    expect(after.kinds.skills).toBe(1);
    expect(after.upgraded).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/policies-town.png` });
    // the legend lists the same kinds, with their counts
    await page.getByText('Legend', { exact: true }).click();
    const listed = await page
      .locator('.ct-scene-legend li')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind));
    for (const kind of ['construction', 'innovation', 'vocational', 'university', 'inspection'])
      expect(listed).toContain(kind);
    expect(listed).toContain('sky');
    await page.screenshot({ path: `${SHOTS}/policies-legend.png` });
    // a construction site says what it will become, in the tooltip
    await page.getByRole('button', { name: 'Before' }).click();
    await page.waitForFunction(() => window.__clusterTowns?.town?.view === 'before');
    const before = await townState(page);
    await page.screenshot({ path: `${SHOTS}/policies-town-before.png` });
    // the round's orders were not there before; the programmes were already funded
    expect(before.kinds.construction).toBe(0);
    expect(before.kinds.vocational).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('a town that ordered nothing has none of these buildings', async () => {
    const { page, errors } = await open('scenario=foshan-2007&seed=1&rounds=1&town=foshan');
    const s = await townState(page);
    for (const kind of ['vocational', 'university', 'inspection', 'construction'])
      expect(s.kinds[kind] ?? 0, kind).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('the tooltip of a construction site names the work and the years left', async () => {
    const { page } = await open(POLICY_TOWN);
    const point = await page.evaluate(() => window.__clusterTownsGame?.pointOf('construction'));
    expect(point).toBeTruthy();
    if (!point) return;
    await page.mouse.move(point.x, point.y);
    const tip = page.locator('.ct-scene-tooltip');
    await tip.waitFor({ state: 'visible' });
    const text = (await tip.textContent()) ?? '';
    expect(text).toContain('Construction site');
    expect(text).toMatch(/year left|years left/);
    await page.screenshot({ path: `${SHOTS}/policies-tooltip.png` });
    await page.close();
  }, 60_000);

  it('5 points of air pollution change the sky visibly, smoothly', async () => {
    const shots: { air: number; sky: string; tint: number }[] = [];
    for (const air of [39, 44, 49]) {
      const { page } = await open(`scenario=foshan-2007&seed=1&rounds=2&town=foshan&air=${air}`);
      const s = await townState(page);
      shots.push({ air: s.air, sky: s.sky, tint: s.skyTint });
      await page.screenshot({ path: `${SHOTS}/sky-air-${air}.png` });
      await page.close();
    }
    const blue = (hex: string) => parseInt(hex.slice(5, 7), 16);
    expect(shots.map((s) => s.air)).toEqual([39, 44, 49]);
    // each 5-point step moves the sky's blue by several levels, the same amount each time
    const d1 = blue(shots[0].sky) - blue(shots[1].sky);
    const d2 = blue(shots[1].sky) - blue(shots[2].sky);
    expect(d1).toBeGreaterThanOrEqual(6);
    expect(Math.abs(d1 - d2)).toBeLessThanOrEqual(1);
  }, 60_000);
});
