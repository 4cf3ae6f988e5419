/**
 * Factory buildings of the seven sectors, for each firm kind and size stage, active and closed.
 *
 * A building is a body (walls) + a sector roof + sector props + signs. The roof and props carry
 * the sector so it reads at a glance even on a blue foreign-plant shed: sawtooth weaving sheds
 * and spools (textiles), a tiled gable with a boot on the ridge (footwear), kilns, chimneys and
 * tile stacks (ceramics), a timber shed with log piles (furniture), stacked coloured blocks
 * (toys), a glass plant with a chip sign (electronics), a big ribbed shed with a fridge sign
 * (appliances). The closed variant reuses the same silhouette so the eye sees "that factory,
 * shut": drained colours, boarded windows, a hole in the roof, weeds and a 招租 sign.
 */
import { IsoCanvas } from './iso';
import { banner, foreignLogo, iconBoard, leaseSign, shutter } from './glyphs';
import { C, SECTOR_COLOURS, shade, weathered, type ArtSector } from './palette';

export type Form = 'sme1' | 'sme2' | 'foreign2' | 'foreign3' | 'leading' | 'soe';

interface Look {
  closed: boolean;
  /** Colour as painted: weathered when the plant is closed. */
  c(hex: string): string;
}

function look(closed: boolean): Look {
  return { closed, c: (hex) => (closed ? weathered(hex) : hex) };
}

interface Body {
  x: number;
  y: number;
  w: number;
  d: number;
  h: number;
}

const LOCAL_WALL: Record<ArtSector, string> = {
  textiles: C.cream,
  footwear: C.brick,
  ceramics: '#d9cbb2',
  furniture: C.wood,
  toys: '#e8553f',
  electronics: C.white,
  appliances: '#c5d1cc',
};

const TOY_BLOCKS = ['#e8553f', '#f2c230', '#3f8fd8', '#4fb05a', '#f08a2c'];

// --- roofs -----------------------------------------------------------------------------------

function roof(cv: IsoCanvas, s: ArtSector, b: Body, lk: Look): void {
  const z = b.h;
  const big = b.w > 1.2;
  switch (s) {
    case 'textiles': {
      const teeth = Math.max(2, Math.round(b.w * 5));
      cv.sawtooth(b.x, b.y, z, b.w, b.d, big ? 11 : 7, teeth, lk.c(C.roofGrey), lk.c(C.glass));
      break;
    }
    case 'footwear':
      cv.gable(
        b.x,
        b.y,
        z,
        b.w,
        b.d,
        big ? 16 : 10,
        'x',
        lk.c(C.roofTile),
        lk.c(LOCAL_WALL.footwear),
      );
      break;
    case 'ceramics':
      cv.gable(b.x, b.y, z, b.w, b.d, big ? 9 : 6, 'x', lk.c('#9c6d55'), lk.c('#d9cbb2'));
      break;
    case 'furniture':
      cv.gable(b.x, b.y, z, b.w, b.d, big ? 16 : 11, 'y', lk.c('#6d4c2f'), lk.c(C.wood));
      break;
    case 'toys':
      // a roof of smaller coloured blocks: the building reads as a stack of toy bricks
      cv.box(b.x + b.w * 0.1, b.y + b.d * 0.15, z, b.w * 0.4, b.d * 0.45, big ? 14 : 8, {
        wall: lk.c(TOY_BLOCKS[1]),
      });
      cv.box(b.x + b.w * 0.55, b.y + b.d * 0.45, z, b.w * 0.35, b.d * 0.4, big ? 9 : 6, {
        wall: lk.c(TOY_BLOCKS[2]),
      });
      break;
    case 'electronics': {
      // flat roof with air-handling units (clean rooms need lots of conditioned air)
      const n = big ? 3 : 2;
      for (let i = 0; i < n; i++) {
        cv.box(b.x + b.w * (0.15 + i * 0.28), b.y + b.d * 0.2, z, b.w * 0.16, b.d * 0.22, 4, {
          wall: lk.c('#b7bec4'),
        });
      }
      break;
    }
    case 'appliances':
      cv.gable(
        b.x,
        b.y,
        z,
        b.w,
        b.d,
        big ? 8 : 5,
        'x',
        lk.c('#a9b4bb'),
        lk.c(LOCAL_WALL.appliances),
      );
      break;
  }
}

