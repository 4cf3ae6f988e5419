/**
 * What the campaign's victory and defeat rules measure: plain functions of the states of a
 * match so far (states[0] the start, states[i] after round i) and the player's town. They read
 * the engine's state only; none changes it.
 */
import { SECTOR_IDS, type SectorId } from '../data/sectors';
import { debtLimit } from '../engine/costs';
import { firmCount } from '../engine/industry';
import { pollutionIndex } from '../engine/pollution';
import type { MatchState, TownState } from '../engine/types';

/** A number read off state i of a match for the player's town. */
export type Measure = (states: readonly MatchState[], i: number, townId: string) => number;

export function townIn(state: MatchState, townId: string): TownState {
  const town = state.towns.find((t) => t.id === townId);
  if (!town) throw new Error(`town ${townId} is not in scenario ${state.scenarioId}`);
  return town;
}

const onTown =
  (read: (town: TownState, state: MatchState) => number): Measure =>
  (states, i, townId) =>
    read(townIn(states[i], townId), states[i]);

const sectorsOf = (sector?: SectorId): readonly SectorId[] => (sector ? [sector] : SECTOR_IDS);

export const foreignPlants = (sector?: SectorId): Measure =>
  onTown((t) => sectorsOf(sector).reduce((a, s) => a + t.industries[s].firms.foreign, 0));

export const firms = (sector?: SectorId): Measure =>
  onTown((t) => sectorsOf(sector).reduce((a, s) => a + firmCount(t.industries[s]), 0));

export const embeddedness = (sector: SectorId): Measure =>
  onTown((t) => t.industries[sector].embeddedness);

export const reputation = (sector: SectorId): Measure =>
  onTown((t) => t.industries[sector].reputation);

export const technology = (sector: SectorId): Measure =>
  onTown((t) => t.industries[sector].technology);

export const pollution: Measure = onTown((t) => pollutionIndex(t));
export const stability: Measure = onTown((t) => t.stability);
export const skills: Measure = onTown((t) => t.skills);
export const jobs: Measure = onTown((t) => t.last.jobs);

/** GDP deflated by the national price and productivity trend (1980 = 1). */
export const realGdp: Measure = onTown((t, s) => t.last.gdp / s.national);

/** Debt above the borrowing ceiling (positive when over it; Zhuhai's airport, 003 §3.3). */
export const debtOverLimit: Measure = onTown((t, s) => t.debt - debtLimit(t, s));

/**
 * Debt as a share of the borrowing ceiling. Under the hard budget (rules 2) a town cannot borrow
 * past the ceiling: it is held there by a fiscal crisis that trims its spending, so reaching it
 * is what "running the budget into the ground" means now.
 */
export const debtOfLimit: Measure = onTown((t, s) => t.debt / Math.max(1e-9, debtLimit(t, s)));

/** 1 when the round's plan enforces quality standards in the sector (Wenzhou, 003 §4.3). */
export const qualityStandards = (sector: SectorId): Measure =>
  onTown((t) => (t.plan.innovation.qualityStandards.includes(sector) ? 1 : 0));

/** The round (1-based) in which the first foreign plant arrived; Infinity if none yet. */
export const firstForeignRound: Measure = onTown((t) =>
  t.firstFdiRound === null ? Number.POSITIVE_INFINITY : t.firstFdiRound + 1,
);

/** A measure relative to its value at the start of the match. */
export const ofStart =
  (measure: Measure): Measure =>
  (states, i, townId) => {
    const start = measure(states, 0, townId);
    return start > 0 ? measure(states, i, townId) / start : 0;
  };

/**
 * A measure relative to its value in the state that opens a given year (the pre-crash level of
 * the 2008 scenario, 003 §6.2). NaN while that year has not been reached.
 */
export const ofYear =
  (measure: Measure, year: number): Measure =>
  (states, i, townId) => {
    const index = states.findIndex((s) => s.year === year);
    if (index < 0 || index > i) return Number.NaN;
    const base = measure(states, index, townId);
    return base > 0 ? measure(states, i, townId) / base : 0;
  };

/** The player's lead over the best of some rival towns on the same measure (first movers). */
export const leadOver =
  (measure: Measure, rivals: readonly string[]): Measure =>
  (states, i, townId) => {
    const present = rivals.filter((id) => states[i].towns.some((t) => t.id === id));
    const best = Math.max(0, ...present.map((id) => measure(states, i, id)));
    return measure(states, i, townId) - best;
  };
