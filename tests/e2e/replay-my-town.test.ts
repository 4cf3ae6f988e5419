/**
 * "My town" in the class replay (issue 15, part 6): a student following the presenting
 * instructor keeps the instructor's round while looking at the town they played, and switches
 * back to exactly what the instructor shows. In English on a laptop and in Chinese on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';
import { createSession, joinInstructor, stateOf, waitFor } from '../integration/helpers';

const SHOTS = 'test-results/screenshots';

describe.skipIf(!chromiumAvailable() && !process.env.CI)('my town in the class replay', () => {
  let stack: Stack;
  let browser: Browser;
  let session: Awaited<ReturnType<typeof createSession>>;
  let teacher: Page;
  const towns: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    session = await createSession(stack.game.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      rounds: 3,
      seed: 6,
      planningSeconds: 1,
      briefingSeconds: 0,
      resultsSeconds: 1,
    });
    const instructor = await joinInstructor(stack.game.url, session);
    towns.push(...[...stateOf(instructor).towns.keys()]);
    instructor.room.send('instructor:start', {});
    await waitFor(() => stateOf(instructor).phase === 'ended', 'the match ended', 60_000);
    await instructor.room.leave();

    // The instructor presents round 2, the whole region, from a browser that created the class.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    teacher = await context.newPage();
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
    await teacher.fill('#replay-scrubber', '2');
    await teacher.click('#replay-view-region');
    await teacher.click('#replay-present');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A student's browser that played `townId` in this class (its saved seat), following. */
  async function student(townId: string, width: number, height: number, lang: 'en' | 'zh') {
    const context = await browser.newContext({ viewport: { width, height }, locale: lang });
    const page = await context.newPage();
    await page.addInitScript(
      ({ code, roomId, townId }) => {
        const seat = {
          code,
          roomId,
          name: 'Ana',
          reconnectionToken: '',
          seatToken: 'x'.repeat(22),
          playerId: 'p1',
          townId,
          portfolios: ['mayor'],
        };
        localStorage.setItem(`clusterTowns.seat.${code}`, JSON.stringify(seat));
      },
      { code: session.code, roomId: session.roomId, townId },
    );
    await page.goto(`${stack.url}?replay=${session.matchId}&code=${session.code}&test=1`);
    await page.waitForFunction(
      () => window.__replay?.sync === 'following' && window.__replay.round === 2,
      undefined,
      { timeout: 60_000 },
    );
    return page;
  }

  const position = (page: Page) =>
    page.evaluate(() => {
      const r = window.__replay!;
      return { round: r.round, view: r.view, townId: r.townId, mine: r.mine };
    });

  for (const [lang, width, height] of [
    ['en', 1280, 800],
    ['zh', 390, 844],
  ] as const) {
    it(`keeps the class's round while showing the student's own town (${lang}, ${width} px)`, async () => {
      const own = towns[2];
      const page = await student(own, width, height, lang);
      if (lang === 'zh') await page.click('[data-lang="zh"]');
      expect(await page.textContent('#replay-mine')).toBe(lang === 'zh' ? '我的城镇' : 'My town');
      expect((await position(page)).view).toBe('region');

      await page.click('#replay-mine');
      await page.waitForFunction(
        (id) => window.__replay?.mine && window.__replay.townId === id,
        own,
      );
      expect(await position(page)).toEqual({ round: 2, view: 'town', townId: own, mine: true });
      expect(await page.isDisabled('#replay-scrubber')).toBe(true);

      // The instructor moves on and shows another town: the student follows the round only.
      await teacher.fill('#replay-scrubber', '3');
      await teacher.click('#replay-view-town');
      await teacher.selectOption('#replay-town', towns[0]);
      await page.waitForFunction(() => window.__replay?.round === 3);
      expect(await position(page)).toEqual({ round: 3, view: 'town', townId: own, mine: true });
      await page.screenshot({ path: `${SHOTS}/replay-my-town-${lang}-${width}.png` });

      // Back to the class view: exactly what the instructor shows.
      await page.click('#replay-mine');
      await page.waitForFunction((id) => window.__replay?.townId === id, towns[0]);
      expect(await position(page)).toEqual({
        round: 3,
        view: 'town',
        townId: towns[0],
        mine: false,
      });

      // Put the instructor back where the next test expects the class.
      await teacher.fill('#replay-scrubber', '2');
      await teacher.click('#replay-view-region');
      await page.context().close();
    }, 120_000);
  }

  it('a follower who did not play in the class has no "my town" button', async () => {
    const context = await browser.newContext({ viewport: { width: 960, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${stack.url}?replay=${session.matchId}&code=${session.code}&test=1`);
    await page.waitForFunction(() => window.__replay?.sync === 'following', undefined, {
      timeout: 60_000,
    });
    expect(await page.locator('#replay-mine').count()).toBe(0);
    await context.close();
  }, 60_000);
});
