import { describe, expect, it } from 'vitest';
import { FDI, updateEmbeddedness } from '../../shared/engine/fdi';
import { createMatch } from '../../shared/engine/match';
import type { MatchState, TownPlan } from '../../shared/engine/types';
import { advance, bareContext, planWith, step, town } from './helpers';

function electronicsAfter(state: MatchState, plan: TownPlan, rounds: number) {
  return town(
    advance(state, rounds, () => ({ dongguan: plan })),
    'dongguan',
  ).industries.electronics;
}

describe('foreign investment and embeddedness', () => {
  const untargeted = planWith(() => {});
  const targeted = planWith((p) => (p.preferential.targetSectors = ['electronics']));

  it.each([1, 2, 3])('an untargeted "policy district" keeps embeddedness low (seed %i)', (seed) => {
    const state = createMatch('export-crash-2008', { seed });
    const start = town(state, 'dongguan').industries.electronics.embeddedness;
    const after = electronicsAfter(state, untargeted, 6);
    expect(after.firms.foreign).toBeGreaterThan(0);
    expect(after.embeddedness).toBeLessThanOrEqual(start + 0.05);
    expect(after.embeddedness).toBeLessThan(0.2);
  });

  it.each([1, 2, 3])(
    'targeting a sector with many local SMEs raises embeddedness (seed %i)',
    (seed) => {
      const state = createMatch('export-crash-2008', { seed });
      town(state, 'dongguan').industries.electronics.firms.sme = 600;
      const start = town(state, 'dongguan').industries.electronics.embeddedness;
      const loose = electronicsAfter(state, untargeted, 6);
      const linked = electronicsAfter(state, targeted, 6);
      expect(linked.embeddedness).toBeGreaterThan(start);
      expect(linked.embeddedness).toBeGreaterThan(loose.embeddedness + 0.1);
      expect(linked.embeddedness).toBeLessThanOrEqual(FDI.maxEmbeddedness);
    },
  );

  it('links grow with the local SME base (direct mechanism)', () => {
    const levels = [0, 50, 300, 3000].map((smes) => {
      const state = createMatch('export-crash-2008', { seed: 1 });
      const d = town(state, 'dongguan');
      d.plan.preferential.targetSectors = ['electronics'];
      d.industries.electronics.firms.sme = smes;
      d.industries.electronics.firms.leading = 0;
      d.industries.electronics.embeddedness = 0.1;
      updateEmbeddedness(bareContext(state), d);
      return d.industries.electronics.embeddedness;
    });
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeGreaterThan(levels[i - 1]);
    expect(levels[0]).toBeLessThan(0.1); // nothing to buy from: links decay
  });

  it('towns closed to FDI receive no foreign plants (1980: only the special economic zones)', () => {
    const state = createMatch('open-door-1980', { seed: 2 });
    const result = step(state);
    const arrivals = result.events.filter((e) => e.type === 'ForeignPlantsArrived');
    expect(arrivals.length).toBeGreaterThan(0);
    for (const e of arrivals) {
      if (e.type !== 'ForeignPlantsArrived') continue;
      expect(town(result.state, e.town).sez).toBe(true);
    }
    for (const t of result.state.towns) {
      if (t.sez) continue;
      for (const industry of Object.values(t.industries)) expect(industry.firms.foreign).toBe(0);
    }
  });

  it('plants arriving under a holiday are counted under holiday, never more than the plants', () => {
    let state = createMatch('open-door-1980', { seed: 2 });
    const generous = planWith((p) => {
      p.preferential.foreignTaxRate = 0.15;
      p.preferential.foreignTaxHolidayYears = 5;
    });
    for (let r = 0; r < 4; r++) state = step(state, { shenzhen: generous }).state;
    const sz = town(state, 'shenzhen');
    let under = 0;
    for (const industry of Object.values(sz.industries)) {
      expect(industry.foreignUnderHoliday).toBeLessThanOrEqual(industry.firms.foreign);
      under += industry.foreignUnderHoliday;
    }
    expect(under).toBeGreaterThan(0);
    expect(sz.firstFdiRound).toBe(0);
  });
});
