/**
 * Flat 2D pictures that are painted onto walls and boards: one icon per sector, the abstract
 * logo of a foreign plant, and the "招租 FOR LEASE" sign. The two Chinese characters are drawn
 * as strokes here rather than typed, so the atlas does not depend on a CJK font being installed
 * on the machine that rebuilds it.
 */
import { C, SECTOR_COLOURS, type ArtSector } from './palette';

/** A sector icon in a 16×16 box. */
export function sectorIcon(sector: ArtSector, colour: string = SECTOR_COLOURS[sector]): string {
  const o = `stroke="${C.outline}" stroke-width="0.8" stroke-linejoin="round"`;
  switch (sector) {
    case 'textiles': // a thread spool
      return (
        `<rect x="4" y="2" width="8" height="2" rx="0.6" fill="#e9d3a8" ${o}/>` +
        `<rect x="4" y="12" width="8" height="2" rx="0.6" fill="#e9d3a8" ${o}/>` +
        `<rect x="5" y="4" width="6" height="8" fill="${colour}" ${o}/>` +
        `<path d="M5 6h6M5 8h6M5 10h6" stroke="#fff" stroke-width="0.5" opacity="0.7"/>`
      );
    case 'footwear': // a boot
      return `<path d="M4 2h5v7l4 2.2c1 .6 1.4 1.4 1.4 2.3V14H3.5V9.5z" fill="${colour}" ${o}/><path d="M3.5 12.5h10.9" stroke="#3b2a1a" stroke-width="1"/>`;
    case 'ceramics': // a vase
      return `<path d="M6 2h4v2c0 1 3 2.2 3 5.5 0 2.6-1.8 4.5-5 4.5s-5-1.9-5-4.5C3 6.2 6 5 6 4z" fill="${colour}" ${o}/><path d="M4 9h8" stroke="#fff" stroke-width="0.8" opacity="0.8"/>`;
    case 'furniture': // a chair
      return `<path d="M4 2h2v6h6v2h-1v4H9.5v-4h-3.5v4H4z" fill="${colour}" ${o}/>`;
    case 'toys': // a teddy bear's head
      return (
        `<circle cx="4" cy="4.5" r="2.2" fill="#c98a4b" ${o}/><circle cx="12" cy="4.5" r="2.2" fill="#c98a4b" ${o}/>` +
        `<circle cx="8" cy="9" r="5" fill="#c98a4b" ${o}/><circle cx="6.3" cy="8" r="0.8" fill="#2f2a26"/><circle cx="9.7" cy="8" r="0.8" fill="#2f2a26"/>` +
        `<ellipse cx="8" cy="11" rx="1.8" ry="1.3" fill="${colour}"/>`
      );
    case 'electronics': // a chip
      return (
        `<path d="M3 5h-2M3 8h-2M3 11h-2M13 5h2M13 8h2M13 11h2M5 3v-2M8 3v-2M11 3v-2M5 13v2M8 13v2M11 13v2" stroke="#d9d9d9" stroke-width="1"/>` +
        `<rect x="3" y="3" width="10" height="10" rx="1" fill="#26323a" ${o}/><rect x="5.5" y="5.5" width="5" height="5" fill="${colour}"/>`
      );
    case 'appliances': // a fridge
      return (
        `<rect x="4" y="1" width="8" height="14" rx="1.2" fill="#f1f3f5" ${o}/><path d="M4 6h8" stroke="${C.outline}" stroke-width="0.8"/>` +
        `<path d="M10.5 2.5v2M10.5 7.5v4" stroke="${colour}" stroke-width="1.2" stroke-linecap="round"/>`
      );
  }
}

/** A rectangular sign board with the sector icon, w×h px. */
export function iconBoard(sector: ArtSector, w = 16, h = 16, bg = '#ffffff'): string {
  const scale = Math.min(w, h) / 18;
  return (
    `<rect x="0" y="0" width="${w}" height="${h}" rx="1.5" fill="${bg}" stroke="${C.outline}" stroke-width="0.7"/>` +
    `<g transform="translate(${(w - 16 * scale) / 2} ${(h - 16 * scale) / 2}) scale(${scale})">${sectorIcon(sector)}</g>`
  );
}

