/**
 * Turning points an instructor would want to show the class, found in a verified replay: each
 * town's biggest rises and drops of GDP, firms and pollution, the largest relocations, the
 * historical events and cards that moved the whole region most, and the first time a town became
 * a specialised town. Pure (no DOM, no i18n); moments-view.ts words them.
 */
import { pollutionIndex } from '../../shared';
import type { MatchEvent, MatchState, SectorId, TownState } from '../../shared';

export type MomentMetric = 'gdp' | 'firms' | 'pollution';
export const MOMENT_METRICS: readonly MomentMetric[] = ['gdp', 'firms', 'pollution'];

export type KeyMoment =
  | {
      kind: 'rise' | 'drop';
      round: number;
      town: string;
      metric: MomentMetric;
      before: number;
      after: number;
      /** Relative change for GDP and firms (0.2 = +20 %), points of the index for pollution. */
      change: number;
    }
  | { kind: 'relocation'; round: number; from: string; to: string; sector: SectorId; count: number }
  | {
      kind: 'eventImpact';
      round: number;
      events: string[];
      /** Relative change of the region's total GDP and firms over the round. */
      gdpChange: number;
      firmsChange: number;
      /** The same in a typical round of this match (the median), to read the change against. */
      typicalGdpChange: number;
      typicalFirmsChange: number;
    }
  | { kind: 'specialised'; round: number; town: string; sector: SectorId };

export interface MomentInput {
  /** states[r] is the state after round r; states[0] the start of the match. */
  states: readonly MatchState[];
  /** events[r] are the events of round r; events[0] is empty. */
  events: readonly (readonly MatchEvent[])[];
}

export interface MomentOptions {
  /** Rises and drops kept per metric and direction. */
  perMetric?: number;
  relocations?: number;
  eventImpacts?: number;
}

/** Below these a change is noise, not a turning point. */
const MIN_CHANGE: Record<MomentMetric, number> = { gdp: 0.02, firms: 0.05, pollution: 1 };
/** Firms are counted against at least this many, so a town going from 2 firms to 4 is no +100 %. */
const FIRMS_FLOOR = 10;

function metricValue(town: TownState, metric: MomentMetric): number {
  if (metric === 'pollution') return pollutionIndex(town);
  return metric === 'gdp' ? town.last.gdp : town.last.firms;
}

function changeOf(metric: MomentMetric, before: number, after: number): number | null {
  if (metric === 'pollution') return after - before;
  if (metric === 'firms') return (after - before) / Math.max(before, FIRMS_FLOOR);
  return before > 0 ? after / before - 1 : null;
}

function risesAndDrops(input: MomentInput, perMetric: number): KeyMoment[] {
  const out: KeyMoment[] = [];
  for (const metric of MOMENT_METRICS) {
    const all: Extract<KeyMoment, { kind: 'rise' | 'drop' }>[] = [];
    for (let round = 1; round < input.states.length; round++) {
      const previous = new Map(input.states[round - 1].towns.map((t) => [t.id, t]));
      for (const town of input.states[round].towns) {
        const was = previous.get(town.id);
        if (!was) continue;
        const before = metricValue(was, metric);
        const after = metricValue(town, metric);
        const change = changeOf(metric, before, after);
        if (change === null || Math.abs(change) < MIN_CHANGE[metric]) continue;
        const kind = change > 0 ? 'rise' : 'drop';
        all.push({ kind, round, town: town.id, metric, before, after, change });
      }
    }
    const biggest = (kind: 'rise' | 'drop') =>
      all
        .filter((m) => m.kind === kind)
        .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.round - b.round)
        .slice(0, perMetric);
    out.push(...biggest('rise'), ...biggest('drop'));
  }
  return out;
}

