/**
 * Scripted policy plans for the stylised-fact tests (DESIGN §3): build a match, play rounds with
 * per-town plans, and read figures off the states.
 */
import { SECTOR_IDS, type SectorId } from '../../shared/data/sectors';
import { employment, firmCount } from '../../shared/engine/industry';
import { createMatch } from '../../shared/engine/match';
import { defaultPlan } from '../../shared/engine/plan-schema';
import { resolveRound } from '../../shared/engine/resolve-round';
import type { MatchEvent, MatchState, TownPlan, TownState } from '../../shared/engine/types';

export type PlanPatch = (plan: TownPlan) => void;

export function planWith(...patches: PlanPatch[]): TownPlan {
  const plan = defaultPlan();
  for (const patch of patches) patch(plan);
  return plan;
}

export function start(scenario: string, seed = 7, towns?: number): MatchState {
  return createMatch(scenario, { seed, towns });
}

export function town(state: MatchState, id: string): TownState {
  const t = state.towns.find((x) => x.id === id);
  if (!t) throw new Error(`no town ${id}`);
  return t;
}

export interface Played {
  states: MatchState[];
  events: MatchEvent[][];
}

/** Play n rounds; `plans` gives each round's plans (towns left out keep their policies). */
export function play(
  state: MatchState,
  rounds: number,
  plans: (s: MatchState, i: number) => Record<string, TownPlan>,
  cards: (i: number) => string[] = () => [],
): Played {
  const states = [state];
  const events: MatchEvent[][] = [];
  let s = state;
  for (let i = 0; i < rounds; i++) {
    const result = resolveRound(s, { plans: plans(s, i), cards: cards(i) });
    s = result.state;
    states.push(s);
    events.push(result.events);
  }
  return { states, events };
}

export const last = <T>(xs: T[]): T => xs[xs.length - 1];

export function firms(state: MatchState, id: string, sector?: SectorId): number {
  const t = town(state, id);
  if (sector) return firmCount(t.industries[sector]);
  return SECTOR_IDS.reduce((a, s) => a + firmCount(t.industries[s]), 0);
}

export function workers(state: MatchState, id: string, sector: SectorId): number {
  return employment(town(state, id).industries[sector]);
}

/** Relocations out of a town in a sector, by destination, over the played rounds. */
export function relocations(played: Played, from: string, sector?: SectorId): Map<string, number> {
  const out = new Map<string, number>();
  for (const round of played.events) {
    for (const e of round) {
      if (e.type === 'FirmsRelocated' && e.from === from && (!sector || e.sector === sector)) {
        out.set(e.to, (out.get(e.to) ?? 0) + e.count);
      }
    }
  }
  return out;
}

export function closures(played: Played, townId: string, sector: SectorId, cause?: string): number {
  let n = 0;
  for (const round of played.events) {
    for (const e of round) {
      if (
        e.type === 'FirmsClosed' &&
        e.town === townId &&
        e.sector === sector &&
        (!cause || e.cause === cause)
      )
        n += e.count;
    }
  }
  return n;
}

/** Open every town to FDI (after 1992 all may admit foreign plants). */
export function openAll(state: MatchState): MatchState {
  const s = structuredClone(state);
  s.conditions.fdiOpening = 'all';
  for (const t of s.towns) t.fdiOpen = true;
  return s;
}
