/**
 * The campaign's progress rules (client/campaign/progress.ts): scenarios unlock in order once
 * the one before has a star, stars are kept at their best, the saved-games list adds, updates
 * and removes games, resume codes survive the ways people paste them, and the tutorial moves
 * step by step (a later step done first skips ahead).
 */
import { describe, expect, it } from 'vitest';
import {
  NO_PROGRESS,
  TUTORIAL_START,
  TUTORIAL_STEPS,
  bestStars,
  cleanSavedGames,
  cleanTutorialState,
  completeTutorialStep,
  formatResumeCode,
  isUnlocked,
  nextEntry,
  parseResumeCode,
  recordStars,
  removeSavedGame,
  skipTutorial,
  touchSavedGame,
  tutorialStep,
  upsertSavedGame,
  type SavedGame,
} from '../../client/campaign/progress';

// Deliberately out of order: the campaign order is `order`, not the array's.
const ENTRIES = [
  { id: 'crash', order: 5 },
  { id: 'open-door', order: 1 },
  { id: 'block', order: 2 },
  { id: 'imbedding', order: 3 },
  { id: 'foshan', order: 4 },
  { id: 'go-west', order: 6 },
];

function game(code: string, updatedAt: number, patch: Partial<SavedGame> = {}): SavedGame {
  return {
    code,
    seatToken: `token-of-${code}`,
    campaignId: 'open-door',
    difficulty: 'normal',
    round: 1,
    rounds: 8,
    status: 'playing',
    startedAt: updatedAt,
    updatedAt,
    ...patch,
  };
}

describe('unlocking', () => {
  it('opens only the first scenario to a new player', () => {
    const open = ENTRIES.filter((e) => isUnlocked(ENTRIES, NO_PROGRESS, e.id)).map((e) => e.id);
    expect(open).toEqual(['open-door']);
  });

  it('opens the next scenario once the previous one has at least one star', () => {
    let progress = recordStars(NO_PROGRESS, 'open-door', 0);
    expect(isUnlocked(ENTRIES, progress, 'block')).toBe(false);
    progress = recordStars(progress, 'open-door', 1);
    expect(isUnlocked(ENTRIES, progress, 'block')).toBe(true);
    expect(isUnlocked(ENTRIES, progress, 'imbedding')).toBe(false);
    progress = recordStars(progress, 'block', 3);
    expect(isUnlocked(ENTRIES, progress, 'imbedding')).toBe(true);
    expect(isUnlocked(ENTRIES, progress, 'go-west')).toBe(false);
  });

  it('knows no unknown scenario and finds the next one in campaign order', () => {
    expect(isUnlocked(ENTRIES, NO_PROGRESS, 'nowhere')).toBe(false);
    expect(nextEntry(ENTRIES, 'foshan')?.id).toBe('crash');
    expect(nextEntry(ENTRIES, 'go-west')).toBeNull();
  });
});

describe('stars', () => {
  it('keeps the best result: a worse replay never lowers it', () => {
    let progress = recordStars(NO_PROGRESS, 'foshan', 2);
    progress = recordStars(progress, 'foshan', 1);
    progress = recordStars(progress, 'foshan', 0);
    expect(bestStars(progress, 'foshan')).toBe(2);
    progress = recordStars(progress, 'foshan', 3);
    expect(bestStars(progress, 'foshan')).toBe(3);
  });

  it('clamps to 0–3 and does not mutate the previous progress', () => {
    const before = recordStars(NO_PROGRESS, 'crash', 1);
    const after = recordStars(before, 'crash', 7);
    expect(bestStars(after, 'crash')).toBe(3);
    expect(bestStars(before, 'crash')).toBe(1);
    expect(bestStars(recordStars(NO_PROGRESS, 'x', -2), 'x')).toBe(0);
    expect(bestStars(NO_PROGRESS, 'never-played')).toBe(0);
  });
});

