/** The plain description of a town scene that `townLayout` returns and the Phaser scene draws. */
import type { ClusterType, FirmKind, InfraKind, LifeStage, SectorId } from '../../shared';
import type { ExitSide, GridPos } from './town-grid';

export type { GridPos } from './town-grid';

/** What stands on a factory plot. */
export type LotState = 'active' | 'closed' | 'emptyLot';
/** A plot in one view: also 'none' when nothing had been built there yet. */
export type ViewState = LotState | 'none';
export type View = 'before' | 'after';

export type CivicKind =
  | 'market'
  | 'park'
  | 'port'
  | 'containers'
  | 'ship'
  | 'innovation'
  | 'school'
  | 'hospital'
  | 'townHall'
  | 'wastewater'
  | 'housing'
  | 'dormitory'
  | 'construction'
  | 'vocational'
  | 'university'
  | 'inspection'
  | 'substation'
  | 'patent'
  | 'skills';
export type StructureKind = FirmKind | CivicKind;

export interface Structure extends GridPos {
  /** Stable id: the same plot has the same id in every round and view. */
  id: string;
  kind: StructureKind;
  sector: SectorId | null;
  /** Footprint in tiles (2 for leading enterprises and SOEs). */
  size: 1 | 2;
  state: ViewState;
  before: ViewState;
  /** Size or density stage in each view (1 small … 3 large). */
  stage: 1 | 2 | 3;
  beforeStage: 1 | 2 | 3;
  /** Built or reopened between the two views: the scene animates it in. */
  isNew: boolean;
  /** Firms and jobs this building stands for in the "after" view (0 when not active). */
  firms: number;
  jobs: number;
  lit: boolean;
  litBefore: boolean;
  /** Smoke from its chimneys when active, 0–1. */
  smoke: number;
  /** A factory that went through green or technology upgrading, in each view. */
  upgraded?: boolean;
  upgradedBefore?: boolean;
  /** What a construction site will become. */
  builds?: InfraKind;
  /** The figure a marker or site stands for in each view: patents, skills (0–1), years left. */
  detail?: number;
  detailBefore?: number;
}

export type Terrain = 'grass' | 'field' | 'road' | 'bridge' | 'water' | 'sea' | 'sand' | 'plaza';

export interface TerrainTile extends GridPos {
  terrain: Terrain;
  /** Road direction: along columns ('x'), along rows ('y') or a junction ('c'). */
  axis?: 'x' | 'y' | 'c';
  variant: number;
}

export interface Counts {
  active: number;
  closed: number;
  emptyLot: number;
}

export interface DistrictInfo extends GridPos {
  sector: SectorId;
  size: number;
  firms: Record<FirmKind, number>;
  firmsBefore: Record<FirmKind, number>;
  jobs: number;
  lifeStage: LifeStage;
  clusterType: ClusterType;
  patents: number;
  technology: number;
  specialised: boolean;
  market: boolean;
  buildings: Counts;
}

/** Firms that moved away in the round: drawn as trucks heading for the edge of town. */
export interface Departure {
  sector: SectorId;
  count: number;
  kinds: FirmKind[];
  /** Destination town id; the scene shows its name. */
  to: string;
  side: ExitSide;
  /** Waypoints in (fractional) grid coordinates, from the district to beyond the edge. */
  path: GridPos[];
}

export interface Arrival {
  sector: SectorId;
  count: number;
  /** Source town id, or null for new foreign investment. */
  from: string | null;
}

export interface Mover extends GridPos {
  variant: number;
  axis: 'x' | 'y';
}

export interface Lamp extends GridPos {
  /** Road level from which this lamp exists. */
  level: 2 | 3;
}

export interface ViewSummary {
  /** Factory buildings (firm plots) by state. */
  buildings: Counts;
  /** Every kind of structure by state. */
  byKind: Partial<Record<StructureKind, Counts>>;
  /** Grey amount of the sky from air pollution, 0–1. */
  skyTint: number;
  /** Stain of the river from water pollution, 0–1. */
  riverStain: number;
  people: number;
  traffic: number;
  /** Lit things at dusk: working plants, occupied homes, civic buildings, street lamps. */
  lights: number;
  roadLevel: 1 | 2 | 3;
  /** Factories shown upgraded (badge, cleaner and larger). */
  upgraded: number;
  /** Air pollution index (0–100) the sky stands for. */
  air: number;
}

export interface TownLayout extends ViewSummary {
  townId: string;
  townName: string;
  /** Tiles per side of the square grid. */
  grid: number;
  terrain: TerrainTile[];
  structures: Structure[];
  districts: DistrictInfo[];
  departures: Departure[];
  arrivals: Arrival[];
  /** Candidate spots for people and vehicles; a view shows the first `people` / `traffic`. */
  walkers: Mover[];
  vehicles: Mover[];
  lamps: Lamp[];
  trees: (GridPos & { variant: number })[];
  /** The same summary for the "before" view (the previous state, or an inferred one). */
  before: ViewSummary;
}
