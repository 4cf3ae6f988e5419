/**
 * Atmosphere and movement over the town: the sky that greys with air pollution, a dusk veil
 * under which lit windows and street lamps show, drifting smog, and the convoys of firms that
 * relocate — dashed routes in the sector's colour to the edge of town, labelled with the
 * destination.
 */
import Phaser from 'phaser';
import { formatCount, t } from '../i18n';
import { ATLAS_KEY } from './frames';
import { toScreen } from './iso';
import type { Departure, TownLayout } from './layout-types';
import { DEPTH } from './town-draw';

export const SECTOR_COLOURS: Record<string, number> = {
  textiles: 0xd0508f,
  footwear: 0xa0522d,
  ceramics: 0xe07b39,
  furniture: 0x7a8b2e,
  toys: 0xf2c230,
  electronics: 0x2bb0b8,
  appliances: 0x7059c4,
};

// A long gradient (clear blue to a brown-grey pall) interpolated without rounding the step, so
// that 5 points of air pollution move the sky visibly (about 8 levels of blue), not in steps.
const CLEAN_SKY = [0x9f, 0xd3, 0xf2] as const;
const SMOG_SKY = [0x8c, 0x86, 0x74] as const;

export function skyColour(tint: number): number {
  const k = Math.max(0, Math.min(1, tint));
  const [r, g, b] = CLEAN_SKY.map((c, i) => Math.round(c + (SMOG_SKY[i] - c) * k));
  return (r << 16) | (g << 8) | b;
}

export interface Atmosphere {
  dusk: Phaser.GameObjects.Rectangle;
  haze: Phaser.GameObjects.Rectangle;
  smog: Phaser.GameObjects.Image[];
  set(skyTint: number): void;
  destroy(): void;
}

export function buildAtmosphere(scene: Phaser.Scene, bounds: Phaser.Geom.Rectangle): Atmosphere {
  const pad = 4000;
  const w = bounds.width + 2 * pad;
  const h = bounds.height + 2 * pad;
  const cx = bounds.centerX;
  const cy = bounds.centerY;
  // Dusk: dims the town a little so that lit windows and lamps (additive glows) read as lights.
  const dusk = scene.add.rectangle(cx, cy, w, h, 0x1a2240, 0.3).setDepth(DEPTH.dusk);
  const haze = scene.add.rectangle(cx, cy, w, h, 0x8f8a7e, 0).setDepth(DEPTH.haze);
  const smog: Phaser.GameObjects.Image[] = [];
  // Smog banks drift over the districts; how many show depends on the sky tint.
  for (let i = 0; i < 14; i++) {
    const p = toScreen(((i * 7) % 13) * 2.6 + 2, ((i * 5) % 11) * 3 + 2);
    const img = scene.add
      .image(p.x, p.y - 120, ATLAS_KEY, i % 3 ? 'smoke-dark' : 'smoke-light')
      .setDepth(DEPTH.smog)
      .setScale(9 + (i % 4) * 2, 5 + (i % 3))
      .setVisible(false);
    smog.push(img);
  }
  return {
    dusk,
    haze,
    smog,
    set(skyTint: number) {
      scene.cameras.main.setBackgroundColor(skyColour(skyTint));
      haze.setFillStyle(0x8f8a7e, skyTint * 0.45);
      // smog banks fade in one after another: the last one partly, so the pall grows smoothly
      const banks = skyTint * smog.length;
      smog.forEach((s, i) => {
        const part = Math.max(0, Math.min(1, banks - i));
        s.setVisible(part > 0).setAlpha((0.18 + skyTint * 0.22) * part);
      });
    },
    destroy() {
      dusk.destroy();
      haze.destroy();
      for (const s of smog) s.destroy();
    },
  };
}

export interface Convoy {
  departure: Departure;
  objects: Phaser.GameObjects.GameObject[];
  trucks: Phaser.GameObjects.Image[];
  label: Phaser.GameObjects.Text;
  points: Phaser.Math.Vector2[];
  /** Where the label stands (on the exit road) and its place in a stack of labels there. */
  labelBase: { x: number; y: number };
  stack: number;
}

/**
 * Convoys leaving by the same road share one stack of labels a few tiles inside the edge of
 * town; the stack keeps a constant on-screen spacing whatever the zoom, and slides along the
 * edge of the view rather than leave it (a phone shows only the middle of town).
 */
export function placeConvoyLabels(convoys: Convoy[], cam: Phaser.Cameras.Scene2D.Camera): void {
  const s = labelScale(cam);
  for (const c of convoys)
    placeLabel(c.label, c.labelBase.x, c.labelBase.y - 24 * s - c.stack * 30 * s, cam);
}

/** Labels keep their on-screen size whatever the zoom (within reason). */
export function labelScale(cam: Phaser.Cameras.Scene2D.Camera): number {
  return Math.min(12, 1 / cam.zoom);
}

/** Put a label at (x, y), slid horizontally into the view if it would stick out. */
export function placeLabel(
  label: Phaser.GameObjects.Text,
  x: number,
  y: number,
  cam: Phaser.Cameras.Scene2D.Camera,
): void {
  const s = labelScale(cam);
  label.setScale(s);
  const viewW = cam.width / cam.zoom;
  const left = cam.scrollX + cam.width / 2 - viewW / 2;
  const half = (label.width * s) / 2 + 4 * s;
  const cx = half * 2 < viewW ? Phaser.Math.Clamp(x, left + half, left + viewW - half) : x;
  label.setPosition(cx, y);
}

function pathPoints(d: Departure): Phaser.Math.Vector2[] {
  return d.path.map((p) => {
    const s = toScreen(p.col, p.row);
    return new Phaser.Math.Vector2(s.x, s.y);
  });
}

