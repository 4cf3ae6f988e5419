import { describe, expect, it } from 'vitest';
import {
  AGGLOMERATION,
  agglomerationBonus,
  sectorWorkers,
} from '../../shared/engine/agglomeration';
import { createMatch } from '../../shared/engine/match';
import { emptyTown, town } from './helpers';

function townWithSmes(count: number, market = false) {
  const state = createMatch('block-economy-zhejiang', { seed: 1 });
  const t = town(state, 'datang');
  emptyTown(t);
  t.industries.textiles.firms.sme = count;
  t.industries.textiles.firmSize.sme = 30;
  t.infra.markets = market ? ['textiles'] : [];
  return t;
}

describe('agglomeration', () => {
  it('counts the workers of every firm kind', () => {
    const t = townWithSmes(10);
    t.industries.textiles.firms.foreign = 2;
    t.industries.textiles.firmSize.foreign = 300;
    expect(sectorWorkers(t, 'textiles')).toBe(10 * 30 + 2 * 300);
    expect(sectorWorkers(t, 'toys')).toBe(0);
  });

  it('grows with the number of workers and is zero without any', () => {
    const counts = [0, 10, 100, 500, 2000, 10000];
    const bonuses = counts.map((n) => agglomerationBonus(townWithSmes(n), 'textiles'));
    expect(bonuses[0]).toBe(0);
    for (let i = 1; i < bonuses.length; i++) expect(bonuses[i]).toBeGreaterThan(bonuses[i - 1]);
  });

  it('saturates: half the maximum at the half-size, never above the maximum', () => {
    const half = townWithSmes(AGGLOMERATION.halfWorkers / 30);
    expect(agglomerationBonus(half, 'textiles')).toBeCloseTo(
      AGGLOMERATION.maxProductivityGain / 2,
      12,
    );
    const huge = agglomerationBonus(townWithSmes(1e6), 'textiles');
    const huger = agglomerationBonus(townWithSmes(2e6), 'textiles');
    expect(huge).toBeLessThan(AGGLOMERATION.maxProductivityGain);
    expect(huger - huge).toBeLessThan(0.001);
    // Diminishing returns: the first 1,000 workers add more than the next 1,000.
    const b0 = agglomerationBonus(townWithSmes(0), 'textiles');
    const b1 = agglomerationBonus(townWithSmes(1000 / 30), 'textiles');
    const b2 = agglomerationBonus(townWithSmes(2000 / 30), 'textiles');
    expect(b1 - b0).toBeGreaterThan(b2 - b1);
  });

  it('a specialised market adds a fixed gain for its sector only', () => {
    const without = agglomerationBonus(townWithSmes(100), 'textiles');
    const withMarket = townWithSmes(100, true);
    expect(agglomerationBonus(withMarket, 'textiles') - without).toBeCloseTo(
      AGGLOMERATION.marketGain,
      12,
    );
    expect(agglomerationBonus(withMarket, 'toys')).toBe(0);
  });
});
