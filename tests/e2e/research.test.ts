/**
 * Research mode end to end in Chromium (issue 15, part 5): the instructor (English, laptop)
 * creates a class with research mode on and the default consent text; a student on a Chinese
 * 390×844 phone joins, reads the consent text in a dialog and consents; the instructor sees the
 * count, the student plays a round with a reason, and the instructor's export button downloads a
 * zip whose CSVs hold the round and the reason but not the student's name. axe-core checks the
 * setup form and the consent dialog. Screenshots go to /tmp/shots/research/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, framesDrawn, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';

const SHOTS = '/tmp/shots/research';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BO_WHY = '先发展科技园，留住人才';

/** Serious and critical WCAG 2.1 A/AA violations inside `selector`. */
async function audit(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async (include) => {
    type Axe = { run(c: object, o: object): Promise<Pick<AxeResults, 'violations'>> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const values = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    const r = await axe.run({ include: [include] }, { runOnly: { type: 'tag', values } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact }));
  }, selector);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact})`);
}

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!chromiumAvailable() && !process.env.CI)('research mode in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('research class, consent on a Chinese phone, one-click zip export', async () => {
    const errors: string[] = [];
    const teacherContext = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    const teacher = await teacherContext.newPage();
    const bo = await (
      await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
      })
    ).newPage();
    for (const page of [teacher, bo]) page.on('pageerror', (e) => errors.push(e.message));

    // The instructor turns research mode on: the default consent text is in their language.
    await teacher.goto(`${stack.url}?test=1`);
    await teacher.click('#door-run .btn-primary');
    await teacher.waitForSelector('#setup-scenario option[value="foshan-2007"]', {
      state: 'attached',
    });
    await teacher.selectOption('#setup-scenario', 'foshan-2007');
    await teacher.fill('#setup-towns', '3');
    await teacher.fill('#setup-rounds', '2');
    expect(await teacher.isVisible('#setup-consent')).toBe(false);
    await teacher.check('#setup-research');
    await teacher.waitForSelector('#setup-consent', { state: 'visible' });
    expect(await teacher.inputValue('#setup-consent')).toMatch(/research study/);
    // An empty text is refused with a message, and nothing is created.
    await teacher.fill('#setup-consent', '   ');
    await teacher.click('.setup-form button[type=submit]');
    await teacher.waitForSelector('#setup-consent-error:not([hidden])');
    expect(await teacher.textContent('#setup-consent-error')).toMatch(/Write the consent text/);
    await teacher.fill(
      '#setup-consent',
      'This class is part of a research study on policy decisions.\nYour name is never exported. You can play either way.',
    );
    await teacher.locator('.research-setup').scrollIntoViewIfNeeded();
    await framesDrawn(teacher);
    await teacher.locator('.research-setup').screenshot({ path: `${SHOTS}/setup-en-laptop.png` });
    expect(await audit(teacher, '.setup-form')).toEqual([]);
    await teacher.click('.setup-form button[type=submit]');
    await teacher.waitForSelector('#class-code');
    const code = (await teacher.textContent('#class-code'))!.trim();
    await teacher.waitForSelector('#research:not([hidden])');
    expect(await teacher.textContent('#research-counts')).toMatch(/0 consented/);

    // The student joins on a Chinese phone: the consent text opens in a dialog.
    await bo.goto(`${stack.url}?test=1`);
    await bo.fill('#join-code', code);
    await bo.fill('#join-name', 'Bo Qiang');
    await bo.click('#door-join button[type=submit]');
    await bo.waitForSelector('#research-dialog[open]', { timeout: 30_000 });
    expect(await bo.textContent('#research-dialog')).toContain('Your name is never exported');
    expect(await bo.textContent('#research-yes')).toBe('我同意');
    expect(await bo.textContent('#research-no')).toBe('我不同意');
    expect(await noSideScroll(bo)).toBe(true);
    for (const id of ['#research-yes', '#research-no']) {
      const box = (await bo.locator(id).boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await framesDrawn(bo);
    await bo.screenshot({ path: `${SHOTS}/consent-zh-phone.png` });
    expect(await audit(bo, '#research-dialog')).toEqual([]);
    await bo.tap('#research-yes');
    await bo.waitForSelector('#research-dialog', { state: 'detached' });
    await bo.waitForFunction(
      () => document.querySelector('#research-status-text')?.textContent === '研究：你已同意。',
    );
    expect(await bo.textContent('#research-change')).toBe('更改我的选择');
    await framesDrawn(bo);
    await bo.screenshot({ path: `${SHOTS}/consented-zh-phone.png` });

    // The instructor sees the count (asked for every few seconds: polled, not slept).
    await expect
      .poll(() => teacher.textContent('#research-counts'), { timeout: 15_000 })
      .toMatch(/^1 consented · 0 declined · 0 not answered yet$/);

    // One round with a reason from the phone.
    await teacher.click('#control-start');
    await bo.waitForFunction(() => window.__session?.phase === 'planning', undefined, {
      timeout: 30_000,
    });
    // On the phone the plan sits in a drawer: wait until its toggle (or the field) is shown.
    await bo
      .locator('.pp-drawer-toggle:visible, #pp-why:visible')
      .first()
      .waitFor({ timeout: 30_000 });
    const toggle = bo.locator('.pp-drawer-toggle');
    if (await toggle.isVisible()) await toggle.click();
    await bo.locator('#pp-why').waitFor({ state: 'visible', timeout: 30_000 });
    await bo.fill('#pp-why', BO_WHY);
    await bo.press('#pp-why', 'Enter');
    await bo.click('#pp-submit');
    await bo.waitForFunction(() => window.__session?.phase === 'results', undefined, {
      timeout: 30_000,
    });

    // One click: the zip.
    await teacher.locator('#research').scrollIntoViewIfNeeded();
    await framesDrawn(teacher);
    await teacher.locator('#research').screenshot({ path: `${SHOTS}/instructor-en-laptop.png` });
    const [download] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.click('#research-export'),
    ]);
    expect(download.suggestedFilename()).toBe('cluster-towns-research.zip');
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const files = Object.fromEntries(
      Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]),
    );
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'decisions.csv',
      'predictions.csv',
      'reasons.csv',
      'rounds.csv',
      'timings.csv',
    ]);
    expect(files['reasons.csv']).toContain(BO_WHY);
    // Three towns (Bo's and two computer towns) in round 1.
    expect(files['rounds.csv']!.trim().split('\n')).toHaveLength(4);
    const all = Object.values(files).join('\n');
    for (const secret of ['Bo Qiang', 'Bo', code]) expect(all).not.toContain(secret);

    // The set-up form on a Chinese phone: the default consent text is Chinese and fits.
    // A fresh phone: Bo's browser holds his seat and goes straight back into the class.
    const phoneSetup = await (
      await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
      })
    ).newPage();
    phoneSetup.on('pageerror', (e) => errors.push(e.message));
    await phoneSetup.goto(`${stack.url}?test=1`);
    await phoneSetup.click('#door-run .btn-primary');
    await phoneSetup.waitForSelector('#setup-research', { state: 'attached' });
    await phoneSetup.check('#setup-research');
    await phoneSetup.waitForSelector('#setup-consent', { state: 'visible' });
    expect(await phoneSetup.inputValue('#setup-consent')).toMatch(/研究/);
    expect(await phoneSetup.textContent('.research-setup legend')).toBe('研究');
    expect(await noSideScroll(phoneSetup)).toBe(true);
    await phoneSetup.locator('.research-setup').scrollIntoViewIfNeeded();
    await framesDrawn(phoneSetup);
    await phoneSetup.screenshot({ path: `${SHOTS}/setup-zh-phone.png` });
    expect(errors).toEqual([]);
  }, 180_000);
});
