/**
 * The class banners' rules (client/app/class-banner.ts, issue 14), from plain session values: a
 * pause shows and hides the countdown, the newest undismissed announcement shows, and the
 * countdown starts at 30 s of planning.
 */
import { describe, expect, it } from 'vitest';
import { bannerState, LAST_SECONDS } from '../../client/app/class-banner';
import type { NewsItem } from '../../shared/protocol/messages';

type Input = Parameters<typeof bannerState>[0];

function sessionAt(options: {
  phase?: string;
  paused?: boolean;
  mode?: string;
  leftMs?: number | null;
  news?: NewsItem[];
}): Input {
  return {
    phase: options.phase ?? 'planning',
    state: { paused: options.paused ?? false, mode: options.mode ?? 'class' },
    news: () => options.news ?? [],
    timeLeftMs: () => options.leftMs ?? null,
  } as unknown as Input;
}

const announcement = (at: number, text: string): NewsItem => ({
  kind: 'announcement',
  round: 1,
  year: 1980,
  text,
  author: 'instructor',
  at,
});

describe('class banners', () => {
  it('show a pause by the instructor, by the player in a solo game, never after the end', () => {
    expect(bannerState(sessionAt({ paused: true }), [], 0)).toMatchObject({
      paused: true,
      pausedBy: 'instructor',
    });
    expect(bannerState(sessionAt({ paused: true, mode: 'solo' }), [], 0).pausedBy).toBe('player');
    expect(bannerState(sessionAt({ paused: true, phase: 'ended' }), [], 0).paused).toBe(false);
  });

  it('show the newest announcement until it is dismissed; an older one does not come back', () => {
    const news = [announcement(1, 'first'), announcement(2, 'second')];
    expect(bannerState(sessionAt({ news }), [], 0).announcement).toEqual({
      key: '2',
      text: 'second',
    });
    expect(bannerState(sessionAt({ news }), ['2'], 0).announcement).toBeNull();
  });

  it(`count down the last ${LAST_SECONDS} seconds of planning only, and not while paused`, () => {
    expect(bannerState(sessionAt({ leftMs: 31_000 }), [], 0).lastSeconds).toBeNull();
    expect(bannerState(sessionAt({ leftMs: 30_000 }), [], 0).lastSeconds).toBe(30);
    expect(bannerState(sessionAt({ leftMs: 4_200 }), [], 0).lastSeconds).toBe(5);
    expect(bannerState(sessionAt({ leftMs: 0 }), [], 0).lastSeconds).toBe(0);
    expect(bannerState(sessionAt({ leftMs: 9_000, paused: true }), [], 0).lastSeconds).toBeNull();
    expect(
      bannerState(sessionAt({ leftMs: 9_000, phase: 'results' }), [], 0).lastSeconds,
    ).toBeNull();
    expect(bannerState(sessionAt({ leftMs: null }), [], 0).lastSeconds).toBeNull();
  });
});