// --- walls -----------------------------------------------------------------------------------

function walls(cv: IsoCanvas, s: ArtSector, form: Form, b: Body, lk: Look): void {
  const foreign = form === 'foreign2' || form === 'foreign3';
  const soe = form === 'soe';
  let wall = soe ? C.redBrick : foreign ? C.foreignBlue : LOCAL_WALL[s];
  if (s === 'electronics' && !foreign) wall = C.white;
  cv.box(b.x, b.y, 0, b.w, b.d, b.h, { wall: lk.c(wall) });
  const wallLen = b.w; // left wall runs along x
  const sideLen = b.d;
  if (foreign && !lk.closed) {
    // ribbed cladding: vertical light stripes on both walls
    let ribs = '';
    for (let u = 2; u < wallLen * 32; u += 3) ribs += `M${u} 0v${b.h}`;
    cv.decal(
      'left',
      b.x,
      b.y + b.d,
      b.h,
      `<path d="${ribs}" stroke="${C.foreignStripe}" stroke-width="0.6"/>`,
    );
  }
  if (s === 'furniture' && !foreign && !soe) {
    let planks = '';
    for (let u = 2; u < wallLen * 32; u += 2.5) planks += `M${u} 0v${b.h}`;
    cv.decal(
      'left',
      b.x,
      b.y + b.d,
      b.h,
      `<path d="${planks}" stroke="${lk.c(C.woodDark)}" stroke-width="0.4"/>`,
    );
  }
  if (s === 'toys' && !foreign && !soe) {
    // a band of coloured panels along the base
    const n = Math.max(3, Math.round(wallLen * 6));
    const pw = (wallLen * 32) / n;
    let panels = '';
    for (let i = 0; i < n; i++)
      panels += `<rect x="${i * pw}" y="0" width="${pw}" height="${b.h * 0.45}" fill="${lk.c(TOY_BLOCKS[i % TOY_BLOCKS.length])}"/>`;
    cv.decal('left', b.x, b.y + b.d, b.h * 0.45, panels);
  }
  // windows: glass bands for electronics, rows of windows for the rest
  const rows = Math.max(1, Math.floor(b.h / 11));
  if (s === 'electronics' && !foreign && !soe) {
    const glass = lk.closed ? '#6b6f70' : C.glassDark;
    for (let r = 0; r < rows; r++) {
      const z = b.h - 3 - r * 11;
      cv.decal(
        'left',
        b.x,
        b.y + b.d,
        z,
        `<rect x="1" y="0" width="${wallLen * 32 - 2}" height="6" fill="${glass}" stroke="#e8eef2" stroke-width="0.5"/>`,
      );
      cv.decal(
        'right',
        b.x + b.w,
        b.y + b.d,
        z,
        `<rect x="1" y="0" width="${sideLen * 32 - 2}" height="6" fill="${shade(glass, -0.2)}" stroke="#e8eef2" stroke-width="0.5"/>`,
      );
    }
    if (lk.closed) boardLeft(cv, b, rows);
  } else {
    const cols = Math.max(2, Math.round(wallLen * 5));
    cv.windows('left', b.x, b.y + b.d, b.h - 3, wallLen, rows, cols, {
      glass: lk.closed ? '#555' : C.glass,
      boarded: lk.closed,
      rowGap: 11,
    });
    cv.windows(
      'right',
      b.x + b.w,
      b.y + b.d,
      b.h - 3,
      sideLen,
      rows,
      Math.max(2, Math.round(sideLen * 4)),
      {
        glass: lk.closed ? '#444' : shade(C.glass, -0.25),
        boarded: lk.closed,
        rowGap: 11,
      },
    );
  }
  // a door: a roll-up shutter for workshops, a loading dock for bigger plants
  const doorW = Math.min(10, wallLen * 32 * 0.3);
  const doorH = Math.min(8, b.h * 0.6);
  cv.decal(
    'left',
    b.x + b.w * 0.55,
    b.y + b.d,
    doorH,
    lk.closed
      ? shutter(doorW, doorH, '#8d8a84') +
          `<path d="M1 ${doorH * 0.3}l${doorW - 2} ${doorH * 0.4}" stroke="#c23b2a" stroke-width="0.6"/>`
      : shutter(doorW, doorH),
  );
  if (soe) {
    const bw = Math.min(wallLen * 32 * 0.6, 40);
    cv.decal('left', b.x + b.w * 0.05, b.y + b.d, b.h + 1, banner(bw, 4, lk.c('#c8302a')));
  }
}

