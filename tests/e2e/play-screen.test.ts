/**
 * The live play screen in Chromium, for gaps an audit found: the regional map redraws when a
 * statement arrives while it is open; the town scene gets the other towns' positions (so
 * departing trucks head for their destination); town names follow the language in the header
 * and on the map; the Before/After toggle survives a reload (the previous round's own state is
 * kept in this browser) and is disabled when no "before" is known. Solo players can ask for a
 * round timer on the briefing; by default there is none.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CAMPAIGN } from '../../shared/campaign';
import zhCommon from '../../client/i18n/locales/zh/common.json';
import type { TownSceneState } from '../../client/scenes/debug-state';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';
import {
  createSession,
  joinInstructor,
  joinStudent,
  stateOf,
  waitFor,
} from '../integration/helpers';

const SHOTS = 'test-results/screenshots';
const FIRST = [...CAMPAIGN].sort((a, b) => a.order - b.order)[0];
const ZH_TOWNS = zhCommon.town as Record<string, string>;
const SNAPSHOT_PREFIX = 'clusterTowns.townRound.';

interface PlayHandle {
  phase: string;
  round: number;
  townId: string | null;
  beforeKnown: boolean;
  positions: number;
  departures: { to: string; side: string }[];
}

const play = (page: Page): Promise<PlayHandle | undefined> =>
  page.evaluate(() => (window as unknown as { __play?: PlayHandle }).__play);

async function atRound(page: Page, round: number, phase = 'planning'): Promise<void> {
  await page.waitForFunction(
    ([r, p]) => {
      const handle = (window as unknown as { __play?: PlayHandle }).__play;
      return handle?.round === r && handle.phase === p;
    },
    [round, phase] as const,
    { timeout: 30_000 },
  );
}

/** What the town scene drew for the current view, without the flags that always match. */
async function drawnTown(page: Page, view: 'before' | 'after'): Promise<Partial<TownSceneState>> {
  await page.click(view === 'before' ? '#play-before' : '#play-after');
  await page.waitForFunction((v) => window.__clusterTowns?.town?.view === v, view);
  const state = await page.evaluate(() => window.__clusterTowns!.town!);
  const { ready: _ready, departures: _departures, ...rest } = state;
  return rest;
}

let stack: Stack;

