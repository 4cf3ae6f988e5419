/**
 * Debrief chapters in the replay viewer (issue 15), in real Chromium against the real server: the
 * instructor (English, laptop) adds, reorders, edits and drops chapters, sees a bad one refused,
 * saves them on the server and finds them again after a reload; then presents a chapter, and a
 * student following on a phone in Chinese sees its card above the scene at the chapter's round.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, framesDrawn, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';
import { createSession, joinInstructor, stateOf, waitFor } from '../integration/helpers';
import { waitStatus } from './replay-helpers';

const SHOTS = '/tmp/shots/chapters';

describe.skipIf(!chromiumAvailable() && !process.env.CI)('debrief chapters in the replay', () => {
  let stack: Stack;
  let browser: Browser;
  let session: Awaited<ReturnType<typeof createSession>>;
  let teacher: Page;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
    session = await createSession(stack.game.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      rounds: 4,
      seed: 4,
      planningSeconds: 1,
      briefingSeconds: 0,
      resultsSeconds: 1,
    });
    const host = await joinInstructor(stack.game.url, session);
    host.room.send('instructor:start', {});
    await waitFor(() => stateOf(host).phase === 'ended', 'the match ended', 60_000);
    await host.room.leave();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const ids = (page: Page) =>
    page.$$eval('#replay-chapters li[data-chapter]', (items) =>
      items.map((li) => (li as HTMLElement).dataset.chapter ?? ''),
    );
  const saved = async () => {
    const res = await fetch(`${stack.game.url}/api/matches/${session.matchId}/chapters`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    return ((await res.json()) as { chapters: { id: string; title: string | null }[] | null })
      .chapters;
  };

  async function openAsInstructor(page: Page): Promise<void> {
    await page.goto(`${stack.url}?replay=${session.matchId}&test=1`);
    await waitStatus(page, 'ready');
    await page.click('#replay-tab-chapters');
    await page.waitForSelector('#replay-chapters');
  }

  async function addChapter(page: Page, from: number, to: number, title: string): Promise<void> {
    await page.fill('#chapter-new-from', String(from));
    await page.fill('#chapter-new-to', String(to));
    await page.check('#chapter-new-town-foshan');
    await page.fill('#chapter-new-title', title);
    await page.fill('#chapter-new-finding', `${title}: what the class saw.`);
    await page.fill('#chapter-new-question', `Why ${title.toLowerCase()}?`);
    await page.click('#chapter-new-add');
  }

  it('the instructor edits the chapters, saves them on the server, and a reload keeps them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    teacher = await context.newPage();
    await teacher.addInitScript(
      (record) => localStorage.setItem(`clusterTowns.class.${record.code}`, JSON.stringify(record)),
      { ...session, title: '', createdAt: Date.now() },
    );
    await openAsInstructor(teacher);
    const detected = await ids(teacher);
    expect(await saved()).toBeNull();

    await teacher.click('#chapters-edit');
    await addChapter(teacher, 1, 2, 'Opening moves');
    await teacher.waitForSelector('li[data-chapter="custom-1"]');
    await addChapter(teacher, 3, 4, 'The end game');
    await teacher.waitForSelector('li[data-chapter="custom-2"]');
    await addChapter(teacher, 2, 2, 'Scratch');
    await teacher.waitForSelector('li[data-chapter="custom-3"]');

    // A chapter that ends before it starts is refused with its reason; nothing is added.
    await addChapter(teacher, 4, 2, 'Backwards');
    await teacher.waitForSelector('#chapters-error:not([hidden])');
    expect(await teacher.textContent('#chapters-error')).toMatch(/end at or after/);
    expect(await ids(teacher)).toHaveLength(detected.length + 3);

    await teacher.click('li[data-chapter="custom-3"] .chapter-drop');
    await teacher.waitForSelector('li[data-chapter="custom-3"]', { state: 'detached' });
    await teacher.click('li[data-chapter="custom-2"] .chapter-up');
    expect(await ids(teacher)).toEqual([...detected, 'custom-2', 'custom-1']);
    // The focus stays on the moved chapter's button (keyboard users keep their place).
    expect(
      await teacher.evaluate(() => document.activeElement?.closest('li')?.dataset.chapter),
    ).toBe('custom-2');

    await teacher.click('li[data-chapter="custom-1"] .chapter-edit');
    await teacher.fill('#chapter-edit-title', 'Opening moves, revised');
    await teacher.click('#chapter-edit-apply');
    await teacher.waitForSelector('li[data-chapter="custom-1"] h3:has-text("revised")');
    expect(await teacher.textContent('#chapters-status')).toMatch(/not saved/i);

    await teacher.click('#chapters-save');
    await expect.poll(() => teacher.textContent('#chapters-status')).toMatch(/Saved on the server/);
    const list = await saved();
    expect(list?.map((c) => c.id)).toEqual([...detected, 'custom-2', 'custom-1']);
    expect(list?.at(-1)?.title).toBe('Opening moves, revised');

    await teacher.click('#chapters-edit');
    await teacher.reload();
    await openAsInstructor(teacher);
    expect(await ids(teacher)).toEqual([...detected, 'custom-2', 'custom-1']);
    await teacher.click('li[data-chapter="custom-1"] .chapter-go');
    await teacher.waitForFunction(() => window.__replay?.round === 1);
    await teacher.waitForSelector('#replay-chapter-card[data-chapter="custom-1"]');
    await framesDrawn(teacher);
    await teacher.screenshot({ path: `${SHOTS}/en-laptop-chapters.png`, fullPage: true });
  }, 180_000);

  it('a presented chapter shows its card to a follower on a phone in Chinese', async () => {
    await teacher.click('#replay-present');
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const student = await context.newPage();
    await student.goto(`${stack.url}?replay=${session.matchId}&code=${session.code}&test=1`);
    await student.waitForFunction(() => window.__replay?.sync === 'following', undefined, {
      timeout: 60_000,
    });
    if ((await student.getAttribute('html', 'lang')) !== 'zh')
      await student.click('[data-lang="zh"]');

    await teacher.click('#replay-tab-chapters');
    await teacher.click('li[data-chapter="custom-2"] .chapter-go');
    await student.waitForFunction(() => window.__replay?.round === 3, undefined, {
      timeout: 15_000,
    });
    const card = await student.waitForSelector('#replay-chapter-card[data-chapter="custom-2"]');
    expect(await card.textContent()).toContain('正在展示的章节');
    expect(await card.textContent()).toContain('The end game');
    expect(await card.textContent()).toContain('第 3–4 轮');
    // Moving out of the chapter's rounds takes the card away from the class.
    await teacher.fill('#replay-scrubber', '1');
    await student.waitForSelector('#replay-chapter-card', { state: 'hidden' });
    await teacher.click('li[data-chapter="custom-2"] .chapter-go');
    await student.waitForSelector('#replay-chapter-card[data-chapter="custom-2"]');
    expect(await student.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await framesDrawn(student);
    await card.scrollIntoViewIfNeeded();
    await student.screenshot({ path: `${SHOTS}/zh-phone-card.png` });

    // The follower reads the chapters too, in its language, but cannot edit them.
    await student.click('#replay-tab-chapters');
    expect(await student.isHidden('#chapters-edit')).toBe(true);
    expect(await ids(student)).toContain('custom-1');
    await student.screenshot({ path: `${SHOTS}/zh-phone-chapters.png`, fullPage: true });
    await context.close();
    await teacher.context().close();
  }, 180_000);
});
