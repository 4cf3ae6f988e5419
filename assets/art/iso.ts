/**
 * A tiny isometric drawing kit that writes SVG. Every sprite of the town is built from boxes,
 * prisms, cylinders and flat "decals" skewed onto a wall, so all art shares one projection, one
 * light direction and one outline weight — which is what makes a hand-made set look consistent.
 *
 * Units: one ground tile is 64×32 SVG px (2:1 isometric); heights are in px. The light comes from
 * the upper left: roofs are lightest, the left (south-west) walls mid, the right walls darkest.
 */
import { shade } from './palette';

export type Pt3 = readonly [number, number, number];

const TILE_W = 64;
const TILE_H = 32;
const OUTLINE = '#2f2a26';

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

export interface BoxStyle {
  /** Base colour of the walls; roof and shadow sides are derived from it. */
  wall: string;
  roof?: string;
  right?: string;
  stroke?: boolean;
}

export class IsoCanvas {
  readonly width: number;
  readonly height: number;
  private readonly ox: number;
  private readonly oy: number;
  private readonly parts: string[] = [];
  private defs: string[] = [];

  /**
   * A canvas for a footprint of `tilesX` × `tilesY` tiles with `headroom` px above the footprint's
   * top vertex. The footprint's bottom vertex touches the bottom edge, so the scene anchors every
   * sprite at origin (0.5, 1) on the bottom vertex of its tile.
   */
  constructor(tilesX: number, tilesY: number, headroom: number) {
    this.width = ((tilesX + tilesY) * TILE_W) / 2;
    this.height = ((tilesX + tilesY) * TILE_H) / 2 + headroom;
    this.ox = (tilesY * TILE_W) / 2;
    this.oy = headroom;
  }

  /** Screen position of a point given in tile units (x, y) and px height (z). */
  p(x: number, y: number, z: number): [number, number] {
    return [this.ox + ((x - y) * TILE_W) / 2, this.oy + ((x + y) * TILE_H) / 2 - z];
  }

  raw(svg: string): this {
    this.parts.push(svg);
    return this;
  }

  def(svg: string): this {
    this.defs.push(svg);
    return this;
  }

  poly(points: Pt3[], fill: string, opts: { stroke?: boolean; opacity?: number } = {}): this {
    const d = points.map(([x, y, z]) => this.p(x, y, z).map(fmt).join(',')).join(' ');
    const stroke = opts.stroke === false ? '' : ` stroke="${OUTLINE}" stroke-width="0.7"`;
    const op = opts.opacity === undefined ? '' : ` fill-opacity="${fmt(opts.opacity)}"`;
    this.parts.push(
      `<polygon points="${d}" fill="${fill}"${op}${stroke} stroke-linejoin="round"/>`,
    );
    return this;
  }

  line(a: Pt3, b: Pt3, colour: string, width = 1): this {
    const [x1, y1] = this.p(...a);
    const [x2, y2] = this.p(...b);
    this.parts.push(
      `<line x1="${fmt(x1)}" y1="${fmt(y1)}" x2="${fmt(x2)}" y2="${fmt(y2)}" stroke="${colour}" stroke-width="${fmt(width)}" stroke-linecap="round"/>`,
    );
    return this;
  }

  /** A flat diamond on the ground (a yard, a slab, a shadow). */
  slab(x: number, y: number, w: number, d: number, fill: string, z = 0, stroke = false): this {
    return this.poly(
      [
        [x, y, z],
        [x + w, y, z],
        [x + w, y + d, z],
        [x, y + d, z],
      ],
      fill,
      { stroke },
    );
  }

