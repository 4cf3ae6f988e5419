import { describe, expect, it } from 'vitest';
import {
  createMatch,
  decidePlan,
  endLog,
  forkLog,
  parseLog,
  replayLog,
  replaySteps,
  resolveRound,
  startLog,
  appendRound,
  LogError,
  type MatchLog,
  type MatchState,
} from '../../shared/index';
import { unloggedNotes } from '../../shared/engine/match-log';

function play(rounds: number, version = 2): { log: MatchLog; states: MatchState[] } {
  let state = createMatch('foshan-2007', { seed: 21 });
  const log = startLog(state);
  log.version = version;
  const states = [state];
  for (let r = 0; r < rounds; r++) {
    const plans = Object.fromEntries(
      state.towns.map((t) => [t.id, decidePlan(state, t.id, 'balanced')]),
    );
    const inputs = { plans, cards: r === 1 ? ['crisis2008'] : [] };
    const result = resolveRound(state, inputs);
    appendRound(log, state, inputs, result, {
      submissions: [{ town: 'foshan', by: 'Ana', at: 1000 + r }],
      notes: [{ kind: 'announcement', author: 'instructor', text: `round ${r + 1}`, at: 2000 + r }],
    });
    state = result.state;
    states.push(state);
  }
  return { log, states };
}

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

