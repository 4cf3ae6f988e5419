/**
 * The ground of a town (fields, river, sea, roads, the square), where its people and vehicles
 * stand, its street lamps and trees, and the routes of firms moving away.
 */
import type { MatchEvent, SectorId, TownGeo, TownState, FirmKind } from '../../shared';
import { hash } from './hash';
import type { Departure, Lamp, Mover, Structure, TerrainTile } from './layout-types';
import {
  BLOCK,
  GRID,
  MARGIN,
  RIVER_ROWS,
  ROAD_LINES,
  SEA_COLS,
  SHORE_COL,
  coreBlock,
  coreSlots,
  exits,
  type BlockRect,
  type Exit,
  type ExitSide,
  type GridPos,
} from './town-grid';

const key = (c: number, r: number) => r * GRID + c;

function roadAxis(c: number, r: number, coastal: boolean): 'x' | 'y' | 'c' | null {
  const lo = MARGIN;
  const hi = GRID - 1 - MARGIN;
  const inner = [ROAD_LINES[1], ROAD_LINES[2]];
  const westEnd = coastal ? SHORE_COL + 1 : 0;
  const onRow =
    ROAD_LINES.includes(r) && c >= lo && c <= hi ? true : inner.includes(r) && c >= westEnd;
  const onCol = ROAD_LINES.includes(c) && r >= lo && r <= hi ? true : inner.includes(c);
  if (onRow && onCol) return 'c';
  if (onRow) return 'x';
  if (onCol) return 'y';
  return null;
}

/** Tiles that have been built on in either view: their ground is a yard, not a paddy field. */
function builtTiles(structures: Structure[]): Set<number> {
  const out = new Set<number>();
  for (const s of structures)
    for (let dc = 0; dc < s.size; dc++)
      for (let dr = 0; dr < s.size; dr++) out.add(key(s.col + dc, s.row + dr));
  return out;
}

function inBlock(b: BlockRect, c: number, r: number): boolean {
  return c >= b.col && c < b.col + b.size && r >= b.row && r < b.row + b.size;
}

export function terrain(
  town: TownState,
  structures: Structure[],
  blocks: BlockRect[],
): TerrainTile[] {
  const coastal = town.geo.coastal;
  const built = builtTiles(structures);
  // a district with any building has its whole block levelled; an untouched block stays farmland
  const levelled = blocks.filter((b) => structures.some((s) => inBlock(b, s.col, s.row)));
  const plaza = new Set([...coreSlots('.'), ...coreSlots('T')].map((p) => key(p.col, p.row)));
  const out: TerrainTile[] = [];
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const variant = hash(`${town.id}:${c}:${r}`) % 4;
      const axis = roadAxis(c, r, coastal);
      let t: TerrainTile['terrain'];
      if (coastal && SEA_COLS.includes(c)) t = 'sea';
      else if (RIVER_ROWS.includes(r)) t = axis ? 'bridge' : 'water';
      else if (axis) t = 'road';
      else if (coastal && c === SHORE_COL) t = 'sand';
      else if (plaza.has(key(c, r))) t = 'plaza';
      else if (
        built.has(key(c, r)) ||
        levelled.some((b) => inBlock(b, c, r)) ||
        inBlock(coreBlock(), c, r)
      )
        t = 'grass';
      else t = 'field';
      out.push({
        col: c,
        row: r,
        terrain: t,
        variant,
        ...(axis && (t === 'road' || t === 'bridge') ? { axis } : {}),
      });
    }
  }
  return out;
}

export function lamps(ground: TerrainTile[]): Lamp[] {
  const out: Lamp[] = [];
  for (const t of ground) {
    if (t.terrain !== 'road' || t.axis === 'c') continue;
    const k = t.axis === 'x' ? t.col : t.row;
    if (k % 4 === 0) out.push({ col: t.col, row: t.row, level: 2 });
    else if (k % 2 === 0) out.push({ col: t.col, row: t.row, level: 3 });
  }
  return out;
}

/** Trees on field edges, in the margin and around the square; fixed by tile hash. */
export function trees(town: TownState, ground: TerrainTile[]): (GridPos & { variant: number })[] {
  const out: (GridPos & { variant: number })[] = [];
  for (const t of ground) {
    const h = hash(`${town.id}:tree:${t.col}:${t.row}`);
    const margin =
      t.col < MARGIN || t.row < MARGIN || t.col >= GRID - MARGIN || t.row >= GRID - MARGIN;
    if (t.terrain === 'field' && margin && h % 5 === 0)
      out.push({ col: t.col, row: t.row, variant: (h >>> 3) % 3 });
    if (t.terrain === 'sand' && h % 3 === 0) out.push({ col: t.col, row: t.row, variant: 2 });
  }
  for (const p of coreSlots('.')) if ((p.col + p.row) % 3 === 0) out.push({ ...p, variant: 1 });
  return out;
}

/**
 * Spots for people (on pavements and the square) and vehicles (on roads), in a fixed
 * pseudo-random order: a town with more people shows a longer prefix of the same list, so
 * people do not jump around between views.
 */
