import { describe, expect, it } from 'vitest';
import { createMatch } from '../../shared/engine/match';
import {
  POLLUTION,
  pollutionIndex,
  spreadPollution,
  townEmissions,
  type Emissions,
} from '../../shared/engine/pollution';
import { outputsOf } from '../../shared/engine/resolve-round';
import type { Enforcement, MatchState } from '../../shared/engine/types';
import { advance, bareContext, planWith, town } from './helpers';

/** Foshan-2007 after some rounds with Foshan on standard enforcement and Qingyuan (upstream) as given. */
function downstreamAfter(seed: number, upstream: Enforcement, rounds = 3): MatchState {
  const state = createMatch('foshan-2007', { seed });
  const plans = {
    foshan: planWith(() => {}),
    qingyuan: planWith((p) => (p.environment.enforcement = upstream)),
  };
  return advance(state, rounds, () => plans);
}

describe('pollution', () => {
  it('the river runs Qingyuan → Foshan → Shunde → Jiangmen in foshan-2007', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    expect(town(state, 'qingyuan').geo.riverOrder).toBe(0);
    expect(town(state, 'foshan').geo.riverOrder).toBe(1);
    expect(town(state, 'shunde').geo.riverOrder).toBe(2);
  });

  it.each([1, 2, 3])(
    "a lax upstream town raises the downstream town's water pollution vs. a strict one (seed %i)",
    (seed) => {
      const lax = downstreamAfter(seed, 'lax');
      const strict = downstreamAfter(seed, 'strict');
      expect(town(lax, 'qingyuan').waterPollution).toBeGreaterThan(
        town(strict, 'qingyuan').waterPollution,
      );
      // Strict Qingyuan drives about half its expelled polluters to laxer towns, Foshan
      // downstream among them (001 ¶20, DESIGN §3 fact 10), so Foshan's gain narrows to ~1 %.
      expect(town(lax, 'foshan').waterPollution).toBeGreaterThan(
        0.99 * town(strict, 'foshan').waterPollution,
      );
    },
  );

  it("half of a town's water load reaches the next town downstream in the same round", () => {
    const spill = (upstreamWater: number): number => {
      const state = createMatch('foshan-2007', { seed: 1 });
      const ctx = bareContext(state);
      const emissions = new Map<string, Emissions>(
        state.towns.map((t) => [t.id, { air: 0, water: 0 }]),
      );
      emissions.set('qingyuan', { air: 0, water: upstreamWater });
      spreadPollution(ctx, emissions);
      return town(state, 'foshan').waterPollution;
    };
    const start = town(createMatch('foshan-2007', { seed: 1 }), 'foshan').waterPollution;
    const speed = POLLUTION.waterSpeed;
    // Foshan's own load is 0, so its target is set by the inflow alone: half of Qingyuan's load.
    expect(spill(0)).toBeCloseTo(start * (1 - speed), 6);
    const inflow = POLLUTION.downstreamShare * 1;
    const target = (100 * inflow) / (inflow + POLLUTION.halfEmissions);
    expect(spill(1)).toBeCloseTo(start + (target - start) * speed, 6);
  });

  it('a town off the river receives nothing from upstream', () => {
    const run = (upstreamWater: number): number => {
      const state = createMatch('foshan-2007', { seed: 1 });
      const emissions = new Map<string, Emissions>(
        state.towns.map((t) => [t.id, { air: 0, water: 0 }]),
      );
      emissions.set('qingyuan', { air: 0, water: upstreamWater });
      spreadPollution(bareContext(state), emissions);
      return town(state, 'zhaoqing').waterPollution;
    };
    expect(town(createMatch('foshan-2007', { seed: 1 }), 'zhaoqing').geo.riverOrder).toBeNull();
    expect(run(5)).toBe(run(0));
  });

  it('the downstream explanation names the upstream town', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    const f = town(state, 'foshan');
    f.waterPollution = 0;
    f.airPollution = 0;
    const ctx = bareContext(state);
    const emissions = new Map<string, Emissions>(
      state.towns.map((t) => [t.id, { air: 0, water: 0 }]),
    );
    emissions.set('qingyuan', { air: 0, water: 2 });
    spreadPollution(ctx, emissions);
    const causes = ctx.towns.get('foshan')!.pollutionCauses;
    expect(causes).toContainEqual(
      expect.objectContaining({ cause: 'downstreamSpill', town: 'qingyuan' }),
    );
    expect(causes.reduce((a, c) => a + c.amount, 0)).toBeCloseTo(pollutionIndex(f), 9);
  });

  it("stricter enforcement lowers a town's emissions for the same output", () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    const f = town(state, 'foshan');
    const outputs = outputsOf(null, state, f);
    const byLevel = (['lax', 'standard', 'strict'] as const).map((level) => {
      f.plan.environment.enforcement = level;
      return townEmissions(state, f, outputs);
    });
    expect(byLevel[0].air).toBeGreaterThan(byLevel[1].air);
    expect(byLevel[1].air).toBeGreaterThan(byLevel[2].air);
    expect(byLevel[0].water).toBeGreaterThan(byLevel[2].water);
    f.infra.wastewater = 4;
    expect(townEmissions(state, f, outputs).water).toBeLessThan(byLevel[2].water);
  });

  it('indices stay within 0–100', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    const emissions = new Map<string, Emissions>(
      state.towns.map((t) => [t.id, { air: 1e6, water: 1e6 }]),
    );
    spreadPollution(bareContext(state, 10), emissions);
    for (const t of state.towns) {
      expect(t.airPollution).toBeLessThanOrEqual(100);
      expect(t.waterPollution).toBeLessThanOrEqual(100);
      expect(t.waterPollution).toBeGreaterThan(
        100 * (1e6 / (1e6 + POLLUTION.halfEmissions)) - 1e-6,
      );
    }
  });
});
