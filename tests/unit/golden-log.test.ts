/**
 * A committed match log pins the rules (issue 11): it was written by the engine of 2026-12-02
 * (`npm run sim -- --scenario foshan-2007 --seed 7 --rounds 4 --towns 4 --strategies
 * growth,balanced,green`), and every round must still re-simulate to the hash it recorded. A
 * change of rules that breaks old logs fails here; such a change must be versioned so that old
 * logs still open with a clear account (docs/match-log.md), and this test updated to say how.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog, replayLog, type MatchState } from '../../shared/index';

const file = new URL('../fixtures/golden-foshan-2007-v3.json', import.meta.url);

describe('the golden match log', () => {
  it('replays round by round to the hashes it recorded', () => {
    const log = parseLog(JSON.parse(readFileSync(file, 'utf8')));
    const states: MatchState[] = [];
    const final = replayLog(log, (step) => states.push(step.state));
    expect(log.rounds).toHaveLength(4);
    expect(states.at(-1)).toEqual(final);
    expect(final.round).toBe(4);
  });
});
