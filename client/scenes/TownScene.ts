/**
 * The town scene: one town drawn from its layout, with pan/zoom, tooltips on every building
 * and district, a before/after toggle, and (outside test mode) growth and decline animated —
 * new plants rise, closed ones sag, people walk, trucks drive, smoke drifts, convoys leave.
 */
import Phaser from 'phaser';
import { t } from '../i18n';
import { CameraControls } from './camera-controls';
import { publish } from './debug-state';
import { ATLAS_KEY } from './frames';
import { toGrid } from './iso';
import type { TownLayout, View, ViewSummary } from './layout-types';
import type { SceneHost } from './scene-host';
import {
  applyView,
  buildTown,
  builtBounds,
  worldBounds,
  type StructureSprite,
  type TownSprites,
} from './town-draw';
import { animateChange, animateLife } from './town-animation';
import {
  buildArrivals,
  buildAtmosphere,
  buildConvoys,
  placeConvoyLabels,
  placeLabel,
  skyColour,
  type Atmosphere,
  type Convoy,
} from './town-effects';
import { TownLegend } from './town-legend';
import { describeDistrict, describeStructure } from './town-tooltips';
import { countOverlaps, placeLabels } from './label-layout';

const FIRM_KINDS = ['sme', 'foreign', 'leading', 'soe'] as const;

export class TownScene extends Phaser.Scene {
  static readonly KEY = 'town';
  private controls: CameraControls | null = null;
  private layout: TownLayout | null = null;
  private names: Record<string, string> = {};
  private sprites: TownSprites | null = null;
  private atmosphere: Atmosphere | null = null;
  private convoys: Convoy[] = [];
  private arrivalLabels: Phaser.GameObjects.Text[] = [];
  /** Overlapping pairs of shown labels after placement (0; published for the tests). */
  private labelOverlaps = 0;
  private legend: TownLegend | null = null;
  private view: View = 'after';
  /** The view asked for before a town was drawn. */
  private requestedView: View = 'after';
  private interacted = false;
  private pending: (() => void) | null = null;
  private ready = false;

  constructor(private readonly host: SceneHost) {
    super({ key: TownScene.KEY });
  }

  create(): void {
    this.controls = new CameraControls(this, {
      keyTarget: this.host.element,
      debugName: 'town',
      minZoom: 0.05,
      maxZoom: 3,
      onChange: () => this.keepLabelsReadable(),
      onInteract: () => (this.interacted = true),
    });
    this.input.on('pointermove', this.hover, this);
    this.input.on('pointerup', this.tap, this);
    this.input.on('gameout', () => this.host.tooltip.hide());
    this.scale.on('resize', this.resized, this);
    this.legend = new TownLegend(this.host.element);
    this.events.once('shutdown', () => this.teardown());
    this.ready = true;
    const run = this.pending;
    this.pending = null;
    run?.();
  }

  /** Draw a town; `view` defaults to 'after'. Safe to call before the scene has started. */
  showTown(layout: TownLayout, names: Record<string, string>, view?: View): void {
    if (view) this.requestedView = view;
    if (!this.ready) {
      this.pending = () => this.showTown(layout, names);
      return;
    }
    this.clear();
    this.layout = layout;
    this.names = names;
    this.sprites = buildTown(this, layout);
    this.atmosphere = buildAtmosphere(this, worldBounds(layout.grid));
    this.convoys = buildConvoys(this, layout, names);
    this.arrivalLabels = buildArrivals(this, layout);
    this.host.element.setAttribute('aria-label', t('scene:town.aria', { town: this.townName() }));
    const bounds = worldBounds(layout.grid);
    this.controls?.setZoomLimits(Math.min(0.05, (this.cameras.main.width / bounds.width) * 0.8), 3);
    this.controls?.fit(builtBounds(layout), 16, true);
    this.applyCurrent(this.requestedView, false);
    if (!this.host.testMode && this.sprites) {
      animateLife(this, this.sprites, this.convoys);
      if (this.view === 'after') animateChange(this, this.sprites, 'before', 'after');
    }
  }

  showView(view: View): void {
    this.requestedView = view;
    if (!this.ready || !this.layout) return;
    this.applyCurrent(view, !this.host.testMode && view !== this.view);
  }

  private applyCurrent(view: View, animate: boolean): void {
    if (!this.layout || !this.sprites) return;
    const from = this.view;
    this.view = view;
    const summary = applyView(this.sprites, this.layout, view);
    this.atmosphere?.set(summary.skyTint);
    // departures and arrivals happened between the two views: they belong to "after"
    for (const c of this.convoys)
      for (const o of c.objects) (o as Phaser.GameObjects.Image).setVisible(view === 'after');
    for (const l of this.arrivalLabels) l.setVisible(view === 'after');
    if (animate) animateChange(this, this.sprites, from, view);
    this.keepLabelsReadable();
    this.publishState(summary);
  }

  /** The town's own name as the caller gave it (translated), else the layout's. */
  private townName(): string {
    return this.layout ? (this.names[this.layout.townId] ?? this.layout.townName) : '';
  }

  private publishState(summary: ViewSummary): void {
    if (!this.layout) return;
    // the names the labels show (destinations of departing trucks, arrivals' origins)
    const layout = this.layout;
    window.__clusterTowns = {
      ...(window.__clusterTowns ?? {}),
      townNames: {
        town: this.townName(),
        departures: layout.departures.map((d) => this.names[d.to] ?? d.to),
      },
    };
    const kinds = this.legend?.update(summary, summary.air) ?? {};
    publish('town', {
      townId: this.layout.townId,
      view: this.view,
      buildings: { ...summary.buildings },
      skyTint: summary.skyTint,
      riverStain: summary.riverStain,
      people: summary.people,
      traffic: summary.traffic,
      lights: summary.lights,
      departures: this.view === 'after' ? this.layout.departures.length : 0,
      kinds,
      upgraded: summary.upgraded,
      sky: `#${skyColour(summary.skyTint).toString(16).padStart(6, '0')}`,
      air: summary.air,
      labelOverlaps: this.labelOverlaps,
      ready: true,
    });
    this.host.announce(
      t('scene:town.summary', {
        town: this.townName(),
        view: t(`scene:view.${this.view}`),
        active: summary.buildings.active,
        closed: summary.buildings.closed,
        empty: summary.buildings.emptyLot,
        people: summary.people,
      }),
    );
  }

