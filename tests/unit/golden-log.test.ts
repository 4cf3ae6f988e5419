/**
 * Committed match logs pin the rules (issues 11 and 12). Rules change with a new RULES_VERSION
 * (shared/engine/match-log.ts): a log of other rules opens with a RulesVersionError naming its
 * version, never a bare hash mismatch (docs/match-log.md, "Rules versions").
 *
 * - golden-foshan-2007-v3.json (`npm run sim -- --scenario foshan-2007 --seed 7 --rounds 4
 *   --towns 4 --strategies growth,balanced,green`) and golden-open-door.json (`--scenario
 *   open-door-1980 --seed 11 --rounds 4 --towns 3`) were written by rules 1, before issue 12.
 * - golden-open-door-rules2.json is the same match under rules 2 (issue 12's recalibration); it
 *   must now open with the rules-version message too.
 * - golden-open-door-rules3.json is the same match under rules 3 (issue 12's evaluation costs)
 *   and must verify exactly: a change of rules that breaks it fails here, and must raise
 *   RULES_VERSION instead.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LogError,
  RULES_VERSION,
  RulesVersionError,
  logRules,
  parseLog,
  replayLog,
} from '../../shared/engine/match-log';
import type { MatchState } from '../../shared/engine/types';

const read = (name: string) =>
  parseLog(JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')));

describe('the golden match logs', () => {
  it('a log of the current rules replays round by round to the hashes it recorded', () => {
    const log = read('golden-open-door-rules3.json');
    expect(RULES_VERSION).toBe(3);
    expect(logRules(log)).toBe(RULES_VERSION);
    const states: MatchState[] = [];
    const final = replayLog(log, (step) => states.push(step.state));
    expect(log.rounds).toHaveLength(4);
    expect(states.at(-1)).toEqual(final);
    expect(final.round).toBe(4);
  });

  it.each([
    ['golden-foshan-2007-v3.json', 1],
    ['golden-open-door.json', 1],
    ['golden-open-door-rules2.json', 2],
  ])(
    'a log of older rules (%s, rules %i) still parses and opens with a message naming its rules version',
    (name, rules) => {
      const log = read(name);
      expect(logRules(log)).toBe(rules);
      expect(log.rounds).toHaveLength(4);
      let error: unknown;
      try {
        replayLog(log);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RulesVersionError);
      expect(error).toBeInstanceOf(LogError);
      expect((error as RulesVersionError).rules).toBe(rules);
      expect((error as Error).message).toMatch(
        new RegExp(`rules version ${rules}; this build plays rules version 3`),
      );
      expect((error as Error).message).not.toMatch(/hash differs/);
    },
  );
});
