/**
 * Colours of the town. One colour per sector (signs, awnings, map arrows) so a player learns
 * "orange is ceramics" once and reads it everywhere; a weathered transform turns any active
 * building's palette into the faded, rust-streaked palette of a closed one.
 */

export const SECTOR_COLOURS = {
  textiles: '#d0508f',
  footwear: '#a0522d',
  ceramics: '#e07b39',
  furniture: '#7a8b2e',
  toys: '#f2c230',
  electronics: '#2bb0b8',
  appliances: '#7059c4',
} as const;

export type ArtSector = keyof typeof SECTOR_COLOURS;
export const ART_SECTORS = Object.keys(SECTOR_COLOURS) as ArtSector[];

export const C = {
  outline: '#2f2a26',
  grass: '#8cbf63',
  grassDark: '#79ad55',
  field: '#a9cf5e',
  fieldWater: '#8fc7b8',
  soil: '#b99a6b',
  paved: '#cfcac0',
  pavedDark: '#b8b2a6',
  asphalt: '#5e6268',
  kerb: '#d9d4ca',
  water: '#4f9fd6',
  waterDeep: '#3b86c0',
  stained: '#7d7a3c',
  sea: '#3f8fcf',
  sand: '#e5d3a1',
  glass: '#9fd3ec',
  glassDark: '#5a8fb0',
  cream: '#efe6d2',
  white: '#f4f2ee',
  concrete: '#c2bdb3',
  brick: '#b0563a',
  redBrick: '#9e3f2c',
  roofGrey: '#8d949b',
  roofTile: '#b4553b',
  steel: '#9aa4ad',
  foreignBlue: '#3f74b8',
  foreignStripe: '#6b9bd6',
  wood: '#a8743f',
  woodDark: '#7a5029',
  leaf: '#4f9a45',
  leafDark: '#3d7f38',
  red: '#d8402f',
  lease: '#d8402f',
} as const;

function parse(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex([r, g, b]: [number, number, number]): string {
  const c = (v: number) =>
    Math.max(0, Math.min(255, Math.round(v)))
      .toString(16)
      .padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** Lighten (amount > 0) or darken (amount < 0) a colour towards white or black. */
export function shade(hex: string, amount: number): string {
  const rgb = parse(hex);
  const target = amount >= 0 ? 255 : 0;
  const a = Math.abs(amount);
  return toHex(rgb.map((v) => v + (target - v) * a) as [number, number, number]);
}

export function mix(a: string, b: string, t: number): string {
  const x = parse(a);
  const y = parse(b);
  return toHex([0, 1, 2].map((i) => x[i] + (y[i] - x[i]) * t) as [number, number, number]);
}

/** The faded look of an abandoned building: drained of colour, dusty and a little darker. */
export function weathered(hex: string): string {
  const [r, g, b] = parse(hex);
  const grey = 0.3 * r + 0.59 * g + 0.11 * b;
  const drained: [number, number, number] = [
    r + (grey - r) * 0.7,
    g + (grey - g) * 0.7,
    b + (grey - b) * 0.7,
  ];
  // cold and dark: no one heats or lights a shut plant
  return shade(mix(toHex(drained), '#6c7278', 0.3), -0.12);
}
