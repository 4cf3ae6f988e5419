/**
 * Isometric projection of the town grid. The atlas is drawn with 128×64 px tiles (64×32 SVG
 * units rasterised at 2×), so one grid step is half a tile across and half a tile down.
 */
export const TILE_W = 128;
export const TILE_H = 64;

export interface ScreenPoint {
  x: number;
  y: number;
}

/** Screen position of the top vertex of grid point (col, row); fractional values are fine. */
export function toScreen(col: number, row: number): ScreenPoint {
  return { x: ((col - row) * TILE_W) / 2, y: ((col + row) * TILE_H) / 2 };
}

/** The bottom vertex of a `size`×`size` footprint at (col, row): where its sprite is anchored. */
export function footprintAnchor(col: number, row: number, size = 1): ScreenPoint {
  return toScreen(col + size, row + size);
}

/** Grid coordinates under a screen point (inverse of toScreen). */
export function toGrid(x: number, y: number): { col: number; row: number } {
  const a = x / (TILE_W / 2);
  const b = y / (TILE_H / 2);
  return { col: (a + b) / 2, row: (b - a) / 2 };
}