  /**
   * Where the first visible structure of a kind stands on the canvas (CSS pixels from its
   * top-left corner): the middle of its opaque body. For tests that point at a building.
   */
  pointOf(kind: string): { x: number; y: number } | null {
    const sp = this.sprites?.structures.find((x) => x.structure.kind === kind && x.image.visible);
    if (!sp) return null;
    const cam = this.cameras.main;
    const img = sp.image;
    const wx = img.x;
    const wy = img.y - img.displayHeight * 0.35;
    return { x: (wx - cam.worldView.x) * cam.zoom, y: (wy - cam.worldView.y) * cam.zoom };
  }

  // --- tooltips -------------------------------------------------------------------------------

  private hover(pointer: Phaser.Input.Pointer): void {
    if (pointer.isDown && this.controls?.isDragging()) {
      this.host.tooltip.hide();
      return;
    }
    this.explainAt(pointer);
  }

  private tap(pointer: Phaser.Input.Pointer): void {
    if (!this.controls?.isDragging()) this.explainAt(pointer);
  }

  private explainAt(pointer: Phaser.Input.Pointer): void {
    if (!this.layout || !this.sprites) return;
    const world = this.cameras.main.getWorldPoint(pointer.x, pointer.y);
    const hit = this.pick(world.x, world.y);
    if (hit) {
      this.host.tooltip.show(
        ...describeStructure(hit.structure, this.view, this.layout),
        pointer.x,
        pointer.y,
      );
      return;
    }
    const g = toGrid(world.x, world.y);
    const d = this.layout.districts.find(
      (x) => g.col >= x.col && g.col < x.col + x.size && g.row >= x.row && g.row < x.row + x.size,
    );
    if (d && FIRM_KINDS.some((k) => d.firms[k] + d.firmsBefore[k] > 0)) {
      this.host.tooltip.show(...describeDistrict(d), pointer.x, pointer.y);
    } else this.host.tooltip.hide();
  }

  /** The front-most visible structure whose opaque pixels are under the point. */
  private pick(x: number, y: number): StructureSprite | null {
    if (!this.sprites) return null;
    let best: StructureSprite | null = null;
    for (const sp of this.sprites.structures) {
      const img = sp.image;
      if (!img.visible || (best && img.depth < best.image.depth)) continue;
      const lx = x - (img.x - img.displayOriginX * img.scaleX);
      const ly = y - (img.y - img.displayOriginY * img.scaleY);
      if (lx < 0 || ly < 0 || lx >= img.width || ly >= img.height) continue;
      const alpha = this.textures.getPixelAlpha(
        Math.floor(lx),
        Math.floor(ly),
        ATLAS_KEY,
        img.frame.name,
      );
      if (alpha !== null && alpha > 40) best = sp;
    }
    return best;
  }

  // --- housekeeping ---------------------------------------------------------------------------

  /** Labels keep their on-screen size whatever the zoom, so they stay readable on a phone. */
  private keepLabelsReadable(): void {
    placeConvoyLabels(this.convoys, this.cameras.main);
    for (const l of this.arrivalLabels) {
      const base = l.getData('base') as { x: number; y: number };
      placeLabel(l, base.x, base.y, this.cameras.main);
    }
    // Departures and arrivals belong to "after"; there, no two labels may overlap (issue 14):
    // departure stacks keep their place, arrival labels step aside or hide.
    const labels = [...this.convoys.map((c) => c.label), ...this.arrivalLabels];
    const shown = this.view === 'after';
    const boxes = labels.map((l, i) => {
      const b = l.getBounds();
      return {
        x: b.centerX,
        y: b.centerY,
        w: b.width,
        h: b.height,
        priority: i < this.convoys.length ? 0 : 1,
      };
    });
    const placements = shown ? placeLabels(boxes) : [];
    labels.forEach((l, i) => {
      const p = placements[i];
      l.setVisible(shown && p.visible);
      if (p?.visible) l.setY(l.y + p.dy);
    });
    this.labelOverlaps = shown
      ? countOverlaps(
          boxes.flatMap((b, i) =>
            placements[i].visible ? [{ ...b, y: b.y + placements[i].dy }] : [],
          ),
        )
      : 0;
  }

  private resized(size: Phaser.Structs.Size): void {
    this.cameras.main.setSize(size.width, size.height);
    if (this.layout && (!this.interacted || this.host.testMode))
      this.controls?.fit(builtBounds(this.layout), 16, true);
  }

  private clear(): void {
    this.tweens.killAll();
    for (const o of this.sprites?.all ?? []) o.destroy();
    for (const c of this.convoys) for (const o of c.objects) o.destroy();
    for (const l of this.arrivalLabels) l.destroy();
    this.arrivalLabels = [];
    this.atmosphere?.destroy();
    this.sprites = null;
    this.atmosphere = null;
    this.convoys = [];
    this.host.tooltip.hide();
  }

  private teardown(): void {
    this.clear();
    this.controls?.destroy();
    this.controls = null;
    this.legend?.destroy();
    this.legend = null;
    this.scale.off('resize', this.resized, this);
    this.ready = false;
  }
}