function boardLeft(cv: IsoCanvas, b: Body, rows: number): void {
  for (let r = 0; r < rows; r++) {
    let planks = '';
    for (let u = 4; u < b.w * 32 - 4; u += 9)
      planks += `<rect x="${u}" y="0" width="6" height="6" fill="#6b4a2b"/><path d="M${u} 0l6 6M${u} 6l6-6" stroke="#a07a4c" stroke-width="0.7"/>`;
    cv.decal('left', b.x, b.y + b.d, b.h - 3 - r * 11, planks);
  }
}

// --- props and signs -------------------------------------------------------------------------

/** Sector props standing in a free corner of the yard around (px, py). */
function props(cv: IsoCanvas, s: ArtSector, px: number, py: number, scale: number, lk: Look): void {
  const col = lk.c(SECTOR_COLOURS[s]);
  switch (s) {
    case 'textiles':
      cv.cylinder(px, py, 0, 0.06 * scale, 8 * scale, lk.c('#e9d3a8'));
      cv.cylinder(px, py, 1, 0.045 * scale, 6 * scale, col);
      cv.cylinder(px + 0.12 * scale, py + 0.05, 0, 0.06 * scale, 8 * scale, lk.c('#e9d3a8'));
      cv.cylinder(px + 0.12 * scale, py + 0.05, 1, 0.045 * scale, 6 * scale, lk.c('#5b8fd0'));
      break;
    case 'footwear':
      // stacked shoe boxes
      cv.box(px, py, 0, 0.14 * scale, 0.1 * scale, 4 * scale, { wall: lk.c('#d8b27a') });
      cv.box(px, py, 4 * scale, 0.14 * scale, 0.1 * scale, 4 * scale, { wall: lk.c('#e3c08d') });
      cv.box(px + 0.16 * scale, py, 0, 0.14 * scale, 0.1 * scale, 4 * scale, {
        wall: lk.c('#d8b27a'),
      });
      break;
    case 'ceramics':
      // pallets of floor tiles
      for (let i = 0; i < 2; i++) {
        cv.box(px + i * 0.16 * scale, py, 0, 0.13 * scale, 0.13 * scale, 7 * scale, {
          wall: lk.c('#e9e1cf'),
        });
        cv.decal(
          'left',
          px + i * 0.16 * scale,
          py + 0.13 * scale,
          7 * scale,
          `<path d="M0 2h${4 * scale}M0 4h${4 * scale}M0 6h${4 * scale}" stroke="${lk.c('#b49a7a')}" stroke-width="0.4"/>`,
        );
      }
      break;
    case 'furniture':
      // a log pile and a stack of planks
      for (let i = 0; i < 3; i++)
        cv.raw(logEnd(cv, px + 0.02 + i * 0.06 * scale, py + 0.12, 2.2 * scale, lk));
      cv.raw(logEnd(cv, px + 0.05 + 0.03 * scale, py + 0.12, 5.5 * scale, lk));
      cv.box(px + 0.18 * scale, py - 0.05, 0, 0.18 * scale, 0.07 * scale, 5 * scale, {
        wall: lk.c('#d9aa6c'),
      });
      break;
    case 'toys':
      cv.box(px, py, 0, 0.1 * scale, 0.1 * scale, 5 * scale, { wall: lk.c(TOY_BLOCKS[2]) });
      cv.box(px + 0.11 * scale, py, 0, 0.1 * scale, 0.1 * scale, 5 * scale, {
        wall: lk.c(TOY_BLOCKS[3]),
      });
      cv.box(px + 0.05 * scale, py, 5 * scale, 0.1 * scale, 0.1 * scale, 5 * scale, {
        wall: lk.c(TOY_BLOCKS[0]),
      });
      break;
    case 'electronics':
      // a small clean-room annex with a loading bay
      cv.box(px, py, 0, 0.16 * scale, 0.12 * scale, 5 * scale, { wall: lk.c('#dfe6ea') });
      break;
    case 'appliances':
      // boxed fridges waiting for the trucks
      cv.box(px, py, 0, 0.08 * scale, 0.08 * scale, 9 * scale, { wall: lk.c('#c8a36e') });
      cv.box(px + 0.1 * scale, py, 0, 0.08 * scale, 0.08 * scale, 9 * scale, {
        wall: lk.c('#c8a36e'),
      });
      cv.box(px + 0.2 * scale, py, 0, 0.08 * scale, 0.08 * scale, 9 * scale, {
        wall: lk.c('#c8a36e'),
      });
      break;
  }
}

