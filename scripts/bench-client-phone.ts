/**
 * The school-phone run of `npm run bench:client` (issue 16): a student opens the class's join
 * link (`/?join=CODE`) on a throttled phone, types a name, joins, and waits for their own town
 * to be drawn (`window.__clusterTowns.town.ready`, set by the town scene once its first frame
 * with the town is on screen).
 *
 * The phone: a 390 × 844 viewport at device scale 3 with touch, Chromium's "Fast 3G" network
 * profile as DevTools defines it (562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up) and the
 * CPU slowed 4× (Emulation.setCPUThrottlingRate), both over the DevTools protocol. Each load is
 * cold (a fresh browser context, so no HTTP cache). The class is already running, so the figure
 * is the client's own cost, not a teacher's.
 */
import type { Browser } from 'playwright-core';
import { createSession, joinInstructor, type Joined } from '../tests/integration/helpers';

/** DevTools' "Fast 3G" preset (front_end/core/sdk/NetworkManager.ts). */
export const FAST_3G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
} as const;
export const CPU_SLOWDOWN = 4;

export interface PhoneLoad {
  /** Navigation start → the student's own town drawn, ms. */
  toTown: number;
  /** JavaScript fetched before the town was drawn: files and bytes on the wire. */
  jsFiles: number;
  jsBytes: number;
  /** Every response before the town was drawn (JS, CSS, atlas, API), bytes on the wire. */
  allBytes: number;
  /** The JavaScript files fetched before the town was drawn, with bytes on the wire. */
  scripts: string[];
}

/** One running class for every load; each load seats a new student in it. */
export async function startClass(base: string): Promise<{ code: string; teacher: Joined }> {
  const session = await createSession(base, {
    scenarioId: 'open-door-1980',
    towns: 4,
    rounds: 5,
    seed: 1,
    planningSeconds: 1800,
    briefingSeconds: 0,
    resultsSeconds: 1800,
  });
  const teacher = await joinInstructor(base, session);
  teacher.room.send('instructor:start', {});
  return { code: session.code, teacher };
}

export async function phoneLoad(browser: Browser, base: string, code: string, n: number) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const wire = new Map<string, { bytes: number; js: boolean; url: string }>();
    cdp.on('Network.responseReceived', (e) => {
      wire.set(e.requestId, { bytes: 0, js: e.type === 'Script', url: e.response.url });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const entry = wire.get(e.requestId);
      if (entry) entry.bytes = e.encodedDataLength;
    });
    await page.goto(`${base}/?join=${code}`, { waitUntil: 'commit' });
    await page.waitForSelector('#join-name', { timeout: 120_000 });
    await page.fill('#join-name', `Phone ${n}`);
    await page.click('#door-join button[type=submit]');
    await page.waitForFunction(() => window.__clusterTowns?.town?.ready === true, undefined, {
      timeout: 180_000,
      polling: 50,
    });
    const toTown = await page.evaluate(() => performance.now());
    const files = [...wire.values()];
    const js = files.filter((f) => f.js);
    return {
      toTown,
      jsFiles: js.length,
      jsBytes: js.reduce((s, f) => s + f.bytes, 0),
      allBytes: files.reduce((s, f) => s + f.bytes, 0),
      scripts: js.map((f) => `${f.url.split('/').pop()} ${(f.bytes / 1024).toFixed(1)} KB`),
    } satisfies PhoneLoad;
  } finally {
    await context.close();
  }
}
