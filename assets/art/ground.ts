/**
 * Ground tiles: grass, paddy fields, plazas, water (clean and stained), sea, beach, roads at
 * three levels (dirt track, two-lane road, boulevard) and the rubble of demolished plants.
 * Tiles overlap their neighbours by a hair so no seam shows between them at any zoom.
 */
import { IsoCanvas } from './iso';
import { C, shade } from './palette';

const E = 0.015; // overlap, in tiles

function tile(fill: string): IsoCanvas {
  const cv = new IsoCanvas(1, 1, 1);
  cv.slab(-E, -E, 1 + 2 * E, 1 + 2 * E, fill);
  return cv;
}

/** Short strokes scattered by a fixed pattern (no randomness: the atlas must rebuild identically). */
function tufts(cv: IsoCanvas, colour: string, seed: number): void {
  for (let i = 0; i < 7; i++) {
    const u = ((seed * 37 + i * 53) % 89) / 89;
    const v = ((seed * 61 + i * 29) % 83) / 83;
    const [x, y] = cv.p(0.1 + u * 0.8, 0.1 + v * 0.8, 0);
    cv.raw(
      `<path d="M${x - 1.2} ${y}l1.2 -2.2l1.2 2.2" fill="none" stroke="${colour}" stroke-width="0.7"/>`,
    );
  }
}

export function groundTiles(): { name: string; svg: string }[] {
  const out: { name: string; svg: string }[] = [];
  for (const [i, g] of [C.grass, shade(C.grass, -0.05)].entries()) {
    const cv = tile(g);
    tufts(cv, C.grassDark, i + 1);
    out.push({ name: `grass-${i + 1}`, svg: cv.svg() });
  }
  // paddy field: flooded strips separated by bunds, the countryside a town grows over
  {
    const cv = tile(C.fieldWater);
    for (let k = 0; k < 4; k++) cv.slab(0.04, k * 0.25 + 0.04, 0.92, 0.17, C.field);
    out.push({ name: 'field-1', svg: cv.svg() });
  }
  // vegetable plots
  {
    const cv = tile(C.soil);
    for (let k = 0; k < 5; k++)
      cv.slab(k * 0.2 + 0.03, 0.05, 0.1, 0.9, k % 2 ? '#6fa846' : '#88b64f');
    out.push({ name: 'field-2', svg: cv.svg() });
  }
  {
    const cv = tile(C.paved);
    cv.line([0.5, 0, 0], [0.5, 1, 0], C.pavedDark, 0.6);
    cv.line([0, 0.5, 0], [1, 0.5, 0], C.pavedDark, 0.6);
    out.push({ name: 'plaza', svg: cv.svg() });
  }
  {
    const cv = tile(C.water);
    cv.line([0.2, 0.3, 0], [0.45, 0.3, 0], '#bfe3f7', 0.8);
    cv.line([0.55, 0.7, 0], [0.8, 0.7, 0], '#bfe3f7', 0.8);
    out.push({ name: 'water', svg: cv.svg() });
  }
  {
    // stained water: oily brown-green with foam, laid over clean water with the stain's alpha
    const cv = tile(C.stained);
    cv.slab(0.15, 0.2, 0.3, 0.2, '#5f5b2a');
    cv.slab(0.55, 0.6, 0.25, 0.18, '#9a8f52');
    const [fx, fy] = cv.p(0.7, 0.25, 0);
    cv.raw(`<ellipse cx="${fx}" cy="${fy}" rx="4" ry="1.6" fill="#e8e2c4" opacity="0.8"/>`);
    out.push({ name: 'water-stained', svg: cv.svg() });
  }
  {
    const cv = tile(C.sea);
    cv.line([0.1, 0.6, 0], [0.35, 0.6, 0], '#a9d4f0', 0.8);
    out.push({ name: 'sea', svg: cv.svg() });
  }
  out.push({ name: 'sand', svg: tile(C.sand).svg() });
  // roads: level 1 dirt, 2 paved two-lane, 3 boulevard; along x, along y, and a crossing
  for (const level of [1, 2, 3]) {
    for (const dir of ['x', 'y', 'c'] as const)
      out.push({ name: `road-${level}-${dir}`, svg: road(level, dir) });
  }
  {
    // the ground of an abandoned plot: dry grass, oil stains and weeds (under closed plants)
    const cv = tile('#b5a77a');
    cv.slab(0.1, 0.15, 0.35, 0.3, '#9c8f62');
    cv.slab(0.55, 0.5, 0.3, 0.35, '#a89a6a');
    const [ox, oy] = cv.p(0.3, 0.7, 0);
    cv.raw(`<ellipse cx="${ox}" cy="${oy}" rx="5" ry="2" fill="#5e5648" opacity="0.6"/>`);
    tufts(cv, '#6f7f3a', 5);
    tufts(cv, '#8a7a42', 9);
    out.push({ name: 'lot-weeds', svg: cv.svg() });
  }
  out.push({ name: 'rubble-1', svg: rubble(1, 1) });
  out.push({ name: 'rubble-2', svg: rubble(1, 2) });
  out.push({ name: 'rubble-l', svg: rubble(2, 3) });
  return out;
}

