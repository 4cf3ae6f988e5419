/**
 * The viewer's "What if…" tab in Chromium (issue 15): open a log, change Foshan's plan at one
 * round and see both paths charted with the causes of the difference and a CSV to download
 * (English, laptop); the same in Chinese on a phone (390×844, touch) without horizontal scroll;
 * a refused plan runs nothing; a fork compared with its original, and refused with another log.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import {
  STRATEGY_IDS,
  appendRound,
  endLog,
  forkLog,
  replaySteps,
  resolveRound,
  type MatchLog,
} from '../../shared/index';
import { playMatch } from '../../scripts/common';
import { chromiumAvailable, framesDrawn, launchChromium } from './browser';
import { waitStatus } from './replay-helpers';

const SHOTS = '/tmp/shots/whatif';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact?: string | null;
  nodes: { target: unknown[] }[];
}

/** Serious and critical WCAG 2.1 AA violations on the page (as accessibility.test.ts audits). */
async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(c: Document, o: object): Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 4),
    }));
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.join(' | ')}`);
}

async function startViewerClient(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: 'vite.config.ts',
    server: { port: 0, host: '127.0.0.1' },
    // A dependency discovered mid-test would make Vite reload the open pages.
    cacheDir: 'node_modules/.vite-e2e-whatif',
    optimizeDeps: { include: ['colyseus.js', 'chart.js', 'i18next', 'zod', 'phaser'] },
    logLevel: 'silent',
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not start');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** The original's inputs after round 2, with Foshan cracking down in round 3 (001 ¶20). */
function strictFork(original: MatchLog): MatchLog {
  const states = [...replaySteps(original)].map((s) => s.state);
  const fork = forkLog(original, 2, states[2]);
  let state = states[2];
  for (const entry of original.rounds.slice(2)) {
    const plans = structuredClone(entry.plans);
    if (entry.round === 3) {
      plans.foshan.environment.enforcement = 'strict';
      plans.foshan.preferential.targetSectors = [];
      plans.foshan.preferential.withdrawSectors = ['ceramics'];
    }
    const result = resolveRound(state, { plans, cards: entry.cards });
    appendRound(fork, state, { plans, cards: entry.cards }, result);
    state = result.state;
  }
  endLog(fork);
  return fork;
}

describe.skipIf(!chromiumAvailable() && !process.env.CI)('what if, in the viewer', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let url: string;
  let dir: string;
  const files = { log: '', fork: '', other: '' };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'cluster-towns-whatif-'));
    const play = (seed: number) => {
      const { log } = playMatch({
        scenarioId: 'foshan-2007',
        seed,
        rounds: 6,
        strategies: STRATEGY_IDS,
      });
      endLog(log);
      return log;
    };
    const original = play(5);
    const write = (name: string, value: unknown): string => {
      const path = join(dir, name);
      writeFileSync(path, `${JSON.stringify(value)}\n`);
      return path;
    };
    files.log = write('foshan.json', original);
    files.fork = write('fork.json', strictFork(original));
    files.other = write('other.json', play(6));
    ({ server, url } = await startViewerClient());
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string, phone: boolean, lang: 'en' | 'zh'): Promise<Page> {
    const context = await browser.newContext(
      phone
        ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: lang }
        : { viewport: { width: 1440, height: 900 }, locale: lang },
    );
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${url}?replay&test=1`);
    await page.waitForSelector('#replay-file', { state: 'attached', timeout: 30_000 });
    await page.setInputFiles('#replay-file', file);
    await waitStatus(page, 'ready');
    await page.click(`.app-language button[data-lang="${lang}"]`);
    await page.click('#replay-tab-whatif');
    await page.waitForSelector('#whatif-run', { state: 'visible' });
    return page;
  }

  async function crackDown(page: Page): Promise<void> {
    await page.selectOption('#whatif-round', '2');
    await page.selectOption('#whatif-town', 'foshan');
    await page.selectOption('#whatif-enforcement', 'strict');
    await page.selectOption('#whatif-target', '');
    await page.selectOption('#whatif-withdraw', 'ceramics');
    await page.click('#whatif-run');
    await page.waitForSelector('#whatif-result', { state: 'visible', timeout: 60_000 });
  }

  it('runs a what-if on a laptop in English: both paths charted, causes, CSV', async () => {
    const page = await open(files.log, false, 'en');
    // A refused plan says why and runs nothing.
    await page.fill('#whatif-foreign-tax', '50');
    await page.click('#whatif-run');
    await expect
      .poll(() => page.textContent('#whatif-error'), { timeout: 30_000 })
      .toMatch(/foreignTaxRate/);
    expect(await page.isHidden('#whatif-result')).toBe(true);
    await page.click('#whatif-reset');
    expect(await page.isHidden('#whatif-error')).toBe(true);

    await crackDown(page);
    const items = await page.$$eval('#whatif-diverged li', (li) => li.map((x) => x.textContent));
    expect(items.length).toBeGreaterThan(0);
    expect(items.join('\n')).toMatch(/Foshan: .* against history: .*Strict enforcement/);
    expect(await page.textContent('#whatif-chart-title')).toContain('Foshan');
    const download = page.waitForEvent('download');
    await page.click('#whatif-download');
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('round,year,town,indicator,history,what_if,difference');
    expect(csv).toMatch(/\n2,\d+,foshan,firms,/);
    expect(await audit(page), 'what-if tab').toEqual([]);
    // The engine ran in the background worker, not on the page's thread.
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => r.name),
    );
    expect(loaded.some((name) => name.includes('what-if-worker'))).toBe(true);
    await framesDrawn(page);
    await (await page.$('#replay-panel-whatif'))!.screenshot({
      path: `${SHOTS}/whatif-en-laptop.png`,
    });

    // The others following their strategy also runs and shows its result.
    await page.check('#whatif-others-strategy');
    await page.click('#whatif-run');
    await expect
      .poll(() => page.$eval('#whatif-run', (b) => (b as HTMLButtonElement).disabled), {
        timeout: 60_000,
      })
      .toBe(false);
    expect(await page.textContent('#whatif-status')).toBe('');
    expect(await page.isHidden('#whatif-error')).toBe(true);
    expect(await page.$$eval('#whatif-diverged li', (li) => li.length)).toBeGreaterThan(0);
  }, 120_000);

  it('runs a what-if on a phone in Chinese, with no horizontal scroll', async () => {
    const page = await open(files.log, true, 'zh');
    await crackDown(page);
    const text = (await page.textContent('#whatif-diverged'))!;
    expect(text).toMatch(/佛山：.*比实际/);
    expect(await page.textContent('#whatif-download')).toBe('下载差异表（CSV）');
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const run = await page.$eval('#whatif-run', (b) => b.getBoundingClientRect().height);
    expect(run).toBeGreaterThanOrEqual(44);
    expect(await audit(page), 'what-if tab (zh, phone)').toEqual([]);
    await framesDrawn(page);
    await (await page.$('#replay-panel-whatif'))!.screenshot({
      path: `${SHOTS}/whatif-zh-phone.png`,
    });
  }, 120_000);

  it('compares an opened fork with its original, and refuses another match', async () => {
    const page = await open(files.fork, false, 'en');
    await page.setInputFiles('#whatif-original-file', files.other);
    await expect
      .poll(() => page.textContent('#whatif-original-error'), { timeout: 60_000 })
      .toMatch(/not the original/);
    await page.setInputFiles('#whatif-original-file', files.log);
    await page.waitForSelector('#whatif-fork-result', { state: 'visible', timeout: 60_000 });
    expect(await page.isHidden('#whatif-original-error')).toBe(true);
    const text = (await page.textContent('#whatif-fork-diverged'))!;
    expect(text).toMatch(/Foshan: .* against history/);
    expect(await page.textContent('#whatif-fork-chart-title')).toContain('this fork');
    expect(await audit(page), 'fork comparison').toEqual([]);
    await framesDrawn(page);
    await (await page.$('.whatif-fork'))!.screenshot({
      path: `${SHOTS}/fork-compare-en-laptop.png`,
    });
  }, 120_000);
});
