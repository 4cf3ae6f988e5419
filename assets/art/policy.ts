/**
 * The buildings a plan orders that the town did not show before: construction sites (fence,
 * scaffold and a tower crane) for works in progress, a larger innovation campus, the vocational
 * school and the university partnership's lab at two sizes, quality-inspection stations, a power
 * substation, and the markers a student can point at: patents (a lightbulb pennant), skills (a
 * mortarboard pennant) and the green-upgrade badge over an upgraded plant.
 */
import { IsoCanvas } from './iso';
import { iconBoard } from './glyphs';
import { ART_SECTORS, C, SECTOR_COLOURS, shade } from './palette';

type Out = { name: string; svg: string }[];

/** A pennant on a pole with a round badge: the markers float above buildings. */
function pennant(badge: string, ring: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="40" viewBox="0 0 28 40"><path d="M14 39V24" stroke="${C.outline}" stroke-width="1.6"/><circle cx="14" cy="13" r="12" fill="#fff" stroke="${ring}" stroke-width="2.4"/>${badge}</svg>\n`;
}

function sites(out: Out): void {
  // a site behind a blue hoarding, a half-built concrete frame in scaffolding, a tower crane
  const cv = new IsoCanvas(1, 1, 96);
  cv.slab(0.02, 0.02, 0.96, 0.96, C.soil);
  cv.box(0.2, 0.2, 0, 0.55, 0.5, 4, { wall: '#c9c3b6' });
  for (let level = 1; level <= 3; level++)
    cv.box(0.2, 0.2, level * 9, 0.55, 0.5, 1.5, { wall: '#bdb6a8' });
  for (const [x, y] of [
    [0.2, 0.7],
    [0.75, 0.7],
    [0.75, 0.2],
    [0.475, 0.7],
  ] as const)
    cv.line([x, y, 0], [x, y, 29], '#8a8378', 1.2);
  // scaffold poles and ties on the front faces
  for (let i = 0; i <= 4; i++)
    cv.line([0.2 + i * 0.1375, 0.76, 0], [0.2 + i * 0.1375, 0.76, 30], '#e0a030', 0.6);
  for (let k = 1; k <= 3; k++) cv.line([0.2, 0.76, k * 9], [0.75, 0.76, k * 9], '#e0a030', 0.6);
  // tower crane: mast, jib, counter-jib, hook
  cv.line([0.88, 0.15, 0], [0.88, 0.15, 78], '#e8b82e', 2.4);
  cv.line([0.88, 0.15, 78], [0.1, 0.15, 78], '#e8b82e', 1.6);
  cv.line([0.88, 0.15, 78], [1.05, 0.15, 78], '#e8b82e', 1.6);
  cv.box(0.98, 0.1, 74, 0.08, 0.1, 4, { wall: '#777' });
  cv.line([0.3, 0.15, 78], [0.3, 0.15, 44], '#333', 0.5);
  cv.box(0.26, 0.12, 40, 0.08, 0.08, 4, { wall: '#3f74b8' });
  // hoarding along the two front edges
  cv.box(0.02, 0.9, 0, 0.96, 0.04, 8, { wall: '#2f62a8' });
  cv.box(0.94, 0.02, 0, 0.04, 0.9, 8, { wall: '#2f62a8' });
  cv.decal('left', 0.2, 0.94, 6, '<rect width="18" height="2" fill="#fff"/>');
  out.push({ name: 'construction', svg: cv.svg() });
}

function campus(out: Out): void {
  {
    // innovation campus: the glass drum grown into a tower with a lab wing and a bulb sign
    const cv = new IsoCanvas(1, 1, 120);
    cv.slab(0.02, 0.02, 0.96, 0.96, C.paved);
    cv.box(0.45, 0.12, 0, 0.45, 0.76, 22, { wall: '#f4f2ee' });
    cv.windows('left', 0.45, 0.88, 19, 0.45, 2, 3, { glass: C.glassDark });
    cv.windows('right', 0.9, 0.88, 19, 0.76, 2, 5, { glass: shade(C.glassDark, -0.2) });
    cv.box(0.12, 0.2, 0, 0.34, 0.34, 84, { wall: '#dff1f8' });
    cv.windows('left', 0.12, 0.54, 80, 0.34, 10, 3, { glass: '#6fb0d6', rowGap: 8, h: 5 });
    cv.windows('right', 0.46, 0.54, 80, 0.34, 10, 3, { glass: '#4f8fb6', rowGap: 8, h: 5 });
    cv.billboard(
      0.3,
      0.37,
      84,
      `<g transform="translate(-8 -20)"><rect width="16" height="16" rx="2" fill="#fff" stroke="${C.outline}" stroke-width="0.6"/><circle cx="8" cy="7" r="4.2" fill="#f5d442" stroke="${C.outline}" stroke-width="0.5"/><rect x="6.2" y="11" width="3.6" height="3" fill="#8a8f94"/></g>`,
    );
    out.push({ name: 'innovation-2', svg: cv.svg() });
  }
  for (const stage of [1, 2] as const) {
    // vocational school: a workshop hall with a sawtooth roof beside a classroom block, gear sign
    const cv = new IsoCanvas(1, 1, stage === 1 ? 56 : 72);
    cv.slab(0.02, 0.02, 0.96, 0.96, '#c8c2b4');
    const h = stage === 1 ? 24 : 40;
    cv.box(0.1, 0.1, 0, 0.42, 0.8, h, { wall: '#f0d9a8' });
    cv.windows('left', 0.1, 0.9, h - 4, 0.42, stage === 1 ? 2 : 4, 3, {
      glass: C.glass,
      rowGap: 8,
      h: 4,
    });
    cv.windows('right', 0.52, 0.9, h - 4, 0.8, stage === 1 ? 2 : 4, 4, {
      glass: shade(C.glass, -0.25),
      rowGap: 8,
      h: 4,
    });
    cv.box(0.56, 0.3, 0, 0.36, 0.6, 14, { wall: '#d7dde2' });
    cv.gable(0.56, 0.3, 14, 0.36, 0.6, 6, 'y', '#4d7fa8', '#d7dde2');
    if (stage === 2) cv.box(0.56, 0.04, 0, 0.36, 0.22, 10, { wall: '#e6c98c' });
    cv.billboard(
      0.31,
      0.5,
      h,
      `<g transform="translate(-8 -18)"><rect width="16" height="16" rx="2" fill="#fff" stroke="${C.outline}" stroke-width="0.6"/><circle cx="8" cy="8" r="4.6" fill="none" stroke="#d8402f" stroke-width="2.4" stroke-dasharray="2 1.4"/><circle cx="8" cy="8" r="1.6" fill="#d8402f"/></g>`,
    );
    out.push({ name: `vocational-${stage}`, svg: cv.svg() });
  }
  for (const stage of [1, 2] as const) {
    // university partnership: a research lab with a columned front and a dish on the roof
    const cv = new IsoCanvas(1, 1, stage === 1 ? 60 : 84);
    cv.slab(0.02, 0.02, 0.96, 0.96, '#9fc47a');
    const h = stage === 1 ? 26 : 46;
    cv.box(0.12, 0.14, 0, 0.76, 0.6, h, { wall: '#e9e2f1' });
    cv.windows('left', 0.12, 0.74, h - 4, 0.76, stage === 1 ? 2 : 4, 5, {
      glass: '#8a9fd0',
      rowGap: 9,
      h: 5,
    });
    cv.windows('right', 0.88, 0.74, h - 4, 0.6, stage === 1 ? 2 : 4, 3, {
      glass: '#6a7fb0',
      rowGap: 9,
      h: 5,
    });
    for (let i = 0; i < 4; i++)
      cv.line([0.3 + i * 0.13, 0.8, 0], [0.3 + i * 0.13, 0.8, 16], '#faf8f4', 1.8);
    cv.box(0.26, 0.76, 16, 0.48, 0.08, 3, { wall: '#d8d0e6' });
    const [dx, dy] = cv.p(0.6, 0.4, h + 6);
    cv.line([0.6, 0.4, h], [0.6, 0.4, h + 6], '#888', 1);
    cv.raw(
      `<ellipse cx="${dx}" cy="${dy}" rx="7" ry="4.5" fill="#f4f4f4" stroke="${C.outline}" stroke-width="0.6" transform="rotate(-25 ${dx} ${dy})"/>`,
    );
    cv.billboard(
      0.3,
      0.4,
      h,
      `<g transform="translate(-8 -17)"><rect width="16" height="15" rx="2" fill="#5b4a9e" stroke="${C.outline}" stroke-width="0.6"/><path d="M2.5 7L8 4l5.5 3L8 10z" fill="#fff"/><path d="M5 8.4v2.6c1.8 1.2 4.2 1.2 6 0V8.4" fill="none" stroke="#fff" stroke-width="1"/></g>`,
    );
    out.push({ name: `university-${stage}`, svg: cv.svg() });
  }
  {
    // quality inspection: a small testing lab with a magnifier and tick sign
    const cv = new IsoCanvas(1, 1, 56);
    cv.slab(0.02, 0.02, 0.96, 0.96, C.paved);
    cv.box(0.16, 0.2, 0, 0.68, 0.56, 22, { wall: '#f6f6f2' });
    cv.box(0.16, 0.2, 22, 0.68, 0.56, 3, { wall: '#2e9b4f' });
    cv.windows('left', 0.16, 0.76, 18, 0.68, 2, 4, { glass: '#a8d8e8', rowGap: 8, h: 4 });
    cv.windows('right', 0.84, 0.76, 18, 0.56, 2, 3, { glass: '#86b8c8', rowGap: 8, h: 4 });
    cv.billboard(
      0.5,
      0.48,
      25,
      `<g transform="translate(-9 -20)"><rect width="18" height="18" rx="2" fill="#fff" stroke="${C.outline}" stroke-width="0.6"/><circle cx="7.5" cy="7.5" r="4.5" fill="#e6f4fb" stroke="#2f2a26" stroke-width="1.4"/><path d="M10.8 10.8l4.4 4.4" stroke="#2f2a26" stroke-width="2"/><path d="M5.2 7.6l1.7 1.7 3-3.4" fill="none" stroke="#2e9b4f" stroke-width="1.4"/></g>`,
    );
    out.push({ name: 'inspection', svg: cv.svg() });
  }
  {
    // power substation: transformers behind a fence and a lattice pylon
    const cv = new IsoCanvas(1, 1, 70);
    cv.slab(0.02, 0.02, 0.96, 0.96, '#bdb8ad');
    cv.box(0.15, 0.5, 0, 0.22, 0.2, 12, { wall: '#8a949c' });
    cv.box(0.45, 0.55, 0, 0.22, 0.2, 12, { wall: '#8a949c' });
    for (const [a, b] of [
      [0.7, 0.15],
      [0.9, 0.15],
      [0.8, 0.35],
    ] as const)
      cv.line([a, b, 0], [0.8, 0.22, 56], '#6b747c', 1.2);
    cv.line([0.62, 0.22, 46], [0.98, 0.22, 46], '#6b747c', 1.2);
    cv.line([0.66, 0.22, 54], [0.94, 0.22, 54], '#6b747c', 1.2);
    cv.box(0.02, 0.92, 0, 0.96, 0.03, 7, { wall: '#9aa4ad' });
    out.push({ name: 'substation', svg: cv.svg() });
  }
}

function markers(out: Out): void {
  out.push({
    name: 'marker-patent',
    svg: pennant(
      '<circle cx="14" cy="11" r="5.2" fill="#f5d442" stroke="#2f2a26" stroke-width="0.8"/><rect x="11.6" y="15.6" width="4.8" height="3.6" fill="#8a8f94" stroke="#2f2a26" stroke-width="0.5"/>',
      '#e0a020',
    ),
  });
  out.push({
    name: 'marker-skills',
    svg: pennant(
      '<path d="M5 11l9-4.6 9 4.6-9 4.6z" fill="#2f2a26"/><path d="M9 13.4v4c3 2 7 2 10 0v-4" fill="#4b4b4b"/><path d="M22 11v5" stroke="#e0a020" stroke-width="1.2"/>',
      '#5b4a9e',
    ),
  });
  out.push({
    name: 'marker-upgrade',
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 20 20"><circle cx="10" cy="10" r="9" fill="#2e9b4f" stroke="#fff" stroke-width="1.6"/><path d="M5.5 13.5C6 7.5 10 5 14.5 5.5 14.8 10.5 12 14 6.5 14z" fill="#fff"/><path d="M6 14l5-5" stroke="#2e9b4f" stroke-width="1"/></svg>\n`,
  });
}

/** A sector's flag: its icon on a board in its colour, on a pole (beside a centre or station). */
function flags(out: Out): void {
  for (const s of ART_SECTORS)
    out.push({
      name: `flag-${s}`,
      svg: `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="40" viewBox="0 0 24 40"><path d="M3 39V2" stroke="${C.outline}" stroke-width="1.6"/><rect x="3.5" y="2" width="19" height="19" rx="2" fill="${SECTOR_COLOURS[s]}" stroke="${C.outline}" stroke-width="0.8"/><g transform="translate(5.5 4)">${iconBoard(s, 15, 15)}</g></svg>\n`,
    });
}

export function policySprites(): Out {
  const out: Out = [];
  flags(out);
  sites(out);
  campus(out);
  markers(out);
  return out;
}
