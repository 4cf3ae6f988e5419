/**
 * The policy and results panels in real Chromium, driven by the keyboard alone (Tab,
 * Shift+Tab, arrows, Space, Enter, typing): every decision a player makes in a round can be
 * made without a mouse, errors appear at the control that caused them, and the Chinese
 * interface shows no raw translation keys. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import type { TownPlan } from '../../shared';
import { chromiumAvailable, launchChromium, startClient } from './browser';

const SHOTS = 'test-results/screenshots';

/** Key presses made through `press` (and tabTo), counted per test. */
let presses = 0;

async function press(page: Page, key: string): Promise<void> {
  presses++;
  await page.keyboard.press(key);
}

/** Press Tab (or Shift+Tab) until the focused element matches; fail if it never does. */
async function tabTo(page: Page, match: (id: string) => boolean, shift = false): Promise<string> {
  const key = shift ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < 400; i++) {
    const id = await page.evaluate(() => document.activeElement?.id ?? '');
    if (match(id)) return id;
    await press(page, key);
  }
  throw new Error('control not reachable with the keyboard');
}

/** Tab presses until the focused element's id matches (0 when it already does). */
async function tabsTo(page: Page, match: (id: string) => boolean): Promise<number> {
  for (let i = 0; i < 400; i++) {
    if (match(await page.evaluate(() => document.activeElement?.id ?? ''))) return i;
    await page.keyboard.press('Tab');
  }
  throw new Error('control not reachable with the keyboard');
}

/** Press ArrowDown until the focused element is `id` (inside a group with one Tab stop). */
async function arrowTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
    await press(page, 'ArrowDown');
  }
  throw new Error(`${id} not reachable with the arrow keys`);
}

const tabToId = (page: Page, id: string, shift = false): Promise<string> =>
  tabTo(page, (x) => x === id, shift);

const draft = (page: Page): Promise<TownPlan> =>
  page.evaluate(() => window.__panel!.draft as TownPlan);

const attr = (page: Page, selector: string, name: string): Promise<string | null> =>
  page.locator(selector).first().getAttribute(name);

/** Text nodes and labels in the panels that look like untranslated keys ("panel.title"). */
async function rawKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const key = /^[a-z]+\.[a-zA-Z.]+$/;
    for (const root of document.querySelectorAll('.pp, .rp')) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        if (key.test(text)) found.push(text);
      }
      for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
        for (const name of ['aria-label', 'title', 'placeholder']) {
          const value = el.getAttribute(name)?.trim() ?? '';
          if (key.test(value)) found.push(value);
        }
      }
    }
    return found;
  });
}

