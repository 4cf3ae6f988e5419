/**
 * Builds the town atlas from the project's own art (docs/art.md):
 *   1. writes every sprite of assets/art/catalogue.ts to assets/svg/<frame>.svg (the sources a
 *      person can open and inspect), then adds any hand-drawn SVG from assets/svg/extra/;
 *   2. rasterises them at 2× in headless Chromium (the same engine the players use, so the
 *      result matches what a browser would draw), trims the transparent margins;
 *   3. packs them into assets/atlas/town.png + town.json (Phaser JSON-hash format);
 *   4. writes the same atlas as town.webp, the file the game loads: WebP at quality 0.8 (alpha
 *      kept exact), 0.49 MB instead of the PNG's 1.65 MB, which a phone on a slow school network
 *      feels (BENCHMARKS.md, client). Side by side at 1:1 the sprites look the same; quality 1
 *      (lossless) would be 0.82 MB.
 *
 *   npx tsx scripts/build-atlas.ts                 # rebuild the atlas
 *   npx tsx scripts/build-atlas.ts --contact x.png [--filter <regex>] [--cell <px>]
 *                                     # also write a labelled contact sheet of (some) sprites
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';
import { format } from 'prettier';
import { catalogue } from '../assets/art/catalogue';

const ROOT = join(import.meta.dirname, '..');
const SVG_DIR = join(ROOT, 'assets/svg');
const EXTRA_DIR = join(SVG_DIR, 'extra');
const ATLAS_DIR = join(ROOT, 'assets/atlas');
/** Rasterisation scale: sprites are authored with 64×32 px tiles and drawn with 128×64 tiles. */
const SCALE = 2;
const ATLAS_WIDTH = 2048;
const PADDING = 2;

interface Rastered {
  name: string;
  /** Source size at SCALE. */
  w: number;
  h: number;
  /** Trimmed box inside the source. */
  tx: number;
  ty: number;
  tw: number;
  th: number;
}

interface Placed extends Rastered {
  x: number;
  y: number;
}

function writeSources(): { name: string; svg: string }[] {
  mkdirSync(SVG_DIR, { recursive: true });
  for (const f of readdirSync(SVG_DIR)) if (f.endsWith('.svg')) rmSync(join(SVG_DIR, f));
  const sprites = catalogue();
  for (const s of sprites) writeFileSync(join(SVG_DIR, `${s.name}.svg`), s.svg);
  if (existsSync(EXTRA_DIR)) {
    for (const f of readdirSync(EXTRA_DIR)
      .filter((n) => n.endsWith('.svg'))
      .sort()) {
      sprites.push({ name: basename(f, '.svg'), svg: readFileSync(join(EXTRA_DIR, f), 'utf8') });
    }
  }
  const names = new Set<string>();
  for (const s of sprites) {
    if (names.has(s.name)) throw new Error(`duplicate sprite name ${s.name}`);
    names.add(s.name);
  }
  return sprites;
}

/** Shelf packing, tallest first: simple, deterministic and good enough for ~200 sprites. */
function pack(items: Rastered[]): { placed: Placed[]; height: number } {
  const sorted = [...items].sort(
    (a, b) => b.th - a.th || b.tw - a.tw || a.name.localeCompare(b.name),
  );
  const placed: Placed[] = [];
  let x = PADDING;
  let y = PADDING;
  let shelf = 0;
  for (const it of sorted) {
    if (x + it.tw + PADDING > ATLAS_WIDTH) {
      x = PADDING;
      y += shelf + PADDING;
      shelf = 0;
    }
    placed.push({ ...it, x, y });
    x += it.tw + PADDING;
    shelf = Math.max(shelf, it.th);
  }
  const height = Math.ceil((y + shelf + PADDING) / 4) * 4;
  return { placed, height };
}

