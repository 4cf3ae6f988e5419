import { describe, expect, it } from 'vitest';
import { EVENTS, findEvent } from '../../shared/data/events';
import { SECTOR_IDS } from '../../shared/data/sectors';
import { EVENT_CARD_IDS } from '../../shared/engine/events';
import { createMatch } from '../../shared/engine/match';
import { advance, step, town } from './helpers';

const crash = findEvent('crisis2008')!;
/** The crash's export-demand multiplier for toys, and its recovery's. */
function multiplier(effect: number | Partial<Record<string, number>> | undefined): number {
  if (typeof effect === 'number') return effect;
  return effect?.toys ?? 1;
}
const crashToys = multiplier(crash.effects.exportDemand);
const recoveryToys = multiplier(crash.recovery?.effects.exportDemand);

describe('events', () => {
  it("a 'crisis2008' card lowers export demand for every sector", () => {
    const state = createMatch('open-door-1980', { seed: 1 });
    for (const s of SECTOR_IDS) expect(state.conditions.exportDemand[s]).toBe(1);
    const result = step(state, {}, ['crisis2008']);
    for (const s of SECTOR_IDS) expect(result.state.conditions.exportDemand[s]).toBeLessThan(1);
    expect(crashToys).toBeLessThan(1);
    expect(result.state.conditions.exportDemand.toys).toBeCloseTo(crashToys, 9);
    expect(result.state.conditions.fdiFlow).toBeLessThan(state.conditions.fdiFlow);
    expect(result.events).toContainEqual({
      type: 'EventCardPlayed',
      eventId: 'crisis2008',
      year: 1980,
    });
    expect(result.state.appliedEvents).toContain('crisis2008');
  });

  it('the crash hurts export output: lower exports than without the card', () => {
    const state = createMatch('export-crash-2008', { seed: 1 });
    const calm = step(state).state;
    const crash = step(state, {}, ['crisis2008']).state;
    expect(town(crash, 'dongguan').last.exports).toBeLessThan(town(calm, 'dongguan').last.exports);
  });

  it('demand recovers when the recovery falls due, three years later', () => {
    const state = createMatch('open-door-1980', { seed: 1 });
    let s = step(state, {}, ['crisis2008']).state;
    const due = 1980 + crash.recovery!.afterYears;
    expect(s.scheduled).toContainEqual({ year: due, eventId: 'crisis2008' });
    s = advance(s, due - 1981); // the rounds before the recovery year
    expect(s.conditions.exportDemand.toys).toBeCloseTo(crashToys, 9);
    s = advance(s, 1); // the recovery year
    expect(recoveryToys).toBeGreaterThan(1);
    expect(s.conditions.exportDemand.toys).toBeCloseTo(Math.min(1.6, crashToys * recoveryToys), 9);
    expect(s.scheduled.some((e) => e.eventId === 'crisis2008')).toBe(false);
  });

  it('timeline events in the start year apply in the first round', () => {
    const state = createMatch('open-door-1980', { seed: 1 });
    expect(state.appliedEvents).not.toContain('sez1980');
    expect(state.conditions.fdiOpening).toBe('none');
    expect(state.towns.every((t) => !t.fdiOpen)).toBe(true);
    const result = step(state);
    expect(result.events).toContainEqual({
      type: 'TimelineEventStruck',
      eventId: 'sez1980',
      year: 1980,
    });
    expect(result.state.appliedEvents).toContain('sez1980');
    expect(result.state.conditions.fdiOpening).toBe('sez');
    for (const t of result.state.towns) expect(t.fdiOpen).toBe(t.sez);
  });

  it('the unified tax of 2007 strikes in the first round of foshan-2007 and sets the tax floor', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    expect(state.conditions.taxFloor).toBe(0);
    const result = step(state);
    expect(result.events).toContainEqual(
      expect.objectContaining({ type: 'TimelineEventStruck', eventId: 'unifiedTax2007' }),
    );
    expect(result.state.conditions.taxFloor).toBe(0.25);
  });

  it('events dated before the start year are already in force when a match is created', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    for (const id of ['sez1980', 'southernTour1992', 'wto2001', 'ecoStandards'])
      expect(state.appliedEvents).toContain(id);
    expect(state.appliedEvents).not.toContain('crisis2008');
    expect(state.conditions.fdiOpening).toBe('all');
    expect(state.conditions.preferentialDilution).toBeGreaterThanOrEqual(0.5);
    expect(state.towns.every((t) => t.fdiOpen)).toBe(true);
  });

  it('a timeline event already played as a card is not applied twice', () => {
    const state = createMatch('export-crash-2008', { seed: 1 }); // starts 2006, crash in 2008
    let s = step(state, {}, ['crisis2008']).state;
    const once = s.conditions.exportDemand.toys;
    s = advance(s, 2); // 2007 and 2008
    expect(s.appliedEvents.filter((e) => e === 'crisis2008')).toHaveLength(1);
    expect(s.conditions.exportDemand.toys).toBeCloseTo(once, 9);
  });

  it('every event can be played as a card; an unknown card is refused', () => {
    expect(EVENT_CARD_IDS).toEqual(EVENTS.map((e) => e.id));
    for (const id of EVENT_CARD_IDS) expect(findEvent(id)?.id).toBe(id);
    const state = createMatch('open-door-1980', { seed: 1 });
    expect(() => step(state, {}, ['alienInvasion'])).toThrow(/unknown event/);
  });

  it('export demand stays within its clamp however many crashes are played', () => {
    const state = createMatch('open-door-1980', { seed: 1 });
    const s = step(state, {}, ['crisis2008', 'crisis2008', 'crisis2008', 'crisis2008']).state;
    for (const sector of SECTOR_IDS)
      expect(s.conditions.exportDemand[sector]).toBeGreaterThanOrEqual(0.2);
  });
});
