/**
 * The replay viewer in Chromium (issue 5): a log written in Node verifies in the browser with the
 * same hashes (cross-engine determinism); scrubbing, comparing, annotating and a reload that keeps
 * the note; tampered, truncated and wrong-version logs stop with their message and round; a
 * presenter and a follower in two tabs of one browser stay in sync. With the game server: a
 * stored match opens from `?replay=<matchId>` with the remembered key, its note is saved on the
 * server, the what-if fork starts a game; and a student in another browser, who opened the class
 * link before the instructor presented, follows the instructor through the server's replay room.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import {
  STRATEGY_IDS,
  endLog,
  hashState,
  parseLog,
  replayLog,
  replaySteps,
  type MatchLog,
} from '../../shared/index';
import { playMatch } from '../../scripts/common';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';
import { createSession, joinInstructor, stateOf, waitFor } from '../integration/helpers';

const SHOTS = 'test-results/screenshots';
const ROUNDS = 8;

/** Node's own verified hashes, round 0 first. */
function nodeHashes(log: MatchLog): string[] {
  const out: string[] = [];
  for (const step of replaySteps(log)) {
    out.push('result' in step ? step.result.hash : hashState(step.state));
  }
  return out;
}

/** A Vite dev server for the client alone, with the heavy dependencies bundled up front. */
async function startViewerClient(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: 'vite.config.ts',
    server: { port: 0, host: '127.0.0.1' },
    // A dependency discovered mid-test would make Vite reload the open pages.
    cacheDir: 'node_modules/.vite-e2e-replay',
    optimizeDeps: { include: ['colyseus.js', 'chart.js', 'i18next', 'zod', 'phaser'] },
    logLevel: 'silent',
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not start');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

async function openLog(page: Page, file: string): Promise<void> {
  await page.waitForSelector('#replay-file', { state: 'attached', timeout: 30_000 });
  await page.setInputFiles('#replay-file', file);
}

async function waitStatus(page: Page, status: 'ready' | 'error'): Promise<void> {
  await page.waitForFunction((s) => window.__replay?.status === s, status, { timeout: 30_000 });
}

async function waitScene(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const debug = (window as { __clusterTowns?: { town?: { ready?: boolean } } }).__clusterTowns;
      return debug?.town?.ready === true;
    },
    undefined,
    { timeout: 30_000 },
  );
}

const replayOf = (page: Page) => page.evaluate(() => ({ ...window.__replay! }));

