/**
 * Everything in town that is not a factory: the specialised markets, innovation centres,
 * schools, hospitals and town hall in the civic core; park gates, port cranes and wastewater
 * plants in the margins; homes (denser where housing was built) and migrants' dormitories.
 * Each has a fixed slot, so a market built this round appears where it will always stand.
 */
import { SECTOR_IDS, type SectorId, type TownState } from '../../shared';
import { hash } from './hash';
import {
  dormitoryCount,
  hospitalCount,
  housingCount,
  housingTier,
  occupancy,
  schoolCount,
} from './layout-rules';
import type { CivicKind, Structure, ViewState } from './layout-types';
import {
  coreSlots,
  dormitoryPlots,
  housingPlots,
  parkGateSpots,
  portSpots,
  SEA_COLS,
  wastewaterSpots,
  type GridPos,
} from './town-grid';

export interface CivicInput {
  town: TownState;
  /** The state of the "before" view (the town itself when there is no previous state). */
  prior: TownState;
  centres: number;
  centresBefore: number;
  centreSectors: SectorId[];
}

function civic(
  id: string,
  kind: CivicKind,
  pos: GridPos,
  inAfter: boolean,
  inBefore: boolean,
  extra: Partial<Structure> = {},
): Structure | null {
  if (!inAfter && !inBefore) return null;
  const state: ViewState = inAfter ? 'active' : 'none';
  const before: ViewState = inBefore ? 'active' : 'none';
  return {
    id,
    kind,
    sector: null,
    ...pos,
    size: 1,
    state,
    before,
    stage: 1,
    beforeStage: 1,
    isNew: inAfter && !inBefore,
    firms: 0,
    jobs: 0,
    lit: inAfter,
    litBefore: inBefore,
    smoke: 0,
    ...extra,
  };
}

/** N items in a fixed list of spots, present in a view when their index is below its count. */
function counted(
  kind: CivicKind,
  spots: GridPos[],
  after: number,
  before: number,
  extra: (i: number) => Partial<Structure> = () => ({}),
): Structure[] {
  const out: Structure[] = [];
  spots.forEach((pos, i) => {
    const s = civic(`${kind}:${i}`, kind, pos, i < after, i < before, extra(i));
    if (s) out.push(s);
  });
  return out;
}

export function civicStructures(input: CivicInput): Structure[] {
  const { town, prior, centres, centresBefore, centreSectors } = input;
  const out: Structure[] = [];
  const markets = coreSlots('m');
  SECTOR_IDS.forEach((s, i) => {
    const m = civic(
      `market:${s}`,
      'market',
      markets[i],
      town.infra.markets.includes(s),
      prior.infra.markets.includes(s),
      { sector: s },
    );
    if (m) out.push(m);
  });
  out.push(...counted('townHall', coreSlots('T'), 1, 1));
  out.push(
    ...counted('innovation', coreSlots('i'), centres, centresBefore, (i) => {
      const sector = centreSectors[i] ?? null;
      // a campus tower once the sector's technology has caught up with the frontier
      const grown = (t: TownState) => (sector && t.industries[sector].technology >= 0.45 ? 2 : 1);
      return { sector, stage: grown(town), beforeStage: grown(prior) };
    }),
  );
  out.push(...counted('school', coreSlots('s'), schoolCount(town), schoolCount(prior)));
  out.push(...counted('hospital', coreSlots('p'), hospitalCount(town), hospitalCount(prior)));
  out.push(
    ...counted(
      'park',
      parkGateSpots(),
      Math.min(3, town.infra.park),
      Math.min(3, prior.infra.park),
    ),
  );
  out.push(...port(town, prior));
  out.push(
    ...counted(
      'wastewater',
      wastewaterSpots(),
      Math.min(2, town.infra.wastewater),
      Math.min(2, prior.infra.wastewater),
    ),
  );
  out.push(...homes(town, prior));
  return out;
}

function port(town: TownState, prior: TownState): Structure[] {
  const coastal = town.geo.coastal;
  const spots = portSpots(coastal);
  const cranes = (t: TownState) => Math.min(spots.length / 2, t.infra.port);
  const out = counted(
    'port',
    spots.filter((_, i) => i % 2 === 0),
    cranes(town),
    cranes(prior),
  );
  out.push(
    ...counted(
      'containers',
      spots.filter((_, i) => i % 2 === 1),
      cranes(town),
      cranes(prior),
    ),
  );
  if (coastal) {
    const ships = (t: TownState) =>
      Math.min(2, Math.floor(t.infra.port / 2) + (t.infra.port > 0 ? 1 : 0));
    const shipSpots = [8, 18].map((row) => ({ col: SEA_COLS[0], row }));
    out.push(...counted('ship', shipSpots, ships(town), ships(prior)));
  }
  return out;
}

function homes(town: TownState, prior: TownState): Structure[] {
  const out: Structure[] = [];
  const lit = (t: TownState, kind: string, i: number) =>
    hash(`${t.id}:${kind}:${i}:light`) % 1000 < occupancy(t) * 1000;
  const houses = housingPlots();
  const nAfter = housingCount(town);
  const nBefore = housingCount(prior);
  houses.forEach((pos, i) => {
    const s = civic(`housing:${i}`, 'housing', pos, i < nAfter, i < nBefore, {
      stage: housingTier(i, town.infra.housing),
      beforeStage: housingTier(i, prior.infra.housing),
    });
    if (!s) return;
    s.lit = i < nAfter && lit(town, 'housing', i);
    s.litBefore = i < nBefore && lit(prior, 'housing', i);
    out.push(s);
  });
  const dorms = dormitoryPlots();
  const dAfter = dormitoryCount(town);
  const dBefore = dormitoryCount(prior);
  dorms.forEach((pos, i) => {
    const s = civic(`dormitory:${i}`, 'dormitory', pos, i < dAfter, i < dBefore);
    if (!s) return;
    s.lit = i < dAfter && lit(town, 'dormitory', i);
    s.litBefore = i < dBefore && lit(prior, 'dormitory', i);
    out.push(s);
  });
  return out;
}