export function movers(
  town: TownState,
  ground: TerrainTile[],
  people: number,
  traffic: number,
): {
  walkers: Mover[];
  vehicles: Mover[];
} {
  const built = ground.filter(
    (t) =>
      (t.terrain === 'road' || t.terrain === 'plaza') &&
      t.col >= MARGIN &&
      t.row >= MARGIN &&
      t.col < GRID - MARGIN &&
      t.row < GRID - MARGIN,
  );
  const order = (tag: string) =>
    [...built].sort(
      (a, b) =>
        hash(`${town.id}:${tag}:${a.col}:${a.row}`) - hash(`${town.id}:${tag}:${b.col}:${b.row}`),
    );
  const walkTiles = order('walk');
  const walkers: Mover[] = [];
  for (let i = 0; i < people; i++) {
    const t = walkTiles[i % walkTiles.length];
    const h = hash(`${town.id}:walker:${i}`);
    const along = ((h % 100) / 100) * 0.8 + 0.1;
    const side = (h >>> 8) % 2 ? 0.12 : 0.88;
    const axis = t.axis === 'y' ? 'y' : 'x';
    walkers.push({
      col: t.col + (axis === 'x' ? along : side),
      row: t.row + (axis === 'x' ? side : along),
      variant: (h >>> 12) % 4,
      axis,
    });
  }
  const roadTiles = order('drive').filter((t) => t.terrain === 'road' && t.axis !== 'c');
  const vehicles: Mover[] = [];
  for (let i = 0; i < traffic && roadTiles.length > 0; i++) {
    const t = roadTiles[i % roadTiles.length];
    const h = hash(`${town.id}:vehicle:${i}`);
    const axis = t.axis === 'y' ? 'y' : 'x';
    const lane = (h >>> 4) % 2 ? 0.35 : 0.65;
    vehicles.push({
      col: t.col + (axis === 'x' ? 0.5 : lane),
      row: t.row + (axis === 'x' ? lane : 0.5),
      variant: h % 3 === 0 ? 1 : 0, // 0 truck, 1 car
      axis,
    });
  }
  return { walkers, vehicles };
}

const SIDE_DIR: Record<ExitSide, [number, number]> = {
  // screen direction of each side of the grid (x right, y down), normalised roughly
  east: [0.89, 0.45],
  west: [-0.89, -0.45],
  south: [-0.89, 0.45],
  north: [0.89, -0.45],
};

function chooseExit(
  from: GridPos,
  destination: string,
  geo: TownGeo,
  destGeo: TownGeo | undefined,
  all: Exit[],
): Exit {
  const sides = [...new Set(all.map((e) => e.side))];
  let side: ExitSide;
  if (destGeo && (destGeo.x !== geo.x || destGeo.y !== geo.y)) {
    const dx = destGeo.x - geo.x;
    const dy = destGeo.y - geo.y;
    side = sides.reduce((best, s) =>
      SIDE_DIR[s][0] * dx + SIDE_DIR[s][1] * dy > SIDE_DIR[best][0] * dx + SIDE_DIR[best][1] * dy
        ? s
        : best,
    );
  } else side = sides[hash(destination) % sides.length];
  const candidates = all.filter((e) => e.side === side);
  const distance = (e: Exit) =>
    e.side === 'east' || e.side === 'west'
      ? Math.abs(e.line - from.row)
      : Math.abs(e.line - from.col);
  return candidates.reduce((a, b) => (distance(b) < distance(a) ? b : a));
}

export function departures(
  town: TownState,
  events: MatchEvent[],
  blocks: Record<SectorId, BlockRect>,
  geoOf: (id: string) => TownGeo | undefined,
): Departure[] {
  const grouped = new Map<
    string,
    { sector: SectorId; to: string; count: number; kinds: Set<FirmKind> }
  >();
  for (const e of events) {
    if (e.type !== 'FirmsRelocated' || e.from !== town.id || e.count <= 0) continue;
    const k = `${e.sector}>${e.to}`;
    const g = grouped.get(k) ?? {
      sector: e.sector,
      to: e.to,
      count: 0,
      kinds: new Set<FirmKind>(),
    };
    g.count += e.count;
    g.kinds.add(e.kind);
    grouped.set(k, g);
  }
  const all = exits(town.geo.coastal);
  return [...grouped.values()]
    .sort(
      (a, b) => b.count - a.count || a.sector.localeCompare(b.sector) || a.to.localeCompare(b.to),
    )
    .map((g) => {
      const b = blocks[g.sector];
      const start = { col: b.col + BLOCK / 2, row: b.row + BLOCK / 2 };
      const exit = chooseExit(start, g.to, town.geo, geoOf(g.to), all);
      const path: GridPos[] = [start];
      const off = 3;
      if (exit.side === 'east' || exit.side === 'west') {
        const y = exit.line + 0.5;
        path.push({ col: start.col, row: y }, { col: exit.col + 0.5, row: y });
        path.push({ col: exit.side === 'east' ? GRID + off : -off, row: y });
      } else {
        const x = exit.line + 0.5;
        path.push({ col: x, row: start.row }, { col: x, row: exit.row + 0.5 });
        path.push({ col: x, row: exit.side === 'south' ? GRID + off : -off });
      }
      return {
        sector: g.sector,
        count: g.count,
        kinds: [...g.kinds],
        to: g.to,
        side: exit.side,
        path,
      };
    });
}
