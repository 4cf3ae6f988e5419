/**
 * Pure geometry and colours of the regional map (no Phaser): where the coast runs, the river's
 * course through the towns on it, where the hub city sits offshore, each town's colour for the
 * chosen indicator, and the arrows of last round's relocations and foreign investment.
 * Map coordinates are the towns' own 0–100 `geo.x/y` (y grows southwards, towards the sea).
 */
import type { MatchEvent, SectorId } from '../../shared';
import type { PublicTown } from '../../shared/protocol/public';

export interface MapPoint {
  x: number;
  y: number;
}

export const INDICATORS = [
  'gdp',
  'gdpPerHead',
  'jobs',
  'exports',
  'fdiStock',
  'firms',
  'patents',
  'pollution',
  'stability',
  'evaluation',
  'score',
] as const;
export type IndicatorKey = (typeof INDICATORS)[number];

export function isIndicator(key: string): key is IndicatorKey {
  return (INDICATORS as readonly string[]).includes(key);
}

/** For these, a high value is bad news: the colour ramp runs the other way. */
const HIGH_IS_BAD: ReadonlySet<IndicatorKey> = new Set(['pollution']);

/**
 * The coast as y at each x: just south of the coastal towns, and always south of inland ones.
 * With no coastal town the sea is off the map (y > 100).
 */
export function coastY(towns: PublicTown[], x: number): number {
  const coastal = towns.filter((t) => t.geo.coastal);
  if (coastal.length === 0) return 112;
  let wsum = 0;
  let ysum = 0;
  for (const t of coastal) {
    const w = 1 / (1 + ((x - t.geo.x) / 14) ** 2);
    wsum += w;
    ysum += w * (t.geo.y + 6);
  }
  // a gentle deterministic wave so the shore does not look ruled
  let y = ysum / wsum + 1.6 * Math.sin(x / 5.5) + 0.8 * Math.sin(x / 2.3 + 1);
  for (const t of towns)
    if (!t.geo.coastal && Math.abs(t.geo.x - x) < 14) y = Math.max(y, t.geo.y + 10);
  return y;
}

/** The sea as a polygon: the coast from west to east, closed along the bottom of the map. */
export function seaPolygon(towns: PublicTown[]): MapPoint[] {
  const pts: MapPoint[] = [];
  for (let x = -120; x <= 220; x += 2) pts.push({ x, y: coastY(towns, x) });
  pts.push({ x: 220, y: 300 }, { x: -120, y: 300 });
  return pts;
}

/** The part of the map worth showing: every town and the hub, with a margin. */
export function mapExtent(towns: PublicTown[]): { x: number; y: number; w: number; h: number } {
  const pts = [...towns.map((t) => ({ x: t.geo.x, y: t.geo.y })), hubPosition(towns)];
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const x0 = Math.min(...xs) - 12;
  const y0 = Math.min(...ys) - 10;
  return { x: x0, y: y0, w: Math.max(...xs) + 12 - x0, h: Math.max(...ys) + 12 - y0 };
}

/**
 * The river through the towns that lie on it, from the source (lowest riverOrder) to the sea,
 * extended upstream past the first town and down to the coast after the last.
 */
export function riverCourse(towns: PublicTown[]): MapPoint[] {
  const on = towns
    .filter((t) => t.geo.riverOrder !== null)
    .sort((a, b) => (a.geo.riverOrder ?? 0) - (b.geo.riverOrder ?? 0) || a.id.localeCompare(b.id));
  if (on.length === 0) return [];
  const pts = on.map((t) => ({ x: t.geo.x, y: t.geo.y }));
  const first = pts[0];
  const source = { x: first.x - 6, y: -8 };
  const last = pts[pts.length - 1];
  const mouth = { x: last.x + 4, y: Math.min(coastY(towns, last.x + 4) + 4, 125) };
  return [source, ...pts, mouth];
}

/** The hub city: offshore from the town nearest to it (smallest hubKm). */
export function hubPosition(towns: PublicTown[]): MapPoint {
  if (towns.length === 0) return { x: 50, y: 110 };
  const nearest = towns.reduce((a, b) => (b.geo.hubKm < a.geo.hubKm ? b : a));
  const x = Math.min(110, nearest.geo.x + 12);
  return { x, y: coastY(towns, x) + 12 };
}

export function indicatorValue(t: PublicTown, key: IndicatorKey): number {
  return t[key];
}

/** 0–1 position of each town on the indicator's scale (1 = best), evenly spread if tied. */
export function indicatorShares(towns: PublicTown[], key: IndicatorKey): Record<string, number> {
  const values = towns.map((t) => indicatorValue(t, key));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const out: Record<string, number> = {};
  for (const t of towns) {
    const v = indicatorValue(t, key);
    const share = hi > lo ? (v - lo) / (hi - lo) : 0.5;
    out[t.id] = HIGH_IS_BAD.has(key) ? 1 - share : share;
  }
  return out;
}

const RAMP: [number, number, number][] = [
  [0xc8, 0x4b, 0x3a], // poor: brick red
  [0xf0, 0xc0, 0x50], // middling: amber
  [0x3f, 0xa0, 0x6a], // good: green
];

/** Colour of a 0–1 share on a red–amber–green ramp, as 0xrrggbb. */
export function rampColour(share: number): number {
  const s = Math.max(0, Math.min(1, share)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(s));
  const k = s - i;
  const c = RAMP[i].map((v, j) => Math.round(v + (RAMP[i + 1][j] - v) * k));
  return (c[0] << 16) | (c[1] << 8) | c[2];
}

export interface FlowArrow {
  from: string | null;
  to: string;
  count: number;
  sectors: SectorId[];
  kind: 'relocation' | 'investment';
}

/** Last round's relocations (town → town) and foreign investment (hub → town), aggregated. */
export function flowArrows(events: MatchEvent[]): FlowArrow[] {
  const map = new Map<string, FlowArrow>();
  const add = (
    kind: FlowArrow['kind'],
    from: string | null,
    to: string,
    count: number,
    sector: SectorId,
  ) => {
    const k = `${kind}:${from ?? 'hub'}>${to}`;
    const a = map.get(k) ?? { from, to, count: 0, sectors: [], kind };
    a.count += count;
    if (!a.sectors.includes(sector)) a.sectors.push(sector);
    map.set(k, a);
  };
  for (const e of events) {
    if (e.type === 'FirmsRelocated' && e.count > 0)
      add('relocation', e.from, e.to, e.count, e.sector);
    if (e.type === 'ForeignPlantsArrived' && e.count > 0)
      add('investment', null, e.town, e.count, e.sector);
  }
  return [...map.values()].sort((a, b) => b.count - a.count);
}

/** A diplomacy proposal or public statement to show on the map. */
export interface MapProposal {
  from: string;
  to: string[];
  kind: string;
  text?: string;
}
