/**
 * The replay viewer in Chromium (issue 5): a log written in Node verifies in the browser with the
 * same hashes (cross-engine determinism); scrubbing, comparing, annotating and a reload that keeps
 * the note; tampered, truncated and wrong-version logs stop with their message and round; a
 * presenter and a follower in two tabs of one browser stay in sync. With the game server:
 * replay-server.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { STRATEGY_IDS, endLog, parseLog, replayLog, type MatchLog } from '../../shared/index';
import { playMatch } from '../../scripts/common';
import { chromiumAvailable, framesDrawn, launchChromium } from './browser';
import { nodeHashes, replayOf, SHOTS, waitStatus } from './replay-helpers';

const ROUNDS = 8;

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
    await framesDrawn(page);
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
