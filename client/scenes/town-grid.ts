/**
 * The fixed street plan every town is drawn on. Fixing it (rather than packing buildings where
 * they fit) is what keeps a building on the same tile as its town grows or shrinks, so the
 * "before" and "after" views line up plot by plot.
 *
 * A 36×36 grid: a margin of countryside (river along the top rows, sea along the left columns of
 * a coastal town), and a 3×3 arrangement of 8×8 blocks separated by roads. The centre block is
 * the civic core; the ring holds one district per sector and one housing district.
 */
import { SECTOR_IDS, type FirmKind, type SectorId } from '../../shared';
import { hash } from './hash';

export const BLOCK = 8;
export const MARGIN = 4;
export const GRID = 2 * MARGIN + 3 * BLOCK + 4;
/** Grid lines (rows and columns) that carry the main roads. */
export const ROAD_LINES = [0, 1, 2, 3].map((k) => MARGIN + k * (BLOCK + 1));
/** Rows of the river band along the top edge. */
export const RIVER_ROWS = [1, 2];
/** Columns of the sea along the left edge of a coastal town. */
export const SEA_COLS = [0, 1, 2];
export const SHORE_COL = 3;

export interface GridPos {
  col: number;
  row: number;
}

export interface BlockRect extends GridPos {
  /** Block coordinates in the 3×3 arrangement. */
  bx: number;
  by: number;
  size: number;
}

/** The eight ring blocks, clockwise from the top; the centre (1,1) is the civic core. */
const RING: [number, number][] = [
  [1, 0],
  [2, 0],
  [2, 1],
  [2, 2],
  [1, 2],
  [0, 2],
  [0, 1],
  [0, 0],
];
/** The housing district keeps one place in every town: beside the core, towards the viewer. */
const HOUSING_RING_INDEX = 5;

export function blockRect(bx: number, by: number): BlockRect {
  return {
    bx,
    by,
    col: MARGIN + 1 + bx * (BLOCK + 1),
    row: MARGIN + 1 + by * (BLOCK + 1),
    size: BLOCK,
  };
}

/**
 * Which block each sector's district occupies. The order is rotated by the town id so that
 * neighbouring towns do not look identical, but it never depends on the town's numbers.
 */
export function districtBlocks(townId: string): Record<SectorId, BlockRect> {
  const free = RING.filter((_, i) => i !== HOUSING_RING_INDEX);
  const offset = hash(townId) % free.length;
  const out = {} as Record<SectorId, BlockRect>;
  SECTOR_IDS.forEach((s, i) => {
    const [bx, by] = free[(i + offset) % free.length];
    out[s] = blockRect(bx, by);
  });
  return out;
}

export function housingBlock(): BlockRect {
  const [bx, by] = RING[HOUSING_RING_INDEX];
  return blockRect(bx, by);
}

export function coreBlock(): BlockRect {
  return blockRect(1, 1);
}

/**
 * Local → grid position inside a block, oriented so that local (0,0) is the corner nearest the
 * civic core: districts grow outwards from the centre of town, as real ones do.
 */
export function toGrid(b: BlockRect, lc: number, lr: number, size = 1): GridPos {
  const col = b.bx === 0 ? b.col + b.size - size - lc : b.col + lc;
  const row = b.by === 0 ? b.row + b.size - size - lr : b.row + lr;
  return { col, row };
}

export interface Plot {
  lc: number;
  lr: number;
  size: 1 | 2;
}

/** Large 2×2 plots for leading enterprises and SOEs, in the far column pair of the district. */
const LARGE_PLOTS: Record<'leading' | 'soe', Plot[]> = {
  leading: [
    { lc: 6, lr: 0, size: 2 },
    { lc: 6, lr: 2, size: 2 },
  ],
  soe: [
    { lc: 6, lr: 4, size: 2 },
    { lc: 6, lr: 6, size: 2 },
  ],
};

/** How many SME plots a district has; the rest of the small plots go to foreign plants. */
export const SME_PLOTS = 32;
export const FOREIGN_PLOTS = 16;

/**
 * Small plots in growth order: nearest the core first (ties broken by a fixed pattern so the
 * district does not fill in stiff rows). SMEs take the near plots; foreign plants take the far
 * ones, filling inwards — greenfield "development zones" on the edge of town.
 */
function smallPlotOrder(): Plot[] {
  const plots: Plot[] = [];
  for (let lr = 0; lr < BLOCK; lr++) for (let lc = 0; lc < 6; lc++) plots.push({ lc, lr, size: 1 });
  return plots.sort(
    (a, b) =>
      a.lc + a.lr - (b.lc + b.lr) || ((a.lc * 7 + a.lr * 13) % 11) - ((b.lc * 7 + b.lr * 13) % 11),
  );
}

const SMALL = smallPlotOrder();

