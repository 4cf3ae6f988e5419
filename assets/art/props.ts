/**
 * Small moving and living things that make a town look inhabited (trees, people, trucks, cars,
 * street lamps, window light, smoke) and the icons of the regional map (a town, the hub city's
 * skyline, a cargo ship).
 */
import { leaseSign } from './glyphs';
import { IsoCanvas } from './iso';
import { C, shade } from './palette';

type Out = { name: string; svg: string }[];

function trees(out: Out): void {
  {
    const cv = new IsoCanvas(1, 1, 30);
    cv.line([0.5, 0.5, 0], [0.5, 0.5, 10], '#6b4a2b', 2);
    const [x, y] = cv.p(0.5, 0.5, 16);
    cv.raw(`<ellipse cx="${x}" cy="${y + 6}" rx="8" ry="3" fill="#000" opacity="0.12"/>`);
    cv.raw(
      `<circle cx="${x}" cy="${y}" r="8" fill="${C.leaf}" stroke="${C.outline}" stroke-width="0.6"/><circle cx="${x - 2.5}" cy="${y - 2.5}" r="3.5" fill="${shade(C.leaf, 0.2)}"/>`,
    );
    out.push({ name: 'tree-1', svg: cv.svg() });
  }
  {
    // a broad banyan, the village-square tree of the Pearl River Delta
    const cv = new IsoCanvas(1, 1, 30);
    cv.line([0.5, 0.5, 0], [0.5, 0.5, 9], '#5e4026', 3);
    const [x, y] = cv.p(0.5, 0.5, 15);
    cv.raw(
      `<ellipse cx="${x}" cy="${y}" rx="14" ry="8" fill="${C.leafDark}" stroke="${C.outline}" stroke-width="0.6"/><ellipse cx="${x - 3}" cy="${y - 3}" rx="7" ry="4" fill="${C.leaf}"/>`,
    );
    out.push({ name: 'tree-2', svg: cv.svg() });
  }
  {
    const cv = new IsoCanvas(1, 1, 36);
    const [x, y] = cv.p(0.5, 0.5, 0);
    cv.raw(`<path d="M${x} ${y} q1 -14 -1 -24" stroke="#8a6a3a" stroke-width="1.6" fill="none"/>`);
    for (const a of [-60, -25, 15, 50, 90])
      cv.raw(
        `<path d="M${x - 1} ${y - 24} q${a / 6} -6 ${a / 4} 2" stroke="${C.leaf}" stroke-width="2.2" fill="none" stroke-linecap="round"/>`,
      );
    out.push({ name: 'tree-3', svg: cv.svg() });
  }
}

/** A truck or car drawn along x or y; `forward` puts the cab at the far (+) end. */
function vehicle(kind: 'truck' | 'car', axis: 'x' | 'y', forward: boolean): string {
  const cv = new IsoCanvas(1, 1, 16);
  const L = kind === 'truck' ? 0.5 : 0.3;
  const W = 0.18;
  const along = (a: number, b: number, z: number, len: number, h: number, colour: string) =>
    axis === 'x'
      ? cv.box(0.5 - L / 2 + a, 0.5 - W / 2, z, len, W, h, { wall: colour })
      : cv.box(0.5 - W / 2, 0.5 - L / 2 + a, z, W, len, h, { wall: colour });
  if (kind === 'truck') {
    const cab = forward ? L * 0.72 : 0;
    const box = forward ? 0 : L * 0.3;
    along(box, 0, 1.5, L * 0.7, 9, '#e9e4d8');
    along(cab, 0, 1.5, L * 0.28, 6, '#d8402f');
  } else {
    along(0, 0, 1.2, L, 3, '#3f74b8');
    along(L * 0.25, 0, 4.2, L * 0.5, 2.5, '#a8c8e8');
  }
  return cv.svg();
}

function vehicles(out: Out): void {
  for (const axis of ['x', 'y'] as const) {
    out.push({ name: `truck-${axis}p`, svg: vehicle('truck', axis, true) });
    out.push({ name: `truck-${axis}n`, svg: vehicle('truck', axis, false) });
    out.push({ name: `car-${axis}`, svg: vehicle('car', axis, true) });
  }
}

function people(out: Out): void {
  const shirts = ['#d8402f', '#3f74b8', '#f2c230', '#ffffff'];
  shirts.forEach((shirt, i) => {
    const cv = new IsoCanvas(1, 1, 14);
    const [x, y] = cv.p(0.5, 0.5, 0);
    cv.raw(
      `<ellipse cx="${x}" cy="${y}" rx="2.4" ry="1" fill="#000" opacity="0.2"/>` +
        `<rect x="${x - 1.4}" y="${y - 5}" width="1.2" height="5" fill="#3b4a5a"/><rect x="${x + 0.2}" y="${y - 5}" width="1.2" height="5" fill="#3b4a5a"/>` +
        `<rect x="${x - 1.8}" y="${y - 10}" width="3.6" height="5.4" rx="1" fill="${shirt}" stroke="${C.outline}" stroke-width="0.4"/>` +
        `<circle cx="${x}" cy="${y - 11.5}" r="1.7" fill="#e6b98f" stroke="${C.outline}" stroke-width="0.4"/>` +
        (i % 2 ? `<path d="M${x - 1.8} ${y - 12.2}h3.6" stroke="#222" stroke-width="1.2"/>` : ''),
    );
    out.push({ name: `person-${i + 1}`, svg: cv.svg() });
  });
}