  /** An axis-aligned box: its top and its two visible walls (south-west and south-east). */
  box(x: number, y: number, z: number, w: number, d: number, h: number, s: BoxStyle): this {
    const stroke = s.stroke;
    const top = s.roof ?? shade(s.wall, 0.18);
    const right = s.right ?? shade(s.wall, -0.22);
    this.poly(
      [
        [x, y + d, z],
        [x + w, y + d, z],
        [x + w, y + d, z + h],
        [x, y + d, z + h],
      ],
      s.wall,
      { stroke },
    );
    this.poly(
      [
        [x + w, y, z],
        [x + w, y + d, z],
        [x + w, y + d, z + h],
        [x + w, y, z + h],
      ],
      right,
      { stroke },
    );
    this.poly(
      [
        [x, y, z + h],
        [x + w, y, z + h],
        [x + w, y + d, z + h],
        [x, y + d, z + h],
      ],
      top,
      { stroke },
    );
    return this;
  }

  /**
   * A gabled roof over a box, ridge running along x (`axis` 'x') or y. Draws the visible slope(s)
   * and the gable end.
   */
  gable(
    x: number,
    y: number,
    z: number,
    w: number,
    d: number,
    rise: number,
    axis: 'x' | 'y',
    roof: string,
    gableWall: string,
  ): this {
    if (axis === 'x') {
      const ym = y + d / 2;
      // front slope (towards +y) is visible, the back slope hides behind the ridge
      this.poly(
        [
          [x, ym, z + rise],
          [x + w, ym, z + rise],
          [x + w, y, z],
          [x, y, z],
        ],
        shade(roof, 0.12),
      );
      this.poly(
        [
          [x, y + d, z],
          [x + w, y + d, z],
          [x + w, ym, z + rise],
          [x, ym, z + rise],
        ],
        roof,
      );
      this.poly(
        [
          [x + w, y, z],
          [x + w, y + d, z],
          [x + w, ym, z + rise],
        ],
        shade(gableWall, -0.22),
      );
    } else {
      const xm = x + w / 2;
      this.poly(
        [
          [xm, y, z + rise],
          [xm, y + d, z + rise],
          [x, y + d, z],
          [x, y, z],
        ],
        shade(roof, 0.12),
      );
      this.poly(
        [
          [x + w, y, z],
          [x + w, y + d, z],
          [xm, y + d, z + rise],
          [xm, y, z + rise],
        ],
        shade(roof, -0.12),
      );
      this.poly(
        [
          [x, y + d, z],
          [x + w, y + d, z],
          [xm, y + d, z + rise],
        ],
        gableWall,
      );
    }
    return this;
  }

  /**
   * A sawtooth (north-light) roof: `teeth` prisms along x, each with a steep glazed face and a
   * long sloping back — the silhouette of a weaving shed.
   */
  sawtooth(
    x: number,
    y: number,
    z: number,
    w: number,
    d: number,
    rise: number,
    teeth: number,
    roof: string,
    glass: string,
  ): this {
    const step = w / teeth;
    for (let i = 0; i < teeth; i++) {
      const x0 = x + i * step;
      const x1 = x0 + step;
      // sloped back (faces up-left, lit)
      this.poly(
        [
          [x0, y, z],
          [x1, y, z + rise],
          [x1, y + d, z + rise],
          [x0, y + d, z],
        ],
        shade(roof, 0.1),
      );
      // triangular end wall on the visible +y side
      this.poly(
        [
          [x0, y + d, z],
          [x1, y + d, z],
          [x1, y + d, z + rise],
        ],
        shade(roof, -0.12),
      );
      // steep glazed face towards +x
      this.poly(
        [
          [x1, y, z],
          [x1, y + d, z],
          [x1, y + d, z + rise],
          [x1, y, z + rise],
        ],
        glass,
      );
    }
    return this;
  }

