/**
 * Predict, then reveal (issue 15): the question menu built from a scripted log and the right
 * answers read from the round that follows (Foshan's crackdown, 001 ¶20).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  ENGLISH,
  correctAnswer,
  englishText,
  freeQuestion,
  menuId,
  questionMenu,
  statesAround,
  type AskedQuestion,
} from '../../shared/debrief/questions';
import { indicatorValue } from '../../shared/engine/what-if';
import type { MatchLog } from '../../shared/engine/match-log';
import { crackdown, scriptedLog } from './debrief-logs';

let log: MatchLog;
beforeAll(() => {
  log = scriptedLog('foshan-2007', 4, (_s, i) =>
    i >= 1 ? { foshan: crackdown } : ({} as Record<string, typeof crackdown>),
  );
});

const find = (menu: AskedQuestion[], pred: (q: AskedQuestion) => boolean) => {
  const q = menu.find(pred);
  if (!q) throw new Error('question not in the menu');
  return q;
};

describe('question menu', () => {
  it('offers town, direction and range questions for a round the log played, none otherwise', () => {
    const menu = questionMenu(log, 2);
    expect(menu.filter((q) => q.kind === 'town')).toHaveLength(3);
    expect(menu.some((q) => q.kind === 'direction' && q.townId === 'foshan')).toBe(true);
    expect(menu.some((q) => q.kind === 'range' && q.townId === 'foshan')).toBe(true);
    expect(new Set(menu.map(menuId)).size).toBe(menu.length);
    expect(questionMenu(log, 0)).toEqual([]);
    expect(questionMenu(log, 5)).toEqual([]);
    for (const q of menu) {
      expect(q.options.length).toBeGreaterThanOrEqual(2);
      expect(q.options.length).toBeLessThanOrEqual(8);
    }
  });

  it('builds five brackets around the current value, the middle one holding it', () => {
    const menu = questionMenu(log, 2);
    const q = find(
      menu,
      (x) => x.kind === 'range' && x.indicator === 'firms' && x.townId === 'foshan',
    );
    const before = statesAround(log, 2)!.before;
    const now = indicatorValue(
      before.towns.find((t) => t.id === 'foshan')!,
      'firms',
    );
    expect(q.options).toHaveLength(5);
    expect(q.edges![1]).toBeLessThanOrEqual(now);
    expect(q.edges![2]).toBeGreaterThan(now);
  });
});

describe('correct answers', () => {
  it('match what the log shows at the round', () => {
    const { before, after } = statesAround(log, 3)!;
    const menu = questionMenu(log, 3);
    const v = (s: typeof before, id: string, ind: 'firms' | 'pollution' | 'gdp') =>
      indicatorValue(
        s.towns.find((t) => t.id === id)!,
        ind,
      );
    const losses = find(menu, (q) => q.text.key === 'town.losesFirms');
    const changes = losses.optionTowns!.map((id) => v(after, id, 'firms') - v(before, id, 'firms'));
    const right = correctAnswer(losses, log);
    expect(right.length).toBeGreaterThan(0);
    for (const i of right) expect(changes[i]).toBe(Math.min(...changes));

    const dir = find(
      menu,
      (q) => q.kind === 'direction' && q.indicator === 'pollution' && q.townId === 'foshan',
    );
    const d = v(after, 'foshan', 'pollution') - v(before, 'foshan', 'pollution');
    const expected = d > dir.tolerance! ? 0 : d < -dir.tolerance! ? 1 : 2;
    expect(correctAnswer(dir, log)).toEqual([expected]);

    const range = find(
      menu,
      (q) => q.kind === 'range' && q.indicator === 'firms' && q.townId === 'foshan',
    );
    const [bracket] = correctAnswer(range, log);
    const now = v(after, 'foshan', 'firms');
    const edges = range.edges!;
    if (bracket > 0) expect(now).toBeGreaterThanOrEqual(edges[bracket - 1]);
    if (bracket < edges.length) expect(now).toBeLessThan(edges[bracket]);
  });

  it('a free question: the marked option or none', () => {
    expect(correctAnswer(freeQuestion(2, 'Why?', ['a', 'b'], 1)!, log)).toEqual([1]);
    expect(correctAnswer(freeQuestion(2, 'Why?', ['a', 'b'])!, log)).toEqual([]);
  });

  it('refuses free questions with too few or too many options or a bad mark', () => {
    expect(freeQuestion(2, 'Why?', ['a'])).toBeNull();
    expect(freeQuestion(2, 'Why?', ['a', 'b', 'c', 'd', 'e', 'f'])).toBeNull();
    expect(freeQuestion(2, '  ', ['a', 'b'])).toBeNull();
    expect(freeQuestion(2, 'Why?', ['a', 'b'], 2)).toBeNull();
  });
});

describe('texts', () => {
  it('the English templates are the client English locale', () => {
    const en = JSON.parse(
      readFileSync(new URL('../../client/i18n/locales/en/predict.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const get = (key: string): unknown =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en);
    for (const [key, text] of Object.entries(ENGLISH)) expect(get(key), key).toBe(text);
  });

  it('renders town names and parameters', () => {
    expect(
      englishText(
        { key: 'range.firms', params: { town: 'foshan', now: 12 } },
        { foshan: 'Foshan' },
      ),
    ).toBe('How many firms will Foshan have? (now 12)');
  });
});
