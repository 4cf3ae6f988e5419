/**
 * Pan and zoom for both scenes: mouse drag and wheel, touch drag and pinch, and the keyboard
 * (arrows/WASD to pan, +/- to zoom). Keys are read from the scene's own focusable element, not
 * the whole window, so typing "w" or "-" in a policy form never moves the map.
 */
import Phaser from 'phaser';
import { publishCamera } from './debug-state';

export interface CameraControlsOptions {
  /** Element that receives keyboard focus for this view. */
  keyTarget: HTMLElement;
  minZoom: number;
  maxZoom: number;
  /** Called after every pan or zoom (labels keep a constant screen size). */
  onChange?: () => void;
  /** Called on the first user interaction (so a resize stops re-fitting the view). */
  onInteract?: () => void;
  /** Which scene's camera this is, for window.__clusterTowns.camera (tests read it). */
  debugName: 'town' | 'region';
}

const PAN_KEYS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  a: [-1, 0],
  d: [1, 0],
  w: [0, -1],
  s: [0, 1],
};

export class CameraControls {
  private readonly held = new Set<string>();
  private pinchDistance = 0;
  private dragging = false;
  private readonly onKeyDown = (e: KeyboardEvent) => this.keyDown(e);
  private readonly onKeyUp = (e: KeyboardEvent) =>
    this.held.delete(e.key.length === 1 ? e.key.toLowerCase() : e.key);
  private readonly onBlur = () => this.held.clear();

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly options: CameraControlsOptions,
  ) {
    const input = scene.input;
    input.addPointer(1);
    input.on('pointerdown', this.pointerDown, this);
    input.on('pointermove', this.pointerMove, this);
    input.on('pointerup', this.pointerUp, this);
    input.on('wheel', this.wheel, this);
    scene.events.on('update', this.update, this);
    options.keyTarget.addEventListener('keydown', this.onKeyDown);
    options.keyTarget.addEventListener('keyup', this.onKeyUp);
    options.keyTarget.addEventListener('blur', this.onBlur);
  }

  setZoomLimits(min: number, max: number): void {
    this.options.minZoom = min;
    this.options.maxZoom = max;
  }

  /**
   * Show a world rectangle centred: whole, or — with `cropTall` on a tall phone screen — cropped
   * at the sides so the centre is not a thin strip.
   */
  fit(rect: Phaser.Geom.Rectangle, padding = 16, cropTall = false): void {
    const cam = this.scene.cameras.main;
    const zx = Math.max(1, cam.width - 2 * padding) / rect.width;
    const zy = Math.max(1, cam.height - 2 * padding) / rect.height;
    const zoom =
      cropTall && cam.height > cam.width * 1.2 ? Math.min(zy, zx * 2.2) : Math.min(zx, zy);
    cam.setZoom(Phaser.Math.Clamp(zoom, this.options.minZoom, this.options.maxZoom));
    cam.centerOn(rect.centerX, rect.centerY);
    this.changed();
  }

  /** Zoom by a factor keeping the world point under screen point (sx, sy) in place. */
  zoomAt(factor: number, sx: number, sy: number): void {
    const cam = this.scene.cameras.main;
    const zoom = Phaser.Math.Clamp(cam.zoom * factor, this.options.minZoom, this.options.maxZoom);
    // Phaser zooms about the viewport centre; shift the scroll so the world point under
    // (sx, sy) stays under it
    const cx = cam.width / 2;
    const cy = cam.height / 2;
    const wx = cam.scrollX + cx + (sx - cam.x - cx) / cam.zoom;
    const wy = cam.scrollY + cy + (sy - cam.y - cy) / cam.zoom;
    cam.setZoom(zoom);
    cam.scrollX = wx - cx - (sx - cam.x - cx) / zoom;
    cam.scrollY = wy - cy - (sy - cam.y - cy) / zoom;
    this.changed();
  }

  private changed(): void {
    const cam = this.scene.cameras.main;
    publishCamera(this.options.debugName, {
      zoom: cam.zoom,
      scrollX: cam.scrollX,
      scrollY: cam.scrollY,
    });
    this.options.onChange?.();
  }

  panBy(dx: number, dy: number): void {
    const cam = this.scene.cameras.main;
    cam.scrollX += dx / cam.zoom;
    cam.scrollY += dy / cam.zoom;
    this.changed();
  }

  destroy(): void {
    const input = this.scene.input;
    input.off('pointerdown', this.pointerDown, this);
    input.off('pointermove', this.pointerMove, this);
    input.off('pointerup', this.pointerUp, this);
    input.off('wheel', this.wheel, this);
    this.scene.events.off('update', this.update, this);
    this.options.keyTarget.removeEventListener('keydown', this.onKeyDown);
    this.options.keyTarget.removeEventListener('keyup', this.onKeyUp);
    this.options.keyTarget.removeEventListener('blur', this.onBlur);
  }

  private touches(): Phaser.Input.Pointer[] {
    const input = this.scene.input;
    return [input.pointer1, input.pointer2].filter((p) => p && p.isDown);
  }

  private pointerDown(): void {
    this.options.onInteract?.();
    const t = this.touches();
    if (t.length === 2)
      this.pinchDistance = Phaser.Math.Distance.BetweenPoints(t[0].position, t[1].position);
    this.dragging = false;
  }

  private pointerMove(pointer: Phaser.Input.Pointer): void {
    const t = this.touches();
    if (t.length === 2) {
      const d = Phaser.Math.Distance.BetweenPoints(t[0].position, t[1].position);
      if (this.pinchDistance > 0 && d > 0) {
        const mx = (t[0].x + t[1].x) / 2;
        const my = (t[0].y + t[1].y) / 2;
        this.zoomAt(d / this.pinchDistance, mx, my);
      }
      this.pinchDistance = d;
      return;
    }
    if (!pointer.isDown) return;
    const dx = pointer.x - pointer.prevPosition.x;
    const dy = pointer.y - pointer.prevPosition.y;
    if (
      !this.dragging &&
      Math.abs(pointer.x - pointer.downX) + Math.abs(pointer.y - pointer.downY) < 4
    )
      return;
    this.dragging = true;
    this.panBy(-dx, -dy);
  }

  private pointerUp(): void {
    if (this.touches().length < 2) this.pinchDistance = 0;
  }

  /** True while a drag is under way (a tap that did not move is a click, not a pan). */
  isDragging(): boolean {
    return this.dragging;
  }

  private wheel(pointer: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number): void {
    this.options.onInteract?.();
    this.zoomAt(dy > 0 ? 1 / 1.15 : 1.15, pointer.x, pointer.y);
  }

  private keyDown(e: KeyboardEvent): void {
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const cam = this.scene.cameras.main;
    if (key === '+' || key === '=') {
      this.zoomAt(1.25, cam.width / 2, cam.height / 2);
    } else if (key === '-' || key === '_') {
      this.zoomAt(1 / 1.25, cam.width / 2, cam.height / 2);
    } else if (key in PAN_KEYS) {
      this.held.add(key);
    } else return;
    this.options.onInteract?.();
    e.preventDefault();
  }

  private update(_time: number, delta: number): void {
    if (this.held.size === 0) return;
    let dx = 0;
    let dy = 0;
    for (const k of this.held) {
      dx += PAN_KEYS[k][0];
      dy += PAN_KEYS[k][1];
    }
    const speed = 0.6 * delta; // screen px per frame, whatever the zoom
    this.panBy(dx * speed, dy * speed);
  }
}
