/**
 * townLayout: a pure description of what a town looks like (no Phaser, no DOM), so the rules
 * "a town must look like its numbers" (DESIGN §5) can be unit-tested and the scene only draws.
 *
 * Growth adds buildings, people, traffic and lights; decline leaves closed factories with lease
 * signs and empty lots where buildings stood; pollution greys the sky and stains the river.
 * Placement is deterministic (hashes of the town id, sector and plot index) and stable: a
 * building keeps its tile across rounds, so "before" and "after" line up.
 */
import {
  FIRM_KINDS,
  SECTOR_IDS,
  type MatchEvent,
  type SectorId,
  type SharedCentre,
  type TownGeo,
  type TownState,
} from '../../shared';
import { civicStructures } from './layout-civic';
import { markUpgraded, policyStructures } from './layout-policy';
import {
  firmStructures,
  firmsBefore,
  firmsNow,
  jobsOf,
  type FirmPeaks,
  type FirmTable,
} from './layout-firms';
import { departures, lamps, movers, terrain, trees } from './layout-ground';
import {
  peopleCount,
  residents,
  riverStain,
  roadLevel,
  skyTint,
  trafficCount,
} from './layout-rules';
import type {
  Arrival,
  Counts,
  DistrictInfo,
  Lamp,
  Structure,
  StructureKind,
  TownLayout,
  View,
  ViewSummary,
} from './layout-types';
import { districtBlocks, housingBlock } from './town-grid';

export type * from './layout-types';

export interface LayoutOptions {
  /**
   * Innovation centres this town funds: the match's shared centres (those listing the town as a
   * funder count) or a number. Defaults to the sectors in the town's plan.
   */
  centres?: SharedCentre[] | number;
  /** The same for the "before" view; defaults to `centres` (no change). */
  centresBefore?: SharedCentre[] | number;
  /** Most firms each sector and kind has ever had, if the caller remembers it. */
  peaks?: FirmPeaks;
  /** Other towns' positions, to send departing trucks out on the side facing their destination. */
  towns?: { id: string; geo: TownGeo }[];
}

const FACTORY_KINDS: readonly StructureKind[] = FIRM_KINDS;

/**
 * The centres a town runs: its own (the sectors in its plan) and the shared ones it co-funds.
 * The match's list holds only shared centres, so a town's own centre comes from its plan.
 */
function centreInfo(
  town: TownState,
  c: SharedCentre[] | number | undefined,
): { n: number; sectors: SectorId[] } {
  if (typeof c === 'number') return { n: Math.max(0, Math.min(4, c)), sectors: [] };
  const shared = Array.isArray(c)
    ? c.filter((x) => x.funders.includes(town.id)).map((x) => x.sector)
    : [];
  const sectors = [...new Set([...town.plan.innovation.centres, ...shared])];
  return { n: Math.min(4, sectors.length), sectors };
}

function count(structures: Structure[], view: View, kinds?: readonly StructureKind[]): Counts {
  const c: Counts = { active: 0, closed: 0, emptyLot: 0 };
  for (const s of structures) {
    if (kinds && !kinds.includes(s.kind)) continue;
    const st = view === 'after' ? s.state : s.before;
    if (st !== 'none') c[st] += 1;
  }
  return c;
}

function summary(
  structures: Structure[],
  view: View,
  state: TownState,
  firms: FirmTable,
  lampList: Lamp[],
): ViewSummary {
  const byKind: Partial<Record<StructureKind, Counts>> = {};
  for (const s of structures) byKind[s.kind] ??= count(structures, view, [s.kind]);
  const buildings = count(structures, view, FACTORY_KINDS);
  const level = roadLevel(state.infra.roads);
  const lit = structures.filter((s) => (view === 'after' ? s.lit : s.litBefore)).length;
  const lampsOn = lampList.filter((l) => l.level <= level).length;
  return {
    buildings,
    byKind,
    skyTint: skyTint(state.airPollution),
    riverStain: riverStain(state.waterPollution),
    people: peopleCount(jobsOf(firms, state), residents(state)),
    traffic: trafficCount(buildings.active, state.infra.roads, state.infra.port),
    lights: lit + lampsOn,
    roadLevel: level,
    air: state.airPollution,
    upgraded: structures.filter((s) => (view === 'after' ? s.upgraded : s.upgradedBefore)).length,
  };
}

