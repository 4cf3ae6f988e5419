/**
 * The match as the detection rules read it: the log replayed (and verified) into the state after
 * every round and the events of every round, and the small readings and phrases the rules share.
 */
import { SECTOR_NAMES, text, townName } from '../campaign/text';
import type { Text } from '../campaign/types';
import type { SectorId } from '../data/sectors';
import { SECTOR_IDS } from '../data/sectors';
import { firmCount } from '../engine/industry';
import { replaySteps, type MatchLog } from '../engine/match-log';
import type { Explanation, MatchEvent, MatchState, TownPlan, TownState } from '../engine/types';
import type { DebriefTimeline } from './types';

/** Replays the log (throws its LogError when it does not verify) into a timeline. */
export function debriefTimeline(log: MatchLog): DebriefTimeline {
  const states: MatchState[] = [];
  const events: MatchEvent[][] = [];
  const explanations: Explanation[][] = [];
  let firstRound = 0;
  for (const step of replaySteps(log)) {
    states.push(step.state);
    if ('result' in step) {
      events.push(step.result.events);
      explanations.push(step.result.explanations);
    } else {
      firstRound = step.round;
      events.push([]);
      explanations.push([]);
    }
  }
  return { states, events, explanations, firstRound };
}

/** The town with this id in a state, or undefined. */
export function townIn(state: MatchState, id: string): TownState | undefined {
  return state.towns.find((t) => t.id === id);
}

/** The town's firms of one sector, or of every sector but `except`. */
export function sectorFirms(town: TownState, sector: SectorId): number {
  return firmCount(town.industries[sector]);
}

export function firmsExcept(town: TownState, except: readonly SectorId[]): number {
  return SECTOR_IDS.filter((s) => !except.includes(s)).reduce(
    (a, s) => a + firmCount(town.industries[s]),
    0,
  );
}

/** The absolute round number of timeline index i (states[i] is the state after that round). */
export const roundNumber = (t: DebriefTimeline, i: number): number => t.firstRound + i;

/** The calendar years rounds `from` … `to` (timeline indices ≥ 1) cover, first and last. */
export function roundYears(t: DebriefTimeline, from: number, to: number): [number, number] {
  const before = t.states[from - 1];
  const end = t.states[to - 1];
  return [before.year, end.year + end.roundYears - 1];
}

/** "rounds 3–5 (2008–2010)" / "第3–5轮（2008–2010年）", from timeline indices. */
export function roundSpan(t: DebriefTimeline, from: number, to: number): Text {
  const [y0, y1] = roundYears(t, from, to);
  const a = roundNumber(t, from);
  const b = roundNumber(t, to);
  const years = y0 === y1 ? `${y0}` : `${y0}–${y1}`;
  if (a === b) return text(`round ${a} (${years})`, `第${a}轮（${years}年）`);
  return text(`rounds ${a}–${b} (${years})`, `第${a}–${b}轮（${years}年）`);
}

/** The town's name in both languages, as the state names it. */
export function nameOf(t: DebriefTimeline, id: string): Text {
  const town = townIn(t.states[0], id) ?? townIn(t.states[t.states.length - 1], id);
  return townName(id, town?.name ?? id);
}

export const sectorName = (s: SectorId): Text => SECTOR_NAMES[s];

/** Sum of an event count over timeline rounds from … to (inclusive). */
export function countEvents(
  t: DebriefTimeline,
  from: number,
  to: number,
  pick: (e: MatchEvent) => number,
): number {
  let n = 0;
  for (let i = from; i <= to; i++) for (const e of t.events[i] ?? []) n += pick(e);
  return n;
}

/** Spending on construction in round i (M RMB, ≥ 0), from the fiscal explanation's causes. */
export function constructionSpending(t: DebriefTimeline, i: number, town: string): number {
  const fiscal = (t.explanations[i] ?? []).find(
    (e) => e.town === town && e.metric === 'fiscalBalance',
  );
  const spent = (fiscal?.causes ?? [])
    .filter((c) => c.cause === 'construction')
    .reduce((a, c) => a + c.amount, 0);
  return Math.max(0, -spent);
}

/** Round to 3 decimals, for the evidence of a chapter. */
export const fixed3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Whether a plan offers foreign investors incentives (003 §3.3: "inexpensive land, tax breaks"):
 * a foreign tax rate at least 5 points below the domestic one, a tax holiday, or a land discount
 * of at least 20 %. The default plan offers none.
 */
export function offersForeignIncentives(plan: TownPlan): boolean {
  const p = plan.preferential;
  return (
    p.foreignTaxRate <= p.domesticTaxRate - 0.05 + 1e-9 ||
    p.foreignTaxHolidayYears > 0 ||
    p.landDiscount >= 0.2 - 1e-9
  );
}

/** Median of a list (0 for an empty list). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
