/**
 * The replay viewer's decision diff ("what did Town X change in year Y?") on real logs written
 * by the shared engine: every changed standing policy is listed with its old and new value,
 * one-off actions are listed as they were ordered, a caretaker round changes nothing, and on a
 * whole log of computer towns the diff, applied to the standing plan, gives the next one.
 */
import { describe, expect, it } from 'vitest';
import {
  STRATEGY_IDS,
  appendRound,
  createMatch,
  defaultPlan,
  replayLog,
  resolveRound,
  startLog,
  validatePlan,
  type MatchLog,
  type MatchState,
  type TownPlan,
} from '../../shared/index';
import {
  decisionDiff,
  isEmptyDiff,
  roundDecisions,
  STANDING_SECTIONS,
} from '../../client/replay/decision-diff';
import { decidePlans } from '../../scripts/common';

/** Play a log where `plansFor(round, state)` decides each round's plans; keep every state. */
function play(
  rounds: number,
  plansFor: (round: number, state: MatchState) => Record<string, TownPlan>,
): { log: MatchLog; states: MatchState[] } {
  let state = createMatch('foshan-2007', { seed: 7 });
  const log = startLog(state);
  const states = [state];
  for (let round = 1; round <= rounds; round++) {
    const inputs = { plans: plansFor(round, state), cards: [] };
    for (const [town, plan] of Object.entries(inputs.plans)) {
      const check = validatePlan(state, town, plan);
      if (!check.ok) throw new Error(`test plan refused: ${JSON.stringify(check.errors)}`);
    }
    const result = resolveRound(state, inputs);
    appendRound(log, state, inputs, result);
    state = result.state;
    states.push(state);
  }
  return { log, states };
}

/** Foshan's plan in round 2: cheaper tax for foreign firms, a target, strict law, a treatment plant. */
function crackdown(): TownPlan {
  const plan = defaultPlan();
  plan.preferential.foreignTaxRate = 0.15;
  plan.preferential.targetSectors = ['electronics'];
  plan.preferential.withdrawSectors = ['ceramics'];
  plan.environment.enforcement = 'strict';
  plan.build = [{ kind: 'wastewater' }];
  plan.diplomacy.statement = 'Foshan is done with dirty tiles.';
  return plan;
}

describe('decision diff', () => {
  const { log, states } = play(3, (round, state) => {
    const plans: Record<string, TownPlan> = {};
    for (const town of state.towns) plans[town.id] = defaultPlan();
    if (round === 2) plans.foshan = crackdown();
    // Round 3: Foshan keeps its new policies, and Shunde submits nothing (caretaker).
    if (round === 3) {
      plans.foshan = { ...crackdown(), build: [], diplomacy: { proposals: [], responses: [] } };
      delete plans.shunde;
    }
    return plans;
  });

  it('lists every changed policy with its old and new value, and the one-off actions', () => {
    const diff = roundDecisions(log, states, 2, 'foshan')!;
    expect(diff.submitted).toBe(true);
    const byField = Object.fromEntries(diff.changes.map((c) => [c.field, c]));
    expect(Object.keys(byField).sort()).toEqual(
      ['enforcement', 'foreignTaxRate', 'targetSectors', 'withdrawSectors'].sort(),
    );
    expect(byField.foreignTaxRate).toMatchObject({
      section: 'preferential',
      before: 0.33,
      after: 0.15,
    });
    expect(byField.enforcement).toMatchObject({
      section: 'environment',
      before: 'standard',
      after: 'strict',
    });
    expect(byField.targetSectors).toMatchObject({ added: ['electronics'], removed: [] });
    expect(byField.withdrawSectors).toMatchObject({ added: ['ceramics'], removed: [] });
    expect(diff.build).toEqual([{ kind: 'wastewater' }]);
    expect(diff.statement).toBe('Foshan is done with dirty tiles.');
  });

  it('shows no change when a town keeps its policies', () => {
    const kept = roundDecisions(log, states, 3, 'foshan')!;
    expect(kept.submitted).toBe(true);
    expect(isEmptyDiff(kept)).toBe(true);
    const other = roundDecisions(log, states, 2, 'qingyuan')!;
    expect(other.changes).toEqual([]);
  });

  it('says when the caretaker played: no plan, no change, nothing ordered', () => {
    const diff = roundDecisions(log, states, 3, 'shunde')!;
    expect(diff.submitted).toBe(false);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('has nothing to say about round 0 or a town that is not in the match', () => {
    expect(roundDecisions(log, states, 0, 'foshan')).toBeNull();
    expect(roundDecisions(log, states, 2, 'atlantis')).toBeNull();
    expect(roundDecisions(log, states, 9, 'foshan')).toBeNull();
  });

  it('treats sector lists as sets: the same sectors in another order are no change', () => {
    const before = defaultPlan();
    before.innovation.qualityStandards = ['ceramics', 'textiles'];
    const after = structuredClone(before);
    after.innovation.qualityStandards = ['textiles', 'ceramics'];
    expect(decisionDiff(before, after).changes).toEqual([]);
    after.innovation.qualityStandards = ['textiles', 'toys'];
    expect(decisionDiff(before, after).changes).toEqual([
      expect.objectContaining({
        section: 'innovation',
        field: 'qualityStandards',
        added: ['toys'],
        removed: ['ceramics'],
      }),
    ]);
  });

  it('on a log of computer towns, the diff applied to the standing plan gives the next one', () => {
    // decidePlans leaves out a plan the validator would refuse, as the CLI does.
    const bots = play(6, (_round, state) => decidePlans(state, STRATEGY_IDS));
    // The log is a real one: it verifies.
    expect(replayLog(structuredClone(bots.log)).round).toBe(6);
    let changed = 0;
    for (let round = 1; round <= 6; round++) {
      for (const town of bots.states[round].towns) {
        const diff = roundDecisions(bots.log, bots.states, round, town.id)!;
        const standing = structuredClone(
          bots.states[round - 1].towns.find((t) => t.id === town.id)!.plan,
        );
        for (const change of diff.changes) {
          (standing[change.section] as unknown as Record<string, unknown>)[change.field] =
            change.after;
        }
        changed += diff.changes.length;
        for (const section of STANDING_SECTIONS) {
          expect(standing[section], `${town.id} round ${round} ${section}`).toEqual(
            town.plan[section],
          );
        }
      }
    }
    // Computer towns do change their policies: the check above was not vacuous.
    expect(changed).toBeGreaterThan(0);
  });
});