export function plotsFor(kind: FirmKind): Plot[] {
  switch (kind) {
    case 'sme':
      return SMALL.slice(0, SME_PLOTS);
    case 'foreign':
      return SMALL.slice(SME_PLOTS).reverse();
    case 'leading':
      return LARGE_PLOTS.leading;
    case 'soe':
      return LARGE_PLOTS.soe;
  }
}

/**
 * The civic core, row by row: m market halls (one slot per sector, in sector order), i
 * innovation centres, s schools, p hospitals, T the town hall, '.' the square, v the vocational
 * school, u the university partnership's lab, q quality-inspection stations, h housing.
 */
const CORE_PLAN = [
  'hhhhhhhh',
  'hsmmmmih',
  'hm....ih',
  'hm.T..ph',
  'hm....ih',
  'hs....ih',
  'hvspuqqq',
  'hhhhhhhh',
];

export type CoreSlot = 'm' | 'i' | 's' | 'p' | 'T' | '.' | 'h' | 'v' | 'u' | 'q';

export function coreSlots(kind: CoreSlot): GridPos[] {
  const core = coreBlock();
  const out: GridPos[] = [];
  CORE_PLAN.forEach((line, lr) =>
    [...line].forEach((ch, lc) => {
      if (ch === kind) out.push({ col: core.col + lc, row: core.row + lr });
    }),
  );
  return out;
}

/**
 * Housing plots in the order homes are built: the housing district's half nearest the centre,
 * then the ring of the civic core (so the square, market and school stay in view until the
 * town is large).
 */
export function housingPlots(): GridPos[] {
  const block = housingBlock();
  const near: GridPos[] = [];
  for (let lr = 0; lr < BLOCK; lr++)
    for (let lc = 0; lc < BLOCK / 2; lc++) near.push(toGrid(block, lc, lr));
  near.sort((a, b) => dist(a, centre()) - dist(b, centre()));
  const core = coreSlots('h').sort((a, b) => dist(b, centre()) - dist(a, centre()));
  return [...near, ...core];
}

/** Dormitories fill the far half of the housing district, the side facing the factories. */
export function dormitoryPlots(): GridPos[] {
  const block = housingBlock();
  const out: GridPos[] = [];
  for (let lr = 0; lr < BLOCK; lr++)
    for (let lc = BLOCK / 2; lc < BLOCK; lc++) out.push(toGrid(block, lc, lr));
  return out.sort((a, b) => dist(a, centre()) - dist(b, centre()));
}

export function centre(): GridPos {
  return { col: GRID / 2, row: GRID / 2 };
}

function dist(a: GridPos, b: GridPos): number {
  return Math.abs(a.col - b.col) + Math.abs(a.row - b.row);
}

export type ExitSide = 'east' | 'west' | 'north' | 'south';

export interface Exit extends GridPos {
  side: ExitSide;
  /** The road line the exit continues: a row for east/west exits, a column for north/south. */
  line: number;
}

/** Where the main roads leave the grid. A coastal town has no road out to the west (the sea). */
export function exits(coastal: boolean): Exit[] {
  const inner = [ROAD_LINES[1], ROAD_LINES[2]];
  const out: Exit[] = [];
  for (const line of inner) {
    out.push({ side: 'east', line, col: GRID - 1, row: line });
    out.push({ side: 'south', line, col: line, row: GRID - 1 });
    out.push({ side: 'north', line, col: line, row: 0 });
    if (!coastal) out.push({ side: 'west', line, col: 0, row: line });
  }
  return out;
}

/** Fixed spots for industrial-park gates: where the main roads leave the built-up area. */
export function parkGateSpots(): GridPos[] {
  const last = ROAD_LINES[3];
  return [
    { col: last + 2, row: ROAD_LINES[1] + 1 },
    { col: ROAD_LINES[2] + 1, row: last + 2 },
    { col: last + 2, row: ROAD_LINES[2] + 1 },
  ];
}

/** Quay spots for cranes: on the shore of the sea, or on the river bank for an inland port. */
export function portSpots(coastal: boolean): GridPos[] {
  if (coastal) return [6, 9, 16, 19, 25, 28].map((row) => ({ col: SHORE_COL, row }));
  return [7, 10, 16, 19, 25, 28].map((col) => ({ col, row: RIVER_ROWS[1] + 1 }));
}

export function wastewaterSpots(): GridPos[] {
  return [
    { col: GRID - 3, row: RIVER_ROWS[1] + 1 },
    { col: GRID - 5, row: RIVER_ROWS[1] + 1 },
  ];
}

/** Spots on the southern edge of town: power substations, then sites of works in progress. */
export function edgeSpots(): GridPos[] {
  const row = ROAD_LINES[3] + 2;
  return [6, 9, 16, 19, 26, 29].map((col) => ({ col, row }));
}
