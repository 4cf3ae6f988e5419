/**
 * The town around the factories: specialised market halls (one per sector, with its colour and
 * icon), the industrial-park gate, port cranes and containers, the innovation centre, school,
 * hospital, town hall, wastewater plant, housing at three densities and migrants' dormitories.
 */
import { IsoCanvas } from './iso';
import { iconBoard } from './glyphs';
import { C, SECTOR_COLOURS, shade, type ArtSector } from './palette';

type Out = { name: string; svg: string }[];

export function marketHall(s: ArtSector): string {
  const cv = new IsoCanvas(1, 1, 60);
  cv.slab(0.02, 0.02, 0.96, 0.96, C.paved);
  const col = SECTOR_COLOURS[s];
  cv.box(0.1, 0.14, 0, 0.8, 0.72, 14, { wall: '#efe9dc' });
  // arched glazed roof approximated by two shallow gables
  cv.gable(0.1, 0.14, 14, 0.8, 0.72, 12, 'y', shade(col, 0.35), shade(col, 0.55));
  // striped awning along the front
  let stripes = '';
  for (let u = 0; u < 26; u += 4)
    stripes += `<rect x="${u}" y="0" width="2" height="4" fill="${col}"/>`;
  cv.decal(
    'left',
    0.1,
    0.86,
    9,
    `<rect x="0" y="0" width="25.6" height="4" fill="#fff"/>${stripes}`,
  );
  cv.windows('right', 0.9, 0.86, 11, 0.72, 1, 4, { glass: C.glass, h: 4 });
  cv.decal('left', 0.3, 0.86, 27, iconBoard(s, 11, 11));
  // stalls spilling out in front
  for (let i = 0; i < 3; i++) {
    const x = 0.2 + i * 0.22;
    cv.box(x, 0.9, 0, 0.12, 0.07, 3, { wall: i % 2 ? col : '#f3d36b' });
  }
  return cv.svg();
}

