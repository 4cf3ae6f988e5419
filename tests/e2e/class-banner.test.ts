/**
 * Class state a student cannot miss (issue 14), in Chromium: the instructor pauses (a banner
 * says so, and goes when the class resumes), announces (a banner until dismissed; the news keeps
 * it, with "Instructor" in the student's language, and a reload does not bring it back), and
 * the last 30 seconds of planning count down in a banner.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

describe.skipIf(!chromiumAvailable() && !process.env.CI)('class banners', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const teachers: Joined[] = [];

  /** A started class with one student in Chromium (a phone when `phone`). */
  async function classWithStudent(planningSeconds: number, phone = false) {
    const session = await createSession(stack.game.url, {
      scenarioId: 'open-door-1980',
      towns: 2,
      rounds: 3,
      seed: 3,
      planningSeconds,
      briefingSeconds: 0,
      resultsSeconds: 600,
    });
    const teacher = await joinInstructor(stack.game.url, session);
    teachers.push(teacher);
    const context = await browser.newContext(
      phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {},
    );
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${stack.url}?test=1`);
    await page.fill('#join-code', session.code);
    await page.fill('#join-name', 'Lin');
    await page.click('#door-join button[type=submit]');
    await waitFor(() => stateOf(teacher).players.size === 1, 'the student joined');
    teacher.room.send('instructor:start', {});
    await page.waitForFunction(() => window.__session?.phase === 'planning');
    return { teacher, page };
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const t of teachers) await t.room.leave();
    for (const c of contexts) await c.close();
    await browser?.close();
    await stack?.stop();
  });

  it('a pause and an announcement each get a banner; a dismissed one stays in the news', async () => {
    const { teacher, page } = await classWithStudent(600, true);
    await expectHidden(page, '.cb-pause');

    teacher.room.send('instructor:pause', {});
    await page.waitForSelector('.cb-pause:not([hidden])');
    expect(await page.textContent('.cb-pause')).toMatch(/Paused by the instructor/);
    expect(await page.getAttribute('.cb-pause', 'aria-live')).toBe('polite');
    await page.screenshot({ path: `${SHOTS}/banner-paused-phone.png` });
    teacher.room.send('instructor:resume', {});
    await page.waitForSelector('.cb-pause', { state: 'hidden' });

    teacher.room.send('instructor:announce', { text: 'Read the briefing on Zhuhai' });
    await page.waitForSelector('.cb-announce:not([hidden])');
    expect(await page.textContent('.cb-announce .cb-text')).toContain(
      'Read the briefing on Zhuhai',
    );
    await page.screenshot({ path: `${SHOTS}/banner-announcement-phone.png` });
    await page.click('.cb-dismiss');
    await page.waitForSelector('.cb-announce', { state: 'hidden' });
    expect(await page.textContent('.play-news')).toContain(
      'Instructor: Read the briefing on Zhuhai',
    );

    await page.reload();
    await page.waitForFunction(() => window.__session?.phase === 'planning');
    await page.waitForSelector('.play-news li');
    await expectHidden(page, '.cb-announce');
  });

  it('the last 30 seconds of planning count down', async () => {
    const { page } = await classWithStudent(25);
    await page.waitForSelector('.cb-clock:not([hidden])');
    expect(await page.textContent('.cb-clock')).toMatch(/\d+ seconds? of planning left/);
    await page.screenshot({ path: `${SHOTS}/banner-last-seconds.png` });
  });
});

async function expectHidden(page: Page, selector: string): Promise<void> {
  expect(await page.isHidden(selector)).toBe(true);
}
