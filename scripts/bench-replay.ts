/**
 * Replay benchmark (issue 5): `npx tsx scripts/bench-replay.ts`. Builds a 40-town, 30-round log
 * of computer towns (open-door-1980) and reports
 *   - its size on disk, raw and gzip (goal: under 200 KB gzip);
 *   - Node: parse and verify it (replayLog), median of 5;
 *   - Chromium: open it in the viewer through the file input and wait until it is verified and
 *     shown (window.__replay.status === 'ready'), median of 5 fresh tabs (goal: under 1 s). The
 *     file is picked once the page has settled (network idle + 1 s), as a teacher would.
 * The browser figures come from the viewer itself: `verifyMs` is the re-simulation alone,
 * `loadMs` runs from the file being picked to a ready viewer; the wall time seen from Node
 * (file chosen → ready, through the DevTools protocol) is printed beside them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createServer } from 'vite';
import { STRATEGY_IDS, endLog, parseLog, replayLog } from '../shared/index';
import { launchChromium } from '../tests/e2e/browser';
import { playMatch } from './common';

const TOWNS = 40;
const ROUNDS = 30;
const RUNS = 5;
const SETTLE_MS = 1000;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${Math.round(value)} ms`;

interface BrowserRun {
  verifyMs: number;
  loadMs: number;
  wallMs: number;
}

async function browserRuns(file: string): Promise<BrowserRun[]> {
  const vite = await createServer({
    configFile: 'vite.config.ts',
    server: { port: 0, host: '127.0.0.1' },
    // Bundle the dependencies first, so no re-optimisation reloads the page mid-measurement.
    cacheDir: 'node_modules/.vite-bench-replay',
    optimizeDeps: { include: ['colyseus.js', 'chart.js', 'i18next', 'zod', 'phaser'] },
    logLevel: 'silent',
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not start');
  const url = `http://127.0.0.1:${address.port}/?replay&test=1`;
  const browser = await launchChromium();
  const runs: BrowserRun[] = [];
  try {
    // One warm-up load, so that Vite's first transform of the modules is not measured.
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('#replay-file', { state: 'attached', timeout: 60_000 });
      // A teacher opens the viewer, then picks a file: the page's own start-up (compiling the
      // scenes it fetches in the background) is not part of loading the log.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(SETTLE_MS);
      const started = Date.now();
      await page.setInputFiles('#replay-file', file);
      await page.waitForFunction(
        () => window.__replay?.status === 'ready' || window.__replay?.status === 'error',
        undefined,
        { timeout: 120_000, polling: 5 },
      );
      const wallMs = Date.now() - started;
      const handle = await page.evaluate(() => ({ ...window.__replay! }));
      if (handle.status !== 'ready') throw new Error(`the viewer refused the log: ${handle.error}`);
      if (i > 0) runs.push({ verifyMs: handle.verifyMs, loadMs: handle.loadMs, wallMs });
      await context.close();
    }
  } finally {
    await browser.close();
    await vite.close();
  }
  return runs;
}

async function main(): Promise<void> {
  const { log } = playMatch({
    scenarioId: 'open-door-1980',
    seed: 1,
    rounds: ROUNDS,
    towns: TOWNS,
    strategies: STRATEGY_IDS,
  });
  endLog(log);
  const text = `${JSON.stringify(log)}\n`;
  const raw = Buffer.byteLength(text);
  const gzip = gzipSync(text).length;

  const replayTimes: number[] = [];
  const parseTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const parsed = parseLog(JSON.parse(text));
    const t1 = performance.now();
    replayLog(parsed);
    const t2 = performance.now();
    parseTimes.push(t1 - t0);
    replayTimes.push(t2 - t1);
  }

  const dir = mkdtempSync(join(tmpdir(), 'cluster-towns-bench-replay-'));
  const file = join(dir, 'open-door-40x30.json');
  writeFileSync(file, text);
  let runs: BrowserRun[];
  try {
    runs = await browserRuns(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`## Replay (${new Date().toISOString().slice(0, 10)})\n`);
  console.log(`A ${TOWNS}-town, ${ROUNDS}-round log of computer towns (open-door-1980, seed 1).\n`);
  console.log('| figure | value | goal |\n|---|---|---|');
  console.log(`| log size, raw | ${kb(raw)} (${raw} bytes) | |`);
  console.log(`| log size, gzip | ${kb(gzip)} (${gzip} bytes) | under 200 KB |`);
  console.log(`| Node: JSON.parse + parseLog, median of ${RUNS} | ${ms(median(parseTimes))} | |`);
  console.log(
    `| Node: replayLog (verify ${ROUNDS} rounds), median of ${RUNS} | ${ms(median(replayTimes))} | |`,
  );
  console.log(
    `| Chromium: verify (re-simulation in the viewer), median of ${RUNS} | ${ms(median(runs.map((r) => r.verifyMs)))} | |`,
  );
  console.log(
    `| Chromium: file picked → viewer ready, median of ${RUNS} | ${ms(median(runs.map((r) => r.loadMs)))} | under 1 s |`,
  );
  console.log(
    `| Chromium: the same seen from Node (DevTools round trips), median of ${RUNS} | ${ms(median(runs.map((r) => r.wallMs)))} | |`,
  );
  console.log(
    `\nChromium runs (load ms): ${runs.map((r) => Math.round(r.loadMs)).join(', ')}; Node replays (ms): ${replayTimes.map(Math.round).join(', ')}.`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
