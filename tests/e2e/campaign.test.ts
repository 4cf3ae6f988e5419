/**
 * Playing alone in Chromium (issue 6): a new player opens the page, chooses "Play alone",
 * starts the first scenario from its briefing and completes the tutorial through the UI only
 * (pans with the keyboard, changes a control, reads the budget, submits, opens a "why?"),
 * closes the page, reopens it in the same browser and resumes at the same round, resumes
 * again from the saved-games list, and continues in a fresh browser with the resume code.
 * Then the scenario is played to its end for the end report.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CAMPAIGN } from '../../shared/campaign';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';

const SHOTS = 'test-results/screenshots';
const FIRST = [...CAMPAIGN].sort((a, b) => a.order - b.order)[0];
const SECOND = [...CAMPAIGN].sort((a, b) => a.order - b.order)[1];

interface PlayHandle {
  phase: string;
  round: number;
}

/** Wait until the play screen shows `round` in `phase`. */
async function atRound(page: Page, round: number, phase = 'planning'): Promise<void> {
  await page.waitForFunction(
    ([r, p]) => {
      const play = (window as unknown as { __play?: PlayHandle }).__play;
      return play?.round === r && play.phase === p;
    },
    [round, phase] as const,
    { timeout: 30_000 },
  );
}

async function tutorialAt(page: Page, step: string): Promise<void> {
  await page.waitForSelector(`#cg-tutorial:not([hidden])[data-step="${step}"]`, {
    timeout: 20_000,
  });
}

async function openCampaign(page: Page): Promise<void> {
  await page.goto(`${stack.url}?test=1`);
  await page.click('#solo-open');
  await page.waitForSelector('.cg-card');
}

let stack: Stack;

