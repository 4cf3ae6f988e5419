/**
 * A card already on the timeline for the round being resolved is not struck twice (issue 12: the
 * 2008 crash card played in 2008 struck "The global export crash" twice).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cardAlreadyScheduled } from '../../shared/engine/events';
import { createMatch } from '../../shared/engine/match';
import { resolveRound } from '../../shared/engine/resolve-round';
import type { MatchState } from '../../shared/engine/types';

describe('cardAlreadyScheduled', () => {
  let in2008: MatchState;
  beforeAll(() => {
    // export-crash-2008 starts in 2006; two rounds later it is 2008, the crash's timeline year.
    let s = createMatch('export-crash-2008', { seed: 3 });
    for (let i = 0; i < 2; i++) s = resolveRound(s, { plans: {}, cards: [] }).state;
    in2008 = s;
  });

  it('is true for the timeline event of the current year only', () => {
    expect(in2008.year).toBe(2008);
    expect(cardAlreadyScheduled(in2008, 'crisis2008')).toBe(true);
    expect(cardAlreadyScheduled(in2008, 'ecoStandards')).toBe(false);
    expect(cardAlreadyScheduled({ ...in2008, year: 2007 }, 'crisis2008')).toBe(false);
  });

  it('the engine strikes such a card once, as the timeline does', () => {
    const withCard = resolveRound(in2008, { plans: {}, cards: ['crisis2008', 'crisis2008'] });
    const without = resolveRound(in2008, { plans: {}, cards: [] });
    expect(withCard.hash).toBe(without.hash);
    const struck = withCard.events.filter(
      (e) =>
        (e.type === 'TimelineEventStruck' || e.type === 'EventCardPlayed') &&
        e.eventId === 'crisis2008',
    );
    expect(struck).toHaveLength(1);
  });
});
