/**
 * The seven sectors of DESIGN §2 and their intensities. Figures are stylised (indices, not
 * statistics); the relative ordering is what the papers support:
 * - ceramics and building materials: heavy polluter and land-hungry (001 ¶20, Foshan);
 * - electronics and IT: FDI- and technology-intensive (002 §2.2, Taiwanese IT in Dongguan/Suzhou);
 * - footwear, toys, textiles: labour-intensive and export-oriented, the first to move inland when
 *   costs rise (003 §4.2, Chengdu shoes);
 * - home appliances: larger plants serving the domestic market as well (003 §7.2).
 */

export const SECTOR_IDS = [
  'textiles',
  'footwear',
  'ceramics',
  'furniture',
  'toys',
  'electronics',
  'appliances',
] as const;

export type SectorId = (typeof SECTOR_IDS)[number];

export interface SectorProfile {
  id: SectorId;
  name: string;
  /** Employees of a typical local SME, foreign plant, leading enterprise and SOE at the start. */
  firmSize: { sme: number; foreign: number; leading: number; soe: number };
  /** Value added per worker, thousand RMB a year at 1980 prices before productivity effects. */
  valueAddedPerWorker: number;
  /** Weight of wages in costs (0–1): how much a rising wage hurts this sector. */
  labourIntensity: number;
  /** Industrial land per worker in square metres. */
  landPerWorker: number;
  /** Emissions per unit of output (0–1 scale) to air and water. */
  airPollution: number;
  waterPollution: number;
  /** Share of output sold abroad. */
  exportShare: number;
  /** Relative appeal to foreign investors (0–1). */
  fdiPropensity: number;
  /** How much technology and skills raise productivity (0–1). */
  techIntensity: number;
}

export const SECTORS: Record<SectorId, SectorProfile> = {
  textiles: {
    id: 'textiles',
    name: 'Textiles and apparel',
    firmSize: { sme: 34, foreign: 300, leading: 1500, soe: 900 },
    valueAddedPerWorker: 8,
    labourIntensity: 0.8,
    landPerWorker: 60,
    airPollution: 0.3,
    waterPollution: 0.9,
    exportShare: 0.6,
    fdiPropensity: 0.5,
    techIntensity: 0.35,
  },
  footwear: {
    id: 'footwear',
    name: 'Footwear and leather',
    firmSize: { sme: 30, foreign: 400, leading: 2000, soe: 800 },
    valueAddedPerWorker: 7,
    labourIntensity: 0.95,
    landPerWorker: 50,
    airPollution: 0.3,
    waterPollution: 0.4,
    exportShare: 0.7,
    fdiPropensity: 0.5,
    techIntensity: 0.2,
  },
  ceramics: {
    id: 'ceramics',
    name: 'Ceramics and building materials',
    firmSize: { sme: 60, foreign: 300, leading: 1200, soe: 1000 },
    valueAddedPerWorker: 10,
    labourIntensity: 0.5,
    landPerWorker: 220,
    airPollution: 1.0,
    waterPollution: 0.5,
    exportShare: 0.35,
    fdiPropensity: 0.2,
    techIntensity: 0.3,
  },
  furniture: {
    id: 'furniture',
    name: 'Furniture and wood',
    firmSize: { sme: 30, foreign: 250, leading: 1000, soe: 600 },
    valueAddedPerWorker: 8,
    labourIntensity: 0.75,
    landPerWorker: 120,
    airPollution: 0.4,
    waterPollution: 0.2,
    exportShare: 0.5,
    fdiPropensity: 0.3,
    techIntensity: 0.2,
  },
  toys: {
    id: 'toys',
    name: 'Toys and light goods',
    firmSize: { sme: 40, foreign: 500, leading: 2000, soe: 500 },
    valueAddedPerWorker: 6,
    labourIntensity: 0.95,
    landPerWorker: 50,
    airPollution: 0.2,
    waterPollution: 0.2,
    exportShare: 0.85,
    fdiPropensity: 0.7,
    techIntensity: 0.15,
  },
  electronics: {
    id: 'electronics',
    name: 'Electronics and IT',
    firmSize: { sme: 50, foreign: 800, leading: 3000, soe: 1200 },
    valueAddedPerWorker: 14,
    labourIntensity: 0.45,
    landPerWorker: 40,
    airPollution: 0.2,
    waterPollution: 0.5,
    exportShare: 0.75,
    fdiPropensity: 1.0,
    techIntensity: 0.9,
  },
  appliances: {
    id: 'appliances',
    name: 'Home appliances',
    firmSize: { sme: 60, foreign: 600, leading: 3000, soe: 1500 },
    valueAddedPerWorker: 12,
    labourIntensity: 0.5,
    landPerWorker: 80,
    airPollution: 0.3,
    waterPollution: 0.3,
    exportShare: 0.3,
    fdiPropensity: 0.6,
    techIntensity: 0.6,
  },
};

export function isSectorId(value: unknown): value is SectorId {
  return typeof value === 'string' && (SECTOR_IDS as readonly string[]).includes(value);
}