describe.skipIf(!chromiumAvailable() && !process.env.CI)('the campaign in Chromium', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newContext = async (width: number, height: number): Promise<BrowserContext> => {
    const context = await browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    return context;
  };
  let resumeCode = '';
  let home: BrowserContext;

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

  it('a newcomer completes the tutorial, closes the page and resumes', async () => {
    home = await newContext(1440, 900);
    const page = await home.newPage();
    await openCampaign(page);
    // Only the first scenario is open to a new player.
    expect(await page.getAttribute(`.cg-card[data-entry="${FIRST.id}"]`, 'data-locked')).toBe(
      'false',
    );
    expect(await page.getAttribute(`.cg-card[data-entry="${SECOND.id}"]`, 'data-locked')).toBe(
      'true',
    );
    expect(await page.textContent('.cg-saves')).toMatch(/No saved games/);
    await page.screenshot({ path: `${SHOTS}/campaign.png`, fullPage: true });

    await page.click(`#cg-open-${FIRST.id}`);
    await page.waitForSelector('#cg-start');
    expect(await page.textContent('#cg-brief-title')).toBe(FIRST.title.en);
    // Citations show paper and section; the quote opens on demand.
    const cite = page.locator('.cg-facts .cg-cite').first();
    expect(await cite.locator('cite').textContent()).toContain(FIRST.facts[0].citation.section);
    await cite.locator('summary').click();
    expect(await cite.locator('.cg-quote').textContent()).toContain(FIRST.facts[0].citation.quote);
    await page.fill('#cg-brief-name', 'Ana');
    await page.check('#cg-difficulty-easy');
    await page.screenshot({ path: `${SHOTS}/briefing.png`, fullPage: true });
    await page.click('#cg-start');

    // 1. Pan the town with the keyboard.
    await tutorialAt(page, 'pan');
    await atRound(page, 1);
    await page.screenshot({ path: `${SHOTS}/tutorial-step.png` });
    await page.click('#cg-tut-map');
    await page.keyboard.press('ArrowRight');
    // 2. Change a control in the policy panel.
    await tutorialAt(page, 'control');
    await page.check('#pp-environment-enforcement-strict');
    // 3. Read the budget meter, which the tutorial outlines; a reload comes back to this step.
    await tutorialAt(page, 'budget');
    await page.reload();
    await tutorialAt(page, 'budget');
    await page.waitForSelector('#pp-budget-meter.cg-spot');
    expect(await page.getAttribute('#pp-budget-meter', 'class')).toContain('cg-spot');
    await page.screenshot({ path: `${SHOTS}/tutorial-budget.png` });
    await page.click('#cg-tut-next');
    // 4. Submit.
    await tutorialAt(page, 'submit');
    await page.click('#pp-submit');
    // 5. Read the results and open a "why?".
    await tutorialAt(page, 'why');
    await atRound(page, 1, 'results');
    await page.locator('.rp .why').first().click();
    await tutorialAt(page, 'done');
    await page.screenshot({ path: `${SHOTS}/tutorial-done.png` });
    await page.click('#cg-tut-next');
    await page.waitForSelector('#cg-tutorial', { state: 'hidden' });

    // The advisor has spoken (or had nothing to say); on to round 2.
    await page.click('.play-continue');
    await atRound(page, 2);
    resumeCode = (await page.textContent('#cg-resume-code')) ?? '';
    // Short and unambiguous (issue 14): join code and a 10-character token, no O, I, L or U.
    expect(resumeCode).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/,
    );
    await page.close();

    // Same browser, new page: straight back into the game at round 2, tutorial done.
    const again = await home.newPage();
    await again.goto(`${stack.url}?test=1`);
    await atRound(again, 2);
    expect(await again.isHidden('#cg-tutorial')).toBe(true);
    expect(await again.textContent('#cg-resume-code')).toBe(resumeCode);

    // Back to the campaign: the saved game is listed at round 2 and resumes from there.
    await again.click('#cg-campaign-open');
    const code = resumeCode.slice(0, 6);
    const saved = again.locator(`.cg-save[data-code="${code}"]`);
    await saved.waitFor();
    expect(await saved.getAttribute('data-round')).toBe('2');
    expect(await saved.textContent()).toContain(FIRST.title.en);
    await again.screenshot({ path: `${SHOTS}/campaign-saved.png`, fullPage: true });
    await saved.locator('.cg-save-resume').click();
    await atRound(again, 2);
  }, 240_000);

  it('resumes with the code in a fresh browser, on a phone', async () => {
    expect(resumeCode).not.toBe('');
    const phone = await newContext(360, 740);
    const page = await phone.newPage();
    await openCampaign(page);
    await page.screenshot({ path: `${SHOTS}/campaign-phone.png`, fullPage: true });
    await page.fill('#cg-resume-input', 'not a code');
    await page.click('#cg-resume-submit');
    await page.waitForSelector('#cg-resume-error:not([hidden])');
    // Typed as a person might: lower case, spaces instead of dashes.
    await page.fill('#cg-resume-input', `  ${resumeCode.toLowerCase().replace(/-/g, ' ')} `);
    await page.click('#cg-resume-submit');
    await atRound(page, 2);
    expect(await page.textContent('#cg-resume-code')).toBe(resumeCode);
    // A game already past round 1 does not start the tutorial again in a new browser.
    expect(await page.isHidden('#cg-tutorial')).toBe(true);
    // The tutorial can be replayed from the header, and Escape skips it.
    await page.click('#cg-tutorial-open');
    await tutorialAt(page, 'pan');
    await page.screenshot({ path: `${SHOTS}/tutorial-phone.png` });
    await page.keyboard.press('Escape');
    await page.waitForSelector('#cg-tutorial', { state: 'hidden' });
    // The glossary lists every entry with a source.
    await page.click('#cg-glossary-open');
    await page.waitForSelector('.cg-glossary[open]');
    expect(await page.locator('.cg-glossary-list dt').count()).toBeGreaterThan(5);
    await page.screenshot({ path: `${SHOTS}/glossary-phone.png` });
    await page.keyboard.press('Escape');
    // The advisor can be switched off, and stays off.
    await page.click('#cg-advisor-toggle');
    expect(await page.getAttribute('#cg-advisor-toggle', 'aria-pressed')).toBe('false');
    expect(await page.isHidden('#cg-advisor')).toBe(true);
    await page.reload();
    await atRound(page, 2);
    expect(await page.getAttribute('#cg-advisor-toggle', 'aria-pressed')).toBe('false');
    await page.screenshot({ path: `${SHOTS}/play-phone-solo.png` });

    // The campaign in Chinese.
    await page.click('#cg-campaign-open');
    await page.waitForSelector('.cg-card');
    await page.click('.cg-screen [data-lang="zh"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await page.textContent('#cg-heading')).toBe('你的战役');
    expect(await page.textContent(`.cg-card[data-entry="${FIRST.id}"] h3`)).toBe(FIRST.title.zh);
    await page.screenshot({ path: `${SHOTS}/campaign-zh-phone.png`, fullPage: true });
  }, 120_000);

  it('a second tab of the same solo game takes over quietly, and the first can take it back', async () => {
    // This browser plays the saved game: opening the game's address in a tab resumes it there.
    const openHere = async (): Promise<Page> => {
      const page = await home.newPage();
      await page.goto(`${stack.url}?test=1`);
      await atRound(page, 2);
      return page;
    };
    const first = await openHere();
    const second = await openHere();
    await first.waitForSelector('#elsewhere-text');
    expect(await first.textContent('#elsewhere-text')).toMatch(/continues there/);
    expect(await first.locator('.notice').count()).toBe(0);
    await first.screenshot({ path: `${SHOTS}/solo-elsewhere.png` });
    await first.click('#elsewhere-play');
    await atRound(first, 2);
    await second.waitForSelector('#elsewhere-text');
    await second.close();
    await first.close();
  }, 120_000);

  it('plays the scenario to its end report', async () => {
    // This browser still holds the game: the page takes its seat back from the phone.
    const page = await home.newPage();
    await page.goto(`${stack.url}?test=1`);
    await atRound(page, 2);
    for (let round = 2; round <= FIRST.rounds; round++) {
      await atRound(page, round);
      await page.locator('#pp-submit').dispatchEvent('click');
      await page.waitForFunction(
        (r) => {
          const play = (window as unknown as { __play?: PlayHandle }).__play;
          return (
            (play?.round === r && play.phase !== 'planning') || document.querySelector('#cg-report')
          );
        },
        round,
        { timeout: 30_000 },
      );
      if (await page.locator('#cg-report').count()) break;
      if (round < FIRST.rounds) await page.click('.play-continue');
    }
    await page.waitForSelector('#cg-report[open]', { timeout: 30_000 });
    const status = await page.getAttribute('#cg-report', 'data-status');
    expect(['won', 'lost']).toContain(status);
    expect(await page.locator('.cg-path tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('#cg-report .cg-fact').count()).toBe(FIRST.history.length);
    await page.screenshot({ path: `${SHOTS}/end-report.png` });
    await page.click('#cg-report-campaign');
    await page.waitForSelector('.cg-card');
    const second = await page.getAttribute(`.cg-card[data-entry="${SECOND.id}"]`, 'data-locked');
    expect(second).toBe(status === 'won' ? 'false' : 'true');
    await page.click('[data-lang="zh"]');
    await page.screenshot({ path: `${SHOTS}/campaign-zh.png`, fullPage: true });
    await page.click('[data-lang="en"]');

    // Deleting the saved game removes it here and on the server.
    const code = resumeCode.slice(0, 6);
    await page.click(`.cg-save[data-code="${code}"] .cg-save-delete`);
    await page.click('dialog[open] .btn-danger');
    await page.waitForSelector('.cg-saves-empty');
    const gone = await fetch(`${stack.game.url}/api/solo/resume`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, seatToken: resumeCode.slice(7).replace('-', '') }),
    });
    expect(gone.status).toBe(404);
  }, 240_000);
});