/** A point at fraction f (0–1) of a polyline's length, and the segment's direction. */
export function alongPath(
  points: Phaser.Math.Vector2[],
  f: number,
): { x: number; y: number; dx: number; dy: number } {
  const lengths = points.slice(1).map((p, i) => p.distance(points[i]));
  const total = lengths.reduce((a, b) => a + b, 0);
  let d = f * total;
  for (let i = 0; i < lengths.length; i++) {
    if (d <= lengths[i] || i === lengths.length - 1) {
      const k = lengths[i] > 0 ? Math.min(1, d / lengths[i]) : 0;
      const a = points[i];
      const b = points[i + 1];
      return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k, dx: b.x - a.x, dy: b.y - a.y };
    }
    d -= lengths[i];
  }
  const last = points[points.length - 1];
  return { x: last.x, y: last.y, dx: 0, dy: 0 };
}

/** Which truck frame faces the way a path segment runs on screen. */
export function truckFrame(dx: number, dy: number): string {
  // +col runs down-right (x axis of the art), +row runs down-left (y axis)
  const alongCol = Math.sign(dx) === Math.sign(dy);
  if (alongCol) return dy >= 0 ? 'truck-xp' : 'truck-xn';
  return dy >= 0 ? 'truck-yp' : 'truck-yn';
}

/** A label over each district that received new foreign plants this round. */
export function buildArrivals(scene: Phaser.Scene, layout: TownLayout): Phaser.GameObjects.Text[] {
  const bySector = new Map<string, number>();
  for (const a of layout.arrivals)
    if (a.from === null) bySector.set(a.sector, (bySector.get(a.sector) ?? 0) + a.count);
  const out: Phaser.GameObjects.Text[] = [];
  for (const [sector, count] of bySector) {
    const d = layout.districts.find((x) => x.sector === sector);
    if (!d) continue;
    const p = toScreen(d.col + d.size / 2, d.row + d.size / 2);
    out.push(
      scene.add
        .text(p.x, p.y - 150, t('scene:arrival', { count, n: formatCount(count) }), {
          fontFamily: 'system-ui, "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
          fontSize: '15px',
          color: '#ffffff',
          backgroundColor: '#2f62a8',
          padding: { x: 6, y: 3 },
        })
        .setOrigin(0.5, 1)
        .setDepth(DEPTH.overlay + 2)
        .setData('base', { x: p.x, y: p.y - 150 }),
    );
  }
  return out;
}

export function buildConvoys(
  scene: Phaser.Scene,
  layout: TownLayout,
  names: Record<string, string>,
): Convoy[] {
  const stacks = new Map<string, number>();
  return layout.departures.map((d) => {
    const colour = SECTOR_COLOURS[d.sector] ?? 0xffffff;
    const points = pathPoints(d);
    const g = scene.add.graphics().setDepth(DEPTH.overlay);
    // a dashed route: firms leaving along the roads, in their sector's colour
    g.lineStyle(10, 0x1c2026, 0.45);
    g.strokePoints(points);
    for (let f = 0; f < 1; f += 0.03) {
      const a = alongPath(points, f);
      const b = alongPath(points, Math.min(1, f + 0.018));
      g.lineStyle(7, colour, 0.95);
      g.lineBetween(a.x, a.y, b.x, b.y);
    }
    const end = alongPath(points, 1);
    const tip = alongPath(points, 0.97);
    const angle = Math.atan2(end.y - tip.y, end.x - tip.x);
    g.fillStyle(colour, 1);
    g.fillTriangle(
      end.x + Math.cos(angle) * 30,
      end.y + Math.sin(angle) * 30,
      end.x + Math.cos(angle + 2.3) * 30,
      end.y + Math.sin(angle + 2.3) * 30,
      end.x + Math.cos(angle - 2.3) * 30,
      end.y + Math.sin(angle - 2.3) * 30,
    );
    const trucks = [0.35, 0.6, 0.85].map((f) => {
      const p = alongPath(points, f);
      return scene.add
        .image(p.x, p.y + 10, ATLAS_KEY, truckFrame(p.dx, p.dy))
        .setOrigin(0.5, 1)
        .setDepth(DEPTH.overlay + 1)
        .setScale(1.15);
    });
    const exit = d.path[d.path.length - 2];
    const beyond = d.path[d.path.length - 1];
    const len = Math.hypot(exit.col - beyond.col, exit.row - beyond.row) || 1;
    const inward = 6 / len;
    const labelBase = toScreen(
      exit.col + (exit.col - beyond.col) * inward,
      exit.row + (exit.row - beyond.row) * inward,
    );
    const key = `${exit.col}:${exit.row}`;
    const stack = stacks.get(key) ?? 0;
    stacks.set(key, stack + 1);
    const town = names[d.to] ?? d.to;
    const sector = t(`common:sectorShort.${d.sector}`);
    const label = scene.add
      .text(
        labelBase.x,
        labelBase.y,
        t('scene:departure', { count: d.count, n: formatCount(d.count), sector, town }),
        {
          fontFamily: 'system-ui, "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
          fontSize: '15px',
          color: '#ffffff',
          backgroundColor: Phaser.Display.Color.IntegerToColor(colour).darken(25).rgba,
          padding: { x: 6, y: 3 },
        },
      )
      .setOrigin(0.5, 1)
      .setDepth(DEPTH.overlay + 2);
    return {
      departure: d,
      objects: [g, ...trucks, label],
      trucks,
      label,
      points,
      labelBase,
      stack,
    };
  });
}
