/**
 * The classroom from the browser: an instructor sets up a class through "Run a class", two
 * students join through "Join a class" (one on a phone, after a wrong code), and the
 * instructor paces the class; the students' clients see each control take effect. Screenshots
 * go to test-results/screenshots/ for a human to look at.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';
import type { SessionSnapshot } from '../../client/net/test-handle';

const SHOTS = 'test-results/screenshots';

function snapshot(page: Page): Promise<SessionSnapshot | null> {
  return page.evaluate(() => window.__session ?? null);
}

async function until(
  page: Page,
  what: string,
  test: (s: SessionSnapshot) => boolean,
  timeoutMs = 15_000,
): Promise<SessionSnapshot> {
  // The page's session handle changes on every patch from the server: wait until it passes.
  let last: SessionSnapshot | null = null;
  await expect
    .poll(
      async () => {
        last = await snapshot(page);
        return last !== null && test(last);
      },
      { timeout: timeoutMs, message: `waiting for ${what}` },
    )
    .toBe(true);
  return last!;
}

async function join(page: Page, code: string, name: string): Promise<void> {
  await page.fill('#join-code', code);
  await page.fill('#join-name', name);
  await page.click('#door-join button[type=submit]');
}

/** Answer the confirmation dialog of a destructive control. */
async function confirm(page: Page): Promise<void> {
  await page.click('dialog[open] .app-dialog-actions button:last-child');
}