function relocations(input: MomentInput, limit: number): KeyMoment[] {
  // One flow per round, origin, destination and sector: the kinds of firm are added up.
  const flows = new Map<string, Extract<KeyMoment, { kind: 'relocation' }>>();
  input.events.forEach((events, round) => {
    for (const e of events) {
      if (e.type !== 'FirmsRelocated') continue;
      const key = `${round}|${e.from}|${e.to}|${e.sector}`;
      const flow = flows.get(key);
      if (flow) flow.count += e.count;
      else
        flows.set(key, {
          kind: 'relocation',
          round,
          from: e.from,
          to: e.to,
          sector: e.sector,
          count: e.count,
        });
    }
  });
  return [...flows.values()].sort((a, b) => b.count - a.count || a.round - b.round).slice(0, limit);
}

function regionTotal(state: MatchState, metric: 'gdp' | 'firms'): number {
  return state.towns.reduce((sum, t) => sum + t.last[metric], 0);
}

function relative(before: number, after: number): number {
  return before > 0 ? after / before - 1 : 0;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Rounds where a historical event or a card struck, ranked by how far the region moved from its
 * usual pace: a growing region that grows a little less in 2008 was hit, even if it still grew.
 */
function eventImpacts(input: MomentInput, limit: number): KeyMoment[] {
  const changes = input.states.slice(1).map((after, i) => {
    const before = input.states[i];
    return {
      gdp: relative(regionTotal(before, 'gdp'), regionTotal(after, 'gdp')),
      firms: relative(regionTotal(before, 'firms'), regionTotal(after, 'firms')),
    };
  });
  const typicalGdp = median(changes.map((c) => c.gdp));
  const typicalFirms = median(changes.map((c) => c.firms));
  const out: Extract<KeyMoment, { kind: 'eventImpact' }>[] = [];
  input.events.forEach((events, round) => {
    const struck = events
      .filter((e) => e.type === 'TimelineEventStruck' || e.type === 'EventCardPlayed')
      .map((e) => (e as { eventId: string }).eventId);
    const change = changes[round - 1];
    if (struck.length === 0 || !change) return;
    out.push({
      kind: 'eventImpact',
      round,
      events: struck,
      gdpChange: change.gdp,
      firmsChange: change.firms,
      typicalGdpChange: typicalGdp,
      typicalFirmsChange: typicalFirms,
    });
  });
  const size = (m: (typeof out)[number]) =>
    Math.abs(m.gdpChange - typicalGdp) + Math.abs(m.firmsChange - typicalFirms);
  return out.sort((a, b) => size(b) - size(a) || a.round - b.round).slice(0, limit);
}

function firstSpecialisations(input: MomentInput): KeyMoment[] {
  // A town specialised from the start has had the status already: it is no moment.
  const seen = new Set(
    (input.states[0]?.towns ?? []).filter((t) => t.specialisedSector !== null).map((t) => t.id),
  );
  const out: KeyMoment[] = [];
  input.events.forEach((events, round) => {
    for (const e of events) {
      if (e.type !== 'TownBecameSpecialised' || seen.has(e.town)) continue;
      seen.add(e.town);
      out.push({ kind: 'specialised', round, town: e.town, sector: e.sector });
    }
  });
  return out;
}

const KIND_ORDER: Record<KeyMoment['kind'], number> = {
  eventImpact: 0,
  specialised: 1,
  relocation: 2,
  drop: 3,
  rise: 4,
};

/** The key moments of a replay, in the order they happened. */
export function keyMoments(input: MomentInput, options: MomentOptions = {}): KeyMoment[] {
  const moments = [
    ...risesAndDrops(input, options.perMetric ?? 2),
    ...relocations(input, options.relocations ?? 4),
    ...eventImpacts(input, options.eventImpacts ?? 3),
    ...firstSpecialisations(input),
  ];
  return moments.sort((a, b) => a.round - b.round || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/** The town a moment is about, if any: for a relocation the origin, where trucks drive away. */
export function momentTown(moment: KeyMoment): string | null {
  switch (moment.kind) {
    case 'relocation':
      return moment.from;
    case 'eventImpact':
      return null;
    default:
      return moment.town;
  }
}
