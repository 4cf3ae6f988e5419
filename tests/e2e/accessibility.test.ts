/**
 * Automated accessibility check of the five main screens (issue 14): axe-core, injected into
 * real Chromium, reports no serious or critical WCAG 2.1 A/AA violation (colour contrast
 * included) on the start, instructor, play, replay and campaign screens, in English and in
 * Chinese. Screens are opened as a person would; every wait is on something the page shows.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { STRATEGY_IDS, endLog } from '../../shared/index';
import { playMatch } from '../../scripts/common';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';

const SHOTS = 'test-results/screenshots';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Audit = Pick<AxeResults, 'violations'>;

/** Serious and critical violations on the page, one line each with where they are. */
async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<Audit> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 4),
      })),
    };
  }, TAGS);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.join(' | ')}`);
}

describe.skipIf(!chromiumAvailable() && !process.env.CI)('axe on the five main screens', () => {
  let stack: Stack;
  let browser: Browser;
  let dir: string;
  let logFile: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'cluster-towns-axe-'));
    const { log } = playMatch({
      scenarioId: 'foshan-2007',
      seed: 5,
      rounds: 3,
      strategies: STRATEGY_IDS,
    });
    endLog(log);
    logFile = join(dir, 'match.json');
    writeFileSync(logFile, `${JSON.stringify(log)}\n`);
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(lang: 'en' | 'zh', width = 1440, height = 900): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height },
      locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
    });
    contexts.push(context);
    return context.newPage();
  }

  for (const lang of ['en', 'zh'] as const) {
    it(`start, instructor and play screens (${lang})`, async () => {
      const teacher = await open(lang);
      await teacher.goto(`${stack.url}?test=1`);
      await teacher.waitForSelector('#join-code');
      await teacher.waitForFunction(
        (l) => document.documentElement.lang === (l === 'zh' ? 'zh-CN' : 'en'),
        lang,
      );
      expect(await audit(teacher), 'start screen').toEqual([]);

      await teacher.click('#door-run .btn-primary');
      await teacher.waitForSelector('#setup-scenario option[value="foshan-2007"]', {
        state: 'attached',
      });
      expect(await audit(teacher), 'class set-up').toEqual([]);
      await teacher.click('.setup-form button[type=submit]');
      await teacher.waitForSelector('#class-code');
      const code = (await teacher.textContent('#class-code'))!.trim();
      await teacher.waitForFunction(() => document.querySelectorAll('#town-grid tbody tr').length);
      expect(await audit(teacher), 'instructor screen').toEqual([]);
      await teacher.screenshot({ path: `${SHOTS}/axe-instructor-${lang}.png` });

      const student = await open(lang, 390, 844);
      await student.goto(`${stack.url}?test=1`);
      await student.fill('#join-code', code);
      await student.fill('#join-name', 'Ana');
      await student.click('#door-join button[type=submit]');
      await student.waitForSelector('#pp-submit', { state: 'attached', timeout: 60_000 });
      expect(await audit(student), 'play screen on a phone').toEqual([]);
      await student.screenshot({ path: `${SHOTS}/axe-play-phone-${lang}.png` });
      await student.setViewportSize({ width: 1440, height: 900 });
      // The class starts: the policy panel and its controls are on screen.
      await teacher.click('#control-start');
      await student.waitForFunction(
        () => ['briefing', 'planning'].includes(window.__session?.phase ?? ''),
        null,
        { timeout: 60_000 },
      );
      await student.waitForSelector('#pp-preferential-foreignTaxRate', { state: 'visible' });
      expect(await audit(student), 'play screen').toEqual([]);
      await student.screenshot({ path: `${SHOTS}/axe-play-${lang}.png` });
    }, 120_000);

    it(`replay and campaign screens (${lang})`, async () => {
      const page = await open(lang);
      await page.goto(`${stack.url}?replay&test=1`);
      await page.waitForSelector('#replay-file', { state: 'attached', timeout: 30_000 });
      expect(await audit(page), 'replay: open a log').toEqual([]);
      await page.setInputFiles('#replay-file', logFile);
      await page.waitForFunction(() => window.__replay?.status === 'ready', null, {
        timeout: 60_000,
      });
      expect(await audit(page), 'replay viewer').toEqual([]);
      await page.screenshot({ path: `${SHOTS}/axe-replay-${lang}.png` });

      const campaign = await open(lang);
      await campaign.goto(`${stack.url}?test=1`);
      await campaign.click('#solo-open');
      await campaign.waitForSelector('.cg-card', { timeout: 60_000 });
      expect(await audit(campaign), 'campaign screen').toEqual([]);
      await campaign.screenshot({ path: `${SHOTS}/axe-campaign-${lang}.png` });
    }, 120_000);
  }
});