function logEnd(cv: IsoCanvas, x: number, y: number, z: number, lk: Look): string {
  const [sx, sy] = cv.p(x, y, z);
  return `<circle cx="${sx}" cy="${sy}" r="2.4" fill="${lk.c('#d9a866')}" stroke="${lk.c('#6d4c2f')}" stroke-width="0.8"/>`;
}

/** Tall sector features that rise above the roof: chimneys, kilns, the boot, the chip sign. */
function landmark(cv: IsoCanvas, s: ArtSector, b: Body, lk: Look, big: boolean): void {
  const top = b.h;
  const k = big ? 1.6 : 1;
  // a shut plant's signs are faded: nobody has repainted them
  const faded = (svg: string) => (lk.closed ? `<g opacity="0.5">${svg}</g>` : svg);
  switch (s) {
    case 'ceramics': {
      // kiln chimneys at the back of the roof: the silhouette of Foshan's tile district
      const n = big ? 3 : 2;
      for (let i = 0; i < n; i++) {
        const cx = b.x + b.w * (0.25 + i * (0.5 / Math.max(1, n - 1)));
        cv.cylinder(
          cx,
          b.y + b.d * 0.22,
          top,
          0.05 * k,
          (big ? 48 : 30) - i * 4,
          lk.c('#a5604a'),
          lk.c('#4a3a33'),
        );
      }
      break;
    }
    case 'footwear':
      cv.billboard(
        b.x + b.w * 0.5,
        b.y + b.d * 0.5,
        top + (big ? 16 : 10),
        `<g transform="translate(${-8 * k} ${-15 * k}) scale(${k})">${iconBoardRaw('footwear', lk)}</g>`,
      );
      break;
    case 'electronics':
      cv.billboard(
        b.x + b.w * 0.75,
        b.y + b.d * 0.4,
        top,
        faded(
          `<g transform="translate(${-7 * k} ${-15 * k}) scale(${k * 0.9})">${iconBoard('electronics', 16, 16, lk.closed ? '#9a9a9a' : '#ffffff')}</g>`,
        ),
      );
      break;
    case 'appliances':
      cv.billboard(
        b.x + b.w * 0.5,
        b.y + b.d * 0.5,
        top + (big ? 8 : 5),
        faded(
          `<g transform="translate(${-7 * k} ${-17 * k}) scale(${k * 0.95})">${iconBoard('appliances', 15, 17, lk.closed ? '#8c8c8c' : SECTOR_COLOURS.appliances)}</g>`,
        ),
      );
      break;
    case 'textiles':
      cv.decal('left', b.x + b.w * 0.08, b.y + b.d, b.h - 1, faded(iconBoard('textiles', 9, 9)));
      break;
    case 'furniture':
      cv.decal('left', b.x + b.w * 0.06, b.y + b.d, b.h - 1, faded(iconBoard('furniture', 9, 9)));
      break;
    case 'toys':
      cv.billboard(
        b.x + b.w * 0.8,
        b.y + b.d * 0.3,
        top + 4,
        faded(
          `<g transform="translate(${-6 * k} ${-12 * k}) scale(${k * 0.75})">${iconBoard('toys', 16, 16, lk.closed ? '#999' : '#fff6d0')}</g>`,
        ),
      );
      break;
  }
}

