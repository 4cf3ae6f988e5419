/**
 * What the advisor's rules read about one town's round: the firm flows behind each sector's
 * change (from the engine's explanations), the round's events and the states before and after.
 */
import type { Citation } from '../data/citation';
import { SECTOR_IDS, type SectorId } from '../data/sectors';
import { totalFirms } from '../engine/industry';
import type { CauseCode, MatchEvent, MatchState, RoundResult, TownState } from '../engine/types';
import { townIn } from './measures';
import { townName } from './text';
import type { AdvisorHint, Text } from './types';

/** One flow of firms behind a sector's change (a closure, an entry, a move). */
export interface FirmFlow {
  sector: SectorId;
  cause: CauseCode;
  amount: number;
  town?: string;
}

export interface RoundFacts {
  townId: string;
  before: MatchState;
  after: MatchState;
  result: RoundResult;
  flows: FirmFlow[];
}

export interface Candidate extends AdvisorHint {
  /** How pressing the hint is; the heaviest are shown. */
  weight: number;
}

export type HintRule = (facts: RoundFacts) => Candidate | null;

/** The town's firm flows, read off its `firms_<sector>` explanations. */
export function flowsOf(result: RoundResult, townId: string): FirmFlow[] {
  const flows: FirmFlow[] = [];
  for (const e of result.explanations) {
    if (e.town !== townId || !e.metric.startsWith('firms_')) continue;
    const sector = e.metric.slice('firms_'.length) as SectorId;
    for (const c of e.causes)
      flows.push({ sector, cause: c.cause, amount: c.amount, town: c.town });
  }
  return flows;
}

/** Firms lost to a cause in each sector this round (closures are negative flows). */
export function losses(facts: RoundFacts, cause: CauseCode): Map<SectorId, number> {
  const out = new Map<SectorId, number>();
  for (const f of facts.flows) {
    if (f.cause === cause && f.amount < 0) out.set(f.sector, (out.get(f.sector) ?? 0) - f.amount);
  }
  return out;
}

/** The sector with the largest count, ties to the earlier sector; null if none. */
export function worst(counts: Map<SectorId, number>): { sector: SectorId; count: number } | null {
  let best: { sector: SectorId; count: number } | null = null;
  for (const sector of SECTOR_IDS) {
    const count = counts.get(sector) ?? 0;
    if (count > 0 && (best === null || count > best.count)) best = { sector, count };
  }
  return best;
}

/** The town the hints are for, before or after the round. */
export const town = (facts: RoundFacts, which: 'before' | 'after' = 'after'): TownState =>
  townIn(facts[which], facts.townId);

/** A town's name in both languages. */
export function nameOf(facts: RoundFacts, id: string): Text {
  const t = facts.after.towns.find((x) => x.id === id);
  return townName(id, t?.name ?? id);
}

/** A count as a share of the town's firms before the round, in points (capped), for ranking. */
export function points(facts: RoundFacts, count: number): number {
  return Math.min(30, (100 * count) / Math.max(1, totalFirms(town(facts, 'before'))));
}

/** Sectors too small to matter for a hint. */
export const MIN_FIRMS = 20;

/** A candidate hint. */
export const hint = (
  mechanism: string,
  weight: number,
  t: Text,
  citation: Citation,
): Candidate => ({
  mechanism,
  weight,
  text: t,
  citation,
});

/** The round's events of one type. */
export function eventsOf<K extends MatchEvent['type']>(
  facts: RoundFacts,
  type: K,
): Extract<MatchEvent, { type: K }>[] {
  return facts.result.events.filter((e): e is Extract<MatchEvent, { type: K }> => e.type === type);
}
