/**
 * Turns a TownLayout into Phaser game objects, once, and switches them between the "before"
 * and "after" views by changing frames and visibility. Depth is the screen y of each object's
 * footprint so nearer things hide farther ones (the painter's order of an isometric view).
 */
import Phaser from 'phaser';
import { hash } from './hash';
import {
  ATLAS_KEY,
  structureFrame,
  terrainFrames,
  treeFrame,
  vehicleFrame,
  walkerFrame,
} from './frames';
import { footprintAnchor, toScreen } from './iso';
import type { Lamp, Structure, TerrainTile, TownLayout, View, ViewSummary } from './layout-types';

export const DEPTH = {
  ground: 0,
  stain: 1,
  bridge: 2,
  objects: 10,
  dusk: 9000,
  glow: 9001,
  smog: 9400,
  haze: 9500,
  sparkle: 9550,
  overlay: 9600,
} as const;

export interface StructureSprite {
  structure: Structure;
  image: Phaser.GameObjects.Image;
  /** Dry, weedy ground under a shut or demolished plant, and the lease board in front of it. */
  weeds: Phaser.GameObjects.Image[];
  board: Phaser.GameObjects.Image | null;
  glow: Phaser.GameObjects.Image | null;
  smoke: Phaser.GameObjects.Image[];
  sparkle: Phaser.GameObjects.Image | null;
  /** The green badge over an upgraded plant, and the sector flag beside a centre or station. */
  badge: Phaser.GameObjects.Image | null;
  flag: Phaser.GameObjects.Image | null;
}

const MARKERS = new Set(['patent', 'skills']);
const FLAGGED = new Set(['innovation', 'inspection', 'construction']);
const MARKER_SCALE = [0, 0.9, 1.15, 1.4];

export interface TownSprites {
  structures: StructureSprite[];
  roads: { image: Phaser.GameObjects.Image; tile: TerrainTile }[];
  stains: Phaser.GameObjects.Image[];
  walkers: Phaser.GameObjects.Image[];
  vehicles: Phaser.GameObjects.Image[];
  lamps: { lamp: Lamp; image: Phaser.GameObjects.Image; glow: Phaser.GameObjects.Image }[];
  all: Phaser.GameObjects.GameObject[];
}

function anchorOf(s: Structure): { x: number; y: number } {
  // a ship is drawn on a 2×1 footprint
  if (s.kind === 'ship') return toScreen(s.col + 2, s.row + 1);
  const a = footprintAnchor(s.col, s.row, s.size);
  // markers float above the roofs of the tile they mark
  return MARKERS.has(s.kind) ? { x: a.x, y: a.y - 70 } : a;
}

/** Height above the anchor where a building's windows glow and its chimneys smoke. */
function bodyHeight(s: Structure): number {
  if (s.size === 2) return 110;
  if (s.kind === 'housing') return s.stage === 3 ? 150 : s.stage === 2 ? 80 : 40;
  if (s.kind === 'innovation' && s.stage === 2) return 100;
  if (MARKERS.has(s.kind)) return 30;
  return 55;
}

