/**
 * A small plan view of a town for the side-by-side comparison, drawn from the same layout the
 * Phaser scene uses (townLayout), so a plot is on the same tile in both: working factories in
 * their sector's colour, closed ones dark, empty lots pale, homes and civic buildings in their
 * own tones, and a grey veil as thick as the town's smog. Four of these cost less than one
 * extra Phaser game.
 */
import type { TownState } from '../../shared';
import { SECTOR_COLOURS } from '../scenes/town-effects';
import { townLayout } from '../scenes/town-layout';
import type { StructureKind, Terrain } from '../scenes/layout-types';

const TERRAIN: Record<Terrain, string> = {
  grass: '#a9d18e',
  field: '#d8cf8f',
  road: '#8d8f93',
  bridge: '#9b7b55',
  water: '#5aa9e6',
  sea: '#3c83c0',
  sand: '#eadcae',
  plaza: '#d9d2c3',
};

const CIVIC: Partial<Record<StructureKind, string>> = {
  housing: '#e9a66b',
  dormitory: '#c98a5a',
  townHall: '#b03a2e',
  school: '#f4d35e',
  hospital: '#f2f2f2',
  market: '#ef8354',
  park: '#6c8ead',
  port: '#4f5d75',
  containers: '#4f5d75',
  ship: '#2d3142',
  innovation: '#7b2cbf',
  wastewater: '#2a9d8f',
};

const FIRM_KINDS: ReadonlySet<StructureKind> = new Set(['sme', 'foreign', 'leading', 'soe']);

function hex(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

/** Draw `town` (after its round; `previous` is the round before) into a square canvas. */
export function drawTownThumbnail(
  canvas: HTMLCanvasElement,
  town: TownState,
  previous: TownState | undefined,
): void {
  const layout = townLayout(town, previous);
  const context = canvas.getContext('2d');
  if (!context) return;
  const size = canvas.width;
  const tile = size / layout.grid;
  context.clearRect(0, 0, size, size);
  for (const ground of layout.terrain) {
    context.fillStyle = TERRAIN[ground.terrain];
    context.fillRect(ground.col * tile, ground.row * tile, tile + 0.5, tile + 0.5);
  }
  for (const s of layout.structures) {
    if (s.state === 'none') continue;
    const x = s.col * tile;
    const y = s.row * tile;
    const side = s.size * tile - 1;
    if (FIRM_KINDS.has(s.kind)) {
      context.fillStyle =
        s.state === 'active'
          ? hex(SECTOR_COLOURS[s.sector ?? ''] ?? 0x777777)
          : s.state === 'closed'
            ? '#3b3b3b'
            : '#efe6cf';
    } else {
      context.fillStyle = s.state === 'active' ? (CIVIC[s.kind] ?? '#999999') : '#bdb6a6';
    }
    context.fillRect(x + 0.5, y + 0.5, side, side);
    if (s.state === 'closed' && FIRM_KINDS.has(s.kind)) {
      // A cross on a shut factory, readable without colour.
      context.strokeStyle = '#f2f2f2';
      context.lineWidth = Math.max(1, tile / 6);
      context.beginPath();
      context.moveTo(x + 1, y + 1);
      context.lineTo(x + side, y + side);
      context.moveTo(x + side, y + 1);
      context.lineTo(x + 1, y + side);
      context.stroke();
    }
  }
  if (layout.skyTint > 0.02) {
    context.fillStyle = `rgba(120, 116, 104, ${Math.min(0.55, layout.skyTint * 0.6)})`;
    context.fillRect(0, 0, size, size);
  }
}