/** The logo board of a foreign-invested plant: an abstract ring and swoosh, no flag or brand. */
export function foreignLogo(w: number, h: number): string {
  const cx = h * 0.55;
  return (
    `<rect x="0" y="0" width="${w}" height="${h}" rx="1" fill="#ffffff" stroke="${C.outline}" stroke-width="0.6"/>` +
    `<circle cx="${cx}" cy="${h / 2}" r="${h * 0.3}" fill="none" stroke="${C.foreignBlue}" stroke-width="${h * 0.12}"/>` +
    `<path d="M${cx - h * 0.32} ${h * 0.62} Q ${cx} ${h * 0.2} ${cx + h * 0.45} ${h * 0.4}" fill="none" stroke="#f0a030" stroke-width="${h * 0.1}" stroke-linecap="round"/>` +
    `<rect x="${h * 1.05}" y="${h * 0.35}" width="${w - h * 1.3}" height="${h * 0.12}" fill="${C.foreignBlue}"/>` +
    `<rect x="${h * 1.05}" y="${h * 0.56}" width="${(w - h * 1.3) * 0.7}" height="${h * 0.1}" fill="#9bb3d1"/>`
  );
}

/** 招 drawn as strokes in a 10×10 box. */
const ZHAO =
  'M0.6 3.2h3 M2.2 0.8v8.4l-0.9-0.6 M0.5 6.8l3.2-1.4 ' + // 扌
  'M4.8 1h4.4v2.6q0 .8-.8.8h-.8 M6.6 1l-1.8 3.4 ' + // 刀
  'M5 5.4h4v3.8h-4z'; // 口
/** 租 drawn as strokes in a 10×10 box. */
const ZU =
  'M3.6 0.6l-2.8 0.9 M0.5 3h3.8 M2.3 1.3v8.3 M2.2 3.4l-1.7 3.2 M2.5 3.6l1.5 1.6 ' + // 禾
  'M5.4 1h3.4v8.2 M5.4 1v8.2 M5.4 3.7h3.4 M5.4 6.4h3.4 M4.6 9.2h5';
/** A red "招租 FOR LEASE" board with a phone-number strip, w×h px (w ≥ 2h reads best). */
export function leaseSign(w: number, h: number): string {
  const s = (h * 0.55) / 10;
  const glyph = (d: string, x: number) =>
    `<path transform="translate(${x} ${h * 0.08}) scale(${s})" d="${d}" fill="none" stroke="#fff" stroke-width="${1.2}" stroke-linecap="round" stroke-linejoin="round"/>`;
  return (
    `<rect x="0" y="0" width="${w}" height="${h}" rx="0.8" fill="${C.lease}" stroke="#fff" stroke-width="0.6"/>` +
    glyph(ZHAO, w * 0.5 - 11 * s) +
    glyph(ZU, w * 0.5 + 0.8 * s) +
    `<text x="${w / 2}" y="${h * 0.93}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="700" font-size="${h * 0.26}" text-anchor="middle" fill="#fff">FOR LEASE</text>`
  );
}

/** A plain banner (slogan board of an SOE or a market awning) without any text. */
export function banner(w: number, h: number, colour: string): string {
  return (
    `<rect x="0" y="0" width="${w}" height="${h}" fill="${colour}" stroke="${C.outline}" stroke-width="0.6"/>` +
    `<path d="M${w * 0.08} ${h / 2}h${w * 0.84}" stroke="#ffe08a" stroke-width="${h * 0.22}" stroke-dasharray="${h * 0.5} ${h * 0.3}"/>`
  );
}

/** A roll-up shutter door, w×h. */
export function shutter(w: number, h: number, colour = '#b9bec4'): string {
  let lines = '';
  for (let y = 1.5; y < h; y += 1.5) lines += `M0 ${y}h${w}`;
  return `<rect x="0" y="0" width="${w}" height="${h}" fill="${colour}" stroke="${C.outline}" stroke-width="0.5"/><path d="${lines}" stroke="#7d848b" stroke-width="0.3"/>`;
}
