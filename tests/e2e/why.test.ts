/**
 * Issue 15: reasoning captured at the moment of decision, end to end. Two students type their
 * team's one-line reason beside the submit button and submit: Ana in English on a laptop, Bo in
 * Chinese on a 390×844 phone. The instructor's screen shows both; the replay of the match shows
 * each beside that town's decisions, in English and (on the phone) in Chinese. Screenshots go to
 * test-results/screenshots/ for a human to look at.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseLog } from '../../shared/index';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';
import { createSession } from '../integration/helpers';

const SHOTS = 'test-results/screenshots';
const ANA_WHY = 'Low taxes now bring the first plants; we clean up later';
const BO_WHY = '先发展科技园，留住人才';

type Session = Awaited<ReturnType<typeof createSession>>;

async function join(page: Page, code: string, name: string): Promise<void> {
  await page.fill('#join-code', code);
  await page.fill('#join-name', name);
  await page.click('#door-join button[type=submit]');
}

/**
 * Type the reason, commit it (Enter) and submit the plan, as a mayor does. `last`: this submit
 * resolves the round (every human town is in), so the planning field is gone at once.
 */
async function submitWithReason(page: Page, why: string, last = false): Promise<void> {
  await page.waitForSelector('#pp-why', { state: 'attached', timeout: 30_000 });
  const toggle = page.locator('.pp-drawer-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await page.fill('#pp-why', why);
  await page.press('#pp-why', 'Enter');
  await page.click('#pp-submit');
  if (last) {
    await page.waitForFunction(() => window.__session?.phase !== 'planning', undefined, {
      timeout: 15_000,
    });
    return;
  }
  // The field shows the submitted reason, read-only, until the mayor reopens the plan.
  await page.waitForFunction(
    (w) => {
      const input = document.querySelector<HTMLInputElement>('#pp-why');
      return input?.readOnly === true && input.value === w;
    },
    why,
    { timeout: 15_000 },
  );
}

describe.skipIf(!chromiumAvailable() && !process.env.CI)('the reason line in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let session: Session;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
    session = await createSession(stack.game.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      rounds: 1,
      seed: 5,
      planningSeconds: 600,
      briefingSeconds: 0,
      resultsSeconds: 1,
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A page of the browser that created the class: its instructor key is remembered. */
  async function instructorContext(options: { locale?: string; phone?: boolean } = {}) {
    const context = await browser.newContext({
      viewport: options.phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
      locale: options.locale ?? 'en-GB',
      isMobile: options.phone ?? false,
      hasTouch: options.phone ?? false,
    });
    await context.addInitScript(
      (record) => {
        localStorage.setItem(`clusterTowns.class.${record.code}`, JSON.stringify(record));
      },
      { ...session, title: '', createdAt: Date.now() },
    );
    return context;
  }

  it('students type a reason and submit; the instructor sees it live; the replay shows it in en and zh', async () => {
    const errors: string[] = [];
    const teacherContext = await instructorContext();
    const teacher = await teacherContext.newPage();
    await teacher.goto(`${stack.url}?test=1`);
    await teacher.click('.class-list button');
    await teacher.waitForSelector('#reasons #reason-empty', { state: 'attached', timeout: 30_000 });

    const anaContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
    });
    const ana = await anaContext.newPage();
    const bo = await (
      await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
      })
    ).newPage();
    for (const page of [teacher, ana, bo]) page.on('pageerror', (e) => errors.push(e.message));
    for (const [page, name] of [
      [ana, 'Ana'],
      [bo, 'Bo'],
    ] as const) {
      await page.goto(`${stack.url}?test=1`);
      await join(page, session.code, name);
      await page.waitForFunction(() => Boolean(window.__session?.townId), undefined, {
        timeout: 30_000,
      });
    }
    const townOf = (page: Page) => page.evaluate(() => window.__session!.townId!);
    const [anaTown, boTown] = [await townOf(ana), await townOf(bo)];
    expect(anaTown).not.toBe(boTown);
    await teacher.waitForFunction(
      () => document.querySelectorAll('#student-table tbody tr').length === 2,
      undefined,
      { timeout: 15_000 },
    );
    await teacher.click('#control-start');

    // The Chinese phone shows the field in Chinese.
    await bo.waitForSelector('#pp-why', { state: 'attached', timeout: 30_000 });
    expect(await bo.textContent('label[for=pp-why]')).toMatch(/为什么/);
    expect(await ana.textContent('label[for=pp-why]')).toMatch(/Why\?/);

    // Ana submits first: the instructor sees her reason while the round is still being planned.
    await submitWithReason(ana, ANA_WHY);
    await ana.locator('.pp-footer').screenshot({ path: `${SHOTS}/why-field-submitted.png` });
    await teacher.waitForFunction(
      ([town, why]) =>
        document.querySelector(`#reason-list li[data-town="${town}"] q`)?.textContent === why,
      [anaTown, ANA_WHY] as const,
      { timeout: 15_000 },
    );
    expect(await teacher.evaluate(() => window.__session?.phase)).toBe('planning');
    await teacher.screenshot({ path: `${SHOTS}/why-instructor-live.png` });

    // Bo's submit resolves the round: the instructor still gets his reason, from the log.
    await submitWithReason(bo, BO_WHY, true);
    await teacher.waitForFunction(
      ([town, why]) =>
        document.querySelector(`#reason-list li[data-town="${town}"] q`)?.textContent === why,
      [boTown, BO_WHY] as const,
      { timeout: 15_000 },
    );
    expect(await teacher.textContent('#reason-list')).toContain('Round 1');
    await teacher.waitForFunction(() => window.__session?.phase === 'ended', undefined, {
      timeout: 30_000,
    });

    // The debrief: each town's reasons beside what followed.
    await teacher.click('#debrief-open');
    for (const [town, why] of [
      [anaTown, ANA_WHY],
      [boTown, BO_WHY],
    ]) {
      await teacher.waitForFunction(
        ([t, w]) =>
          document.querySelector(`#debrief-reasons [data-town="${t}"] li[data-round="1"] q`)
            ?.textContent === w,
        [town, why] as const,
        { timeout: 15_000 },
      );
    }
    expect(await teacher.textContent('#debrief-reasons')).toMatch(/Round 1 \(Ana\)/);
    await teacher.locator('#debrief-reasons').screenshot({ path: `${SHOTS}/why-debrief.png` });

    // The match log holds both reasons, covered by its chain (version 4).
    const res = await fetch(`${stack.game.url}/api/matches/${session.matchId}/log`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    const log = parseLog(await res.json());
    expect(log.version).toBe(4);
    const logged = Object.fromEntries(
      (log.rounds[0].submissions ?? []).map((s) => [s.town, s.why]),
    );
    expect(logged).toEqual({ [anaTown]: ANA_WHY, [boTown]: BO_WHY });

    // The replay in English: Ana's reason beside her town's decisions in round 1.
    const replay = await teacherContext.newPage();
    replay.on('pageerror', (e) => errors.push(e.message));
    await replay.goto(`${stack.url}?replay=${session.matchId}&test=1`);
    await replay.waitForFunction(() => window.__replay?.status === 'ready', undefined, {
      timeout: 30_000,
    });
    await replay.fill('#replay-scrubber', '1');
    await replay.selectOption('#replay-town', anaTown);
    await replay.waitForFunction(
      (why) => document.querySelector('#replay-why blockquote')?.textContent === why,
      ANA_WHY,
      { timeout: 15_000 },
    );
    expect(await replay.textContent('#replay-why h4')).toMatch(/Why, in the team's words/);
    await replay.locator('#replay-diff').screenshot({ path: `${SHOTS}/why-replay-en.png` });

    // The replay in Chinese on a 390×844 phone: Bo's reason beside his town's decisions.
    const phoneContext = await instructorContext({ locale: 'zh-CN', phone: true });
    const phone = await phoneContext.newPage();
    phone.on('pageerror', (e) => errors.push(e.message));
    await phone.goto(`${stack.url}?replay=${session.matchId}&test=1`);
    await phone.waitForFunction(() => window.__replay?.status === 'ready', undefined, {
      timeout: 30_000,
    });
    await phone.fill('#replay-scrubber', '1');
    await phone.selectOption('#replay-town', boTown);
    await phone.waitForFunction(
      (why) => document.querySelector('#replay-why blockquote')?.textContent === why,
      BO_WHY,
      { timeout: 15_000 },
    );
    expect(await phone.textContent('#replay-why h4')).toMatch(/为什么/);
    await phone.locator('#replay-why').scrollIntoViewIfNeeded();
    // The quote fits the phone's width (no sideways scrolling).
    const box = await phone.locator('#replay-why blockquote').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await phone.screenshot({ path: `${SHOTS}/why-replay-zh-phone.png` });

    // The class replay: Ana follows the presenting instructor with the class's link. She sees
    // her own town's reason, not Bo's, until the instructor lets the class see every town's.
    const follower = await anaContext.newPage();
    follower.on('pageerror', (e) => errors.push(e.message));
    await follower.goto(`${stack.url}?replay=${session.matchId}&code=${session.code}&test=1`);
    await follower.waitForFunction(() => window.__replay?.status === 'waiting', undefined, {
      timeout: 30_000,
    });
    await replay.click('#replay-present');
    const shows = (town: string, quote: string | null) =>
      follower.waitForFunction(
        ([t, q]) => {
          const r = window.__replay;
          if (r?.status !== 'ready' || r.round !== 1 || r.townId !== t) return false;
          const shown = document.querySelector('#replay-why blockquote')?.textContent ?? null;
          const hidden = document.querySelector('#replay-why p') !== null;
          return q === null ? hidden && shown === null : shown === q;
        },
        [town, quote] as const,
        { timeout: 15_000 },
      );
    await shows(anaTown, ANA_WHY);
    await replay.selectOption('#replay-town', boTown);
    await shows(boTown, null);
    expect(await follower.textContent('#replay-why p')).toMatch(/keeps other towns' reasons/);
    await follower.locator('#replay-diff').screenshot({ path: `${SHOTS}/why-class-hidden.png` });
    await replay.check('#replay-share-reasons');
    await shows(boTown, BO_WHY);
    await replay.uncheck('#replay-share-reasons');
    await shows(boTown, null);
    expect(errors).toEqual([]);
  }, 180_000);
});
