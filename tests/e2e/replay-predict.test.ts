/**
 * Predict, then reveal in the class replay (issue 15), in Chromium against the real server: the
 * presenter (English, laptop) asks about the next round, a student (Chinese, phone, touch)
 * answers, the presenter reveals; both see the distribution and the right answer, the student
 * whether it was right; then the presenter plays the round and the class follows.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseLog, type MatchLog } from '../../shared/index';
import { correctAnswer, menuId, questionMenu } from '../../shared/debrief/questions';
import { readPredictions } from '../../shared/debrief/extras';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';
import { createSession, joinInstructor, stateOf, waitFor } from '../integration/helpers';

const SHOTS = '/tmp/shots/predict';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe violations (WCAG 2.1 AA) inside the predict card. */
async function auditCard(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Run = (
      c: Element,
      o: object,
    ) => Promise<{ violations: { id: string; impact?: string }[] }>;
    const axe = (window as unknown as { axe: { run: Run } }).axe;
    const r = await axe.run(document.querySelector('.predict-card')!, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id);
  });
}

describe.skipIf(!chromiumAvailable() && !process.env.CI)('predict, then reveal', () => {
  let stack: Stack;
  let browser: Browser;
  let session: Awaited<ReturnType<typeof createSession>>;
  let stored: MatchLog;

  const download = async () => {
    const res = await fetch(`${stack.game.url}/api/matches/${session.matchId}/log`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
    session = await createSession(stack.game.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      rounds: 3,
      seed: 5,
      planningSeconds: 1,
      briefingSeconds: 0,
      resultsSeconds: 1,
    });
    const instructor = await joinInstructor(stack.game.url, session);
    instructor.room.send('instructor:start', {});
    await waitFor(() => stateOf(instructor).phase === 'ended', 'the match ended', 60_000);
    await instructor.room.leave();
    stored = parseLog(await download());
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const frames = (page: Page) =>
    page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );

  it('the presenter asks, a phone answers in Chinese, both see the reveal', async () => {
    const teacherContext = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'en',
    });
    const teacher = await teacherContext.newPage();
    await teacher.addInitScript(
      (record) => {
        localStorage.setItem(`clusterTowns.class.${record.code}`, JSON.stringify(record));
      },
      { ...session, title: '', createdAt: Date.now() },
    );
    await teacher.goto(`${stack.url}?replay=${session.matchId}&test=1`);
    await teacher.waitForFunction(() => window.__replay?.status === 'ready', undefined, {
      timeout: 60_000,
    });
    await teacher.fill('#replay-scrubber', '1');
    await teacher.click('#replay-present');

    const phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const phone = await phoneContext.newPage();
    await phone.goto(`${stack.url}?replay=${session.matchId}&code=${session.code}&test=1`);
    await phone.waitForFunction(
      () => window.__replay?.sync === 'following' && window.__replay.round === 1,
      undefined,
      { timeout: 60_000 },
    );
    await phone.click('[data-lang="zh"]');

    // The presenter's menu is about round 2: Foshan's river, up / down / about the same.
    const question = questionMenu(stored, 2).find(
      (q) => q.kind === 'direction' && q.indicator === 'pollution' && q.townId === 'foshan',
    )!;
    const right = correctAnswer(question, stored);
    await teacher.selectOption('#predict-menu', menuId(question));
    await teacher.click('#predict-ask');
    await expect.poll(() => teacher.textContent('#predict-count')).toContain('0 of 1');

    await phone.waitForSelector('.predict-option');
    expect(await phone.textContent('#predict-question')).toContain('河流');
    const box = await phone.locator('.predict-option').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await phone.locator('.predict-option').nth(1).tap();
    await expect.poll(() => phone.textContent('#predict-mine')).toContain('更干净');
    await phone.locator('.predict-option').nth(0).tap();
    await expect.poll(() => phone.textContent('#predict-mine')).toContain('更脏');
    await expect.poll(() => teacher.textContent('#predict-count')).toContain('1 of 1');
    await phone.locator('.predict-card').scrollIntoViewIfNeeded();
    await frames(phone);
    await phone.screenshot({ path: `${SHOTS}/answer-zh-phone.png` });
    expect(await auditCard(phone), 'answer card').toEqual([]);
    expect(await auditCard(teacher), 'presenter, question open').toEqual([]);
    await teacher.locator('.predict-card').screenshot({ path: `${SHOTS}/asked-en-card.png` });

    await teacher.click('#predict-reveal');
    await phone.waitForSelector('#predict-verdict');
    await expect
      .poll(() => phone.textContent('#predict-verdict'))
      .toBe(right.includes(0) ? '你答对了！' : '这次没答对。');
    await teacher.waitForSelector('#predict-correct');
    const options = ['Dirtier', 'Cleaner', 'About the same'];
    expect(await teacher.textContent('#predict-correct')).toContain(options[right[0]]);
    expect(await teacher.locator('.predict-bar').count()).toBe(3);
    expect(await teacher.textContent('.predict-bar:first-child .predict-bar-count')).toContain('1');
    // The phone does not scroll sideways.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    await teacher.locator('.predict-card').scrollIntoViewIfNeeded();
    await phone.locator('.predict-card').scrollIntoViewIfNeeded();
    await frames(teacher);
    await frames(phone);
    await teacher.screenshot({ path: `${SHOTS}/reveal-en-laptop.png` });
    await teacher.locator('.predict-card').screenshot({ path: `${SHOTS}/reveal-en-card.png` });
    await phone.screenshot({ path: `${SHOTS}/reveal-zh-phone.png` });
    expect(await auditCard(phone), 'reveal on the phone').toEqual([]);
    expect(await auditCard(teacher), 'reveal for the presenter').toEqual([]);

    // Saved beside the log, with the student's answer.
    await expect
      .poll(async () => readPredictions((await download()).predictions).answers.length)
      .toBe(1);

    // Then the presenter plays the round and the class follows.
    await teacher.click('#predict-play');
    await phone.waitForFunction(() => window.__replay?.round === 2, undefined, {
      timeout: 15_000,
    });
    await phoneContext.close();
    await teacherContext.close();
  }, 300_000);
});