function civicBuildings(out: Out): void {
  {
    // industrial park gate: two pillars and a beam with a blank blue board, fence to both sides
    const cv = new IsoCanvas(1, 1, 44);
    cv.slab(0.02, 0.02, 0.96, 0.96, C.paved);
    cv.box(0.15, 0.42, 0, 0.1, 0.1, 26, { wall: '#d8d3c8' });
    cv.box(0.75, 0.42, 0, 0.1, 0.1, 26, { wall: '#d8d3c8' });
    cv.box(0.1, 0.42, 26, 0.8, 0.12, 8, { wall: '#2f62a8' });
    cv.decal(
      'left',
      0.2,
      0.54,
      32,
      `<rect x="0" y="0" width="17" height="1.6" fill="#fff"/><rect x="3" y="3" width="11" height="1.2" fill="#cfe0f5"/>`,
    );
    for (const [a, b] of [
      [0, 0.25],
      [0.85, 1],
    ])
      cv.line([a, 0.5, 6], [b, 0.5, 6], '#6b747c', 0.8).line(
        [a, 0.5, 2],
        [b, 0.5, 2],
        '#6b747c',
        0.8,
      );
    out.push({ name: 'park-gate', svg: cv.svg() });
  }
  {
    // gantry crane over the quay
    const cv = new IsoCanvas(1, 1, 96);
    cv.slab(0.02, 0.02, 0.96, 0.96, '#b9b4aa');
    const legs: [number, number][] = [
      [0.2, 0.2],
      [0.8, 0.2],
      [0.2, 0.8],
      [0.8, 0.8],
    ];
    for (const [x, y] of legs) cv.line([x, y, 0], [x, y, 60], '#c8402f', 2.2);
    cv.box(0.15, 0.15, 60, 0.7, 0.7, 6, { wall: '#d34a35' });
    cv.box(-0.25, 0.45, 66, 1.15, 0.1, 5, { wall: '#d34a35' }); // boom reaching over the water
    cv.box(0.55, 0.3, 66, 0.3, 0.3, 9, { wall: '#eeeeee' });
    cv.line([-0.15, 0.5, 66], [-0.15, 0.5, 30], '#333', 0.6);
    cv.box(-0.23, 0.42, 22, 0.16, 0.16, 8, { wall: '#3f74b8' });
    out.push({ name: 'port-crane', svg: cv.svg() });
  }
  {
    const cv = new IsoCanvas(1, 1, 30);
    cv.slab(0.02, 0.02, 0.96, 0.96, '#b9b4aa');
    const colours = ['#3f74b8', '#d8402f', '#e0a030', '#4a9a5a', '#8a5a9a', '#3f74b8'];
    let k = 0;
    for (let layer = 0; layer < 2; layer++)
      for (const y of [0.15, 0.55])
        for (const x of [0.1, 0.55]) {
          if (layer === 1 && x > 0.5 && y > 0.5) continue;
          cv.box(x, y, layer * 9, 0.38, 0.3, 9, { wall: colours[k++ % colours.length] });
        }
    out.push({ name: 'containers', svg: cv.svg() });
  }
  {
    // innovation centre: a glass drum with a dome and a lab wing, lightbulb board on top
    const cv = new IsoCanvas(1, 1, 80);
    cv.slab(0.02, 0.02, 0.96, 0.96, C.paved);
    cv.box(0.5, 0.15, 0, 0.4, 0.7, 22, { wall: '#f4f2ee' });
    cv.windows('left', 0.5, 0.85, 19, 0.4, 2, 3, { glass: C.glassDark });
    cv.windows('right', 0.9, 0.85, 19, 0.7, 2, 4, { glass: shade(C.glassDark, -0.2) });
    cv.cylinder(0.35, 0.55, 0, 0.26, 36, '#7fc4e4', '#d9f0fa');
    const [dx, dy] = cv.p(0.35, 0.55, 36);
    cv.raw(
      `<path d="M${dx - 11.8} ${dy} A11.8 7 0 0 1 ${dx + 11.8} ${dy} A11.8 5.9 0 0 1 ${dx - 11.8} ${dy}Z" fill="#e6f4fb" stroke="${C.outline}" stroke-width="0.6"/>`,
    );
    cv.raw(
      `<path d="M${dx - 11.8} ${dy} Q${dx} ${dy - 14} ${dx + 11.8} ${dy}" fill="#cfeaf7" stroke="${C.outline}" stroke-width="0.6"/>`,
    );
    cv.billboard(
      0.7,
      0.5,
      22,
      `<g transform="translate(-7 -18)"><rect width="14" height="14" rx="2" fill="#fff" stroke="${C.outline}" stroke-width="0.6"/><circle cx="7" cy="6" r="3.6" fill="#f5d442" stroke="${C.outline}" stroke-width="0.5"/><rect x="5.5" y="9.4" width="3" height="2.6" fill="#8a8f94"/></g>`,
    );
    out.push({ name: 'innovation', svg: cv.svg() });
  }
  {
    // school: a three-storey block beside a running track
    const cv = new IsoCanvas(1, 1, 52);
    cv.slab(0.02, 0.02, 0.96, 0.96, '#c8553d');
    cv.slab(0.12, 0.55, 0.76, 0.36, '#7cb35a');
    cv.box(0.1, 0.1, 0, 0.8, 0.38, 28, { wall: '#f1e4c8' });
    cv.windows('left', 0.1, 0.48, 25, 0.8, 3, 6, { glass: C.glass, rowGap: 8, h: 4 });
    cv.windows('right', 0.9, 0.48, 25, 0.38, 3, 2, {
      glass: shade(C.glass, -0.25),
      rowGap: 8,
      h: 4,
    });
    cv.line([0.85, 0.7, 0], [0.85, 0.7, 26], '#888', 0.8);
    const [cx, cy] = cv.p(0.5, 0.48, 31);
    cv.raw(
      `<circle cx="${cx}" cy="${cy}" r="3" fill="#fff" stroke="${C.outline}" stroke-width="0.6"/><path d="M${cx} ${cy}v-2M${cx} ${cy}h1.6" stroke="#333" stroke-width="0.5"/>`,
    );
    out.push({ name: 'school', svg: cv.svg() });
  }
  {
    // hospital: a white block with a green cross
    const cv = new IsoCanvas(1, 1, 60);
    cv.slab(0.02, 0.02, 0.96, 0.96, C.paved);
    cv.box(0.12, 0.15, 0, 0.76, 0.7, 36, { wall: '#f7f7f5' });
    cv.windows('left', 0.12, 0.85, 32, 0.76, 4, 5, { glass: '#a8d8e8', rowGap: 8, h: 4 });
    cv.windows('right', 0.88, 0.85, 32, 0.7, 4, 4, { glass: '#86b8c8', rowGap: 8, h: 4 });
    cv.billboard(
      0.5,
      0.5,
      36,
      `<g transform="translate(-7 -16)"><rect width="14" height="14" rx="1.5" fill="#fff" stroke="${C.outline}" stroke-width="0.6"/><path d="M5 2h4v3h3v4h-3v3H5V9H2V5h3z" fill="#2e9b4f"/></g>`,
    );
    out.push({ name: 'hospital', svg: cv.svg() });
  }
  {
    // town hall: a broad block with a portico and steps
    const cv = new IsoCanvas(1, 1, 50);
    cv.slab(0.02, 0.02, 0.96, 0.96, C.paved);
    cv.box(0.1, 0.12, 0, 0.8, 0.62, 26, { wall: '#ece4d2' });
    cv.box(0.25, 0.74, 0, 0.5, 0.16, 3, { wall: '#d9d2c2' });
    for (let i = 0; i < 5; i++)
      cv.line([0.28 + i * 0.11, 0.78, 3], [0.28 + i * 0.11, 0.78, 22], '#f8f6f0', 1.6);
    cv.box(0.25, 0.74, 22, 0.5, 0.1, 4, { wall: '#d9d2c2' });
    cv.windows('right', 0.9, 0.74, 22, 0.62, 2, 3, { glass: '#7fa8c0', rowGap: 9, h: 5 });
    cv.box(0.35, 0.3, 26, 0.3, 0.3, 5, { wall: '#d9d2c2' });
    out.push({ name: 'town-hall', svg: cv.svg() });
  }
  {
    // wastewater treatment: clarifier tanks and a pump house
    const cv = new IsoCanvas(1, 1, 30);
    cv.slab(0.02, 0.02, 0.96, 0.96, '#bdb8ad');
    cv.cylinder(0.3, 0.35, 0, 0.2, 7, '#c7c2b8', '#5aa0c8');
    cv.cylinder(0.68, 0.68, 0, 0.2, 7, '#c7c2b8', '#6fb3d6');
    cv.box(0.62, 0.12, 0, 0.26, 0.24, 12, { wall: '#e6e1d6' });
    out.push({ name: 'wastewater', svg: cv.svg() });
  }
}

