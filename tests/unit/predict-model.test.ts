/** The predict panel's model (issue 15): texts with town names, bars, verdicts. */
import { describe, expect, it } from 'vitest';
import {
  askableRound,
  bars,
  freeOptions,
  messageText,
  verdict,
} from '../../client/replay/predict-model';
import { freeQuestion } from '../../shared/debrief/questions';
import type { PredictWireView } from '../../client/replay/sync';

const question = freeQuestion(2, 'Who?', ['a', 'b', 'c'])!;
const open: PredictWireView = { id: 'q1', question };
const revealed: PredictWireView = { ...open, revealed: { correct: [1], counts: [1, 2, 1] } };

describe('predict model', () => {
  it('puts the town name in', () => {
    const t = (key: string, vars?: Record<string, string | number>) =>
      `${key}|${String(vars?.town)}`;
    expect(
      messageText({ key: 'range.firms', params: { town: 'foshan' } }, t, (id) => id.toUpperCase()),
    ).toBe('predict:range.firms|FOSHAN');
  });

  it('bars: shares of the class, the right one marked', () => {
    expect(bars(revealed)).toEqual([
      { option: 0, count: 1, percent: 25, correct: false },
      { option: 1, count: 2, percent: 50, correct: true },
      { option: 2, count: 1, percent: 25, correct: false },
    ]);
    expect(bars(open).every((b) => b.count === 0 && b.percent === 0)).toBe(true);
  });

  it('verdicts', () => {
    expect(verdict(open, 1)).toBe('pending');
    expect(verdict(revealed, 1)).toBe('right');
    expect(verdict(revealed, 0)).toBe('wrong');
    expect(verdict(revealed, null)).toBe('noAnswer');
    expect(verdict({ ...open, revealed: { correct: [], counts: [0, 0, 0] } }, 0)).toBe('opinion');
  });

  it('rounds and free options', () => {
    expect(askableRound(2, 3)).toBe(3);
    expect(askableRound(3, 3)).toBeNull();
    expect(freeOptions(['a', ' ', 'b'])).toEqual(['a', 'b']);
    expect(freeOptions(['a', ''])).toBeNull();
  });
});
