/**
 * Two paths of one match compared (issue 15): what happened against a what-if, or a fork against
 * the match it left. Per round, town and indicator the two figures, and the indicators that
 * diverged most with the engine's own explanation of the difference by cause ("Foshan: −120
 * ceramics firms against history: strict enforcement −80, relocation −40"). Pure; shared by
 * what-if.ts and fork-compare.ts so both explain a difference the same way.
 */
import { pollutionIndex } from './pollution';
import type {
  Cause,
  Explanation,
  HeadlineMetric,
  MatchState,
  RoundResult,
  TownState,
} from './types';

/** The figures compared, per town and round. */
export const WHAT_IF_INDICATORS = [
  'gdp',
  'firms',
  'jobs',
  'unemployment',
  'exports',
  'fdiStock',
  'patents',
  'pollution',
  'debt',
  'revenue',
  'evaluation',
] as const;
export type WhatIfIndicator = (typeof WHAT_IF_INDICATORS)[number];

/** The explanation metric whose causes account for an indicator's change, where there is one. */
const EXPLAINED_BY: Partial<Record<WhatIfIndicator, HeadlineMetric>> = {
  gdp: 'gdp',
  firms: 'firms',
  jobs: 'jobs',
  exports: 'exports',
  pollution: 'pollution',
  evaluation: 'evaluation',
};

/**
 * The size below which a figure counts as small when ranking differences, so that a town going
 * from 0.0 % to 1.6 % unemployment does not outrank one that lost a tenth of its firms.
 */
const SCALE: Record<WhatIfIndicator, number> = {
  gdp: 100,
  firms: 20,
  jobs: 1000,
  unemployment: 0.05,
  exports: 100,
  fdiStock: 20,
  patents: 20,
  pollution: 10,
  debt: 10,
  revenue: 10,
  evaluation: 10,
};

export interface WhatIfRow {
  round: number;
  year: number;
  townId: string;
  indicator: WhatIfIndicator;
  history: number;
  whatIf: number;
  difference: number;
}

export interface Divergence {
  townId: string;
  indicator: WhatIfIndicator;
  /** At the last round compared. */
  history: number;
  whatIf: number;
  difference: number;
  /** |difference| relative to the larger of the two figures (or the indicator's scale). */
  relative: number;
  /** What the engine says made the two paths differ, largest first (what-if minus history). */
  causes: Cause[];
}

/** One path from the compared round on: the state after each round and the round's result. */
export interface PathStep {
  state: MatchState;
  result: RoundResult;
}

export function indicatorValue(town: TownState, indicator: WhatIfIndicator): number {
  switch (indicator) {
    case 'pollution':
      return pollutionIndex(town);
    case 'debt':
      return town.debt;
    default:
      return town.last[indicator];
  }
}

/** Sum the causes of one metric over several rounds, by cause, sector and town. */
function causeTotals(results: readonly RoundResult[], townId: string, metric: HeadlineMetric) {
  const totals = new Map<string, Cause>();
  for (const result of results) {
    const explanation = result.explanations.find(
      (e: Explanation) => e.town === townId && e.metric === metric,
    );
    for (const c of explanation?.causes ?? []) {
      const key = `${c.cause}|${c.sector ?? ''}|${c.town ?? ''}|${c.indicator ?? ''}`;
      const prev = totals.get(key);
      totals.set(key, prev ? { ...prev, amount: prev.amount + c.amount } : { ...c });
    }
  }
  return totals;
}

/** What-if minus history, per cause; the causes that did not change are left out. */
function causeDifference(history: Map<string, Cause>, whatIf: Map<string, Cause>): Cause[] {
  const out: Cause[] = [];
  for (const key of new Set([...history.keys(), ...whatIf.keys()])) {
    const base = whatIf.get(key) ?? history.get(key)!;
    const amount = (whatIf.get(key)?.amount ?? 0) - (history.get(key)?.amount ?? 0);
    if (Math.abs(amount) > 1e-9) out.push({ ...base, amount });
  }
  return out.sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount));
}

/**
 * Compare two paths that left the same state: the rows of every round both played, and the
 * indicators that diverged at the last of them, largest relative difference first. `history`
 * and `alternative` hold the same rounds in the same order (the caller cuts them to match).
 */
export function comparePaths(
  history: readonly PathStep[],
  alternative: readonly PathStep[],
): { rows: WhatIfRow[]; diverged: Divergence[] } {
  const n = Math.min(history.length, alternative.length);
  const rows: WhatIfRow[] = [];
  for (let i = 0; i < n; i++) {
    const base = history[i].state;
    const alt = alternative[i].state;
    for (const town of base.towns) {
      const other = alt.towns.find((t) => t.id === town.id);
      if (!other) continue;
      for (const indicator of WHAT_IF_INDICATORS) {
        const h = indicatorValue(town, indicator);
        const w = indicatorValue(other, indicator);
        rows.push({
          round: base.round,
          year: base.year,
          townId: town.id,
          indicator,
          history: h,
          whatIf: w,
          difference: w - h,
        });
      }
    }
  }
  if (n === 0) return { rows, diverged: [] };
  const lastRound = history[n - 1].state.round;
  const historyResults = history.slice(0, n).map((s) => s.result);
  const alternativeResults = alternative.slice(0, n).map((s) => s.result);
  const diverged: Divergence[] = rows
    .filter((r) => r.round === lastRound && Math.abs(r.difference) > 1e-9)
    .map((r) => {
      const metric = EXPLAINED_BY[r.indicator];
      return {
        townId: r.townId,
        indicator: r.indicator,
        history: r.history,
        whatIf: r.whatIf,
        difference: r.difference,
        relative:
          Math.abs(r.difference) /
          Math.max(Math.abs(r.history), Math.abs(r.whatIf), SCALE[r.indicator]),
        causes: metric
          ? causeDifference(
              causeTotals(historyResults, r.townId, metric),
              causeTotals(alternativeResults, r.townId, metric),
            )
          : [],
      };
    })
    .sort((a, b) => b.relative - a.relative || (a.townId < b.townId ? -1 : 1));
  return { rows, diverged };
}

/** The diff as CSV, one row per round, town and indicator (the CLI's `--diff`). */
export function divergenceCsv(rows: readonly WhatIfRow[]): string {
  const lines = ['round,year,town,indicator,history,what_if,difference'];
  for (const r of rows) {
    lines.push(
      [r.round, r.year, r.townId, r.indicator, r.history, r.whatIf, r.difference]
        .map((v) => (typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : v))
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
