/**
 * Client benchmark: `npm run bench:client`. Builds the client (vite build), then reports
 *   - the JavaScript the start screen loads before it is interactive: the entry chunk and its
 *     static imports (modulepreload), raw and gzip; lazily loaded screens are listed apart;
 *   - the time from opening the page to an interactive start screen (the join form enabled),
 *     in Debian's Chromium against the production server (server/app.ts serving dist/client),
 *     median and worst of several cold loads (a fresh browser context each).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createGameServer } from '../server/app';
import { launchChromium } from '../tests/e2e/browser';
import { CPU_SLOWDOWN, FAST_3G, phoneLoad, startClass, type PhoneLoad } from './bench-client-phone';

const DIST = 'dist/client';
const LOADS = 7;
/** Cold loads of the throttled phone run (issue 16: median of 5). */
const PHONE_LOADS = Number(process.env.PHONE_LOADS ?? 5);

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function startScreenChunks(): { entry: string[]; lazy: string[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const all = readdirSync(join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  return { entry, lazy: all.filter((f) => !entry.includes(f)) };
}

function sizes(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const data = readFileSync(join(DIST, f));
    raw += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { raw, gzip };
}

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const { entry, lazy } = startScreenChunks();
  const start = sizes(entry);
  const later = sizes(lazy);

  const dataDir = mkdtempSync(join(tmpdir(), 'cluster-towns-bench-client-'));
  const server = await createGameServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clientDir: DIST,
    log: () => undefined,
  });
  const browser = await launchChromium();
  const times: number[] = [];
  const phone: PhoneLoad[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${server.port}/`, { waitUntil: 'commit' });
      await page.waitForSelector('#join-code:not([disabled])', { timeout: 30_000 });
      // performance.now() counts from the navigation start of this page.
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    const base = `http://127.0.0.1:${server.port}`;
    const { code, teacher } = await startClass(base);
    for (let i = 0; i < PHONE_LOADS; i++) phone.push(await phoneLoad(browser, base, code, i));
    await teacher.room.leave();
  } finally {
    await browser.close();
    await server.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  phone.sort((a, b) => a.toTown - b.toTown);
  const mid = phone[Math.floor(phone.length / 2)];
  const phoneRange = `${(phone[0].toTown / 1000).toFixed(1)}–${(phone[phone.length - 1].toTown / 1000).toFixed(1)} s`;

  console.log(`## Client (${new Date().toISOString().slice(0, 10)})\n`);
  console.log('| figure | value |\n|---|---|');
  console.log(
    `| start screen JavaScript (${entry.length} files), raw / gzip | ${kb(start.raw)} / ${kb(start.gzip)} |`,
  );
  console.log(
    `| lazily loaded screens (${lazy.length} files: play, instructor, Phaser…), raw / gzip | ${kb(later.raw)} / ${kb(later.gzip)} |`,
  );
  console.log(
    `| page open → interactive start screen, median / worst of ${LOADS} cold loads | ${median.toFixed(0)} / ${times[times.length - 1].toFixed(0)} ms |`,
  );
  const net = `${(FAST_3G.downloadThroughput / 1000).toFixed(0)} kB/s, ${FAST_3G.latency} ms`;
  console.log(
    `| phone (Fast 3G: ${net}; CPU ${CPU_SLOWDOWN}× slower): join link → own town drawn, median (range) of ${phone.length} cold loads | ${(mid.toTown / 1000).toFixed(1)} s (${phoneRange}) |`,
  );
  console.log(
    `| phone: JavaScript before the town (${mid.jsFiles} files), on the wire | ${kb(mid.jsBytes)} |`,
  );
  console.log(`| phone: everything before the town, on the wire | ${kb(mid.allBytes)} |`);
  console.log(`\nJavaScript before the town (median load): ${mid.scripts.join(', ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
