/**
 * The regional map: every town at its place between the hills and the sea, coloured by an
 * indicator, with the river, the coast and the offshore hub city; last round's relocations
 * (town → town) and foreign investment (hub → town) as arrows; diplomacy proposals as dashed
 * links and public statements as speech bubbles. Hover or tap a town for its public figures.
 */
import Phaser from 'phaser';
import type { MatchEvent } from '../../shared';
import type { PublicTown } from '../../shared/protocol/public';
import { formatCount, formatNumber, localTownName, t } from '../i18n';
import { CameraControls } from './camera-controls';
import { publish } from './debug-state';
import {
  flowArrows,
  hubPosition,
  indicatorShares,
  rampColour,
  riverCourse,
  mapExtent,
  seaPolygon,
  type IndicatorKey,
  type MapPoint,
  type MapProposal,
} from './region-map';
import { arrowCurve, drawProposals, indicatorLabel, townLines } from './region-draw';
import type { SceneHost } from './scene-host';
import { ATLAS_KEY } from './frames';
import { SECTOR_COLOURS } from './town-effects';
import { countOverlaps, placeLabels } from './label-layout';

/** A town's name in the current language (the figures carry the English one). */
const nameOf = (town: PublicTown): string => localTownName(town.id, town.name);

/** World px per map unit. */
export const MAP_SCALE = 12;
const FONT = 'system-ui, "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

interface TownMarker {
  town: PublicTown;
  disc: Phaser.GameObjects.Arc;
  radius: number;
  x: number;
  y: number;
}

export class RegionScene extends Phaser.Scene {
  static readonly KEY = 'region';
  private controls: CameraControls | null = null;
  private objects: Phaser.GameObjects.GameObject[] = [];
  private labels: Phaser.GameObjects.Text[] = [];
  /** Where each label wants to be, and how much it matters (label-layout.ts). */
  private anchors = new Map<Phaser.GameObjects.Text, { x: number; y: number; priority: number }>();
  private markers: TownMarker[] = [];
  /** Arrow midpoints with their full description, for hover. */
  private flowNotes: { x: number; y: number; text: string }[] = [];
  private towns: PublicTown[] = [];
  private matchEvents: MatchEvent[] = [];
  private proposals: MapProposal[] = [];
  private indicator: IndicatorKey = 'gdp';
  private legend: HTMLDivElement | null = null;
  private ready = false;
  private pending = false;
  private interacted = false;

  constructor(private readonly host: SceneHost) {
    super({ key: RegionScene.KEY });
  }

  create(): void {
    this.controls = new CameraControls(this, {
      keyTarget: this.host.element,
      debugName: 'region',
      minZoom: 0.1,
      maxZoom: 6,
      onChange: () => this.keepLabelsReadable(),
      onInteract: () => (this.interacted = true),
    });
    this.input.on('pointermove', this.hover, this);
    this.input.on('pointerup', this.hover, this);
    this.input.on('gameout', () => this.host.tooltip.hide());
    this.scale.on('resize', this.resized, this);
    this.events.once('shutdown', () => this.teardown());
    this.legend = document.createElement('div');
    Object.assign(this.legend.style, {
      position: 'absolute',
      left: '8px',
      top: '8px',
      padding: '6px 8px',
      borderRadius: '6px',
      background: 'rgba(255,255,255,0.88)',
      font: `12px/1.3 ${FONT}`,
      color: '#222',
      pointerEvents: 'none',
    } satisfies Partial<CSSStyleDeclaration>);
    this.host.element.append(this.legend);
    this.ready = true;
    if (this.pending) this.redraw();
  }

  showRegion(towns: PublicTown[], events: MatchEvent[] = [], proposals: MapProposal[] = []): void {
    this.towns = towns;
    this.matchEvents = events;
    this.proposals = proposals;
    if (!this.ready) {
      this.pending = true;
      return;
    }
    this.redraw();
  }

  setIndicator(key: IndicatorKey): void {
    this.indicator = key;
    if (this.ready && this.towns.length > 0) this.colourTowns();
  }