  /** A vertical cylinder (tank, chimney, kiln, spool) standing at (cx, cy). */
  cylinder(
    cx: number,
    cy: number,
    z: number,
    r: number,
    h: number,
    colour: string,
    top?: string,
  ): this {
    const [sx, sy] = this.p(cx, cy, z);
    const rx = r * TILE_W * 0.7071;
    const ry = r * TILE_H * 0.7071;
    const topY = sy - h;
    const body = `M${fmt(sx - rx)},${fmt(topY)} L${fmt(sx - rx)},${fmt(sy)} A${fmt(rx)},${fmt(ry)} 0 0 0 ${fmt(sx + rx)},${fmt(sy)} L${fmt(sx + rx)},${fmt(topY)} Z`;
    const gid = `cyl${this.defs.length}`;
    this.defs.push(
      `<linearGradient id="${gid}" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="${shade(colour, 0.12)}"/><stop offset="0.55" stop-color="${colour}"/><stop offset="1" stop-color="${shade(colour, -0.3)}"/></linearGradient>`,
    );
    this.parts.push(
      `<path d="${body}" fill="url(#${gid})" stroke="${OUTLINE}" stroke-width="0.7"/>`,
      `<ellipse cx="${fmt(sx)}" cy="${fmt(topY)}" rx="${fmt(rx)}" ry="${fmt(ry)}" fill="${top ?? shade(colour, 0.2)}" stroke="${OUTLINE}" stroke-width="0.7"/>`,
    );
    return this;
  }

  /**
   * Paints 2D SVG (drawn in a local box, y down) onto a wall. 'left' walls face south-west (they
   * run along x), 'right' walls face south-east (they run along y). (x, y, z) is the wall point
   * where the decal's top-left corner goes; one local px moves one screen px across.
   */
  decal(wall: 'left' | 'right', x: number, y: number, z: number, svg: string): this {
    const [sx, sy] = this.p(x, y, z);
    const b = wall === 'left' ? 0.5 : -0.5;
    this.parts.push(`<g transform="matrix(1 ${b} 0 1 ${fmt(sx)} ${fmt(sy)})">${svg}</g>`);
    return this;
  }

  /** A billboard standing upright facing the viewer (used for signs on poles and roofs). */
  billboard(x: number, y: number, z: number, svg: string): this {
    const [sx, sy] = this.p(x, y, z);
    this.parts.push(`<g transform="translate(${fmt(sx)} ${fmt(sy)})">${svg}</g>`);
    return this;
  }

  /** Rows of windows on a wall, as a decal; `boarded` nails planks over them (closed plants). */
  windows(
    wall: 'left' | 'right',
    x: number,
    y: number,
    z: number,
    length: number,
    rows: number,
    cols: number,
    opts: { glass: string; frame?: string; boarded?: boolean; rowGap?: number; h?: number },
  ): this {
    const span = length * 32; // screen width of a wall of `length` tiles
    const w = span / cols;
    const h = opts.h ?? 5;
    const gap = opts.rowGap ?? 10;
    let svg = '';
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const wx = c * w + w * 0.18;
        const wy = r * gap;
        const ww = w * 0.64;
        if (opts.boarded) {
          svg += `<rect x="${fmt(wx)}" y="${fmt(wy)}" width="${fmt(ww)}" height="${fmt(h)}" fill="#6b4a2b" stroke="#3b2a1a" stroke-width="0.4"/>`;
          svg += `<line x1="${fmt(wx)}" y1="${fmt(wy)}" x2="${fmt(wx + ww)}" y2="${fmt(wy + h)}" stroke="#a07a4c" stroke-width="0.8"/>`;
          svg += `<line x1="${fmt(wx)}" y1="${fmt(wy + h)}" x2="${fmt(wx + ww)}" y2="${fmt(wy)}" stroke="#a07a4c" stroke-width="0.8"/>`;
        } else {
          svg += `<rect x="${fmt(wx)}" y="${fmt(wy)}" width="${fmt(ww)}" height="${fmt(h)}" fill="${opts.glass}" stroke="${opts.frame ?? '#eef2f5'}" stroke-width="0.5"/>`;
        }
      }
    }
    return this.decal(wall, x, y, z, svg);
  }

  svg(): string {
    const defs = this.defs.length ? `<defs>${this.defs.join('')}</defs>` : '';
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(this.width)}" height="${fmt(this.height)}" viewBox="0 0 ${fmt(this.width)} ${fmt(this.height)}">${defs}${this.parts.join('')}</svg>\n`;
  }
}