describe.skipIf(!chromiumAvailable() && !process.env.CI)('policy and results panels', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let url: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, url } = await startClient());
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query: string, width = 1920, height = 1080): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}panel-preview.html?${query}`);
    await page.waitForSelector('#pp-submit', { state: 'attached', timeout: 30_000 });
    expect(errors).toEqual([]);
    return page;
  }

  it('reaches environmental enforcement in a few key presses through the section menu', async () => {
    const enforcement = (id: string): boolean => id.startsWith('pp-environment-enforcement-');
    // Without the menu: Tab after Tab through every control before it.
    const plain = await open('town=foshan&seed=7&lang=en&deadline=600');
    const tabsOnly = await tabsTo(plain, enforcement);
    await plain.close();
    // With it: arrive in the panel (in the play screen, the page's first Tab and its "Skip to
    // the policy plan" link: one press here), Tab to "4 Environment", Enter, Tab into the section.
    const page = await open('town=foshan&seed=7&lang=en&deadline=600');
    await page.focus('.pp-body :is(button, a, input, select, summary)');
    const toLink = 1 + (await tabsTo(page, (id) => id === 'pp-goto-environment'));
    await page.keyboard.press('Enter');
    const inside = await tabsTo(page, enforcement);
    const presses = toLink + 1 + inside;
    // Issue 14 counted 60 presses before the menu; the figure is printed for the record.
    console.log(
      `enforcement: ${presses} key presses with the menu (${toLink} + 1 + ${inside}), ${tabsOnly} with Tab alone`,
    );
    expect(presses).toBeLessThanOrEqual(12);
    expect(presses).toBeLessThan(tabsOnly / 2);
    await page.keyboard.press('ArrowDown');
    expect((await draft(page)).environment.enforcement).toBe('strict');
    await page.close();
  });

  it('a whole round of decisions with the keyboard only', async () => {
    const page = await open('town=foshan&seed=7&lang=en&deadline=600');
    presses = 0;

    // 1. A tax rate: typed into a labelled number field.
    await tabToId(page, 'pp-preferential-foreignTaxRate');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).not.toBe('none');
    await press(page, 'Control+A');
    await page.keyboard.type('15');
    expect((await draft(page)).preferential.foreignTaxRate).toBe(0.15);

    // A sector ticked (or unticked) with Space.
    const targeted = (await draft(page)).preferential.targetSectors.includes('furniture');
    // A list of sectors is one Tab stop; arrow keys move between its boxes (issue 14).
    await tabTo(page, (id) => id.startsWith('pp-preferential-targetSectors-'));
    await arrowTo(page, 'pp-preferential-targetSectors-furniture');
    // The box arrived at is the list's Tab stop; the list says how to move in it.
    const stops = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('#pp-preferential-targetSectors input')]
        .filter((box) => box.tabIndex === 0)
        .map((box) => box.id),
    );
    expect(stops).toEqual(['pp-preferential-targetSectors-furniture']);
    await expect(
      page.locator('#pp-preferential-targetSectors legend').textContent(),
    ).resolves.toMatch(/arrow keys/);
    await press(page, 'Space');
    const after = (await draft(page)).preferential.targetSectors;
    expect(after.includes('furniture')).toBe(!targeted);

    // 2. An infrastructure order: pick the kind with arrow keys, add it with Enter.
    await tabToId(page, 'pp-build-add');
    for (let i = 0; i < 6; i++) await press(page, 'ArrowDown');
    expect(await page.locator('#pp-build-add').inputValue()).toBe('wastewater');
    await tabToId(page, 'pp-build-add-button');
    await press(page, 'Enter');
    expect((await draft(page)).build).toEqual([{ kind: 'wastewater' }]);
    // Focus survives the rebuild of the section the new row caused.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pp-build-add-button');
    await expect(page.locator('#pp-build-0-cost').textContent()).resolves.toMatch(/RMB/);

    // 4. Enforcement: Tab lands on the checked radio, an arrow moves to "strict".
    await tabTo(page, (id) => id.startsWith('pp-environment-enforcement-'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'pp-environment-enforcement-standard',
    );
    await press(page, 'ArrowDown');
    expect((await draft(page)).environment.enforcement).toBe('strict');

    // 5. Diplomacy: accept the neighbour's proposal, then a public statement.
    const response = await tabTo(page, (id) => /^pp-response-.+-none$/.test(id));
    await press(page, 'ArrowDown');
    const proposalId = response.replace(/^pp-response-/, '').replace(/-none$/, '');
    expect((await draft(page)).diplomacy.responses).toEqual([{ proposalId, accept: true }]);
    await tabToId(page, 'pp-diplomacy-statement');
    const statement = 'Foshan will co-fund a ceramics innovation centre with its neighbours.';
    await page.keyboard.type(statement);
    expect((await draft(page)).diplomacy.statement).toBe(statement);
    await expect(page.locator('#pp-diplomacy-statement-count').textContent()).resolves.toContain(
      String(statement.length),
    );

    // Shift+Tab walks back through the same controls.
    await press(page, 'Shift+Tab');
    const back = await page.evaluate(() => document.activeElement?.id ?? '');
    expect(back).toMatch(/^pp-response-/);

    // Submit with Enter.
    expect(await attr(page, '#pp-submit', 'aria-disabled')).toBeNull();
    await tabToId(page, 'pp-submit');
    await press(page, 'Enter');
    const panel = await page.evaluate(() => window.__panel!);
    expect(panel.submitted).toBe(true);
    expect(panel.errors).toEqual([]);
    await expect(page.locator('.pp-status').textContent()).resolves.toMatch(/submitted/);
    // Every key press of the round, counted (issue 14: fewer than before the redesign).
    // 105 before the section lists became single Tab stops.
    console.log(`a whole round: ${presses} key presses (typing not counted)`);
    expect(presses).toBeLessThanOrEqual(85);
    await page.screenshot({ path: `${SHOTS}/panel-en.png` });
    await page.close();
  }, 90_000);

  it('shows each policy’s cost and aim beside it, with sliders and steppers', async () => {
    const page = await open('town=foshan&seed=7&lang=en&deadline=600');
    const impact = (id: string): Promise<string | null> =>
      page.locator(`#pp-${id}-impact`).textContent();
    // The line is read with the control.
    expect(await attr(page, '#pp-preferential-foreignTaxRate', 'aria-describedby')).toContain(
      'pp-preferential-foreignTaxRate-impact',
    );
    await expect(impact('preferential-foreignTaxRate')).resolves.toMatch(
      /Gives up no revenue this round: no firm here would pay less yet.*Aims at: more foreign plants/,
    );
    await page.locator('#pp-preferential-domesticTaxRate').fill('15');
    await expect(impact('preferential-domesticTaxRate')).resolves.toMatch(
      /Gives up about [1-9][\d.,]* M RMB of revenue this round/,
    );
    // Foshan's draft has a vocational school: unticked, the line says what it would cost.
    await page.locator('#pp-innovation-vocationalSchool').uncheck();
    await expect(impact('innovation-vocationalSchool')).resolves.toMatch(
      /^Would cost [\d.]+ M RMB this round · Aims at: workers' skills/,
    );
    await page.locator('#pp-innovation-vocationalSchool').check();
    await expect(impact('innovation-vocationalSchool')).resolves.toMatch(/^Costs [\d.]+ M RMB/);
    await expect(impact('environment-enforcement')).resolves.toMatch(/No cost to the budget/);
    // A share has a slider, an amount has steppers; the number field stays the keyboard control.
    await page.locator('#pp-preferential-landDiscount ~ .pp-slider').fill('50');
    expect((await draft(page)).preferential.landDiscount).toBe(0.5);
    const guarantee = (await draft(page)).preferential.smeCreditGuarantee;
    await page
      .locator('#pp-preferential-smeCreditGuarantee ~ .pp-steppers .pp-step')
      .last()
      .click();
    expect((await draft(page)).preferential.smeCreditGuarantee).toBe(guarantee + 1);
    await expect(impact('preferential-smeCreditGuarantee')).resolves.toMatch(/^Costs [1-9]/);
    expect(await attr(page, '.pp-slider', 'tabindex')).toBe('-1');
    const holiday = (await draft(page)).preferential.foreignTaxHolidayYears;
    await page.focus('#pp-preferential-foreignTaxHolidayYears');
    await page.keyboard.press('ArrowDown');
    expect((await draft(page)).preferential.foreignTaxHolidayYears).toBe(holiday - 1);
    await page.screenshot({ path: `${SHOTS}/panel-impact-en.png`, fullPage: true });
    // The same in Chinese.
    await page.click('#pp-language-zh');
    await expect(impact('preferential-foreignTaxRate')).resolves.toMatch(/目标：吸引更多外资工厂/);
    await expect(impact('preferential-domesticTaxRate')).resolves.toMatch(
      /本轮约少收入 [\d,]+ 万元/,
    );
    await expect(impact('innovation-vocationalSchool')).resolves.toMatch(/本轮花费/);
    expect(await rawKeys(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows invalid and over-budget values at the control and blocks submit', async () => {
    const page = await open('town=foshan&seed=7&lang=en&deadline=none');
    await tabToId(page, 'pp-preferential-foreignTaxRate');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('50');
    const input = '#pp-preferential-foreignTaxRate';
    expect(await attr(page, input, 'aria-invalid')).toBe('true');
    expect(await attr(page, input, 'aria-describedby')).toContain(
      'pp-preferential-foreignTaxRate-error',
    );
    await expect(
      page.locator('#pp-preferential-foreignTaxRate-error').textContent(),
    ).resolves.toMatch(/33/);
    expect(await attr(page, '#pp-submit', 'aria-disabled')).toBe('true');
    await expect(page.locator('#pp-submit-reason').textContent()).resolves.toMatch(/problem/);
    await tabToId(page, 'pp-submit');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.__panel!.submitted)).toBe(false);

    // Fixing it clears the error; then a credit guarantee far beyond the budget.
    await tabToId(page, 'pp-preferential-foreignTaxRate', true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('20');
    expect(await attr(page, input, 'aria-invalid')).toBeNull();
    // A tax cut is revenue given up: the budget shows it as a cost (issue 14).
    const forgone = page.locator('#pp-budget-meter-forgone');
    await expect(forgone.textContent()).resolves.toMatch(/tax cuts.*\d.*M RMB/);
    expect(Number(await forgone.getAttribute('data-amount'))).toBeGreaterThan(0);
    await tabToId(page, 'pp-preferential-smeCreditGuarantee');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('500');
    const guarantee = '#pp-preferential-smeCreditGuarantee';
    expect(await attr(page, guarantee, 'aria-invalid')).toBe('true');
    await expect(page.locator('#pp-budget-meter-error').textContent()).resolves.toMatch(/budget/);
    // The message quotes the meter's own "available" figure, rounded the same way.
    const summary = (await page.locator('#pp-budget-meter-summary').textContent()) ?? '';
    const available = /of (.+ M RMB)/.exec(summary)?.[1] ?? 'missing';
    await expect(page.locator('#pp-budget-meter-error').textContent()).resolves.toContain(
      `at most ${available}`,
    );
    expect(await attr(page, '#pp-budget-meter', 'data-level')).toBe('over');
    expect(await attr(page, '#pp-submit', 'aria-disabled')).toBe('true');
    const errors = await page.evaluate(() => window.__panel!.errors);
    expect(errors.map((e) => e.path)).toEqual(['budget']);
    await page.screenshot({ path: `${SHOTS}/panel-en-invalid.png` });

    // The error summary's entry takes the keyboard to the control.
    await page.locator('.pp-summary-link').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.close();
  }, 90_000);

  it('keeps focus when a teammate edit arrives and respects portfolios', async () => {
    const page = await open('town=foshan&seed=7&lang=en&portfolios=mayor,investment');
    // Sections of other portfolios are visible but read-only.
    const environment = page.locator('#pp-section-environment fieldset.pp-controls');
    expect(await environment.getAttribute('disabled')).not.toBeNull();
    expect(await page.locator('#pp-environment-enforcement-strict').isDisabled()).toBe(true);
    expect(await page.locator('#pp-preferential-foreignTaxRate').isDisabled()).toBe(false);
    await tabToId(page, 'pp-diplomacy-statement');
    await page.keyboard.type('We welcome');
    const pushed = await draft(page);
    pushed.environment = { ...pushed.environment, enforcement: 'strict' };
    pushed.build = [{ kind: 'roads' }];
    await page.evaluate((d) => window.__panelApi!.pushDraft(d), pushed);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pp-diplomacy-statement');
    await page.keyboard.type(' investors.');
    expect((await draft(page)).diplomacy.statement).toBe('We welcome investors.');
    expect(await page.locator('#pp-environment-enforcement-strict').isChecked()).toBe(true);
    expect(await page.locator('#pp-build-0-kind').inputValue()).toBe('roads');
    await page.close();

    // A member without the mayor's portfolio cannot submit, and is told why.
    const member = await open('town=foshan&seed=7&lang=en&portfolios=environment');
    expect(await attr(member, '#pp-submit', 'aria-disabled')).toBe('true');
    await expect(member.locator('#pp-submit-reason').textContent()).resolves.toMatch(/mayor/);
    await member.close();
  }, 90_000);

  it('switches to Chinese with the keyboard and shows no raw keys', async () => {
    const page = await open('town=foshan&seed=7&lang=en&deadline=600');
    expect(await rawKeys(page)).toEqual([]);
    await tabToId(page, 'pp-language-zh');
    await page.keyboard.press('Enter');
    await expect(page.locator('#pp-title').textContent()).resolves.toBe('政策方案');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pp-language-zh');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await rawKeys(page)).toEqual([]);
    // Revenue given up by a tax cut, in Chinese, and an over-budget message in 万元 that quotes
    // the meter's figure exactly.
    await page.locator('#pp-preferential-domesticTaxRate').fill('15');
    await expect(page.locator('#pp-budget-meter-forgone').textContent()).resolves.toMatch(
      /减税.*\d.*万元/,
    );
    await page.locator('#pp-preferential-smeCreditGuarantee').fill('500');
    const summary = (await page.locator('#pp-budget-meter-summary').textContent()) ?? '';
    const available = /可用 (\S+ (?:万元|亿元))/.exec(summary)?.[1] ?? 'missing';
    await expect(page.locator('#pp-budget-meter-error').textContent()).resolves.toContain(
      `最多还有 ${available}`,
    );
    await page.locator('#pp-preferential-smeCreditGuarantee').fill('0');
    // Open every explanation so their texts are checked too.
    for (const button of await page.locator('.rp .why').all()) await button.click();
    expect(await rawKeys(page)).toEqual([]);
    const results = (await page.locator('.rp').textContent()) ?? '';
    expect(results).toMatch(/[\u4e00-\u9fff]/);
    // The choice is remembered without the query parameter.
    await page.goto(`${url}panel-preview.html?town=foshan&seed=7&deadline=600`);
    await page.waitForSelector('#pp-submit');
    await expect(page.locator('#pp-title').textContent()).resolves.toBe('政策方案');
    await page.screenshot({ path: `${SHOTS}/panel-zh.png` });
    await page.close();
  }, 90_000);

  it('is a drawer on a 360 px phone', async () => {
    const page = await open('town=foshan&seed=7&lang=en&deadline=600', 360, 740);
    const toggle = page.locator('.pp-drawer-toggle');
    expect(await toggle.isVisible()).toBe(true);
    expect(await page.locator('#pp-title').isVisible()).toBe(false);
    await tabToId(page, 'pp-drawer-toggle');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.locator('#pp-title').waitFor({ state: 'visible' });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SHOTS}/panel-phone.png` });
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  }, 90_000);
});
