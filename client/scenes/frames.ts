/**
 * Atlas frame names for what the layout describes. The names follow assets/art/catalogue.ts;
 * tests/unit/town-layout.test.ts checks that every name these functions can return exists.
 */
import type { Structure, TerrainTile, View } from './layout-types';

export const ATLAS_KEY = 'town';

function rubble(s: Structure): string {
  if (s.size === 2) return 'rubble-l';
  return (s.col + s.row) % 2 ? 'rubble-1' : 'rubble-2';
}

/** The frame of a structure in a view, or null when nothing stands there in that view. */
export function structureFrame(s: Structure, view: View): string | null {
  const state = view === 'after' ? s.state : s.before;
  if (state === 'none') return null;
  if (state === 'emptyLot') return rubble(s);
  const stage = view === 'after' ? s.stage : s.beforeStage;
  const closed = state === 'closed' ? '-closed' : '';
  switch (s.kind) {
    case 'sme':
      return `sme-${s.sector}-${Math.min(2, stage)}${closed}`;
    case 'foreign':
      return `foreign-${s.sector}-${Math.max(2, stage)}${closed}`;
    case 'leading':
      return `leading-${s.sector}${closed}`;
    case 'soe':
      return `soe-${s.sector}${closed}`;
    case 'market':
      return `market-${s.sector}`;
    case 'park':
      return 'park-gate';
    case 'port':
      return 'port-crane';
    case 'containers':
      return 'containers';
    case 'ship':
      return 'ship';
    case 'innovation':
      return stage >= 2 ? 'innovation-2' : 'innovation';
    case 'school':
      return 'school';
    case 'hospital':
      return 'hospital';
    case 'townHall':
      return 'town-hall';
    case 'wastewater':
      return 'wastewater';
    case 'housing':
      return `house-${stage}`;
    case 'dormitory':
      return 'dormitory';
    case 'construction':
      return 'construction';
    case 'vocational':
      return `vocational-${Math.min(2, stage)}`;
    case 'university':
      return `university-${Math.min(2, stage)}`;
    case 'inspection':
      return 'inspection';
    case 'substation':
      return 'substation';
    case 'patent':
      return 'marker-patent';
    case 'skills':
      return 'marker-skills';
  }
}

/** Ground frames; a bridge is a road drawn over water. */
export function terrainFrames(t: TerrainTile, roadLevel: 1 | 2 | 3): string[] {
  switch (t.terrain) {
    case 'grass':
      return [t.variant % 2 ? 'grass-2' : 'grass-1'];
    case 'field':
      return [t.variant === 3 ? 'field-2' : t.variant === 2 ? 'grass-2' : 'field-1'];
    case 'plaza':
      return ['plaza'];
    case 'water':
      return ['water'];
    case 'sea':
      return ['sea'];
    case 'sand':
      return ['sand'];
    case 'road':
      return [`road-${roadLevel}-${t.axis ?? 'c'}`];
    case 'bridge':
      return ['water', `road-${Math.max(2, roadLevel)}-${t.axis ?? 'c'}`];
  }
}

export function walkerFrame(variant: number): string {
  return `person-${(variant % 4) + 1}`;
}

export function vehicleFrame(kind: number, axis: 'x' | 'y', forward: boolean): string {
  return kind === 1 ? `car-${axis}` : `truck-${axis}${forward ? 'p' : 'n'}`;
}

export function treeFrame(variant: number): string {
  return `tree-${(variant % 3) + 1}`;
}