async function main(): Promise<void> {
  const contactIndex = process.argv.indexOf('--contact');
  const contactPath = contactIndex > 0 ? process.argv[contactIndex + 1] : null;
  const sprites = writeSources();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<html><body></body></html>');
    // Step 1: rasterise each sprite in the page and measure its opaque box.
    const rastered: Rastered[] = await page.evaluate(
      async ({ sprites, scale }) => {
        const out: Rastered[] = [];
        const w = window as unknown as { __rasters: Record<string, HTMLCanvasElement> };
        w.__rasters = {};
        for (const s of sprites) {
          const img = new Image();
          img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.svg)}`;
          await img.decode();
          const cw = Math.ceil(img.naturalWidth * scale);
          const ch = Math.ceil(img.naturalHeight * scale);
          const canvas = document.createElement('canvas');
          canvas.width = cw;
          canvas.height = ch;
          const ctx = canvas.getContext('2d', { willReadFrequently: true });
          if (!ctx) throw new Error('no 2d context');
          ctx.drawImage(img, 0, 0, cw, ch);
          const data = ctx.getImageData(0, 0, cw, ch).data;
          let x0 = cw;
          let y0 = ch;
          let x1 = -1;
          let y1 = -1;
          for (let y = 0; y < ch; y++)
            for (let x = 0; x < cw; x++)
              if (data[(y * cw + x) * 4 + 3] > 2) {
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                if (y > y1) y1 = y;
              }
          if (x1 < 0) {
            x0 = 0;
            y0 = 0;
            x1 = 0;
            y1 = 0;
          }
          w.__rasters[s.name] = canvas;
          out.push({
            name: s.name,
            w: cw,
            h: ch,
            tx: x0,
            ty: y0,
            tw: x1 - x0 + 1,
            th: y1 - y0 + 1,
          });
        }
        return out;
      },
      { sprites, scale: SCALE },
    );
    // Step 2: pack in Node (deterministic order), then draw the atlas in the page.
    const { placed, height } = pack(rastered);
    const [png, webp]: string[] = await page.evaluate(
      ({ placed, width, height }) => {
        const w = window as unknown as { __rasters: Record<string, HTMLCanvasElement> };
        const atlas = document.createElement('canvas');
        atlas.width = width;
        atlas.height = height;
        const ctx = atlas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        for (const p of placed)
          ctx.drawImage(w.__rasters[p.name], p.tx, p.ty, p.tw, p.th, p.x, p.y, p.tw, p.th);
        return [atlas.toDataURL('image/png'), atlas.toDataURL('image/webp', 0.8)];
      },
      { placed, width: ATLAS_WIDTH, height },
    );
    mkdirSync(ATLAS_DIR, { recursive: true });
    writeFileSync(join(ATLAS_DIR, 'town.png'), Buffer.from(png.split(',')[1], 'base64'));
    writeFileSync(join(ATLAS_DIR, 'town.webp'), Buffer.from(webp.split(',')[1], 'base64'));
    const frames: Record<string, unknown> = {};
    for (const p of [...placed].sort((a, b) => a.name.localeCompare(b.name))) {
      frames[p.name] = {
        frame: { x: p.x, y: p.y, w: p.tw, h: p.th },
        rotated: false,
        trimmed: p.tw !== p.w || p.th !== p.h,
        spriteSourceSize: { x: p.tx, y: p.ty, w: p.tw, h: p.th },
        sourceSize: { w: p.w, h: p.h },
      };
    }
    const json = {
      frames,
      meta: {
        app: 'cluster-towns scripts/build-atlas.ts',
        version: '1.0',
        image: 'town.webp',
        format: 'RGBA8888',
        size: { w: ATLAS_WIDTH, h: height },
        scale: '1',
      },
    };
    // formatted like the rest of the repository, so `prettier --check .` passes on it
    writeFileSync(
      join(ATLAS_DIR, 'town.json'),
      await format(JSON.stringify(json), { parser: 'json' }),
    );
    console.log(`atlas: ${placed.length} sprites, ${ATLAS_WIDTH}×${height}`);
    if (contactPath) {
      const filterIndex = process.argv.indexOf('--filter');
      const filter = new RegExp(filterIndex > 0 ? process.argv[filterIndex + 1] : '.');
      const cellIndex = process.argv.indexOf('--cell');
      const cell = cellIndex > 0 ? Number(process.argv[cellIndex + 1]) : 200;
      const names = sprites.map((s) => s.name).filter((n) => filter.test(n));
      await contactSheet(page, names, contactPath, cell);
    }
  } finally {
    await browser.close();
  }
}

/** A labelled grid of every sprite on a light ground, for reviewing the art by eye. */
async function contactSheet(
  page: import('playwright-core').Page,
  names: string[],
  path: string,
  cell: number,
): Promise<void> {
  const dataUrl: string = await page.evaluate(
    ({ names, cell }) => {
      const w = window as unknown as { __rasters: Record<string, HTMLCanvasElement> };
      const cols = Math.max(1, Math.floor(2000 / cell));
      const rows = Math.ceil(names.length / cols);
      const sheet = document.createElement('canvas');
      sheet.width = cols * cell;
      sheet.height = rows * (cell + 16);
      const ctx = sheet.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.fillStyle = '#e9eef0';
      ctx.fillRect(0, 0, sheet.width, sheet.height);
      ctx.font = '11px sans-serif';
      names.forEach((n, i) => {
        const c = w.__rasters[n];
        const x = (i % cols) * cell;
        const y = Math.floor(i / cols) * (cell + 16);
        const k = Math.min(3, (cell - 8) / Math.max(c.width, c.height));
        ctx.drawImage(
          c,
          x + (cell - c.width * k) / 2,
          y + cell - c.height * k,
          c.width * k,
          c.height * k,
        );
        ctx.fillStyle = '#222';
        ctx.fillText(n, x + 4, y + cell + 12);
      });
      return sheet.toDataURL('image/png');
    },
    { names, cell },
  );
  writeFileSync(path, Buffer.from(dataUrl.split(',')[1], 'base64'));
  console.log(`contact sheet: ${path}`);
}

await main();