function effects(out: Out): void {
  for (const [name, fill, op] of [
    ['smoke-light', '#f2f2f0', 0.85],
    ['smoke-dark', '#6d6a66', 0.8],
  ] as const) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="24" viewBox="0 0 32 24"><g fill="${fill}" fill-opacity="${op}"><circle cx="10" cy="15" r="7"/><circle cx="18" cy="11" r="8"/><circle cx="24" cy="16" r="6"/><circle cx="15" cy="17" r="6"/></g></svg>\n`;
    out.push({ name, svg });
  }
  out.push({
    name: 'glow',
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32"><defs><radialGradient id="g"><stop offset="0" stop-color="#fff2b0" stop-opacity="1"/><stop offset="0.35" stop-color="#ffd466" stop-opacity="0.65"/><stop offset="1" stop-color="#ffb030" stop-opacity="0"/></radialGradient></defs><circle cx="16" cy="16" r="16" fill="url(#g)"/></svg>\n`,
  });
  {
    const cv = new IsoCanvas(1, 1, 26);
    cv.line([0.5, 0.5, 0], [0.5, 0.5, 20], '#5b6066', 1);
    cv.line([0.5, 0.5, 20], [0.62, 0.5, 21], '#5b6066', 1);
    const [x, y] = cv.p(0.62, 0.5, 20);
    cv.raw(`<circle cx="${x}" cy="${y}" r="1.6" fill="#ffe9a0"/>`);
    out.push({ name: 'lamp', svg: cv.svg() });
  }
  {
    // a free-standing 招租 FOR LEASE board on two posts, planted in front of a shut plant
    const cv = new IsoCanvas(1, 1, 30);
    const [x, y] = cv.p(0.5, 0.5, 0);
    cv.raw(
      `<path d="M${x - 9} ${y}v-12M${x + 9} ${y}v-12" stroke="#5b4a36" stroke-width="1.6"/>` +
        `<g transform="translate(${x - 13} ${y - 27})">${leaseSign(26, 15)}</g>`,
    );
    out.push({ name: 'lease-board', svg: cv.svg() });
  }
  // a sparkle that marks a new arrival for one round
  out.push({
    name: 'sparkle',
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 20 20"><path d="M10 0l2.2 7.8L20 10l-7.8 2.2L10 20l-2.2-7.8L0 10l7.8-2.2z" fill="#fff6b0" stroke="#e0a020" stroke-width="0.8"/></svg>\n`,
  });
}

function mapIcons(out: Out): void {
  {
    // a town on the regional map: a few roofs and a chimney
    const cv = new IsoCanvas(1, 1, 30);
    cv.box(0.15, 0.45, 0, 0.3, 0.3, 10, { wall: '#efe6d2' });
    cv.gable(0.15, 0.45, 10, 0.3, 0.3, 6, 'x', C.roofTile, '#efe6d2');
    cv.box(0.5, 0.15, 0, 0.35, 0.35, 18, { wall: '#dfe7ec' });
    cv.box(0.55, 0.55, 0, 0.3, 0.3, 8, { wall: '#c5d1cc' });
    cv.cylinder(0.3, 0.2, 0, 0.04, 24, '#a5604a');
    out.push({ name: 'map-town', svg: cv.svg() });
  }
  {
    // the hub city (a Hong Kong / Shanghai-like metropolis) as a dense skyline
    const cv = new IsoCanvas(2, 2, 130);
    cv.slab(0.05, 0.05, 1.9, 1.9, '#b8b2a6');
    const towers: [number, number, number, string][] = [
      [0.2, 0.2, 70, '#c9d6e0'],
      [0.8, 0.15, 110, '#9fb8cc'],
      [1.4, 0.3, 80, '#dfe7ec'],
      [0.3, 0.8, 90, '#b0c4d4'],
      [0.9, 0.8, 125, '#8aa6bd'],
      [1.45, 0.95, 60, '#c9d6e0'],
      [0.4, 1.4, 50, '#dfe7ec'],
      [1.0, 1.45, 72, '#b0c4d4'],
      [1.5, 1.5, 40, '#9fb8cc'],
    ];
    for (const [x, y, h, c] of towers) {
      cv.box(x, y, 0, 0.38, 0.38, h, { wall: c });
      cv.windows('left', x, y + 0.38, h - 4, 0.38, Math.floor(h / 10), 2, {
        glass: '#5d7f99',
        rowGap: 10,
        h: 5,
      });
    }
    out.push({ name: 'hub-city', svg: cv.svg() });
  }
  {
    const cv = new IsoCanvas(2, 1, 24);
    cv.poly(
      [
        [0.1, 0.3, 0],
        [1.7, 0.3, 0],
        [1.95, 0.5, 2],
        [1.7, 0.7, 0],
        [0.1, 0.7, 0],
      ],
      '#6b2a2a',
    );
    cv.box(0.1, 0.3, 0, 1.6, 0.4, 6, { wall: '#2f3f5a' });
    const cols = ['#3f74b8', '#d8402f', '#e0a030', '#4a9a5a'];
    for (let i = 0; i < 4; i++) cv.box(0.4 + i * 0.3, 0.33, 6, 0.26, 0.34, 6, { wall: cols[i] });
    cv.box(0.12, 0.35, 6, 0.22, 0.3, 12, { wall: '#f4f2ee' });
    out.push({ name: 'ship', svg: cv.svg() });
  }
}

export function propSprites(): Out {
  const out: Out = [];
  trees(out);
  vehicles(out);
  people(out);
  effects(out);
  mapIcons(out);
  return out;
}