describe.skipIf(!chromiumAvailable() && !process.env.CI)(
  'instructor and students in Chromium',
  () => {
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

    it('an instructor creates a class, two students join, and the controls reach them', async () => {
      const teacher = await (
        await browser.newContext({ viewport: { width: 1920, height: 1080 } })
      ).newPage();
      const ana = await (
        await browser.newContext({ viewport: { width: 1280, height: 800 } })
      ).newPage();
      const bo = await (
        await browser.newContext({
          viewport: { width: 360, height: 740 },
          isMobile: true,
          hasTouch: true,
        })
      ).newPage();
      const errors: string[] = [];
      for (const page of [teacher, ana, bo]) page.on('pageerror', (e) => errors.push(e.message));

      // The instructor sets up a class.
      await teacher.goto(stack.url);
      await teacher.click('#door-run .btn-primary');
      await teacher.waitForSelector('#setup-scenario option[value="block-economy-zhejiang"]', {
        state: 'attached',
      });
      await teacher.selectOption('#setup-scenario', 'block-economy-zhejiang');
      await teacher.fill('#setup-towns', '4');
      await teacher.fill('#setup-title', 'Economics 2B');
      await teacher.click('.setup-form button[type=submit]');
      await teacher.waitForSelector('#class-code');
      const code = (await teacher.textContent('#class-code'))!.trim();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
      await expect(teacher.textContent('#instructor-key')).resolves.toMatch(/\S{10,}/);
      await until(
        teacher,
        'the instructor session',
        (s) => s.role === 'instructor' && s.towns.length === 4,
      );

      // A wrong code gets plain words; then Ana joins on a laptop.
      await ana.goto(stack.url);
      await ana.waitForSelector('#join-code');
      await ana.screenshot({ path: `${SHOTS}/start-screen.png` });
      await join(ana, 'ZZZZZZ', 'Ana');
      await ana.waitForSelector('#join-error:not([hidden])');
      expect(await ana.textContent('#join-error')).toMatch(/No class has this code/);
      await join(ana, code, 'Ana');
      const anaJoined = await until(
        ana,
        'Ana seated',
        (s) => s.role === 'student' && Boolean(s.townId),
      );

      // Bo joins on a phone, typing the code loosely.
      await bo.goto(stack.url);
      await bo.waitForSelector('#join-code');
      await bo.screenshot({ path: `${SHOTS}/start-phone.png`, fullPage: true });
      await join(bo, `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`, 'Bo');
      await until(bo, 'Bo seated', (s) => s.role === 'student' && Boolean(s.townId));

      // The instructor sees both in the grid.
      await teacher.waitForFunction(
        () => document.querySelectorAll('#student-table tbody tr').length === 2,
      );
      const grid = await teacher.textContent('#town-grid');
      expect(grid).toContain('Ana');
      expect(grid).toContain('Bo');

      // Start, pause, extend.
      await teacher.click('#control-start');
      await until(
        ana,
        'the match started',
        (s) => s.phase === 'briefing' || s.phase === 'planning',
      );
      await teacher.click('#control-pause');
      const paused = await until(bo, 'paused on Bo', (s) => s.paused && s.remainingMs > 0);
      await until(ana, 'paused on Ana', (s) => s.paused);
      await teacher.click('#control-extend');
      await until(bo, 'the timer extended', (s) => s.remainingMs >= paused.remainingMs + 59_000);

      // An event card (with confirmation) and an announcement reach the students.
      await teacher.selectOption('#card-select', 'crisis2008');
      await teacher.click('#card-fire');
      await confirm(teacher);
      await until(ana, 'the card in the news', (s) =>
        s.news.some((n) => n.kind === 'card' && n.eventId === 'crisis2008'),
      );
      const text = 'Read your briefing, then plan with your team.';
      await teacher.fill('#announce-text', text);
      await teacher.click('#announce-send');
      await until(ana, 'the announcement', (s) => s.announcements.includes(text));
      await until(bo, 'the announcement', (s) => s.announcements.includes(text));
      const teacherState = await until(teacher, 'acks', (s) =>
        [
          'instructor:start',
          'instructor:pause',
          'instructor:extend',
          'instructor:fireEvent',
          'instructor:announce',
        ].every((a) => s.acks.includes(a)),
      );
      expect(teacherState.errors).toEqual([]);
      await teacher.waitForFunction(() =>
        document.querySelector('#log')?.textContent?.includes('Event card played'),
      );
      await teacher.screenshot({ path: `${SHOTS}/instructor.png`, fullPage: true });

      // The join code, full screen for the projector.
      await teacher.click('#project-code');
      await teacher.waitForSelector('dialog.projector[open]');
      await teacher.screenshot({ path: `${SHOTS}/projector-code.png` });
      await teacher.keyboard.press('Escape');

      // A reload keeps everyone's seat: Ana by her stored tokens, the instructor by the key.
      await ana.reload();
      const back = await until(
        ana,
        'Ana back after a reload',
        (s) => s.role === 'student' && s.status === 'connected' && s.paused,
      );
      expect(back.playerId).toBe(anaJoined.playerId);
      expect(back.townId).toBe(anaJoined.townId);
      await teacher.reload();
      await teacher.waitForSelector('#class-code');
      expect((await teacher.textContent('#class-code'))!.trim()).toBe(code);
      await until(
        teacher,
        'instructor back',
        (s) => s.role === 'instructor' && s.players.length === 2,
      );

      // Two rounds played by advancing, then the end: the debrief opens with its charts.
      await teacher.click('#control-resume');
      for (let step = 0; step < 8; step++) {
        const now = await until(
          teacher,
          'a phase to advance',
          (s) => !s.paused && ['briefing', 'planning', 'results'].includes(s.phase),
        );
        if (now.phase === 'results' && now.round >= 2) break;
        await teacher.click('#control-advance');
        await confirm(teacher);
        await until(
          teacher,
          'the next phase',
          (s) => s.phase !== now.phase || s.round !== now.round,
        );
      }
      await teacher.click('#control-end');
      await confirm(teacher);
      await until(ana, 'the end', (s) => s.phase === 'ended');
      await teacher.waitForSelector('#debrief canvas');
      await teacher.waitForFunction(() =>
        /Turning points/.test(document.querySelector('#debrief')?.textContent ?? ''),
      );
      await teacher.screenshot({ path: `${SHOTS}/debrief.png`, fullPage: true });
      expect(errors).toEqual([]);
    }, 90_000);

    it('lists open public sessions under "Join a class" and fills in the picked code', async () => {
      const res = await fetch(`${stack.game.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          scenarioId: 'foshan-2007',
          visibility: 'public',
          title: 'Saturday open table',
        }),
      });
      const open = (await res.json()) as { code: string };
      const page = await (
        await browser.newContext({ viewport: { width: 1280, height: 800 } })
      ).newPage();
      await page.goto(stack.url);
      const pick = page.locator(`#open-sessions button[data-code="${open.code}"]`);
      await pick.waitFor({ timeout: 15_000 });
      expect(await pick.textContent()).toContain('Saturday open table');
      await pick.click();
      expect(await page.inputValue('#join-code')).toBe(open.code);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('join-name');
      await page.screenshot({ path: `${SHOTS}/start-open-sessions.png` });
      await page.context().close();
    });

    it('speaks Chinese on request and keeps the start screen usable', async () => {
      const page = await (
        await browser.newContext({ viewport: { width: 1280, height: 800 } })
      ).newPage();
      await page.goto(stack.url);
      await page.click('[data-lang="zh"]');
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      expect(await page.textContent('#door-join h2')).toBe('加入课堂');
      await page.click('#door-run .btn-primary');
      await page.waitForSelector('#setup-scenario option[value="foshan-2007"]', {
        state: 'attached',
      });
      await page.screenshot({ path: `${SHOTS}/setup-zh.png`, fullPage: true });
      await page.click('[data-lang="en"]');
      expect(await page.textContent('#setup-heading')).toBe('Set up a class');
    });
  },
);
