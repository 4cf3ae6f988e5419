/**
 * Key moments of a replay, found on real logs written by the shared engine: the biggest rises
 * and drops agree with the verified states, relocations add up the engine's FirmsRelocated
 * events, event impacts are the rounds where history struck, and a town's first specialisation
 * is reported once.
 */
import { describe, expect, it } from 'vitest';
import {
  STRATEGY_IDS,
  pollutionIndex,
  replaySteps,
  type MatchEvent,
  type MatchLog,
  type MatchState,
} from '../../shared/index';
import { keyMoments, momentTown, type KeyMoment } from '../../client/replay/key-moments';
import { playMatch } from '../../scripts/common';

interface Replayed {
  log: MatchLog;
  states: MatchState[];
  events: MatchEvent[][];
}

/** A log of computer towns, replayed (and so verified) to get every state and event. */
function replayed(scenarioId: string, rounds: number, seed = 3): Replayed {
  const { log } = playMatch({ scenarioId, seed, rounds, strategies: STRATEGY_IDS });
  const states: MatchState[] = [];
  const events: MatchEvent[][] = [];
  for (const step of replaySteps(log)) {
    states.push(step.state);
    events.push('result' in step ? step.result.events : []);
  }
  expect(states).toHaveLength(rounds + 1);
  return { log, states, events };
}

function valueOf(state: MatchState, town: string, metric: 'gdp' | 'firms' | 'pollution'): number {
  const t = state.towns.find((x) => x.id === town)!;
  return metric === 'pollution' ? pollutionIndex(t) : t.last[metric];
}

const of = <K extends KeyMoment['kind']>(list: KeyMoment[], ...kinds: K[]) =>
  list.filter((m): m is KeyMoment & { kind: K } => (kinds as string[]).includes(m.kind));

describe('key moments', () => {
  const foshan = replayed('foshan-2007', 8);
  const moments = keyMoments(foshan);

  it('come in the order they happened', () => {
    expect(moments.length).toBeGreaterThan(0);
    const rounds = moments.map((m) => m.round);
    expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
    for (const m of moments) expect(m.round).toBeGreaterThanOrEqual(1);
  });

  it('rises and drops match the verified states and are the biggest of their kind', () => {
    const changes = of(moments, 'rise', 'drop');
    expect(changes.length).toBeGreaterThan(0);
    for (const m of changes) {
      expect(m.before).toBeCloseTo(valueOf(foshan.states[m.round - 1], m.town, m.metric), 9);
      expect(m.after).toBeCloseTo(valueOf(foshan.states[m.round], m.town, m.metric), 9);
      expect(m.kind === 'rise' ? m.change > 0 : m.change < 0).toBe(true);
    }
    // At most two per metric and direction, and no larger GDP rise was left out.
    for (const metric of ['gdp', 'firms', 'pollution'] as const) {
      for (const kind of ['rise', 'drop'] as const) {
        expect(changes.filter((m) => m.metric === metric && m.kind === kind).length).toBeLessThan(
          3,
        );
      }
    }
    const gdpRises = changes.filter((m) => m.metric === 'gdp' && m.kind === 'rise');
    const smallest = Math.min(...gdpRises.map((m) => m.change));
    let larger = 0;
    for (let r = 1; r < foshan.states.length; r++) {
      for (const town of foshan.states[r].towns) {
        const before = valueOf(foshan.states[r - 1], town.id, 'gdp');
        if (before > 0 && town.last.gdp / before - 1 > smallest + 1e-12) larger++;
      }
    }
    expect(larger).toBeLessThan(gdpRises.length);
  });

  it("Foshan's hollowing out shows as a drop in firms", () => {
    // Foshan loses firms every round of this match (its tile cluster moves inland).
    const drops = of(moments, 'drop').filter((m) => m.metric === 'firms');
    expect(drops.length).toBeGreaterThan(0);
  });

  it('relocations add up the FirmsRelocated events of their round and route', () => {
    const flows = of(moments, 'relocation');
    expect(flows.length).toBeGreaterThan(0);
    for (const flow of flows) {
      const total = foshan.events[flow.round]
        .filter(
          (e): e is Extract<MatchEvent, { type: 'FirmsRelocated' }> =>
            e.type === 'FirmsRelocated' &&
            e.from === flow.from &&
            e.to === flow.to &&
            e.sector === flow.sector,
        )
        .reduce((sum, e) => sum + e.count, 0);
      expect(flow.count).toBe(total);
      expect(momentTown(flow)).toBe(flow.from);
    }
    // The largest flow of the match is among them.
    const largest = Math.max(...flows.map((f) => f.count));
    for (const events of foshan.events)
      for (const e of events)
        if (e.type === 'FirmsRelocated') expect(e.count).toBeLessThanOrEqual(largest);
  });

  it('event impacts are rounds where a historical event struck, with the region-wide change', () => {
    const impacts = of(moments, 'eventImpact');
    expect(impacts.length).toBeGreaterThan(0);
    expect(impacts.length).toBeLessThanOrEqual(3);
    for (const impact of impacts) {
      const struck = foshan.events[impact.round]
        .filter((e) => e.type === 'TimelineEventStruck' || e.type === 'EventCardPlayed')
        .map((e) => (e as { eventId: string }).eventId);
      expect(impact.events).toEqual(struck);
      const total = (s: MatchState) => s.towns.reduce((sum, t) => sum + t.last.gdp, 0);
      expect(impact.gdpChange).toBeCloseTo(
        total(foshan.states[impact.round]) / total(foshan.states[impact.round - 1]) - 1,
        9,
      );
      expect(momentTown(impact)).toBeNull();
    }
    // The 2008 crisis (round 2 of this scenario) is one of them.
    expect(impacts.some((i) => i.events.includes('crisis2008'))).toBe(true);
  });

  it('reports the first time a town becomes a specialised town, and only the first', () => {
    const open = replayed('open-door-1980', 4);
    const found = of(keyMoments(open), 'specialised');
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) {
      expect(
        open.events[m.round].some(
          (e) => e.type === 'TownBecameSpecialised' && e.town === m.town && e.sector === m.sector,
        ),
      ).toBe(true);
    }
    // The same town specialising again later (after losing it) is not a first time.
    const again = open.events.map((e) => [...e]);
    const first = found[0];
    again[open.events.length - 1].push({
      type: 'TownBecameSpecialised',
      town: first.town,
      sector: 'toys',
    });
    const twice = of(keyMoments({ states: open.states, events: again }), 'specialised');
    expect(twice.filter((m) => m.town === first.town)).toHaveLength(1);
  });

  it('a town specialised from the start has no first-time moment', () => {
    const start = structuredClone(foshan.states[0]);
    start.towns[0].specialisedSector = 'ceramics';
    const events = foshan.events.map((e) => [...e]);
    events[1].push({ type: 'TownBecameSpecialised', town: start.towns[0].id, sector: 'ceramics' });
    const list = keyMoments({ states: [start, ...foshan.states.slice(1)], events });
    expect(of(list, 'specialised').filter((m) => m.town === start.towns[0].id)).toEqual([]);
  });
});
