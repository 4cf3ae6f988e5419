/**
 * Pure logic of the results panel: which explanations and events concern the town, how each
 * indicator is formatted, the points behind the central evaluation, and the chart series.
 * The client never computes authoritative results; the evaluation breakdown re-reads the
 * engine's own scoring to explain a number the server already produced.
 */
import type { Explanation, MatchEvent, MatchState, TownIndicators, TownState } from '../../shared';
import { powInt } from '../../shared/engine/math';
import { NATIONAL_GROWTH } from '../../shared/engine/resolve-round';
import {
  evaluationBreakdown as engineBreakdown,
  type EvaluationBreakdown,
} from '../../shared/engine/scoring';

export type IndicatorFormat = 'money' | 'count' | 'thousandRmb' | 'index' | 'percent';

export const INDICATOR_FORMAT: Record<keyof TownIndicators, IndicatorFormat> = {
  gdp: 'money',
  gdpPerHead: 'thousandRmb',
  industrialOutput: 'money',
  jobs: 'count',
  // A share of the labour force (0–1), shown as a percentage (it read `0` as a count).
  unemployment: 'percent',
  exports: 'money',
  fdiStock: 'count',
  fdiInflow: 'count',
  firms: 'count',
  valueAddedPerWorker: 'thousandRmb',
  patents: 'count',
  revenue: 'money',
  spending: 'money',
  fiscalBalance: 'money',
  evaluation: 'index',
};

/** Headline metrics in the order the panel lists them; per-sector firm counts follow. */
const HEADLINE_ORDER = [
  'gdp',
  'firms',
  'jobs',
  'exports',
  'fiscalBalance',
  'pollution',
  'stability',
  'evaluation',
];

export function headlineFormat(metric: string): IndicatorFormat {
  if (metric === 'gdp' || metric === 'exports' || metric === 'fiscalBalance') return 'money';
  if (metric === 'pollution' || metric === 'stability' || metric === 'evaluation') return 'index';
  return 'count';
}

/** The town's explanations, headline metrics first, then sectors by size of change. */
export function townExplanations(
  explanations: readonly Explanation[],
  townId: string,
): Explanation[] {
  const own = explanations.filter((e) => e.town === townId);
  const rank = (e: Explanation): number => {
    const i = HEADLINE_ORDER.indexOf(e.metric);
    return i >= 0 ? i : HEADLINE_ORDER.length;
  };
  return own.sort(
    (a, b) => rank(a) - rank(b) || Math.abs(b.after - b.before) - Math.abs(a.after - a.before),
  );
}

/** Historical events and instructor cards of the round. */
export function struckEvents(
  events: readonly MatchEvent[],
): Extract<MatchEvent, { type: 'TimelineEventStruck' | 'EventCardPlayed' }>[] {
  return events.filter(
    (e): e is Extract<MatchEvent, { type: 'TimelineEventStruck' | 'EventCardPlayed' }> =>
      e.type === 'TimelineEventStruck' || e.type === 'EventCardPlayed',
  );
}

/** Round events that concern this town, or that every town hears (statements, centres). */
export function townNews(events: readonly MatchEvent[], townId: string): MatchEvent[] {
  return events.filter((e) => {
    switch (e.type) {
      case 'TimelineEventStruck':
      case 'EventCardPlayed':
        return false;
      case 'FirmsRelocated':
        return e.from === townId || e.to === townId;
      case 'CentreOpened':
        return e.funders.includes(townId);
      case 'ProposalMade':
        return e.from === townId || e.to.includes(townId);
      case 'ProposalAgreed':
      case 'ProposalDeclined':
      case 'StatementPosted':
        return true;
      default:
        return e.town === townId;
    }
  });
}

export type { EvaluationBreakdown } from '../../shared/engine/scoring';

/**
 * The points behind `town.last.evaluation`, re-read with the engine's own breakdown (indicator
 * points and the pollution, debt and unemployment costs, shared/engine/scoring.ts). The state is
 * the one after the round, whose national trend has already moved on a round, so it is put back
 * to the level the evaluation used; `previousGdp` is the GDP a round earlier.
 */
export function evaluationBreakdown(
  state: MatchState,
  town: TownState,
  previousGdp: number | null,
): EvaluationBreakdown {
  const atEvaluation: MatchState = {
    ...state,
    national: state.national / powInt(NATIONAL_GROWTH, state.roundYears),
  };
  const growth =
    previousGdp && previousGdp > 0 ? (town.last.gdp / previousGdp - 1) / state.roundYears : 0;
  return engineBreakdown(atEvaluation, town, town.last, growth);
}

/** Year of each history entry: the last one is the state's year. */
export function historyYears(state: MatchState, length: number): number[] {
  return Array.from({ length }, (_, i) => state.year - (length - 1 - i) * state.roundYears);
}
