/**
 * Applying historical events and instructor cards to the region's conditions. Multipliers
 * (export demand, FDI flow) compound; levels (tax floor, dilution, eco-standards) are set.
 */
import { EVENTS, findEvent, type EventEffects } from '../data/events';
import { SECTOR_IDS } from '../data/sectors';
import type { RoundContext } from './context';
import { clamp } from './math';
import type { Conditions, MatchState, TownState } from './types';

export const EVENT_CARD_IDS: readonly string[] = EVENTS.map((e) => e.id);

export function applyEffects(conditions: Conditions, effects: EventEffects): void {
  if (effects.exportDemand !== undefined) {
    for (const s of SECTOR_IDS) {
      const m =
        typeof effects.exportDemand === 'number'
          ? effects.exportDemand
          : (effects.exportDemand[s] ?? 1);
      conditions.exportDemand[s] = clamp(conditions.exportDemand[s] * m, 0.2, 1.6);
    }
  }
  if (effects.fdiFlow !== undefined) conditions.fdiFlow *= effects.fdiFlow;
  if (effects.taxFloor !== undefined) conditions.taxFloor = effects.taxFloor;
  if (effects.preferentialDilution !== undefined) {
    conditions.preferentialDilution = Math.max(
      conditions.preferentialDilution,
      effects.preferentialDilution,
    );
  }
  if (effects.ecoStandard !== undefined) conditions.ecoStandard = effects.ecoStandard;
  if (effects.greenEvaluation !== undefined) conditions.greenEvaluation = effects.greenEvaluation;
  if (effects.specialisedTownGrant !== undefined)
    conditions.specialisedTownGrant = effects.specialisedTownGrant;
  if (effects.parkCleanup !== undefined) conditions.parkCleanup = effects.parkCleanup;
  if (effects.soeReform !== undefined) conditions.soeReform = effects.soeReform;
  if (effects.fdiOpening !== undefined) {
    const order = ['none', 'sez', 'coastal', 'all'] as const;
    if (order.indexOf(effects.fdiOpening) > order.indexOf(conditions.fdiOpening))
      conditions.fdiOpening = effects.fdiOpening;
  }
}

export function isOpenToFdi(conditions: Conditions, town: TownState): boolean {
  switch (conditions.fdiOpening) {
    case 'none':
      return false;
    case 'sez':
      return town.sez;
    case 'coastal':
      return town.sez || town.geo.coastal;
    case 'all':
      return true;
  }
}

/** Apply one event now (timeline or card) and schedule its recovery. */
export function strikeEvent(state: MatchState, eventId: string, year = state.year): void {
  const event = findEvent(eventId);
  if (!event) throw new Error(`unknown event ${eventId}`);
  applyEffects(state.conditions, event.effects);
  state.appliedEvents.push(eventId);
  if (event.recovery) state.scheduled.push({ year: year + event.recovery.afterYears, eventId });
  for (const town of state.towns) town.fdiOpen = isOpenToFdi(state.conditions, town);
}

/**
 * Whether an event is already on the timeline for the round about to be resolved (its year falls
 * in [year, year + roundYears)), so that playing it as a card would strike it twice (issue 12: the
 * 2008 crash card played in 2008 struck "The global export crash" twice). Pure: the server asks
 * it before accepting an instructor's card, and the engine skips such a card as well.
 */
export function cardAlreadyScheduled(
  state: Pick<MatchState, 'year' | 'roundYears' | 'timeline'>,
  eventId: string,
): boolean {
  const end = state.year + state.roundYears;
  return state.timeline.some((e) => e.eventId === eventId && e.year >= state.year && e.year < end);
}

/** Timeline events falling in this round's years, fired cards, and due recoveries. */
export function applyRoundEvents(ctx: RoundContext, cards: readonly string[]): void {
  const { state } = ctx;
  const end = state.year + ctx.years;
  for (const entry of state.timeline) {
    if (
      entry.year >= state.year &&
      entry.year < end &&
      !state.appliedEvents.includes(entry.eventId)
    ) {
      strikeEvent(state, entry.eventId, entry.year);
      ctx.events.push({ type: 'TimelineEventStruck', eventId: entry.eventId, year: entry.year });
    }
  }
  const struck = new Set<string>();
  for (const entry of state.timeline) {
    if (entry.year >= state.year && entry.year < end) struck.add(entry.eventId);
  }
  for (const card of cards) {
    // A card the timeline strikes this round, or one played twice, strikes once.
    if (struck.has(card)) continue;
    struck.add(card);
    strikeEvent(state, card);
    ctx.events.push({ type: 'EventCardPlayed', eventId: card, year: state.year });
  }
  const due = state.scheduled.filter((s) => s.year < end);
  state.scheduled = state.scheduled.filter((s) => s.year >= end);
  for (const item of due) {
    const event = findEvent(item.eventId);
    if (event?.recovery) applyEffects(state.conditions, event.recovery.effects);
  }
}
