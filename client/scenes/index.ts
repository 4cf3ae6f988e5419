/// <reference types="vite/client" />
/**
 * The scenes' public API for the app: one Phaser game inside a given element, showing either a
 * town or the regional map.
 *
 *   const game = createGame(el, { testMode: false });
 *   game.showTown(state.towns[0], previousState?.towns[0], result.events, names);
 *   game.showView('before');
 *   game.showRegion(state.towns.map(publicTown), result.events, proposals);
 *   game.setIndicator('pollution');
 *
 * The renderer is WebGL on a real GPU and Canvas otherwise (see pickRenderer); both draw the
 * same picture.
 */
import Phaser from 'phaser';
import { atlasImage } from './atlas-image';
import atlasJson from '../../assets/atlas/town.json';
import type { MatchEvent, TownState } from '../../shared';
import type { PublicTown } from '../../shared/protocol/public';
import { publish } from './debug-state';
import { ATLAS_KEY } from './frames';
import type { TownLayout, View } from './layout-types';
import { isIndicator, type IndicatorKey, type MapProposal } from './region-map';
import { RegionScene } from './RegionScene';
import type { SceneHost } from './scene-host';
import { Tooltip } from './tooltip';
import { townLayout, type LayoutOptions } from './town-layout';
import { TownScene } from './TownScene';

export type { TownLayout, View } from './layout-types';
export type { IndicatorKey, MapProposal } from './region-map';
export { INDICATORS } from './region-map';
export { townLayout, type LayoutOptions } from './town-layout';

export interface GameOptions {
  /** No tweens or idle motion, so screenshots are stable. */
  testMode?: boolean;
  /** Renderer: 'auto' (WebGL, else Canvas; the default), or force 'webgl' or 'canvas'. */
  renderer?: 'auto' | 'webgl' | 'canvas';
}

/**
 * WebGL when the GPU draws it; Canvas when WebGL is missing or only emulated in software
 * (SwiftShader, llvmpipe — e.g. headless Chromium with --disable-gpu, or a machine without GPU
 * drivers), where Canvas draws this scene about ten times faster and looks the same.
 */
function pickRenderer(choice: GameOptions['renderer']): number {
  if (choice === 'webgl') return Phaser.WEBGL;
  if (choice === 'canvas') return Phaser.CANVAS;
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return Phaser.CANVAS;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software/i.test(name) ? Phaser.CANVAS : Phaser.WEBGL;
  } catch {
    return Phaser.AUTO;
  }
}

export interface ClusterTownsGame {
  /** Draw a town; returns the layout drawn (its counts are also on window.__clusterTowns.town). */
  showTown(
    town: TownState,
    previous?: TownState,
    events?: MatchEvent[],
    townNames?: Record<string, string>,
    options?: LayoutOptions,
  ): TownLayout;
  showRegion(towns: PublicTown[], events?: MatchEvent[], proposals?: MapProposal[]): void;
  setIndicator(key: IndicatorKey | string): void;
  showView(view: View): void;
  /** Page coordinates of the first visible structure of a kind in the town (for tests). */
  pointOf(kind: string): { x: number; y: number } | null;
  /** Resolves once the atlas is loaded and the game is running. */
  ready: Promise<void>;
  destroy(): void;
}

class BootScene extends Phaser.Scene {
  constructor(private readonly onLoaded: () => void) {
    super({ key: 'boot' });
  }

  preload(): void {
    if (!this.textures.exists(ATLAS_KEY)) this.load.atlas(ATLAS_KEY, atlasImage, atlasJson);
  }

  create(): void {
    this.onLoaded();
  }
}

function wrapperFor(parent: HTMLElement): HTMLDivElement {
  const el = document.createElement('div');
  el.className = 'ct-scene';
  el.tabIndex = 0;
  el.setAttribute('role', 'application');
  Object.assign(el.style, {
    position: 'relative',
    width: '100%',
    height: '100%',
    overflow: 'hidden',
    touchAction: 'none',
    outlineOffset: '-3px',
  } satisfies Partial<CSSStyleDeclaration>);
  parent.append(el);
  return el;
}

function liveRegion(host: HTMLElement): HTMLDivElement {
  const live = document.createElement('div');
  live.setAttribute('aria-live', 'polite');
  Object.assign(live.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
  } satisfies Partial<CSSStyleDeclaration>);
  host.append(live);
  return live;
}

export function createGame(parent: HTMLElement, options: GameOptions = {}): ClusterTownsGame {
  const element = wrapperFor(parent);
  const live = liveRegion(element);
  const host: SceneHost = {
    element,
    tooltip: new Tooltip(element),
    testMode: options.testMode ?? false,
    announce: (text) => {
      if (live.textContent !== text) live.textContent = text;
    },
  };
  const town = new TownScene(host);
  const region = new RegionScene(host);
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const game = new Phaser.Game({
    type: pickRenderer(options.renderer),
    parent: element,
    backgroundColor: '#9fd3f2',
    banner: false,
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    input: { activePointers: 3 },
    audio: { noAudio: true },
    scene: [new BootScene(() => resolveReady()), town, region],
  });
  void ready.then(() =>
    publish('renderer', game.renderer.type === Phaser.CANVAS ? 'canvas' : 'webgl'),
  );
  // Phaser's RESIZE mode checks its frame's size on window resizes and every 500 ms, but the
  // frame also changes size while the page around it settles (panels mounting or hiding, fonts,
  // a phone's toolbar): follow the frame itself, so the canvas fills it at once (issue 14: a
  // white band beside the town).
  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          // Phaser itself looks at the parent only every 500 ms: a band shows until then.
          if (game.scale.getParentBounds()) game.scale.refresh();
        });
  observer?.observe(element);

  const switchTo = (key: string) => {
    const other = key === TownScene.KEY ? RegionScene.KEY : TownScene.KEY;
    void ready.then(() => {
      if (game.scene.isActive(other)) game.scene.stop(other);
      if (!game.scene.isActive(key)) game.scene.start(key);
    });
  };

  return {
    ready,
    showTown(state, previous, events = [], townNames = {}, layoutOptions = {}) {
      const layout = townLayout(state, previous, events, layoutOptions);
      switchTo(TownScene.KEY);
      town.showTown(layout, { [state.id]: state.name, ...townNames });
      return layout;
    },
    showRegion(towns, events = [], proposals = []) {
      switchTo(RegionScene.KEY);
      region.showRegion(towns, events, proposals);
    },
    setIndicator(key) {
      if (isIndicator(key)) region.setIndicator(key);
    },
    showView(view) {
      town.showView(view);
    },
    pointOf(kind) {
      const p = town.pointOf(kind);
      if (!p) return null;
      const r = element.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    destroy() {
      observer?.disconnect();
      game.destroy(true);
      host.tooltip.destroy();
      element.remove();
    },
  };
}