describe.skipIf(!chromiumAvailable() && !process.env.CI)('the replay viewer in Chromium', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let url: string;
  let dir: string;
  let log: MatchLog;
  const files = { good: '', tampered: '', truncated: '', version: '' };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'cluster-towns-replay-'));
    log = playMatch({
      scenarioId: 'foshan-2007',
      seed: 5,
      rounds: ROUNDS,
      strategies: STRATEGY_IDS,
    }).log;
    endLog(log);
    const write = (name: string, value: unknown): string => {
      const path = join(dir, name);
      writeFileSync(path, `${JSON.stringify(value)}\n`);
      return path;
    };
    files.good = write('foshan.json', log);
    // Tampered: one town's plan of round 3 changed after the fact.
    const tampered = structuredClone(log);
    const town = Object.keys(tampered.rounds[2].plans)[0];
    const plan = tampered.rounds[2].plans[town];
    plan.environment.enforcement = plan.environment.enforcement === 'strict' ? 'lax' : 'strict';
    files.tampered = write('tampered.json', tampered);
    // Truncated: the last round dropped, the end marker kept.
    files.truncated = write('truncated.json', { ...log, rounds: log.rounds.slice(0, -1) });
    files.version = write('version.json', { ...log, version: 99 });
    ({ server, url } = await startViewerClient());
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(width = 1440, height = 900): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height },
      acceptDownloads: true,
    });
    contexts.push(context);
    return context.newPage();
  }

  it('verifies a log with the same hashes as Node, scrubs, compares, keeps a note across a reload', async () => {
    const page = await newPage();
    // Record every step of the progress bar while the log loads.
    await page.addInitScript(() => {
      const seen: number[] = [];
      (window as { __progressSeen?: number[] }).__progressSeen = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const target = r.target as Element;
          if (target.getAttribute('role') === 'progressbar')
            seen.push(Number(target.getAttribute('aria-valuenow')));
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['aria-valuenow'] });
    });
    await page.goto(`${url}?replay&test=1`);
    await openLog(page, files.good);
    await waitStatus(page, 'ready');
    const verified = await replayOf(page);
    expect(verified.rounds).toBe(ROUNDS);
    expect(verified.hashes).toEqual(nodeHashes(log));
    expect(verified.hashes).toEqual([log.initialHash, ...log.rounds.map((r) => r.hash)]);
    const progress = await page.evaluate(
      () => (window as { __progressSeen?: number[] }).__progressSeen ?? [],
    );
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toBe(ROUNDS);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);

    // The big view: the town scene at round 5.
    await page.fill('#replay-scrubber', '5');
    await page.waitForFunction(() => window.__replay?.round === 5);
    await expect.poll(() => page.textContent('#replay-where')).toContain('5');
    await waitScene(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/replay-viewer.png` });

    // Keyboard: a step forward from its button, then the arrow key steps back.
    await page.focus('#replay-forward');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__replay?.round === 6);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.__replay?.round === 5);

    // Play at 8×: it runs to the last round and stops there.
    await page.selectOption('#replay-speed', '8');
    await page.fill('#replay-scrubber', '6');
    await page.click('#replay-play');
    await page.waitForFunction((n) => window.__replay?.round === n, ROUNDS, { timeout: 10_000 });
    await expect.poll(() => page.getAttribute('#replay-play', 'aria-pressed')).toBe('false');

    // A key moment jumps to its round.
    const moment = page.locator('#replay-moments .replay-moment').first();
    const momentRound = Number(await moment.getAttribute('data-round'));
    await moment.click();
    await page.waitForFunction((n) => window.__replay?.round === n, momentRound);

    // Every label follows a switch to Chinese and back.
    await page.click('.app-language button[data-lang="zh"]');
    await expect.poll(() => page.textContent('#replay-where')).toContain('轮');
    await page.click('.app-language button[data-lang="en"]');
    await page.fill('#replay-scrubber', '5');
    await page.waitForFunction(() => window.__replay?.round === 5);

    // The decision diff names the round; the results panel explains it.
    await expect.poll(() => page.textContent('#replay-diff-title')).toContain('round 5');
    expect(await page.locator('#replay-results .rp').count()).toBe(1);

    // Compare two towns: the second and the fourth.
    const towns = log.towns.map((t) => t.id);
    await page.click('#replay-tab-compare');
    for (const id of towns.slice(0, 2)) await page.uncheck(`#replay-compare-${id}`);
    await page.check(`#replay-compare-${towns[1]}`);
    await page.check(`#replay-compare-${towns[3]}`);
    const heads = page.locator('#replay-compare-table thead th');
    await expect.poll(() => heads.count()).toBe(2);
    const names = await page
      .locator('#replay-compare-table .replay-compare-name')
      .allTextContents();
    expect(names).toEqual([log.towns[1].name, log.towns[3].name]);
    expect(await page.locator('#replay-compare-table canvas').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/replay-compare.png`, fullPage: true });

    // Bookmark round 5 with a note.
    await page.fill('#replay-note-text', 'The crisis bites: Foshan sheds firms');
    await page.click('#replay-note-add');
    await page.waitForFunction(() => window.__replay?.annotations.length === 1);
    expect((await replayOf(page)).annotations[0]).toMatchObject({
      round: 5,
      note: 'The crisis bites: Foshan sheds firms',
    });

    // "Download log with notes": the file still verifies (parseLog ignores the extra field).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#replay-download'),
    ]);
    const saved = join(dir, 'with-notes.json');
    await download.saveAs(saved);
    const withNotes = JSON.parse(readFileSync(saved, 'utf8')) as MatchLog & {
      annotations: { round: number; note: string }[];
    };
    expect(withNotes.annotations).toEqual([
      expect.objectContaining({ round: 5, note: 'The crisis bites: Foshan sheds firms' }),
    ]);
    expect(replayLog(parseLog(withNotes)).round).toBe(ROUNDS);

    // A reload comes back to the same log and round, with the note.
    await page.reload();
    await waitStatus(page, 'ready');
    const after = await replayOf(page);
    expect(after.round).toBe(5);
    expect(after.annotations.map((a) => a.note)).toEqual(['The crisis bites: Foshan sheds firms']);
    await expect.poll(() => page.textContent('#replay-notes')).toContain('The crisis bites');

    // Opened again from the file, in a fresh tab of the same browser: the note is still there.
    const other = await contexts[contexts.length - 1].newPage();
    await other.goto(`${url}?replay&test=1`);
    await openLog(other, files.good);
    await waitStatus(other, 'ready');
    expect((await replayOf(other)).annotations).toHaveLength(1);
    await other.close();

    // In a browser that never saw the note, the file downloaded with notes brings it along.
    const elsewhere = await newPage();
    await elsewhere.goto(`${url}?replay&test=1`);
    await openLog(elsewhere, saved);
    await waitStatus(elsewhere, 'ready');
    expect((await replayOf(elsewhere)).annotations.map((a) => a.round)).toEqual([5]);
  }, 120_000);

  it('refuses tampered, truncated and wrong-version logs, naming the round', async () => {
    const page = await newPage();
    await page.goto(`${url}?replay&test=1`);

    await openLog(page, files.tampered);
    await waitStatus(page, 'error');
    const tampered = await replayOf(page);
    expect(tampered.errorRound).toBe(3);
    expect(tampered.error).toMatch(/^round 3: (state hash differs|hash chain broken)/);
    await expect.poll(() => page.textContent('#replay-error')).toContain('Stopped at round 3');
    await page.screenshot({ path: `${SHOTS}/replay-error.png` });

    await openLog(page, files.truncated);
    // The page still shows the previous refusal until this file is read: wait for the new one.
    await expect
      .poll(async () => (await replayOf(page)).error ?? '', { timeout: 30_000 })
      .toContain('truncated match log');
    const truncated = await replayOf(page);
    expect(truncated.error).toContain('truncated match log');
    expect(truncated.errorRound).toBe(ROUNDS);
    await expect.poll(() => page.textContent('#replay-error')).toContain(`round ${ROUNDS}`);

    // Dropped on the drop zone rather than picked: the same refusal.
    await page.evaluate(
      (text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
        document
          .querySelector('#replay-drop')!
          .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
      },
      readFileSync(files.truncated, 'utf8'),
    );
    await page.waitForFunction(
      () => window.__replay?.status === 'loading' || window.__replay?.status === 'error',
    );
    await waitStatus(page, 'error');
    await expect.poll(() => page.textContent('#replay-error')).toContain('dropped.json');

    await openLog(page, files.version);
    await expect
      .poll(async () => (await replayOf(page)).error ?? '', { timeout: 30_000 })
      .toContain('unsupported match log version 99');

    // After the errors, a good log still opens.
    await openLog(page, files.good);
    await waitStatus(page, 'ready');
  }, 120_000);

  it('a follower stays in sync with a presenter across scrubs, detaches and re-attaches', async () => {
    // Small tabs: two Phaser scenes drawing in software share this machine's CPU.
    const context = await browser.newContext({ viewport: { width: 960, height: 700 } });
    contexts.push(context);
    const presenter = await context.newPage();
    const follower = await context.newPage();
    for (const page of [presenter, follower]) {
      await page.goto(`${url}?replay&test=1`);
      await openLog(page, files.good);
      await waitStatus(page, 'ready');
    }
    await presenter.click('#replay-present');
    await follower.click('#replay-follow');
    await follower.waitForFunction(() => window.__replay?.sync === 'following');
    // The follower's timeline is the presenter's: its own controls are locked.
    expect(await follower.isDisabled('#replay-scrubber')).toBe(true);

    const towns = log.towns.map((t) => t.id);
    const moves: { round: number; view: 'town' | 'region'; townId: string }[] = [
      { round: 2, view: 'town', townId: towns[0] },
      { round: 6, view: 'region', townId: towns[0] },
      { round: 4, view: 'town', townId: towns[2] },
    ];
    for (const move of moves) {
      await presenter.fill('#replay-scrubber', String(move.round));
      await presenter.click(move.view === 'town' ? '#replay-view-town' : '#replay-view-region');
      await presenter.selectOption('#replay-town', move.townId);
      await follower.waitForFunction(
        (m) =>
          window.__replay?.round === m.round &&
          window.__replay.view === m.view &&
          window.__replay.townId === m.townId,
        move,
        { timeout: 10_000 },
      );
    }

    // Detached, the follower explores alone; re-attached, it jumps to the presenter.
    await follower.click('#replay-detach');
    await follower.fill('#replay-scrubber', '1');
    await presenter.fill('#replay-scrubber', '7');
    await presenter.waitForTimeout(300);
    expect((await replayOf(follower)).round).toBe(1);
    await follower.click('#replay-reattach');
    await follower.waitForFunction(() => window.__replay?.round === 7);
  }, 120_000);
});

describe.skipIf(!chromiumAvailable() && !process.env.CI)(
  'the replay viewer with the game server',
  () => {
    let stack: Stack;
    let browser: Browser;
    let session: Awaited<ReturnType<typeof createSession>>;
    let stored: MatchLog;
    beforeAll(async () => {
      stack = await startStack();
      browser = await launchChromium();
      session = await createSession(stack.game.url, {
        scenarioId: 'foshan-2007',
        towns: 3,
        rounds: 4,
        seed: 4,
        planningSeconds: 1,
        briefingSeconds: 0,
        // 0 would wait for the instructor at every results phase.
        resultsSeconds: 1,
      });
      const teacher = await joinInstructor(stack.game.url, session);
      teacher.room.send('instructor:start', {});
      await waitFor(() => stateOf(teacher).phase === 'ended', 'the match ended', 60_000);
      await teacher.room.leave();
      const res = await fetch(`${stack.game.url}/api/matches/${session.matchId}/log`, {
        headers: { authorization: `Bearer ${session.instructorKey}` },
      });
      stored = parseLog(await res.json());
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await stack?.stop();
    });

    /** A page of a browser that created the class: the instructor key is remembered. */
    async function instructorPage(width = 1440, height = 900): Promise<Page> {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await page.addInitScript(
        (record) => {
          localStorage.setItem(`clusterTowns.class.${record.code}`, JSON.stringify(record));
        },
        { ...session, title: '', createdAt: Date.now() },
      );
      return page;
    }

    it('opens a stored match with the remembered key, saves a note on the server, and forks', async () => {
      const page = await instructorPage();
      await page.goto(`${stack.url}?replay=${session.matchId}&test=1`);
      await waitStatus(page, 'ready');
      expect((await replayOf(page)).hashes).toEqual(nodeHashes(stored));

      await page.fill('#replay-note-text', 'Ask the class about round 1');
      await page.click('#replay-note-add');
      await expect.poll(() => page.textContent('#replay-note-status')).not.toBe('');
      const notes = await fetch(`${stack.game.url}/api/matches/${session.matchId}/annotations`, {
        headers: { authorization: `Bearer ${session.instructorKey}` },
      });
      expect(notes.status).toBe(200);
      const body = (await notes.json()) as { annotations: { note: string }[] };
      expect(body.annotations.map((a) => a.note)).toContain('Ask the class about round 1');

      // What if…? The fork starts a self-guided game that goes on after the fork round, in a
      // new tab: the replay stays open in this one, and the game has no timer.
      await page.fill('#replay-scrubber', '1');
      await page.fill('#replay-fork-name', 'Ana');
      const [tab] = await Promise.all([
        page.context().waitForEvent('page'),
        page.click('#replay-fork'),
      ]);
      await tab.waitForFunction(
        () => (window as { __play?: { phase: string } }).__play?.phase === 'planning',
        undefined,
        { timeout: 30_000 },
      );
      expect((await replayOf(page)).status).toBe('ready');
      const play = await tab.evaluate(
        () => (window as { __play?: { round: number; townId: string | null } }).__play,
      );
      expect(play?.round).toBe(2);
      expect(play?.townId).not.toBeNull();
      expect(await tab.evaluate(() => window.__session?.deadline)).toBe(0);
      await page.context().close();
    }, 120_000);

    it('forks a what-if as a new classroom session run from this browser', async () => {
      const page = await instructorPage();
      await page.goto(`${stack.url}?replay=${session.matchId}&test=1`);
      await waitStatus(page, 'ready');
      await page.fill('#replay-scrubber', '2');
      await page.click('#replay-fork-class');
      // The instructor screen of the new session, with its own join code and key.
      await page.waitForSelector('#class-code', { timeout: 30_000 });
      const code = ((await page.textContent('#class-code')) ?? '').replace(/\s/g, '');
      expect(code).toMatch(/^[0-9A-Z]{6}$/);
      expect(code).not.toBe(session.code);
      // The new session starts from the parent's state after round 2.
      const res = await fetch(`${stack.game.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      expect(res.status).toBe(200);
      await page.context().close();
    }, 120_000);

    it('a student with the follow link stays in sync with the presenting instructor through the server', async () => {
      // Two separate browser contexts: no BroadcastChannel between them, only the replay room.
      // The student opens the link first, as a class does before the instructor presents: the
      // viewer waits (the log is shared only while presenting) instead of failing.
      const studentContext = await browser.newContext({ viewport: { width: 960, height: 700 } });
      const student = await studentContext.newPage();
      await student.goto(`${stack.url}?replay=${session.matchId}&code=${session.code}&test=1`);
      await student.waitForFunction(() => window.__replay?.status === 'waiting', undefined, {
        timeout: 30_000,
      });
      await student.screenshot({ path: `${SHOTS}/replay-class-waiting.png` });

      const teacher = await instructorPage(960, 700);
      await teacher.goto(`${stack.url}?replay=${session.matchId}&test=1`);
      await waitStatus(teacher, 'ready');
      await teacher.fill('#replay-scrubber', '2');
      await teacher.click('#replay-present');

      // The waiting student gets the log, follows the class at once and shows the presenter's
      // round; the student's own timeline is locked.
      await waitStatus(student, 'ready');
      expect((await replayOf(student)).hashes).toEqual(nodeHashes(stored));
      await student.waitForFunction(
        () => window.__replay?.sync === 'following' && window.__replay.round === 2,
        undefined,
        { timeout: 15_000 },
      );
      expect(await student.isDisabled('#replay-scrubber')).toBe(true);
      expect(await student.textContent('#replay-sync-status')).not.toMatch(/waiting/i);

      const towns = stored.towns.map((t) => t.id);
      const moves: { round: number; view: 'town' | 'region'; townId: string }[] = [
        { round: 3, view: 'town', townId: towns[1] },
        { round: 1, view: 'region', townId: towns[1] },
        { round: 4, view: 'town', townId: towns[2] },
      ];
      for (const move of moves) {
        await teacher.fill('#replay-scrubber', String(move.round));
        await teacher.click(move.view === 'town' ? '#replay-view-town' : '#replay-view-region');
        await teacher.selectOption('#replay-town', move.townId);
        await student.waitForFunction(
          (m) =>
            window.__replay?.round === m.round &&
            window.__replay.view === m.view &&
            window.__replay.townId === m.townId,
          move,
          { timeout: 15_000 },
        );
      }
      await student.screenshot({ path: `${SHOTS}/replay-class-follower.png` });

      // Detached, the student explores alone; re-attached, the student jumps to the class.
      await student.click('#replay-detach');
      await student.fill('#replay-scrubber', '2');
      await teacher.fill('#replay-scrubber', '3');
      await teacher.waitForTimeout(500);
      expect((await replayOf(student)).round).toBe(2);
      await student.click('#replay-reattach');
      await student.waitForFunction(() => window.__replay?.round === 3, undefined, {
        timeout: 15_000,
      });

      // A wrong code gets the log refused, with a message.
      const stranger = await studentContext.newPage();
      await stranger.goto(`${stack.url}?replay=${session.matchId}&code=ZZZZZZ&test=1`);
      await waitStatus(stranger, 'error');
      await studentContext.close();
      await teacher.context().close();
    }, 180_000);
  },
);