describe('match log version 2', () => {
  it('records who submitted and the notes, and replays', () => {
    const { log, states } = play(3);
    endLog(log);
    const copy = reparse(log);
    expect(copy.rounds[0].submissions).toEqual([{ town: 'foshan', by: 'Ana', at: 1000 }]);
    const final = replayLog(copy);
    expect(final.round).toBe(states[3].round);
  });

  it('detects a tampered note through the chain, naming the round', () => {
    const { log } = play(3);
    const copy = reparse(log);
    copy.rounds[1].notes![0].text = 'rewritten history';
    const e = failure(() => replayLog(copy));
    expect(e.message).toMatch(/round 2: hash chain broken/);
    expect(e.round).toBe(2);
  });

  it('detects a log cut short after its end marker', () => {
    const { log } = play(3);
    endLog(log);
    const copy = JSON.parse(JSON.stringify(log)) as MatchLog;
    copy.rounds.pop();
    expect(failure(() => parseLog(copy)).message).toMatch(/truncated match log: .*3 rounds .* 2/);
  });

  it('still reads version 1 logs and refuses unknown versions by number', () => {
    const { log } = play(2, 1);
    expect(log.rounds[0].submissions).toBeUndefined();
    expect(() => replayLog(reparse(log))).not.toThrow();
    const future = { ...JSON.parse(JSON.stringify(log)), version: 7 };
    expect(failure(() => parseLog(future)).message).toMatch(/unsupported match log version 7/);
  });

  it('seals closing notes in the end marker from version 3, and reads version 2 markers', () => {
    const closing = [
      { kind: 'announcement' as const, author: 'instructor', text: 'Final words', at: 9000 },
      { kind: 'statement' as const, author: 'Foshan (Ana)', text: 'Thanks all', at: 9001 },
    ];
    const { log } = play(2, 3);
    endLog(log, { notes: closing });
    expect(log.end).toMatchObject({ rounds: 2, chain: log.rounds[1].chain, notes: closing });
    expect(() => replayLog(reparse(log))).not.toThrow();

    const edited = reparse(log);
    edited.end!.notes![0].text = 'Something else';
    expect(failure(() => replayLog(edited)).message).toMatch(/closing notes/);
    const dropped = reparse(log);
    dropped.end!.notes!.pop();
    expect(failure(() => replayLog(dropped)).message).toMatch(/closing notes/);
    const unsealed = JSON.parse(JSON.stringify(log)) as MatchLog;
    delete unsealed.end!.seal;
    expect(failure(() => parseLog(unsealed)).message).toMatch(/malformed|no closing notes/);

    // No closing notes: an empty, sealed list.
    const { log: quiet } = play(1, 3);
    endLog(quiet);
    expect(quiet.end!.notes).toEqual([]);
    expect(() => replayLog(reparse(quiet))).not.toThrow();

    // Version 2 keeps its marker exactly (existing logs still verify; no place for the notes).
    const { log: old } = play(2, 2);
    endLog(old, { notes: closing });
    expect(old.end).toEqual({ rounds: 2, chain: old.rounds[1].chain });
    expect(() => replayLog(reparse(old))).not.toThrow();
  });

  it('finds the notes no round holds (the closing notes of a finished match)', () => {
    const { log } = play(2, 3);
    const logged = log.rounds.flatMap((r) => r.notes!);
    const late = { kind: 'announcement' as const, author: 'instructor', text: 'Bye', at: 9999 };
    const stored = [...logged.map((n) => ({ ...n, round: 1 })), { ...late, round: 2 }];
    expect(unloggedNotes(log.rounds, stored)).toEqual([late]);
  });

  it('forks from a round: the new chain starts at the fork point and replays on its own', () => {
    const { log, states } = play(4);
    const fork = forkLog(log, 2, states[2]);
    expect(fork.forkedFrom!.round).toBe(2);
    expect(fork.forkedFrom!.parentChain).toBe(log.rounds[1].chain);
    let state = states[2];
    const plans = Object.fromEntries(
      state.towns.map((t) => [t.id, decidePlan(state, t.id, 'green')]),
    );
    const result = resolveRound(state, { plans, cards: [] });
    const entry = appendRound(fork, state, { plans, cards: [] }, result);
    expect(entry.round).toBe(3);
    state = result.state;
    const replayed = replayLog(reparse(fork));
    expect(replayed.round).toBe(3);
    expect(result.hash).not.toBe(log.rounds[2].hash);
    // A tampered prefix (the parent's history) is caught as well.
    const bad = reparse(fork);
    bad.forkedFrom!.prefix[0].cards = ['crisis2008'];
    expect(failure(() => replayLog(bad)).message).toMatch(/fork origin/);
  });

  it('forks a fork at absolute rounds: its start and the rounds it played', () => {
    const { log, states } = play(2);
    const child = forkLog(log, 1, states[1]);
    let state = states[1];
    for (let r = 0; r < 2; r++) {
      const plans = Object.fromEntries(
        state.towns.map((t) => [t.id, decidePlan(state, t.id, 'green')]),
      );
      const result = resolveRound(state, { plans, cards: [] });
      appendRound(child, state, { plans, cards: [] }, result);
      state = result.state;
    }
    expect(child.rounds.map((r) => r.round)).toEqual([2, 3]);
    const childStates = [...replaySteps(reparse(child))];
    expect(childStates.map((s) => s.round)).toEqual([1, 2, 3]);
    for (const [i, step] of childStates.entries()) {
      const round = i + 1;
      const grand = forkLog(child, round, step.state);
      expect(grand.forkedFrom!.round).toBe(round);
      expect(grand.forkedFrom!.prefix).toHaveLength(round);
      expect(grand.forkedFrom!.parentChain).toBe(
        i === 0 ? log.rounds[0].chain : child.rounds[i - 1].chain,
      );
      expect(replayLog(reparse(grand)).round).toBe(round);
    }
    expect(failure(() => forkLog(child, 0, states[0])).message).toMatch(
      new RegExp(`cannot fork at round 0: .*round 1 .*initial hash ${log.initialHash}`),
    );
    expect(failure(() => forkLog(child, 4, state)).message).toMatch(/the log ends at round 3/);
    // The fork round must match the rounds replayed to reach it.
    const bad = JSON.parse(JSON.stringify(child)) as MatchLog;
    bad.forkedFrom!.round = 2;
    expect(failure(() => parseLog(bad)).message).toMatch(/forked at round 2 .* holds 1 rounds/);
  });
});