function iconBoardRaw(s: ArtSector, lk: Look): string {
  return lk.closed
    ? `<g opacity="0.6">${iconBoard(s, 16, 16, '#bbb')}</g>`
    : iconBoard(s, 16, 16, '#fff3e0');
}

/** Signs of decline: a hole in the roof, weeds at the foot of the walls, the lease board. */
function abandonment(cv: IsoCanvas, b: Body, big: boolean): void {
  const [hx, hy] = cv.p(b.x + b.w * 0.55, b.y + b.d * 0.45, b.h + 4);
  cv.raw(`<path d="M${hx - 5} ${hy} l3 -2 l4 1 l2 2 l-3 2 l-5 -1z" fill="#2b2724"/>`);
  for (let i = 0; i < (big ? 7 : 4); i++) {
    const [wx, wy] = cv.p(b.x + (b.w * (i + 0.5)) / (big ? 7 : 4), b.y + b.d + 0.03, 0);
    cv.raw(
      `<path d="M${wx - 2} ${wy} q1 -5 2 -6 q0 3 1 6 q1 -4 3 -5 q-1 3 -1 5z" fill="#6f8f3a"/>`,
    );
  }
  const w = big ? 30 : 20;
  const h = big ? 14 : 10;
  cv.decal('left', b.x + b.w * 0.12, b.y + b.d, b.h * 0.5 + h * 0.5, leaseSign(w, h));
}

// --- whole buildings -------------------------------------------------------------------------

const S_BODY: Record<'sme1' | 'sme2' | 'foreign2' | 'foreign3', Body> = {
  sme1: { x: 0.2, y: 0.26, w: 0.58, d: 0.52, h: 12 },
  sme2: { x: 0.12, y: 0.16, w: 0.76, d: 0.64, h: 21 },
  foreign2: { x: 0.1, y: 0.12, w: 0.8, d: 0.72, h: 19 },
  foreign3: { x: 0.05, y: 0.06, w: 0.9, d: 0.86, h: 27 },
};

export function factory(s: ArtSector, form: Form, closed: boolean): string {
  const lk = look(closed);
  if (form === 'leading' || form === 'soe') return bigPlant(s, form, lk);
  const b = S_BODY[form];
  const cv = new IsoCanvas(1, 1, 84);
  cv.slab(0.02, 0.02, 0.96, 0.96, lk.c(form === 'sme1' ? C.pavedDark : C.paved));
  props(cv, s, 0.72, 0.06, 0.7, lk);
  walls(cv, s, form, b, lk);
  roof(cv, s, b, lk);
  landmark(cv, s, b, lk, false);
  if (form === 'foreign2' || form === 'foreign3') {
    cv.decal(
      'left',
      b.x + b.w * 0.12,
      b.y + b.d,
      b.h + 8,
      lk.closed ? `<g opacity="0.5">${foreignLogo(24, 7)}</g>` : foreignLogo(24, 7),
    );
    cv.line(
      [b.x + b.w * 0.2, b.y + b.d, b.h],
      [b.x + b.w * 0.2, b.y + b.d, b.h + 1.5],
      '#555',
      0.6,
    );
  }
  if (closed) abandonment(cv, b, false);
  return cv.svg();
}

