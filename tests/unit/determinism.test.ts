import { describe, expect, it } from 'vitest';
import { hashState } from '../../shared/engine/hash';
import { createMatch } from '../../shared/engine/match';
import { resolveRound } from '../../shared/engine/resolve-round';
import type { MatchState, TownPlan } from '../../shared/engine/types';
import { botPlans, botRunHashes, planWith, SCENARIO_IDS, step } from './helpers';

/** Fixed plans that exercise many mechanisms (targets, works, centres, fees, a proposal). */
function fixedPlans(state: MatchState): Record<string, TownPlan> {
  const [a, b] = state.towns;
  return {
    [a.id]: planWith((p) => {
      p.preferential.foreignTaxRate = 0.15;
      p.preferential.foreignTaxHolidayYears = 3;
      p.preferential.landDiscount = 0.4;
      p.preferential.targetSectors = ['electronics'];
      p.environment.enforcement = 'strict';
      p.environment.pollutionFee = 0.2;
      if (state.round === 0) p.build = [{ kind: 'park' }];
      if (state.round === 1)
        p.diplomacy.proposals = [{ kind: 'cofundCentre', to: [b.id], sector: 'electronics' }];
    }),
    [b.id]: planWith((p) => {
      p.environment.enforcement = 'lax';
      p.innovation.qualityStandards = ['toys'];
      const open = state.proposals.find((x) => x.status === 'open' && x.to.includes(b.id));
      if (open) p.diplomacy.responses = [{ proposalId: open.id, accept: true }];
    }),
  };
}

function run(
  scenarioId: string,
  seed: number,
  rounds: number,
  plans = fixedPlans,
  start?: MatchState,
): { hashes: string[]; state: MatchState } {
  let state = start ?? createMatch(scenarioId, { seed });
  const hashes: string[] = [];
  for (let r = 0; r < rounds; r++) {
    const result = step(state, plans(state), state.round === 2 ? ['crisis2008'] : []);
    expect(result.hash).toBe(hashState(result.state));
    hashes.push(result.hash);
    state = result.state;
  }
  return { hashes, state };
}

describe('determinism', () => {
  it('createMatch is a pure function of scenario, seed and options', () => {
    for (const scenarioId of SCENARIO_IDS) {
      expect(hashState(createMatch(scenarioId, { seed: 77, towns: 9 }))).toBe(
        hashState(createMatch(scenarioId, { seed: 77, towns: 9 })),
      );
    }
  });

  it('the same scenario, seed and plans give identical per-round hashes in two independent runs', () => {
    const first = run('open-door-1980', 12, 8).hashes;
    const second = run('open-door-1980', 12, 8).hashes;
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length); // every round changes the state
  });

  it('a JSON round trip of the state continues to the same hashes', () => {
    const { state: mid } = run('foshan-2007', 5, 3);
    const original = run('foshan-2007', 5, 6, fixedPlans, mid).hashes;
    const copy = JSON.parse(JSON.stringify(mid)) as MatchState;
    expect(hashState(copy)).toBe(hashState(mid));
    const resumed = run('foshan-2007', 5, 6, fixedPlans, copy).hashes;
    expect(resumed).toEqual(original);
  });

  it('a structured clone of the state also continues to the same hashes', () => {
    const { state: mid } = run('export-crash-2008', 8, 2);
    expect(run('export-crash-2008', 8, 4, botPlans, structuredClone(mid)).hashes).toEqual(
      run('export-crash-2008', 8, 4, botPlans, mid).hashes,
    );
  });

  it('different seeds give different hashes and different outcomes', () => {
    const a = run('block-economy-zhejiang', 1, 4);
    const b = run('block-economy-zhejiang', 2, 4);
    a.hashes.forEach((h, i) => expect(h).not.toBe(b.hashes[i]));
    // Not only the seed and the PRNG words differ: the towns themselves do.
    expect(hashState(a.state.towns)).not.toBe(hashState(b.state.towns));
  });

  it('resolveRound does not mutate its input state or its inputs', () => {
    let state = createMatch('foshan-2007', { seed: 3 });
    for (let r = 0; r < 4; r++) {
      const plans = fixedPlans(state);
      const inputs = { plans, cards: r === 1 ? ['wto2001'] : [] };
      const frozenState = structuredClone(state);
      const frozenInputs = structuredClone(inputs);
      const before = hashState(state);
      const result = resolveRound(state, inputs);
      expect(hashState(state)).toBe(before);
      expect(state).toEqual(frozenState);
      expect(inputs).toEqual(frozenInputs);
      expect(result.state).not.toBe(state);
      state = result.state;
    }
  });

  it('a rejected round leaves the state untouched', () => {
    const state = createMatch('foshan-2007', { seed: 3 });
    const before = hashState(state);
    expect(() =>
      resolveRound(state, {
        plans: { foshan: planWith((p) => (p.preferential.landDiscount = 5)) },
        cards: [],
      }),
    ).toThrow();
    expect(() => resolveRound(state, { plans: {}, cards: ['noSuchEvent'] })).toThrow();
    expect(hashState(state)).toBe(before);
  });

  it.each(SCENARIO_IDS)(
    '10 rounds of %s with decidePlan bots hash identically in two runs',
    (scenarioId) => {
      const first = botRunHashes(scenarioId, 2024, 10);
      const second = botRunHashes(scenarioId, 2024, 10);
      expect(first).toHaveLength(10);
      expect(second).toEqual(first);
    },
  );

  it('bots with generated towns (more towns than the scenario defines) are deterministic too', () => {
    expect(botRunHashes('foshan-2007', 99, 5, 9)).toEqual(botRunHashes('foshan-2007', 99, 5, 9));
  });
});
