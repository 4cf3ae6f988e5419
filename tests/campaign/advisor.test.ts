/**
 * The advisor (issue 6): after each round at most three hints, each naming a mechanism and
 * citing a paper, in both languages, and the same inputs always give the same hints. Scripted
 * plans that commit a mistake the papers describe draw the matching hint.
 */
import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN,
  MAX_HINTS,
  advisorHints,
  scriptedLose,
  scriptedWin,
  type AdvisorHint,
  type CampaignEntry,
} from '../../shared/campaign';
import { planOf } from '../../shared/campaign/plans';
import type { ScriptedPlan } from '../../shared/campaign/types';
import { PAPERS } from '../../shared/data/citation';
import { playEntry } from './harness';

const entry = (id: string): CampaignEntry => CAMPAIGN.find((e) => e.id === id)!;

/** A crackdown without green support: strict law, ceramics support withdrawn (001 ¶20). */
const crackdown: ScriptedPlan = () =>
  planOf((plan) => {
    plan.environment.enforcement = 'strict';
    plan.preferential.withdrawSectors = ['ceramics'];
    plan.preferential.targetSectors = ['appliances'];
  });

function hintsOf(e: CampaignEntry, which: 'win' | 'lose' | ScriptedPlan): AdvisorHint[][] {
  const plan = which === 'win' ? scriptedWin(e) : which === 'lose' ? scriptedLose(e) : which;
  const { states, results } = playEntry(e, plan, { seed: 7, strategy: 'balanced' });
  return results.map((r, i) => advisorHints(states[i], r, e.playerTown));
}

const mechanisms = (rounds: AdvisorHint[][]): Set<string> =>
  new Set(rounds.flat().map((h) => h.mechanism));

describe('advisor hints', () => {
  for (const e of CAMPAIGN) {
    for (const which of ['win', 'lose'] as const) {
      it(`${e.id} (${which}): at most ${MAX_HINTS} cited, bilingual hints a round`, () => {
        const rounds = hintsOf(e, which);
        for (const hints of rounds) {
          expect(hints.length).toBeLessThanOrEqual(MAX_HINTS);
          expect(new Set(hints.map((h) => h.mechanism)).size).toBe(hints.length);
          for (const h of hints) {
            expect(h.mechanism).toMatch(/^[a-z][A-Za-z]+$/);
            expect(Object.keys(PAPERS)).toContain(h.citation.paper);
            expect(h.citation.section.length).toBeGreaterThan(0);
            expect(h.citation.quote.length).toBeGreaterThan(10);
            expect(h.text.en.trim().length).toBeGreaterThan(20);
            expect(h.text.zh).toMatch(/[\u4e00-\u9fff]/);
          }
        }
        // The advisor has something to say in most rounds.
        expect(rounds.filter((h) => h.length > 0).length).toBeGreaterThan(rounds.length / 2);
      });
    }
  }

  it('is deterministic: the same round gives the same hints', () => {
    const e = entry('imbedding-clusters');
    const a = playEntry(e, scriptedLose(e), { seed: 3, strategy: 'growth' });
    const b = playEntry(e, scriptedLose(e), { seed: 3, strategy: 'growth' });
    for (let i = 0; i < a.results.length; i++) {
      const first = advisorHints(a.states[i], a.results[i], e.playerTown);
      expect(advisorHints(a.states[i], a.results[i], e.playerTown)).toEqual(first);
      expect(advisorHints(b.states[i], b.results[i], e.playerTown)).toEqual(first);
    }
  });

  it('does not change the states it reads', () => {
    const e = entry('foshan-crossroads');
    const { states, results } = playEntry(e, scriptedLose(e), {
      seed: 7,
      strategy: 'balanced',
      rounds: 2,
    });
    const before = JSON.stringify([states, results]);
    advisorHints(states[1], results[1], e.playerTown);
    expect(JSON.stringify([states, results])).toBe(before);
  });

  it('rejects a town that is not in the match', () => {
    const e = entry('open-door');
    const { states, results } = playEntry(e, scriptedWin(e), {
      seed: 7,
      strategy: 'balanced',
      rounds: 1,
    });
    expect(() => advisorHints(states[0], results[0], 'atlantis')).toThrow();
  });

  it('names the mistake each losing plan makes', () => {
    // Untargeted "policy district" incentives: the empty-box risk (001 ¶15).
    expect(mechanisms(hintsOf(entry('imbedding-clusters'), 'lose'))).toContain('emptyBox');
    // Works beyond demand on borrowed money: Zhuhai's airport (003 §3.3).
    expect(mechanisms(hintsOf(entry('open-door'), 'lose'))).toContain('overbuilt');
    // Entrants without standards: Wenzhou's race to the bottom (003 §4.3).
    expect(mechanisms(hintsOf(entry('block-economy'), 'lose'))).toContain('raceToTheBottom');
    // Strict enforcement without green subsidies (003 §7.4) and polluters moving (001 ¶20).
    const foshan = mechanisms(hintsOf(entry('foshan-crossroads'), crackdown));
    expect(foshan).toContain('strictWithoutSupport');
    expect(foshan).toContain('pollutersLeave');
    // The 2008 crash (003 §6.2).
    expect(mechanisms(hintsOf(entry('export-crash'), 'lose'))).toContain('exportShock');
    // No schools: the skills gap (003 §6).
    expect(mechanisms(hintsOf(entry('go-west'), 'lose'))).toContain('skillsGap');
  });

  it('sees relocation inland when firms arrive (Chengdu shoes, 003 §4.2)', () => {
    expect(mechanisms(hintsOf(entry('go-west'), 'win'))).toContain('relocationIn');
  });

  it('does not blame strict enforcement when the plan subsidises green upgrading', () => {
    expect(mechanisms(hintsOf(entry('foshan-crossroads'), 'win'))).not.toContain(
      'strictWithoutSupport',
    );
  });
});