/** Leading enterprises and SOEs occupy a 2×2 plot: a big hall plus an office or a chimney. */
function bigPlant(s: ArtSector, form: 'leading' | 'soe', lk: Look): string {
  const cv = new IsoCanvas(2, 2, 128);
  cv.slab(0.03, 0.03, 1.94, 1.94, lk.c(C.paved));
  const hall: Body = { x: 0.12, y: 0.8, w: 1.76, d: 1.1, h: form === 'soe' ? 24 : 26 };
  if (form === 'leading') {
    // headquarters tower with the brand board in the sector's colour
    const t: Body = { x: 0.15, y: 0.12, w: 0.52, d: 0.5, h: 72 };
    cv.box(t.x, t.y, 0, t.w, t.d, t.h, { wall: lk.c('#dfe7ec') });
    const rows = 6;
    for (let r = 0; r < rows; r++) {
      const z = t.h - 5 - r * 11;
      cv.decal(
        'left',
        t.x,
        t.y + t.d,
        z,
        `<rect x="0.5" y="0" width="${t.w * 32 - 1}" height="7" fill="${lk.closed ? '#6e7173' : C.glassDark}"/>`,
      );
      cv.decal(
        'right',
        t.x + t.w,
        t.y + t.d,
        z,
        `<rect x="0.5" y="0" width="${t.d * 32 - 1}" height="7" fill="${lk.closed ? '#555' : shade(C.glassDark, -0.25)}"/>`,
      );
    }
    cv.billboard(
      t.x + t.w / 2,
      t.y + t.d / 2,
      t.h,
      `<g transform="translate(-14 -14)"><rect width="28" height="12" rx="1.5" fill="${lk.c(SECTOR_COLOURS[s])}" stroke="${C.outline}" stroke-width="0.7"/><g transform="translate(1 -1) scale(0.8)">${iconBoard(s, 16, 16, '#ffffff')}</g><rect x="16" y="4" width="10" height="2" fill="#fff"/><rect x="16" y="7.5" width="7" height="1.5" fill="#fff"/></g>`,
    );
    props(cv, s, 1.05, 0.15, 1.6, lk);
  } else {
    // old state plant: brick hall, a tall chimney and a water tower
    cv.cylinder(1.7, 0.3, 0, 0.07, 108, lk.c('#8e3a28'), lk.c('#3a2a24'));
    cv.decal(
      'right',
      1.7 + 0.06,
      0.33,
      96,
      `<path d="M0 0h4M0 3h4" stroke="#eee" stroke-width="1.2"/>`,
    );
    cv.box(0.95, 0.18, 28, 0.28, 0.28, 14, { wall: lk.c('#8a8f94') });
    cv.line([1.0, 0.41, 0], [1.0, 0.41, 28], '#555', 1);
    cv.line([1.2, 0.41, 0], [1.2, 0.41, 28], '#555', 1);
    cv.line([1.2, 0.2, 0], [1.2, 0.2, 28], '#555', 1);
    props(cv, s, 0.25, 0.2, 1.4, lk);
  }
  walls(cv, s, form, hall, lk);
  roof(cv, s, hall, lk);
  landmark(cv, s, hall, lk, true);
  if (lk.closed) abandonment(cv, hall, true);
  return cv.svg();
}

export const FORMS: Form[] = ['sme1', 'sme2', 'foreign2', 'foreign3', 'leading', 'soe'];
