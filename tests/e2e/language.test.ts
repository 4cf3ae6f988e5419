/**
 * Language per person, not per class (issue 14): a Chinese browser in an English class reads
 * Chinese, an English browser in a Chinese class reads English, a browser in neither language
 * follows the class, and a person's own choice (the switch in the play screen's header) wins
 * over everything and is remembered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';
import { createSession, joinInstructor, type Joined } from '../integration/helpers';

const SHOTS = 'test-results/screenshots';

describe.skipIf(!chromiumAvailable() && !process.env.CI)('language per person', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const teachers: Joined[] = [];
  const classes = new Map<'en' | 'zh', string>();

  async function student(locale: string, language: 'en' | 'zh', name: string): Promise<Page> {
    const context = await browser.newContext({ locale });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${stack.url}?test=1`);
    await page.fill('#join-code', classes.get(language)!);
    await page.fill('#join-name', name);
    await page.click('#door-join button[type=submit]');
    await page.waitForFunction(() => window.__session?.phase === 'planning');
    return page;
  }

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    for (const language of ['en', 'zh'] as const) {
      const session = await createSession(stack.game.url, {
        scenarioId: 'foshan-2007',
        towns: 4,
        rounds: 3,
        seed: 9,
        planningSeconds: 600,
        briefingSeconds: 0,
        resultsSeconds: 600,
        language,
      });
      const teacher = await joinInstructor(stack.game.url, session);
      teacher.room.send('instructor:start', {});
      teachers.push(teacher);
      classes.set(language, session.code);
    }
  }, 60_000);
  afterAll(async () => {
    for (const t of teachers) await t.room.leave();
    for (const c of contexts) await c.close();
    await browser?.close();
    await stack?.stop();
  });

  it('a Chinese browser in an English class reads Chinese', async () => {
    const page = await student('zh-CN', 'en', 'Mei');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.textContent('.play-phase')).toMatch(/第|轮/);
    await page.screenshot({ path: `${SHOTS}/language-zh-browser-en-class.png` });
  });

  it('an English browser in a Chinese class reads English', async () => {
    const page = await student('en-GB', 'zh', 'Tom');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.textContent('.play-phase')).toMatch(/round 1 of 3/);
  });

  it("a browser in neither language follows the class; the header switch is the person's own", async () => {
    const page = await student('fr-FR', 'zh', 'Luc');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.click('.play-header .app-language [data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.reload();
    await page.waitForFunction(() => window.__session?.phase === 'planning');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.textContent('.play-phase')).toMatch(/round 1 of 3/);
  });
});
