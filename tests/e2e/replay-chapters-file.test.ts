/**
 * Debrief chapters of a local log file (issue 15), in real Chromium: a detected chapter shows its
 * finding, lesson and citation (`001` ¶20); the instructor's edit is saved in this browser and
 * survives a reload; the downloaded log carries the edited chapters, still verifies, and opened
 * in another browser (a phone, in Chinese) shows them, the untouched texts in Chinese.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { buildChapters, type Chapter } from '../../shared/debrief';
import { parseLog, replayLog, type MatchLog, type TownPlan } from '../../shared/index';
import { chromiumAvailable, framesDrawn, launchChromium, startClient } from './browser';
import { waitStatus } from './replay-helpers';
import { crackdown, scriptedLog } from '../unit/debrief-logs';

const SHOTS = '/tmp/shots/chapters';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical WCAG 2.1 A/AA violations (as tests/e2e/accessibility.test.ts checks). */
async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact?: string | null; nodes: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<Result> } })
      .axe;
    const values = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    const r = await axe.run(document, { runOnly: { type: 'tag', values } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 2))}`);
  });
}

describe.skipIf(!chromiumAvailable() && !process.env.CI)('chapters of a local log file', () => {
  let browser: Browser;
  let client: { server: ViteDevServer; url: string };
  let dir: string;
  let file: string;
  let hollowed: Chapter;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'chapters-'));
    // Foshan withdraws its ceramics support and enforces strictly from round 2 (001 ¶20).
    const plans = (i: number): Record<string, TownPlan> => (i >= 1 ? { foshan: crackdown } : {});
    const log = scriptedLog('foshan-2007', 6, (_s, i) => plans(i));
    hollowed = buildChapters(log).find((c) => c.rule === 'hollowedOut')!;
    file = join(dir, 'crackdown.json');
    writeFileSync(file, JSON.stringify(log));
    [browser, client] = await Promise.all([launchChromium(), startClient()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await client?.server.close();
  });

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${client.url}?replay&test=1`);
    await page.waitForSelector('#replay-file', { state: 'attached', timeout: 30_000 });
    await page.setInputFiles('#replay-file', path);
    await waitStatus(page, 'ready');
    await page.click('#replay-tab-chapters');
  }

  it('edits a detected chapter, keeps it in this browser and in the downloaded log', async () => {
    expect(hollowed).toBeDefined();
    const item = `li[data-chapter="${hollowed.id}"]`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await open(page, file);
    const text = (await page.textContent(item)) ?? '';
    expect(text).toContain('Hollowed out after enforcement');
    expect(text).toContain(hollowed.finding.en);
    expect(text).toContain('001 ¶20');
    expect(text).toContain(hollowed.question.en);

    await page.click('#chapters-edit');
    await page.click(`${item} .chapter-edit`);
    await page.fill('#chapter-edit-question', 'Would your town have enforced as Foshan did?');
    expect(await audit(page), 'chapters: editing a chapter').toEqual([]);
    await page.click('#chapter-edit-apply');
    expect(await audit(page), 'chapters: the add form').toEqual([]);
    await page.click('#chapters-save');
    await expect.poll(() => page.textContent('#chapters-status')).toMatch(/Saved in this browser/);
    await page.click('#chapters-edit');
    await page.click(`${item} .chapter-go`);
    await page.waitForFunction((r) => window.__replay?.round === r, hollowed.fromRound);
    await framesDrawn(page);
    await page.screenshot({ path: `${SHOTS}/en-laptop-detected.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#replay-download'),
    ]);
    const saved = join(dir, 'with-chapters.json');
    await download.saveAs(saved);
    const withChapters = JSON.parse(readFileSync(saved, 'utf8')) as MatchLog & {
      chapters: { id: string; question: string | null; finding: string | null }[];
    };
    expect(withChapters.chapters).toContainEqual(
      expect.objectContaining({
        id: hollowed.id,
        finding: null,
        question: 'Would your town have enforced as Foshan did?',
      }),
    );
    expect(() => replayLog(parseLog(withChapters))).not.toThrow();

    // A reload (the same browser) keeps the edit.
    await page.reload();
    await waitStatus(page, 'ready');
    await page.click('#replay-tab-chapters');
    expect(await page.textContent(item)).toContain('Would your town have enforced');

    // Another browser, a phone in Chinese, opens the downloaded file: the edit comes with it and
    // the detected texts the instructor left alone read in Chinese.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const other = await phone.newPage();
    await open(other, saved);
    if ((await other.getAttribute('html', 'lang')) !== 'zh') await other.click('[data-lang="zh"]');
    await expect.poll(() => other.textContent(item)).toContain(hollowed.finding.zh);
    const zh = (await other.textContent(item)) ?? '';
    expect(zh).toContain('严格执法后的空心化');
    expect(zh).toContain('Would your town have enforced');
    expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    expect(await audit(other), 'chapters on a phone in Chinese').toEqual([]);
    await (await other.$(item))!.scrollIntoViewIfNeeded();
    await framesDrawn(other);
    await other.screenshot({ path: `${SHOTS}/zh-phone-detected.png` });
    await phone.close();
    await context.close();
  }, 180_000);
});
