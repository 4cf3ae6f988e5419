/**
 * Match log version 4 (issue 15): each submission may carry the team's one-line reason, and the
 * hash chain covers it. golden-open-door-v4.json is golden-open-door-rules3.json's match logged
 * as version 4, with reasons on Shenzhen's submissions (one empty, one Chinese, one of exactly
 * 200 characters); older versions still load and verify.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  appendRound,
  createMatch,
  decidePlan,
  LOG_VERSION,
  LogError,
  parseLog,
  replayLog,
  resolveRound,
  startLog,
  WHY_MAX_LENGTH,
  type MatchLog,
} from '../../shared/index';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const reparse = (log: MatchLog): MatchLog => parseLog(JSON.parse(JSON.stringify(log)));

function failure(fn: () => unknown): LogError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LogError) return error;
    throw error;
  }
  throw new Error('expected a LogError');
}

function play(version: number, why: string): MatchLog {
  let state = createMatch('foshan-2007', { seed: 21 });
  const log = startLog(state);
  log.version = version;
  for (let r = 0; r < 2; r++) {
    const plans = Object.fromEntries(
      state.towns.map((t) => [t.id, decidePlan(state, t.id, 'balanced')]),
    );
    const inputs = { plans, cards: [] };
    const result = resolveRound(state, inputs);
    appendRound(log, state, inputs, result, {
      submissions: [{ town: 'foshan', by: 'Ana', at: 1000 + r, why }],
    });
    state = result.state;
  }
  return log;
}

describe('match log version 4: reasons', () => {
  it('is the version written, and round-trips the reasons', () => {
    expect(LOG_VERSION).toBe(4);
    const log = play(4, 'Hold the plants');
    const copy = reparse(log);
    expect(copy.rounds[1].submissions).toEqual([
      { town: 'foshan', by: 'Ana', at: 1001, why: 'Hold the plants' },
    ]);
    expect(() => replayLog(copy)).not.toThrow();
  });

  it('the golden version 4 log verifies, its reasons as written', () => {
    const log = parseLog(fixture('golden-open-door-v4.json'));
    expect(log.version).toBe(4);
    expect(replayLog(log).round).toBe(4);
    const whys = log.rounds.map((r) => r.submissions?.[0]?.why);
    expect(whys).toEqual([
      'Tax breaks bring the first plants in',
      undefined,
      'Keep the plants: 留住工厂',
      'x'.repeat(WHY_MAX_LENGTH),
    ]);
  });

  it('tampering with a reason (editing, adding or removing one) breaks the chain at its round', () => {
    const edited = parseLog(fixture('golden-open-door-v4.json'));
    edited.rounds[2].submissions![0].why = 'We always meant to pollute less';
    const e = failure(() => replayLog(edited));
    expect(e.message).toMatch(/round 3: hash chain broken/);
    expect(e.round).toBe(3);

    const added = parseLog(fixture('golden-open-door-v4.json'));
    added.rounds[1].submissions![0].why = 'an afterthought';
    expect(failure(() => replayLog(added)).round).toBe(2);

    const removed = parseLog(fixture('golden-open-door-v4.json'));
    delete removed.rounds[0].submissions![0].why;
    expect(failure(() => replayLog(removed)).round).toBe(1);
  });

  it('refuses a reason over the limit, or one in a log of an older version', () => {
    const long = JSON.parse(JSON.stringify(fixture('golden-open-door-v4.json'))) as MatchLog;
    long.rounds[0].submissions![0].why = 'y'.repeat(WHY_MAX_LENGTH + 1);
    expect(failure(() => parseLog(long)).message).toMatch(/at most 200 characters/);
    const old = JSON.parse(JSON.stringify(play(3, ''))) as MatchLog;
    old.rounds[0].submissions![0].why = 'smuggled';
    expect(failure(() => parseLog(old)).message).toMatch(/version 3 logs do not hold/);
  });

  it('older logs still load and verify: the version 3 golden log, and v3 logs written now', () => {
    const v3 = parseLog(fixture('golden-open-door-rules3.json'));
    expect(v3.version).toBe(3);
    expect(replayLog(v3).round).toBe(4);
    // A version 3 log (a session begun before the upgrade) gets no reasons, and still verifies.
    const log = play(3, 'not in a version 3 log');
    expect(log.rounds[0].submissions).toEqual([{ town: 'foshan', by: 'Ana', at: 1000 }]);
    expect(() => replayLog(reparse(log))).not.toThrow();
    // The v4 golden log's match is the v3 one: same plans, same state hashes.
    const v4 = parseLog(fixture('golden-open-door-v4.json'));
    expect(v4.rounds.map((r) => r.hash)).toEqual(v3.rounds.map((r) => r.hash));
  });
});