export function buildTown(scene: Phaser.Scene, layout: TownLayout): TownSprites {
  const all: Phaser.GameObjects.GameObject[] = [];
  const add = (x: number, y: number, frame: string, depth: number) => {
    const img = scene.add.image(x, y, ATLAS_KEY, frame).setOrigin(0.5, 1).setDepth(depth);
    all.push(img);
    return img;
  };
  const roads: TownSprites['roads'] = [];
  const stains: Phaser.GameObjects.Image[] = [];
  for (const t of layout.terrain) {
    const a = footprintAnchor(t.col, t.row);
    const frames = terrainFrames(t, layout.roadLevel);
    // tiles are drawn 1 % larger so no hairline seam shows between them at any zoom
    const base = add(a.x, a.y, frames[0], DEPTH.ground).setScale(1.01);
    if (t.terrain === 'water' || t.terrain === 'bridge')
      stains.push(add(a.x, a.y, 'water-stained', DEPTH.stain).setScale(1.01));
    if (t.terrain === 'road') roads.push({ image: base, tile: t });
    if (t.terrain === 'bridge')
      roads.push({ image: add(a.x, a.y, frames[1], DEPTH.bridge), tile: t });
  }
  for (const tr of layout.trees) {
    const a = footprintAnchor(tr.col, tr.row);
    add(a.x, a.y - 10, treeFrame(tr.variant), DEPTH.objects + a.y - 10);
  }
  const structures: StructureSprite[] = layout.structures.map((s) => {
    const a = anchorOf(s);
    const frame = structureFrame(s, 'after') ?? structureFrame(s, 'before') ?? 'rubble-1';
    const marker = MARKERS.has(s.kind);
    const image = add(
      a.x,
      a.y,
      frame,
      marker ? DEPTH.sparkle + 1 + a.y / 1e4 : DEPTH.objects + a.y,
    );
    if (marker) image.setScale(MARKER_SCALE[s.stage]);
    const h = bodyHeight(s);
    const glow = s.lit || s.litBefore ? add(a.x, a.y - h * 0.6, 'glow', DEPTH.glow) : null;
    glow
      ?.setBlendMode(Phaser.BlendModes.ADD)
      .setScale(s.size === 2 ? 2.4 : 1.4)
      .setOrigin(0.5);
    const smoke: Phaser.GameObjects.Image[] = [];
    const puffs = s.smoke > 0.7 ? 2 : s.smoke > 0.25 ? 1 : 0;
    for (let i = 0; i < puffs; i++) {
      const frameName = s.smoke > 0.6 ? 'smoke-dark' : 'smoke-light';
      const p = add(a.x - 10 + i * 14, a.y - h - 40 - i * 22, frameName, DEPTH.objects + a.y + 1);
      p.setOrigin(0.5)
        .setScale(0.8 + i * 0.4)
        .setAlpha(0.8 - i * 0.2);
      smoke.push(p);
    }
    const sparkle = s.isNew
      ? add(a.x, a.y - h - 20, 'sparkle', DEPTH.sparkle).setOrigin(0.5)
      : null;
    const canClose = [s.state, s.before].some((v) => v === 'closed' || v === 'emptyLot');
    const weeds: Phaser.GameObjects.Image[] = [];
    if (canClose)
      for (let dc = 0; dc < s.size; dc++)
        for (let dr = 0; dr < s.size; dr++) {
          const g = footprintAnchor(s.col + dc, s.row + dr);
          weeds.push(add(g.x, g.y, 'lot-weeds', DEPTH.stain).setScale(1.01));
        }
    const board = [s.state, s.before].includes('closed')
      ? add(a.x - 18 * s.size, a.y - 4, 'lease-board', DEPTH.objects + a.y + 2).setScale(
          s.size === 2 ? 1.5 : 1.2,
        )
      : null;
    const badge =
      s.upgraded || s.upgradedBefore
        ? add(a.x + 12 * s.size, a.y - h - 4, 'marker-upgrade', DEPTH.sparkle).setOrigin(0.5)
        : null;
    const flag =
      FLAGGED.has(s.kind) && s.sector
        ? add(a.x - 22, a.y - 6, `flag-${s.sector}`, DEPTH.objects + a.y + 3)
        : null;
    return { structure: s, image, weeds, board, glow, smoke, sparkle, badge, flag };
  });
  const walkers = layout.walkers.map((w) => {
    const a = toScreen(w.col, w.row);
    return add(a.x, a.y + 6, walkerFrame(w.variant), DEPTH.objects + a.y + 6);
  });
  const vehicles = layout.vehicles.map((v, i) => {
    const a = toScreen(v.col, v.row);
    const forward = hash(`${layout.townId}:car:${i}`) % 2 === 0;
    return add(a.x, a.y + 12, vehicleFrame(v.variant, v.axis, forward), DEPTH.objects + a.y + 12);
  });
  const lamps = layout.lamps.map((l) => {
    const a = toScreen(l.col + 0.2, l.row + 0.2);
    const image = add(a.x, a.y + 8, 'lamp', DEPTH.objects + a.y + 8);
    const glow = add(a.x + 8, a.y - 34, 'glow', DEPTH.glow)
      .setOrigin(0.5)
      .setScale(0.8);
    glow.setBlendMode(Phaser.BlendModes.ADD);
    return { lamp: l, image, glow };
  });
  return { structures, roads, stains, walkers, vehicles, lamps, all };
}