  private redraw(): void {
    this.clear();
    const towns = this.towns;
    const world = (p: MapPoint) => ({ x: p.x * MAP_SCALE, y: p.y * MAP_SCALE });
    const g = this.track(this.add.graphics());
    // land, then the sea with a light beach line
    g.fillStyle(0xe4ebcf, 1).fillRect(
      -120 * MAP_SCALE,
      -120 * MAP_SCALE,
      340 * MAP_SCALE,
      420 * MAP_SCALE,
    );
    const vec = (p: MapPoint) => new Phaser.Math.Vector2(p.x * MAP_SCALE, p.y * MAP_SCALE);
    const sea = seaPolygon(towns).map(vec);
    g.fillStyle(0x8cc4e8, 1).fillPoints(sea, true);
    g.lineStyle(6, 0xf1e4b8, 1).strokePoints(sea.slice(0, -2));
    // the river, smoothed through the towns on it
    const course = riverCourse(towns).map(world);
    if (course.length >= 2) {
      const spline = new Phaser.Curves.Spline(course.map((p) => new Phaser.Math.Vector2(p.x, p.y)));
      g.lineStyle(16, 0x5a9fd0, 1);
      spline.draw(g, 96);
      g.lineStyle(8, 0x8cc4e8, 1);
      spline.draw(g, 96);
    }
    const hub = world(hubPosition(towns));
    this.track(
      this.add
        .image(hub.x, hub.y + 40, ATLAS_KEY, 'hub-city')
        .setOrigin(0.5, 1)
        .setScale(0.7),
    );
    this.track(
      this.add
        .image(hub.x - 120, hub.y + 70, ATLAS_KEY, 'ship')
        .setOrigin(0.5, 1)
        .setScale(0.6),
    );
    this.label(hub.x, hub.y + 48, t('scene:region.hub'), '#1d3b58', 0);
    this.drawFlows(hub);
    this.drawTowns();
    for (const o of drawProposals(this, this.proposals, this.markers, FONT)) {
      this.track(o);
      if (o instanceof Phaser.GameObjects.Text) this.labels.push(o);
    }
    this.colourTowns();
    this.host.element.setAttribute(
      'aria-label',
      t('scene:region.aria', { count: towns.length, indicator: indicatorLabel(this.indicator) }),
    );
    const e = mapExtent(towns);
    const bounds = new Phaser.Geom.Rectangle(
      e.x * MAP_SCALE,
      e.y * MAP_SCALE,
      e.w * MAP_SCALE,
      e.h * MAP_SCALE,
    );
    if (!this.interacted || this.host.testMode) this.controls?.fit(bounds, 8);
    this.keepLabelsReadable();
  }

  private drawFlows(hub: { x: number; y: number }): void {
    const at = (id: string) => this.towns.find((t) => t.id === id);
    const g = this.track(this.add.graphics().setDepth(5));
    for (const a of flowArrows(this.matchEvents)) {
      const dest = at(a.to);
      const src = a.from ? at(a.from) : null;
      if (!dest || (a.from && !src)) continue;
      const p0 = src ? { x: src.geo.x * MAP_SCALE, y: src.geo.y * MAP_SCALE } : hub;
      const p1 = { x: dest.geo.x * MAP_SCALE, y: dest.geo.y * MAP_SCALE };
      const colour =
        a.kind === 'investment' ? 0x2f62a8 : (SECTOR_COLOURS[a.sectors[0]] ?? 0x555555);
      const width = 4 + Math.min(12, Math.log2(1 + a.count) * 2.5);
      const mid = arrowCurve(g, p0, p1, colour, width, a.kind === 'investment');
      const sectors = a.sectors.map((s) => t(`common:sectorShort.${s}`)).join('/');
      const text =
        a.kind === 'investment'
          ? t('scene:region.investment', {
              count: a.count,
              n: formatCount(a.count),
              town: nameOf(dest),
            })
          : t('scene:region.relocation', {
              count: a.count,
              n: formatCount(a.count),
              sector: sectors,
              from: src ? nameOf(src) : '',
              to: nameOf(dest),
            });
      this.flowNotes.push({ x: mid.x, y: mid.y, text });
      // on the map only the count and sector, the full sentence on hover: labels must not pile up
      const short =
        a.kind === 'investment'
          ? t('scene:region.investmentShort', { count: formatCount(a.count) })
          : t('scene:region.relocationShort', { count: formatCount(a.count), sector: sectors });
      this.label(mid.x, mid.y, short, a.kind === 'investment' ? '#1d3b58' : '#4a2a10', 6);
    }
  }

  private drawTowns(): void {
    const maxGdp = Math.max(1, ...this.towns.map((t) => t.gdp));
    for (const town of this.towns) {
      const x = town.geo.x * MAP_SCALE;
      const y = town.geo.y * MAP_SCALE;
      const radius = 26 + 22 * Math.sqrt(Math.max(0, town.gdp) / maxGdp);
      const disc = this.track(
        this.add.circle(x, y, radius, 0xffffff).setStrokeStyle(4, 0xffffff).setDepth(10),
      );
      this.track(
        this.add
          .image(x, y + radius * 0.35, ATLAS_KEY, 'map-town')
          .setOrigin(0.5, 1)
          .setScale(0.55)
          .setDepth(11),
      );
      this.label(x, y + radius + 4, nameOf(town), '#1c2026', 12, 0);
      this.markers.push({ town, disc, radius, x, y });
    }
  }