describe.skipIf(!chromiumAvailable() && !process.env.CI)('the live play screen', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async (width = 1440, height = 900): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    return context.newPage();
  };

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

  it('redraws the map for statements, translates names, keeps "before" over a reload', async () => {
    const session = await createSession(stack.game.url, {
      scenarioId: 'foshan-2007',
      towns: 3,
      rounds: 3,
      seed: 2,
      planningSeconds: 600,
      briefingSeconds: 0,
      resultsSeconds: 600,
    });
    const teacher = await joinInstructor(stack.game.url, session);
    const ana = await newPage();
    await ana.goto(`${stack.url}?test=1`);
    await ana.fill('#join-code', session.code);
    await ana.fill('#join-name', 'Ana');
    await ana.click('#door-join button[type=submit]');
    const cai = await joinStudent(stack.game.url, session.code, { name: 'Cai' });
    await waitFor(() => stateOf(teacher).players.size === 2, 'two students');
    teacher.room.send('instructor:start', {});
    await atRound(ana, 1);
    const anaTown = (await play(ana))!.townId!;
    const towns = [...stateOf(teacher).towns.keys()];
    expect(towns).toHaveLength(3);

    // Round 1: nothing to compare with yet, and the buttons say so.
    await ana.waitForFunction(() => window.__clusterTowns?.town?.ready === true);
    expect(await ana.isDisabled('#play-before')).toBe(true);
    expect(await ana.getAttribute('#play-before', 'title')).toMatch(/No round has been played/);
    // The town scene knows where the other towns lie.
    expect((await play(ana))!.positions).toBe(2);

    // The region is open when a neighbour makes a statement: the bubble appears.
    await ana.click('.play-tools button:nth-child(2)');
    await ana.waitForFunction(() => window.__clusterTowns?.region?.ready === true);
    const shown = await ana.evaluate(() => window.__clusterTowns!.region!.proposals);
    cai.room.send('statement', { text: 'Cai’s town welcomes partners.' });
    await ana.waitForFunction((n) => (window.__clusterTowns?.region?.proposals ?? 0) > n, shown, {
      timeout: 10_000,
    });
    await ana.screenshot({ path: `${SHOTS}/play-region-statement.png` });

    // Town names in Chinese: the header, the map labels, the town scene.
    const englishTitle = await ana.textContent('.play-title');
    await ana.click('#pp-language-zh');
    await ana.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await ana.textContent('.play-title')).toBe(ZH_TOWNS[anaTown]);
    expect(englishTitle).not.toBe(ZH_TOWNS[anaTown]);
    const names = await ana.evaluate(
      () => window.__clusterTowns!.regionNames as Record<string, string>,
    );
    for (const id of towns) expect(names[id]).toBe(ZH_TOWNS[id]);
    await ana.screenshot({
      path: `${SHOTS}/play-header-zh.png`,
      clip: { x: 0, y: 0, width: 1440, height: 160 },
    });
    await ana.click('.play-tools button:nth-child(1)');
    await ana.waitForFunction(
      (name) => (window.__clusterTowns?.townNames as { town?: string } | undefined)?.town === name,
      ZH_TOWNS[anaTown],
    );
    await ana.click('#pp-language-en');
    await ana.waitForFunction(
      (title) => document.querySelector('.play-title')?.textContent === title,
      englishTitle,
    );

    // Round 1 resolves: "before" is the town as it was planned.
    await ana.locator('#pp-submit').dispatchEvent('click');
    cai.room.send('submit', { round: 1 });
    await atRound(ana, 1, 'results');
    // Outside planning Submit is disabled and says why (issue 11: an early submit hung a round).
    await ana.waitForSelector('#pp-submit[aria-disabled="true"]', { state: 'attached' });
    expect(await ana.getAttribute('#pp-submit-reason', 'data-state')).toBe('blocked');
    await ana.waitForFunction(
      () => (window as unknown as { __play: PlayHandle }).__play.beforeKnown,
    );
    expect(await ana.isDisabled('#play-before')).toBe(false);
    const before = await drawnTown(ana, 'before');
    const after = await drawnTown(ana, 'after');
    expect(before).not.toEqual(after);
    const handle = (await play(ana))!;
    for (const d of handle.departures) expect(towns).toContain(d.to);

    // A reload keeps the same "before", from this browser's storage.
    await ana.reload();
    await atRound(ana, 1, 'results');
    await ana.waitForFunction(() => window.__clusterTowns?.town?.ready === true);
    expect((await play(ana))!.beforeKnown).toBe(true);
    expect(await drawnTown(ana, 'before')).toEqual(before);
    expect(await drawnTown(ana, 'after')).toEqual(after);
    // Only this session's latest rounds are kept.
    const kept = await ana.evaluate(
      (prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)),
      SNAPSHOT_PREFIX,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(2);

    // A browser that never saw the previous round shows no misleading "before".
    await ana.evaluate((prefix) => {
      for (const k of Object.keys(localStorage))
        if (k.startsWith(prefix)) localStorage.removeItem(k);
    }, SNAPSHOT_PREFIX);
    await ana.reload();
    await atRound(ana, 1, 'results');
    await ana.waitForFunction(() => window.__clusterTowns?.town?.ready === true);
    expect((await play(ana))!.beforeKnown).toBe(false);
    expect(await ana.isDisabled('#play-before')).toBe(true);
    expect(await ana.getAttribute('#play-before', 'title')).toMatch(/did not see your town/);
    expect(await ana.evaluate(() => window.__clusterTowns!.town!.view)).toBe('after');

    // The next round it has seen: the toggle works again.
    teacher.room.send('instructor:advance', {
      phase: String(teacher.room.state.phase),
      round: Number(teacher.room.state.round),
    });
    await atRound(ana, 2);
    await ana.locator('#pp-submit').dispatchEvent('click');
    cai.room.send('submit', { round: 2 });
    await atRound(ana, 2, 'results');
    await ana.waitForFunction(
      () => (window as unknown as { __play: PlayHandle }).__play.beforeKnown,
    );
    await teacher.room.leave();
    await cai.room.leave();
  }, 180_000);

  /** Start the first scenario from its briefing; returns the planning deadline (0: none). */
  async function startSolo(page: Page, timer: string | null): Promise<number> {
    await page.goto(`${stack.url}?test=1`);
    await page.click('#solo-open', { timeout: 60_000 });
    await page.waitForSelector('.cg-card', { timeout: 60_000 });
    await page.click(`#cg-open-${FIRST.id}`);
    await page.waitForSelector('#cg-timer', { timeout: 60_000 });
    expect(await page.inputValue('#cg-timer')).toBe('0');
    if (timer) {
      await page.selectOption('#cg-timer', timer);
      await page.screenshot({ path: `${SHOTS}/briefing-timer.png`, fullPage: true });
    }
    await page.click('#cg-start');
    await atRound(page, 1);
    await page.waitForFunction(() => window.__session?.phase === 'planning');
    return page.evaluate(() => window.__session!.deadline);
  }

  it('a solo game has no timer unless the player chooses one', async () => {
    expect(await startSolo(await newPage(), null)).toBe(0);
    const deadline = await startSolo(await newPage(), '300');
    const left = deadline - Date.now();
    expect(left).toBeGreaterThan(240_000);
    expect(left).toBeLessThanOrEqual(301_000);
  }, 180_000);
});
