/**
 * What-if against what happened (issue 15): change one town's plan at one round of a played
 * match, let every other town do what it did in the log, and compare the two paths from that
 * round on, with the engine's own explanation of each difference ("Foshan: −120 ceramics firms
 * against history: strict enforcement −80, relocation −40"). Pure: the viewer, the CLI
 * (`npm run replay -- log.json --what-if plan.json --round k --town id --diff out.csv`) and the
 * tests share it. The log is verified while it is replayed, so a what-if never starts from a
 * forged history.
 */
import { LogError, replaySteps, type MatchLog } from './match-log';
import { validatePlan } from './plan-schema';
import { pollutionIndex } from './pollution';
import { resolveRound } from './resolve-round';
import type {
  Cause,
  Explanation,
  HeadlineMetric,
  MatchState,
  RoundResult,
  TownPlan,
  TownState,
} from './types';

export interface WhatIfRequest {
  /** The absolute round whose plan changes (as the log and the viewer number rounds). */
  round: number;
  townId: string;
  /** The town's plan for that round instead of the logged one (validated against the state). */
  plan: unknown;
}

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

export interface WhatIfResult {
  round: number;
  townId: string;
  /** Rounds compared: the changed round to the log's last. */
  rows: WhatIfRow[];
  /** The indicators that diverged most at the last round, largest relative difference first. */
  diverged: Divergence[];
  /** Later logged plans of the changed town that no longer fit its what-if state (not played). */
  dropped: { round: number; reasons: string[] }[];
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
function causeTotals(results: RoundResult[], townId: string, metric: HeadlineMetric) {
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
 * Play the what-if. Throws LogError when the log does not verify, the round is not one the log
 * played, the town is unknown, or the plan is not valid for that town at that round (the reasons
 * say why, as the policy panel would).
 */
export function whatIf(log: MatchLog, request: WhatIfRequest): WhatIfResult {
  const history: { state: MatchState; result?: RoundResult }[] = [];
  for (const step of replaySteps(log)) {
    history.push({ state: step.state, result: 'result' in step ? step.result : undefined });
  }
  const first = history[0].state.round;
  const index = request.round - first;
  if (!Number.isInteger(request.round) || index < 1 || index >= history.length) {
    throw new LogError(
      `round ${request.round} is not a round this log played (rounds ${first + 1}–${first + history.length - 1})`,
      0,
    );
  }
  if (!history[0].state.towns.some((t) => t.id === request.townId)) {
    throw new LogError(`unknown town "${request.townId}" in this log`, 0);
  }
  let state = history[index - 1].state;
  const check = validatePlan(state, request.townId, request.plan);
  if (!check.ok) {
    throw new LogError(
      `the plan is not valid for ${request.townId} at round ${request.round}: ` +
        check.errors.map((e) => `${e.path}: ${e.reason}`).join('; '),
      request.round,
    );
  }
  const dropped: WhatIfResult['dropped'] = [];
  const played: RoundResult[] = [];
  for (let i = index; i < history.length; i++) {
    const entry = log.rounds[i - 1];
    const plans: Record<string, TownPlan> = { ...entry.plans };
    if (i === index) plans[request.townId] = check.plan;
    else {
      // The town's own later plans may not fit the state the change led to (a smaller budget,
      // a market that now exists): such a plan is not played, the standing policies are.
      const later = plans[request.townId];
      const fits = later === undefined ? null : validatePlan(state, request.townId, later);
      if (fits && !fits.ok) {
        delete plans[request.townId];
        dropped.push({ round: entry.round, reasons: fits.errors.map((e) => e.reason) });
      }
    }
    const result = resolveRound(state, { plans, cards: entry.cards });
    played.push(result);
    state = result.state;
  }

  const rows: WhatIfRow[] = [];
  for (let i = index; i < history.length; i++) {
    const base = history[i].state;
    const alt = played[i - index].state;
    for (const town of base.towns) {
      const other = alt.towns.find((t) => t.id === town.id)!;
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

  const lastRound = history[history.length - 1].state.round;
  const historyResults = history.slice(index).map((h) => h.result!);
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
              causeTotals(played, r.townId, metric),
            )
          : [],
      };
    })
    .sort((a, b) => b.relative - a.relative || (a.townId < b.townId ? -1 : 1));
  return { round: request.round, townId: request.townId, rows, diverged, dropped };
}

/** The diff as CSV, one row per round, town and indicator (the CLI's `--diff`). */
export function whatIfCsv(result: WhatIfResult): string {
  const lines = ['round,year,town,indicator,history,what_if,difference'];
  for (const r of result.rows) {
    lines.push(
      [r.round, r.year, r.townId, r.indicator, r.history, r.whatIf, r.difference]
        .map((v) => (typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : v))
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
