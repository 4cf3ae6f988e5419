/**
 * Playing a class in the browser: two students in separate Chromium contexts join through the
 * start screen and play 3 rounds with the policy panel; one reloads mid-planning and keeps the
 * team's draft. The instructor is a real colyseus.js client in this process.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TownPlan } from '../../shared/index';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';
import {
  createSession,
  joinInstructor,
  stateOf,
  waitFor,
  type Joined,
} from '../integration/helpers';

const SHOTS = 'test-results/screenshots';

interface TownCounts {
  buildings?: { active?: number; closed?: number; emptyLot?: number };
}

async function join(page: Page, code: string, name: string): Promise<void> {
  await page.fill('#join-code', code);
  await page.fill('#join-name', name);
  await page.click('#door-join button[type=submit]');
}

function draftOf(j: Joined, townId: string): TownPlan {
  return JSON.parse(String(stateOf(j).towns.get(townId)!.private!.draft)) as TownPlan;
}

describe.skipIf(!chromiumAvailable() && !process.env.CI)('a class played in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await stack?.stop();
  });

  it('two students play 3 rounds; a reload keeps the draft', async () => {
    const session = await createSession(stack.game.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      rounds: 3,
      seed: 2,
      planningSeconds: 600,
      briefingSeconds: 0,
      resultsSeconds: 2,
    });
    const teacher = await joinInstructor(stack.game.url, session);
    const pages: Page[] = [];
    for (const [name, width, height] of [
      ['Ana', 1440, 900],
      ['Cai', 360, 740],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height } });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${stack.url}?test=1`);
      await join(page, session.code, name);
      pages.push(page);
    }
    const [ana, cai] = pages;
    await waitFor(() => stateOf(teacher).players.size === 2, 'two students');
    const townOf = (name: string) =>
      [...stateOf(teacher).players.values()].find((p) => p.name === name)!.townId;
    const anaTown = townOf('Ana');
    const caiTown = townOf('Cai');
    expect(anaTown).not.toBe(caiTown);
    teacher.room.send('instructor:start', {});

    for (let round = 1; round <= 3; round++) {
      await waitFor(
        () => stateOf(teacher).phase === 'planning' && stateOf(teacher).round === round,
        `round ${round}`,
        20_000,
      );
      await ana.waitForSelector('#pp-submit', { state: 'attached', timeout: 30_000 });
      // Ana sets strict enforcement with the panel; the server holds the team's draft.
      await ana.check('#pp-environment-enforcement-strict');
      await waitFor(() => draftOf(teacher, anaTown).environment.enforcement === 'strict', 'draft');
      if (round === 2) {
        await ana.reload();
        await ana.waitForSelector('#pp-environment-enforcement-strict', { timeout: 30_000 });
        await ana.waitForFunction(
          () =>
            (
              document.querySelector(
                '#pp-environment-enforcement-strict',
              ) as HTMLInputElement | null
            )?.checked === true,
          undefined,
          { timeout: 15_000 },
        );
      }
      for (const page of pages) {
        await page.waitForSelector('#pp-submit', { state: 'attached', timeout: 30_000 });
        await page.locator('#pp-submit').dispatchEvent('click');
      }
      await waitFor(
        () =>
          (stateOf(teacher).round === round &&
            ['results', 'ended'].includes(stateOf(teacher).phase)) ||
          stateOf(teacher).round > round,
        `results of round ${round}`,
        20_000,
      );
    }
    await waitFor(() => stateOf(teacher).phase === 'ended', 'ended', 20_000);
    // The results panel shows the causes; the scene drew the town.
    await ana.waitForSelector('.rp', { timeout: 15_000 });
    const counts = (await ana.evaluate(
      () => (window as unknown as { __clusterTowns?: { town?: TownCounts } }).__clusterTowns?.town,
    )) as TownCounts | undefined;
    expect(counts?.buildings?.active ?? 0).toBeGreaterThan(0);
    const resultsText = (await ana.locator('.rp').textContent()) ?? '';
    expect(resultsText.length).toBeGreaterThan(50);
    // The policy column is gone after the end: the canvas fills the wider frame (no band).
    await ana.waitForFunction(() => {
      const canvas = document.querySelector('#play-scene canvas')?.getBoundingClientRect();
      const frame = document.querySelector<HTMLElement>('#play-scene');
      return !!canvas && !!frame && Math.abs(canvas.width - frame.clientWidth) <= 1;
    });
    await ana.screenshot({ path: `${SHOTS}/play-town.png` });
    await cai.screenshot({ path: `${SHOTS}/play-phone.png` });
    await ana.click('.play-tools button:nth-child(2)');
    await ana.waitForFunction(() => window.__clusterTowns?.region?.ready === true);
    await ana.screenshot({ path: `${SHOTS}/play-region.png` });
    await teacher.room.leave();
  }, 180_000);
});