  private colourTowns(): void {
    const shares = indicatorShares(this.towns, this.indicator);
    const colours: Record<string, string> = {};
    for (const m of this.markers) {
      const c = rampColour(shares[m.town.id]);
      m.disc.setFillStyle(c, 1);
      colours[m.town.id] = `#${c.toString(16).padStart(6, '0')}`;
    }
    if (this.legend) {
      const name = indicatorLabel(this.indicator);
      this.legend.replaceChildren();
      const title = document.createElement('div');
      title.textContent = t('scene:region.legend', { indicator: name });
      const ramp = document.createElement('div');
      ramp.style.cssText = `height:8px;margin:4px 0;border-radius:4px;background:linear-gradient(90deg,#${rampColour(0).toString(16).padStart(6, '0')},#${rampColour(0.5).toString(16).padStart(6, '0')},#${rampColour(1).toString(16).padStart(6, '0')})`;
      const ends = document.createElement('div');
      ends.style.cssText = 'display:flex;justify-content:space-between;gap:24px';
      const bad = this.indicator === 'pollution';
      const lo = document.createElement('span');
      lo.textContent = t(bad ? 'scene:region.high' : 'scene:region.low');
      const hi = document.createElement('span');
      hi.textContent = t(bad ? 'scene:region.low' : 'scene:region.high');
      ends.append(lo, hi);
      this.legend.append(title, ramp, ends);
    }
    const flows = flowArrows(this.matchEvents);
    publish('region', {
      towns: this.towns.length,
      indicator: this.indicator,
      colours,
      relocations: flows.filter((f) => f.kind === 'relocation').length,
      investments: flows.filter((f) => f.kind === 'investment').length,
      proposals: this.proposals.length,
      hub: true,
      coast: this.towns.some((t) => t.geo.coastal),
      river: riverCourse(this.towns).length >= 2,
      ready: true,
    });
    // the names as labelled on the map, for tests and the console
    window.__clusterTowns = {
      ...(window.__clusterTowns ?? {}),
      regionNames: Object.fromEntries(this.markers.map((m) => [m.town.id, nameOf(m.town)])),
    };
  }

  private label(
    x: number,
    y: number,
    text: string,
    colour: string,
    depth: number,
    originY = 0.5,
  ): Phaser.GameObjects.Text {
    const label = this.track(
      this.add
        .text(x, y, text, {
          fontFamily: FONT,
          fontSize: '13px',
          color: colour,
          backgroundColor: 'rgba(255,255,255,0.82)',
          padding: { x: 4, y: 2 },
        })
        .setOrigin(0.5, originY)
        .setDepth(20 + depth),
    );
    this.labels.push(label);
    // Town names (depth 12) and the hub come first; flows and proposals give way to them.
    this.anchors.set(label, { x, y, priority: depth === 6 ? 1 : 0 });
    return label;
  }

  private hover(pointer: Phaser.Input.Pointer): void {
    if (pointer.isDown && this.controls?.isDragging()) return this.host.tooltip.hide();
    const w = this.cameras.main.getWorldPoint(pointer.x, pointer.y);
    const m = this.markers.find(
      (k) => Phaser.Math.Distance.Between(w.x, w.y, k.x, k.y) <= k.radius + 6,
    );
    if (!m) {
      const reach = 28 / this.cameras.main.zoom;
      const note = this.flowNotes.find(
        (n) => Phaser.Math.Distance.Between(w.x, w.y, n.x, n.y) <= reach,
      );
      if (note) return this.host.tooltip.show(note.text, [], pointer.x, pointer.y);
      return this.host.tooltip.hide();
    }
    this.host.tooltip.show(
      nameOf(m.town),
      townLines(m.town, formatCount, formatNumber),
      pointer.x,
      pointer.y,
    );
  }

  private keepLabelsReadable(): void {
    const s = Math.min(6, 1 / this.cameras.main.zoom);
    for (const l of this.labels) l.setScale(s);
    // At this zoom, move or hide labels so that none overlaps another (issue 14).
    const anchored = this.labels.map((l) => {
      const anchor = this.anchors.get(l) ?? { x: l.x, y: l.y, priority: 1 };
      this.anchors.set(l, anchor);
      l.setPosition(anchor.x, anchor.y);
      const b = l.getBounds();
      return {
        label: l,
        box: { x: b.centerX, y: b.centerY, w: b.width, h: b.height, priority: anchor.priority },
      };
    });
    const placements = placeLabels(anchored.map((a) => a.box));
    const shown: { x: number; y: number; w: number; h: number }[] = [];
    anchored.forEach(({ label, box }, i) => {
      const p = placements[i];
      label.setVisible(p.visible);
      label.setY(label.y + p.dy);
      if (p.visible) shown.push({ ...box, y: box.y + p.dy });
    });
    const region = window.__clusterTowns?.region;
    if (region) {
      publish('region', {
        ...region,
        labels: shown.length,
        hiddenLabels: anchored.length - shown.length,
        labelOverlaps: countOverlaps(shown),
      });
    }
  }

  private resized(size: Phaser.Structs.Size): void {
    this.cameras.main.setSize(size.width, size.height);
    if (this.towns.length && (!this.interacted || this.host.testMode)) this.redraw();
  }

  private track<T extends Phaser.GameObjects.GameObject>(o: T): T {
    this.objects.push(o);
    return o;
  }

  private clear(): void {
    for (const o of this.objects) o.destroy();
    this.objects = [];
    this.labels = [];
    this.anchors.clear();
    this.markers = [];
    this.flowNotes = [];
    this.host.tooltip.hide();
  }

  private teardown(): void {
    this.clear();
    this.controls?.destroy();
    this.controls = null;
    this.legend?.remove();
    this.legend = null;
    this.scale.off('resize', this.resized, this);
    this.ready = false;
  }
}