function road(level: number, dir: 'x' | 'y' | 'c'): string {
  const cv = new IsoCanvas(1, 1, 1);
  if (level === 1) {
    cv.slab(-E, -E, 1 + 2 * E, 1 + 2 * E, C.grass);
    if (dir !== 'y') cv.slab(-E, 0.28, 1 + 2 * E, 0.44, C.soil);
    if (dir !== 'x') cv.slab(0.28, -E, 0.44, 1 + 2 * E, C.soil);
    return cv.svg();
  }
  const side = level === 3 ? 0.1 : 0.14;
  cv.slab(-E, -E, 1 + 2 * E, 1 + 2 * E, C.kerb);
  if (dir === 'x' || dir === 'c') cv.slab(-E, side, 1 + 2 * E, 1 - 2 * side, C.asphalt);
  if (dir === 'y' || dir === 'c') cv.slab(side, -E, 1 - 2 * side, 1 + 2 * E, C.asphalt);
  const mark = level === 3 ? '#f2c94c' : '#f4f4f0';
  if (dir === 'x') {
    for (let k = 0; k < 3; k++)
      cv.line([k * 0.36 + 0.05, 0.5, 0], [k * 0.36 + 0.22, 0.5, 0], mark, 0.9);
    if (level === 3) {
      cv.line([0, side + 0.04, 0], [1, side + 0.04, 0], '#e8e8e8', 0.5);
      cv.line([0, 1 - side - 0.04, 0], [1, 1 - side - 0.04, 0], '#e8e8e8', 0.5);
    }
  } else if (dir === 'y') {
    for (let k = 0; k < 3; k++)
      cv.line([0.5, k * 0.36 + 0.05, 0], [0.5, k * 0.36 + 0.22, 0], mark, 0.9);
    if (level === 3) {
      cv.line([side + 0.04, 0, 0], [side + 0.04, 1, 0], '#e8e8e8', 0.5);
      cv.line([1 - side - 0.04, 0, 0], [1 - side - 0.04, 1, 0], '#e8e8e8', 0.5);
    }
  } else {
    // zebra crossings on the four sides of the junction
    for (let k = 0; k < 4; k++) {
      const t = side + 0.08 + k * 0.17;
      cv.line([t, side - 0.02, 0], [t + 0.06, side - 0.02, 0], '#f4f4f0', 1.1);
      cv.line([side - 0.02, t, 0], [side - 0.02, t + 0.06, 0], '#f4f4f0', 1.1);
    }
  }
  return cv.svg();
}

/** The lot a demolished plant leaves: cracked slab, brick piles, weeds, a leaning fence. */
function rubble(tiles: number, variant: number): string {
  const cv = new IsoCanvas(tiles, tiles, 14 * tiles);
  const t = tiles;
  cv.slab(0.04 * t, 0.04 * t, 0.92 * t, 0.92 * t, '#a59d8d');
  cv.slab(0.1 * t, 0.12 * t, 0.4 * t, 0.35 * t, '#8f877a');
  // cracks
  const [a1, b1] = cv.p(0.2 * t, 0.5 * t, 0);
  const [a2, b2] = cv.p(0.55 * t, 0.62 * t, 0);
  cv.raw(
    `<path d="M${a1} ${b1} L${(a1 + a2) / 2} ${b1 + 3} L${a2} ${b2}" stroke="#5f594f" stroke-width="0.6" fill="none"/>`,
  );
  // brick and concrete heaps
  const heaps: [number, number, number][] =
    variant === 1
      ? [
          [0.62, 0.3, 5],
          [0.3, 0.7, 4],
        ]
      : variant === 2
        ? [
            [0.4, 0.35, 6],
            [0.72, 0.68, 3],
          ]
        : [
            [0.3, 0.3, 7],
            [0.7, 0.4, 5],
            [0.45, 0.75, 6],
            [0.8, 0.8, 3],
          ];
  for (const [hx, hy, hh] of heaps) {
    const [x, y] = cv.p(hx * t, hy * t, 0);
    const w = 7 + hh;
    cv.raw(
      `<path d="M${x - w} ${y} Q${x - w * 0.3} ${y - hh * 1.6} ${x} ${y - hh * 1.4} Q${x + w * 0.5} ${y - hh} ${x + w} ${y} Z" fill="#9a5a45" stroke="${C.outline}" stroke-width="0.6"/>` +
        `<path d="M${x - w * 0.4} ${y - hh * 0.6}h3M${x + 1} ${y - hh * 0.9}h3M${x - 2} ${y - 2}h4" stroke="#c98f74" stroke-width="1"/>` +
        `<rect x="${x + w * 0.3}" y="${y - hh * 0.7}" width="4" height="2.2" fill="#bdb6aa" stroke="${C.outline}" stroke-width="0.4" transform="rotate(-20 ${x + w * 0.3} ${y - hh * 0.7})"/>`,
    );
  }
  // weeds taking the lot back
  for (let i = 0; i < 5 * t; i++) {
    const [x, y] = cv.p(
      ((i * 0.37 + 0.13) % 0.9) * t + 0.05 * t,
      ((i * 0.61 + 0.21) % 0.9) * t + 0.05 * t,
      0,
    );
    cv.raw(`<path d="M${x - 2} ${y} q1 -5 2 -6 q0 3 1 6 q1 -4 3 -5 q-1 3 -1 5z" fill="#6f9a3a"/>`);
  }
  // a leaning fence post with a torn lease notice
  cv.line([0.9 * t, 0.15 * t, 0], [0.92 * t, 0.12 * t, 12], '#6b5a44', 1.2);
  cv.line([0.9 * t, 0.55 * t, 0], [0.88 * t, 0.52 * t, 11], '#6b5a44', 1.2);
  cv.line([0.92 * t, 0.12 * t, 9], [0.88 * t, 0.52 * t, 8], '#8a8a8a', 0.5);
  cv.line([0.92 * t, 0.12 * t, 5], [0.88 * t, 0.52 * t, 4], '#8a8a8a', 0.5);
  return cv.svg();
}