function districts(
  town: TownState,
  prior: TownState,
  before: FirmTable,
  structures: Structure[],
): DistrictInfo[] {
  const blocks = districtBlocks(town.id);
  return SECTOR_IDS.map((s) => {
    const ind = town.industries[s];
    const inDistrict = structures.filter((x) => x.sector === s && FACTORY_KINDS.includes(x.kind));
    let jobs = 0;
    for (const k of FIRM_KINDS) jobs += ind.firms[k] * ind.firmSize[k];
    return {
      sector: s,
      col: blocks[s].col,
      row: blocks[s].row,
      size: blocks[s].size,
      firms: { ...ind.firms },
      firmsBefore: { ...before[s] },
      jobs,
      lifeStage: ind.lifeStage,
      clusterType: ind.clusterType,
      patents: ind.patents,
      technology: ind.technology,
      specialised: town.specialisedSector === s,
      market: town.infra.markets.includes(s) || prior.infra.markets.includes(s),
      buildings: count(inDistrict, 'after'),
    };
  });
}

function arrivals(town: TownState, events: MatchEvent[]): Arrival[] {
  const out: Arrival[] = [];
  for (const e of events) {
    if (e.type === 'ForeignPlantsArrived' && e.town === town.id)
      out.push({ sector: e.sector, count: e.count, from: null });
    if (e.type === 'FirmsRelocated' && e.to === town.id)
      out.push({ sector: e.sector, count: e.count, from: e.from });
  }
  return out;
}

export function townLayout(
  town: TownState,
  previous?: TownState,
  events: MatchEvent[] = [],
  options: LayoutOptions = {},
): TownLayout {
  const prior = previous ?? town;
  const blocks = districtBlocks(town.id);
  const before = firmsBefore(town, previous);
  const now = firmsNow(town);
  const centresAfter = centreInfo(town, options.centres);
  // without an explicit list for the previous view, the previous plan's own centres and the
  // same shared list: a centre funded this round appears, one dropped disappears
  const centresBefore = centreInfo(
    prior,
    options.centresBefore !== undefined ? options.centresBefore : options.centres,
  );
  const structures = [
    ...firmStructures({ town, previous, before, blocks, peaks: options.peaks }),
    ...civicStructures({
      town,
      prior,
      centres: centresAfter.n,
      centresBefore: centresBefore.n,
      centreSectors: centresAfter.sectors,
    }),
    ...policyStructures({ town, prior, blocks }),
  ];
  markUpgraded(structures, town, prior);
  const ground = terrain(town, structures, [...Object.values(blocks), housingBlock()]);
  const lampList = lamps(ground);
  const after = summary(structures, 'after', town, now, lampList);
  const beforeSummary = summary(structures, 'before', prior, before, lampList);
  const { walkers, vehicles } = movers(
    town,
    ground,
    Math.max(after.people, beforeSummary.people),
    Math.max(after.traffic, beforeSummary.traffic),
  );
  const geo = new Map((options.towns ?? []).map((t) => [t.id, t.geo]));
  return {
    townId: town.id,
    townName: town.name,
    grid: Math.sqrt(ground.length),
    ...after,
    terrain: ground,
    structures,
    districts: districts(town, prior, before, structures),
    departures: departures(town, events, blocks, (id) => geo.get(id)),
    arrivals: arrivals(town, events),
    walkers,
    vehicles,
    lamps: lampList,
    trees: trees(town, ground),
    before: beforeSummary,
  };
}
