/**
 * Issue 15 in the solo campaign: the player writes a reason with some of the plans, and the end
 * report shows those reasons next to what happened to the town that round. In Chinese, so the
 * report's words are checked in the second language too (the classroom test covers English).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CAMPAIGN } from '../../shared/campaign';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';

const SHOTS = 'test-results/screenshots';
const FIRST = [...CAMPAIGN].sort((a, b) => a.order - b.order)[0];
const REASONS: Record<number, string> = {
  1: '先减税，吸引外资',
  3: 'Build the port before the park',
};

interface PlayHandle {
  phase: string;
  round: number;
}

async function atRound(page: Page, round: number): Promise<void> {
  await page.waitForFunction(
    (r) => {
      const play = (window as unknown as { __play?: PlayHandle }).__play;
      return play?.round === r && play.phase === 'planning';
    },
    round,
    { timeout: 30_000 },
  );
}

describe.skipIf(!chromiumAvailable() && !process.env.CI)('reasons in the campaign', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the end report shows the player’s own reasons next to what happened', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.url}?test=1`);
    await page.click('#solo-open');
    await page.click(`#cg-open-${FIRST.id}`);
    await page.waitForSelector('#cg-start');
    await page.fill('#cg-brief-name', 'Ana');
    await page.click('#cg-start');
    await page.click('#cg-tut-skip', { timeout: 30_000 });
    await page.waitForSelector('#cg-tutorial', { state: 'hidden' });

    for (let round = 1; round <= FIRST.rounds; round++) {
      await atRound(page, round);
      const why = REASONS[round];
      if (why) {
        await page.fill('#pp-why', why);
        // Committed (Enter), then submitted: the server has the line before the plan.
        await page.press('#pp-why', 'Enter');
      }
      await page.locator('#pp-submit').dispatchEvent('click');
      await page.waitForFunction(
        (r) => {
          const play = (window as unknown as { __play?: PlayHandle }).__play;
          return (
            (play?.round === r && play.phase !== 'planning') || document.querySelector('#cg-report')
          );
        },
        round,
        { timeout: 30_000 },
      );
      if (await page.locator('#cg-report').count()) break;
      if (round < FIRST.rounds) await page.click('.play-continue');
    }
    await page.waitForSelector('#cg-report[open] #cg-report-why', { timeout: 30_000 });
    expect(await page.textContent('#cg-report-why h3')).toMatch(/你的理由/);
    const items = page.locator('#cg-report-why li');
    expect(await items.count()).toBe(Object.keys(REASONS).length);
    for (const [round, why] of Object.entries(REASONS)) {
      const item = page.locator(`#cg-report-why li[data-round="${round}"]`);
      expect(await item.locator('q').textContent()).toBe(why);
      expect(await item.textContent()).toMatch(new RegExp(`第 ${round} 轮`));
      // What happened that round: the town's figures after it (and their change after round 1).
      const then = await item.locator('p').textContent();
      expect(then).toMatch(round === '1' ? /^结果：地区生产总值 [^(]+$/ : /^结果：.+\(.+\)/);
    }
    await page.locator('#cg-report-why').scrollIntoViewIfNeeded();
    await page.locator('#cg-report-why').screenshot({ path: `${SHOTS}/why-end-report-zh.png` });
    expect(errors).toEqual([]);
  }, 240_000);
});