describe('saved games', () => {
  it('adds games newest first and replaces a game with the same code', () => {
    let list = upsertSavedGame([], game('AAAAAA', 100));
    list = upsertSavedGame(list, game('BBBBBB', 200));
    expect(list.map((g) => g.code)).toEqual(['BBBBBB', 'AAAAAA']);
    list = upsertSavedGame(list, game('AAAAAA', 300, { round: 4 }));
    expect(list.map((g) => [g.code, g.round])).toEqual([
      ['AAAAAA', 4],
      ['BBBBBB', 1],
    ]);
  });

  it('removes a game by its code and leaves the others', () => {
    const list = [game('AAAAAA', 1), game('BBBBBB', 2)];
    expect(removeSavedGame(list, 'AAAAAA').map((g) => g.code)).toEqual(['BBBBBB']);
    expect(removeSavedGame(list, 'ZZZZZZ')).toHaveLength(2);
  });

  it('notes the round reached only when it changed', () => {
    const list = [game('AAAAAA', 1)];
    expect(touchSavedGame(list, 'AAAAAA', { round: 1, status: 'playing' }, 50)).toBe(list);
    const moved = touchSavedGame(list, 'AAAAAA', { round: 3, status: 'playing' }, 50);
    expect(moved[0]).toMatchObject({ round: 3, updatedAt: 50 });
    expect(touchSavedGame(list, 'NOPE00', { round: 3, status: 'won' }, 50)).toBe(list);
  });

  it('reads back only well-formed records from storage', () => {
    const stored = [
      game('AAAAAA', 5),
      { code: 'BBBBBB' },
      null,
      'junk',
      { ...game('CCCCCC', 9), difficulty: 'impossible', status: 'weird' },
    ];
    const clean = cleanSavedGames(stored);
    expect(clean.map((g) => g.code)).toEqual(['CCCCCC', 'AAAAAA']);
    expect(clean[0]).toMatchObject({ difficulty: null, status: 'playing' });
    expect(cleanSavedGames({ not: 'a list' })).toEqual([]);
  });
});

describe('resume codes', () => {
  const token = 'k3Xp_9-aZq0LmN7tYb2wRg';

  it('round-trips code and seat token', () => {
    const text = formatResumeCode({ code: 'ABC123', seatToken: token });
    expect(text).toBe(`ABC123.${token}`);
    expect(parseResumeCode(text)).toEqual({ code: 'ABC123', seatToken: token });
  });

  it('forgives spaces, lower case and look-alikes in the join code, never in the token', () => {
    expect(parseResumeCode(`  abc-1o3.${token}\n`)).toEqual({ code: 'ABC103', seatToken: token });
    expect(parseResumeCode(`ABCIL3.${token}`)?.code).toBe('ABC113');
    expect(parseResumeCode(`ABC123.${token.toLowerCase()}`)?.seatToken).toBe(token.toLowerCase());
  });

  it('gives solo games a short code without look-alikes, typed any way', () => {
    const short = 'K7Q2M9X4TZ';
    const text = formatResumeCode({ code: 'ABC123', seatToken: short });
    expect(text).toBe('ABC123-K7Q2M-9X4TZ');
    expect(text.length).toBeLessThan(20);
    expect(text).not.toMatch(/[OIL]/);
    for (const typed of [text, ' abc123 k7q2m 9x4tz ', 'ABC123K7Q2M9X4TZ', 'abc-123-k7q2m-9x4tz']) {
      expect(parseResumeCode(typed), typed).toEqual({ code: 'ABC123', seatToken: short });
    }
    // O, I and L read as 0 and 1 in the token as in the join code.
    expect(parseResumeCode('ABC123-K7Q2M-9X4TO')?.seatToken).toBe('K7Q2M9X4T0');
  });

  it('refuses what is not a resume code', () => {
    for (const bad of [
      '',
      'ABC123',
      `ABC12.${token}`,
      `ABCU23.${token}`,
      'ABC123.',
      'ABC123.short',
      `ABC123.${token}!`,
      `ABC123.${'x'.repeat(101)}`,
      'ABC123-K7Q2M-9X4T',
      'ABC123-K7Q2M-9X4TZZ',
      'ABC123-K7Q2M-9X4TU',
    ]) {
      expect(parseResumeCode(bad), bad).toBeNull();
    }
  });
});

describe('tutorial', () => {
  it('walks the steps in order and finishes after the last', () => {
    let state = TUTORIAL_START;
    const seen: (string | null)[] = [];
    for (const step of TUTORIAL_STEPS) {
      seen.push(tutorialStep(state));
      state = completeTutorialStep(state, step);
    }
    expect(seen).toEqual([...TUTORIAL_STEPS]);
    expect(state.finished).toBe(true);
    expect(tutorialStep(state)).toBeNull();
  });

  it('ignores a step already done and skips ahead on a later one', () => {
    const atBudget = completeTutorialStep(completeTutorialStep(TUTORIAL_START, 'pan'), 'control');
    expect(tutorialStep(atBudget)).toBe('budget');
    expect(completeTutorialStep(atBudget, 'pan')).toBe(atBudget);
    expect(tutorialStep(completeTutorialStep(atBudget, 'submit'))).toBe('why');
  });

  it('can be skipped, and a stored step is read back safely', () => {
    expect(tutorialStep(skipTutorial(TUTORIAL_START))).toBeNull();
    expect(cleanTutorialState({ step: 2, finished: false })).toEqual({ step: 2, finished: false });
    expect(cleanTutorialState({ step: 99 })?.step).toBe(TUTORIAL_STEPS.length);
    expect(cleanTutorialState({ step: -1 })).toBeNull();
    expect(cleanTutorialState('3')).toBeNull();
  });
});
