/**
 * Tables on a phone (issue 14: "the instructor's towns table is clipped on a phone"): at
 * 390 × 844 the instructor's towns and students tables become one card per row, each cell
 * under its column's heading, in English and in Chinese, and nothing on the screen is wider
 * than the viewport.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';

const SHOTS = 'test-results/screenshots';

/** How far the page and its widest element reach past the viewport's right edge. */
function overflow(page: Page): Promise<{ scroll: number; widest: string[] }> {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth - window.innerWidth,
    widest: [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName}#${e.id}.${e.className}`),
  }));
}

describe.skipIf(!chromiumAvailable() && !process.env.CI)('tables on a phone', () => {
  let stack: Stack;
  let browser: Browser;
  let phone: BrowserContext;
  let teacher: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
    });
    teacher = await phone.newPage();
    await teacher.goto(stack.url);
    await teacher.click('#door-run .btn-primary');
    await teacher.waitForSelector('#setup-scenario option[value="block-economy-zhejiang"]', {
      state: 'attached',
    });
    await teacher.selectOption('#setup-scenario', 'block-economy-zhejiang');
    await teacher.fill('#setup-towns', '4');
    await teacher.click('.setup-form button[type=submit]');
    await teacher.waitForSelector('#class-code');
    const code = (await teacher.textContent('#class-code'))!.trim();
    // A student with a long name joins, so the students table has a row with its controls.
    const student = await (await browser.newContext()).newPage();
    await student.goto(stack.url);
    await student.fill('#join-code', code);
    await student.fill('#join-name', 'Anastasia Wolkonsky-Featherstonehaugh');
    await student.click('#door-join button[type=submit]');
    await teacher.waitForFunction(
      () => document.querySelectorAll('#student-table tbody tr').length === 1,
    );
    await teacher.waitForFunction(
      () => document.querySelectorAll('#town-grid tbody tr').length === 4,
    );
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`the instructor screen fits 390 px as cards (${lang})`, async () => {
      if (lang === 'zh') {
        await teacher.click('[data-lang="zh"]');
        await teacher.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      }
      const o = await overflow(teacher);
      expect(o.widest).toEqual([]);
      expect(o.scroll).toBeLessThanOrEqual(0);
      // Each town is a card: the row as wide as the table, its cells stacked under labels.
      const cards = await teacher.evaluate(() =>
        [...document.querySelectorAll<HTMLTableRowElement>('#town-grid tbody tr')].map((tr) => ({
          display: getComputedStyle(tr).display,
          right: tr.getBoundingClientRect().right,
          labels: [...tr.querySelectorAll('td')].map((td) => td.dataset.label ?? ''),
          role: tr.getAttribute('role'),
        })),
      );
      expect(cards).toHaveLength(4);
      for (const card of cards) {
        expect(card.display).toBe('block');
        expect(card.right).toBeLessThanOrEqual(390);
        expect(card.role).toBe('row');
        expect(card.labels[0]).toBe(lang === 'zh' ? '治理者' : 'Played by');
      }
      const gdpLabel = await teacher.evaluate(() => {
        const cell = document.querySelector('#town-grid tbody td:nth-child(5)');
        return cell ? getComputedStyle(cell, '::before').content : '';
      });
      expect(gdpLabel).toMatch(/GDP/);
      const students = await teacher.evaluate(() => {
        const row = document.querySelector('#student-table tbody tr');
        return row ? row.getBoundingClientRect().right : Infinity;
      });
      expect(students).toBeLessThanOrEqual(390);
      await teacher.screenshot({ path: `${SHOTS}/instructor-phone-${lang}.png`, fullPage: true });
    });
  }
});