/** Show one view: frames and visibility of every object, with no animation. */
export function applyView(sprites: TownSprites, layout: TownLayout, view: View): ViewSummary {
  const summary: ViewSummary = view === 'after' ? layout : layout.before;
  for (const sp of sprites.structures) {
    const frame = structureFrame(sp.structure, view);
    const state = view === 'after' ? sp.structure.state : sp.structure.before;
    sp.image.setVisible(frame !== null);
    if (frame) sp.image.setFrame(frame);
    for (const w of sp.weeds) w.setVisible(state === 'closed' || state === 'emptyLot');
    sp.board?.setVisible(state === 'closed');
    const lit = view === 'after' ? sp.structure.lit : sp.structure.litBefore;
    sp.glow?.setVisible(lit).setAlpha(0.55);
    for (const p of sp.smoke) p.setVisible(state === 'active');
    sp.sparkle?.setVisible(view === 'after');
    const upgraded = view === 'after' ? sp.structure.upgraded : sp.structure.upgradedBefore;
    sp.badge?.setVisible(state === 'active' && upgraded === true);
    sp.flag?.setVisible(state === 'active');
    if (MARKERS.has(sp.structure.kind))
      sp.image.setScale(
        MARKER_SCALE[view === 'after' ? sp.structure.stage : sp.structure.beforeStage],
      );
  }
  for (const r of sprites.roads) {
    const frames = terrainFrames(r.tile, summary.roadLevel);
    r.image.setFrame(r.tile.terrain === 'bridge' ? frames[1] : frames[0]);
  }
  for (const s of sprites.stains) s.setAlpha(summary.riverStain * 0.95);
  sprites.walkers.forEach((w, i) => w.setVisible(i < summary.people));
  sprites.vehicles.forEach((v, i) => v.setVisible(i < summary.traffic));
  for (const l of sprites.lamps) {
    const on = l.lamp.level <= summary.roadLevel;
    l.image.setVisible(on);
    l.glow.setVisible(on).setAlpha(0.8);
  }
  return summary;
}

/**
 * The world rectangle worth showing first: the built-up part of town (every structure of either
 * view, the core and the roads around it) with a little countryside around it.
 */
export function builtBounds(layout: TownLayout): Phaser.Geom.Rectangle {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const grow = (col: number, row: number) => {
    const p = toScreen(col, row);
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  };
  for (const s of layout.structures) {
    grow(s.col - 2, s.row - 2);
    grow(s.col + s.size + 2, s.row + s.size + 2);
  }
  // convoys leaving town: their labels sit on the road towards the edge
  for (const d of layout.departures) for (const p of d.path.slice(0, -1)) grow(p.col, p.row);
  const mid = layout.grid / 2;
  grow(mid - 8, mid - 8);
  grow(mid + 8, mid + 8);
  // the tallest buildings rise up to ~260 px above their footprint
  return new Phaser.Geom.Rectangle(minX, minY - 260, maxX - minX, maxY - minY + 300);
}

/** The world rectangle of the whole grid plus headroom for tall buildings. */
export function worldBounds(grid: number): Phaser.Geom.Rectangle {
  const left = toScreen(0, grid).x;
  const right = toScreen(grid, 0).x;
  const bottom = toScreen(grid, grid).y;
  return new Phaser.Geom.Rectangle(left, -260, right - left, bottom + 260);
}
