/**
 * Factory plots of every sector district, in both views. The rule that makes a shrinking town
 * look hollowed out: plots are built for the most firms the sector has had (its peak), and only
 * the share of today's firms to that peak stays active. The rest are closed (for lease) if they
 * were working in the previous view, or empty lots (demolished) if they had closed before.
 */
import {
  FIRM_KINDS,
  SECTOR_IDS,
  type FirmKind,
  type Industry,
  type SectorId,
  type TownState,
} from '../../shared';
import { hash } from './hash';
import { buildingsFor, inferredPeakFactor, smokeLevel, stageFor } from './layout-rules';
import type { Structure } from './layout-types';
import { plotsFor, toGrid, type BlockRect } from './town-grid';

export type FirmPeaks = Partial<Record<SectorId, Partial<Record<FirmKind, number>>>>;

/** Firm counts per sector and kind used for each view. */
export type FirmTable = Record<SectorId, Record<FirmKind, number>>;

function emptyKinds(): Record<FirmKind, number> {
  return { sme: 0, foreign: 0, leading: 0, soe: 0 };
}

/**
 * Firm counts of the "before" view: the previous state's, or — with no previous state — last
 * year's implied by a falling firm trend (a declining sector had more firms a year ago).
 */
export function firmsBefore(town: TownState, previous: TownState | undefined): FirmTable {
  const out = {} as FirmTable;
  for (const s of SECTOR_IDS) {
    out[s] = emptyKinds();
    const ind = town.industries[s];
    for (const k of FIRM_KINDS) {
      if (previous) out[s][k] = previous.industries[s].firms[k];
      else if (inferredPeakFactor(ind.lifeStage, ind.firmTrend) > 1)
        out[s][k] = ind.firms[k] / Math.max(0.3, 1 + ind.firmTrend);
      else out[s][k] = ind.firms[k];
    }
  }
  return out;
}

export function firmsNow(town: TownState): FirmTable {
  const out = {} as FirmTable;
  for (const s of SECTOR_IDS) out[s] = { ...town.industries[s].firms };
  return out;
}

/** The survival order of a kind's plots: which close first is fixed per plot, not random. */
function survivalOrder(townId: string, sector: SectorId, kind: FirmKind, n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort(
    (a, b) =>
      hash(`${townId}:${sector}:${kind}:${b}`) - hash(`${townId}:${sector}:${kind}:${a}`) || a - b,
  );
}

function activeCount(built: number, firms: number, peak: number): number {
  if (firms <= 0 || built === 0) return 0;
  return Math.max(1, Math.min(built, Math.round((built * firms) / peak)));
}

export interface FirmPlotInput {
  town: TownState;
  previous: TownState | undefined;
  before: FirmTable;
  blocks: Record<SectorId, BlockRect>;
  peaks: FirmPeaks | undefined;
}

export function firmStructures(input: FirmPlotInput): Structure[] {
  const { town, previous, before, blocks, peaks } = input;
  const out: Structure[] = [];
  for (const s of SECTOR_IDS) {
    const ind = town.industries[s];
    const prevInd: Industry = previous ? previous.industries[s] : ind;
    const smoke = smokeLevel(town, s);
    for (const k of FIRM_KINDS) {
      const cur = ind.firms[k];
      const prev = before[s][k];
      const inferred = prev * inferredPeakFactor(prevInd.lifeStage, prevInd.firmTrend);
      const peakBefore = Math.max(prev, inferred, peaks?.[s]?.[k] ?? 0);
      const peakAfter = Math.max(peakBefore, cur);
      const builtBefore = buildingsFor(k, peakBefore);
      const builtAfter = buildingsFor(k, peakAfter);
      if (builtAfter === 0) continue;
      const order = survivalOrder(town.id, s, k, builtAfter);
      const activeAfter = new Set(order.slice(0, activeCount(builtAfter, cur, peakAfter)));
      const activeBefore = new Set(
        order.filter((i) => i < builtBefore).slice(0, activeCount(builtBefore, prev, peakBefore)),
      );
      const plots = plotsFor(k);
      const perBuilding = activeAfter.size > 0 ? cur / activeAfter.size : 0;
      for (let i = 0; i < builtAfter; i++) {
        const plot = plots[i];
        const pos = toGrid(blocks[s], plot.lc, plot.lr, plot.size);
        const seed = hash(`${town.id}:${s}:${k}:${i}:stage`);
        const state = activeAfter.has(i) ? 'active' : activeBefore.has(i) ? 'closed' : 'emptyLot';
        const beforeState = i >= builtBefore ? 'none' : activeBefore.has(i) ? 'active' : 'closed';
        out.push({
          id: `${s}:${k}:${i}`,
          kind: k,
          sector: s,
          ...pos,
          size: plot.size,
          state,
          before: beforeState,
          stage: stageFor(s, k, ind.firmSize[k], seed),
          beforeStage: stageFor(s, k, prevInd.firmSize[k], seed),
          isNew: state === 'active' && beforeState !== 'active',
          firms: state === 'active' ? perBuilding : 0,
          jobs: state === 'active' ? perBuilding * ind.firmSize[k] : 0,
          lit: state === 'active',
          litBefore: beforeState === 'active',
          smoke: state === 'active' ? smoke : 0,
        });
      }
    }
  }
  return out;
}

/** Jobs implied by a firm table and the average firm sizes of a state. */
export function jobsOf(table: FirmTable, sizes: TownState): number {
  let jobs = 0;
  for (const s of SECTOR_IDS)
    for (const k of FIRM_KINDS) jobs += table[s][k] * sizes.industries[s].firmSize[k];
  return jobs;
}
