/**
 * What the scenes expose on `window.__clusterTowns` so end-to-end tests (and curious teachers
 * in the console) can check that the picture matches the numbers without reading pixels.
 * Merged into any existing object: other parts of the app may publish their own keys.
 */
import type { Counts, View } from './layout-types';

export interface TownSceneState {
  townId: string;
  view: View;
  buildings: Counts;
  skyTint: number;
  riverStain: number;
  people: number;
  traffic: number;
  lights: number;
  departures: number;
  /** Working structures of each kind the legend names (construction, innovation, patent, …). */
  kinds: Record<string, number>;
  /** Factories drawn upgraded. */
  upgraded: number;
  /** The sky's colour as '#rrggbb' and the air pollution it stands for. */
  sky: string;
  air: number;
  /** Overlapping pairs among the labels shown (0 after placement, label-layout.ts). */
  labelOverlaps?: number;
  /** True once the view has been drawn (tests wait for it before taking a screenshot). */
  ready: boolean;
}

export interface RegionSceneState {
  towns: number;
  indicator: string;
  /** Town id → the fill colour its indicator value got, as '#rrggbb'. */
  colours: Record<string, string>;
  relocations: number;
  investments: number;
  proposals: number;
  hub: boolean;
  coast: boolean;
  river: boolean;
  ready: boolean;
  /** Labels shown, labels hidden for want of room, and overlapping pairs (0: label-layout.ts). */
  labels?: number;
  hiddenLabels?: number;
  labelOverlaps?: number;
}

/** Where a scene's camera is, after every pan or zoom (mouse, touch or keyboard). */
export interface CameraState {
  zoom: number;
  scrollX: number;
  scrollY: number;
}

export interface ClusterTownsDebug {
  /** 'webgl' or 'canvas': which renderer the game chose. */
  renderer?: string;
  town?: TownSceneState;
  region?: RegionSceneState;
  camera?: Partial<Record<'town' | 'region', CameraState>>;
  [key: string]: unknown;
}

declare global {
  interface Window {
    __clusterTowns?: ClusterTownsDebug;
  }
}

export function publish<K extends 'town' | 'region' | 'renderer' | 'camera'>(
  key: K,
  value: ClusterTownsDebug[K],
): void {
  if (typeof window === 'undefined') return;
  window.__clusterTowns = { ...(window.__clusterTowns ?? {}), [key]: value };
}

export function publishCamera(scene: 'town' | 'region', camera: CameraState): void {
  if (typeof window === 'undefined') return;
  publish('camera', { ...(window.__clusterTowns?.camera ?? {}), [scene]: camera });
}