function housing(out: Out): void {
  {
    // village houses: two-storey homes with tiled roofs, the rural town of 1980
    const cv = new IsoCanvas(1, 1, 40);
    cv.slab(0.02, 0.02, 0.96, 0.96, '#b9c98f');
    for (const [x, y, c] of [
      [0.1, 0.12, '#efe3c8'],
      [0.55, 0.5, '#e8d9bd'],
      [0.12, 0.58, '#f2e8d4'],
    ] as const) {
      cv.box(x, y, 0, 0.34, 0.32, 14, { wall: c });
      cv.gable(x, y, 14, 0.34, 0.32, 7, 'x', C.roofTile, c);
      cv.windows('left', x, y + 0.32, 11, 0.34, 1, 2, { glass: '#6f95ad', h: 4 });
    }
    out.push({ name: 'house-1', svg: cv.svg() });
  }
  {
    // six-storey walk-up with balconies
    const cv = new IsoCanvas(1, 1, 70);
    cv.slab(0.02, 0.02, 0.96, 0.96, C.paved);
    cv.box(0.12, 0.18, 0, 0.76, 0.6, 50, { wall: '#ead9bf' });
    cv.windows('left', 0.12, 0.78, 46, 0.76, 6, 5, { glass: '#6f95ad', rowGap: 8, h: 4 });
    cv.windows('right', 0.88, 0.78, 46, 0.6, 6, 3, { glass: '#5a7d93', rowGap: 8, h: 4 });
    cv.box(0.3, 0.3, 50, 0.16, 0.16, 6, { wall: '#b0b6bb' });
    out.push({ name: 'house-2', svg: cv.svg() });
  }
  {
    // residential tower
    const cv = new IsoCanvas(1, 1, 132);
    cv.slab(0.02, 0.02, 0.96, 0.96, C.paved);
    cv.box(0.2, 0.2, 0, 0.6, 0.6, 112, { wall: '#e6e8ea' });
    cv.windows('left', 0.2, 0.8, 108, 0.6, 14, 4, { glass: '#6f95ad', rowGap: 7.6, h: 4 });
    cv.windows('right', 0.8, 0.8, 108, 0.6, 14, 3, { glass: '#557a90', rowGap: 7.6, h: 4 });
    cv.box(0.35, 0.35, 112, 0.3, 0.3, 6, { wall: '#c0c6cb' });
    out.push({ name: 'house-3', svg: cv.svg() });
  }
  {
    // migrant workers' dormitory: a long block with laundry hanging from every balcony
    const cv = new IsoCanvas(1, 1, 60);
    cv.slab(0.02, 0.02, 0.96, 0.96, '#c4bfb4');
    cv.box(0.06, 0.3, 0, 0.88, 0.42, 38, { wall: '#d9d3c4' });
    const laundry = ['#e8553f', '#3f8fd8', '#f2c230', '#ffffff', '#4fb05a'];
    for (let r = 0; r < 5; r++) {
      let row = `<rect x="0" y="0" width="28" height="1" fill="#9a958a"/>`;
      for (let c = 0; c < 6; c++)
        row += `<rect x="${1 + c * 4.6}" y="1" width="2" height="2.6" fill="${laundry[(r + c) % laundry.length]}"/>`;
      cv.decal('left', 0.06, 0.72, 36 - r * 7.4, row);
    }
    cv.windows('right', 0.94, 0.72, 36, 0.42, 5, 2, { glass: '#6f8593', rowGap: 7.4, h: 3.5 });
    out.push({ name: 'dormitory', svg: cv.svg() });
  }
}

export function civicSprites(): Out {
  const out: Out = [];
  civicBuildings(out);
  housing(out);
  return out;
}
