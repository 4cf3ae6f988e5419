import { describe, expect, it } from 'vitest';
import { SECTOR_IDS, SECTORS, type SectorId } from '../../shared/data/sectors';
import {
  clusterType,
  lifeStage,
  MIN_SPECIALISED_WORKERS,
  SPECIALISED_SHARE,
  specialisedSector,
} from '../../shared/engine/cluster';
import { createMatch } from '../../shared/engine/match';
import type { FirmKind, Industry, TownState } from '../../shared/engine/types';
import { emptyTown, town } from './helpers';

function industry(
  firms: Partial<Record<FirmKind, number>>,
  extra: Partial<Industry> = {},
): Industry {
  return {
    sector: 'electronics',
    firms: { sme: 0, foreign: 0, leading: 0, soe: 0, ...firms },
    firmSize: { sme: 30, foreign: 300, leading: 1000, soe: 1000 },
    foreignUnderHoliday: 0,
    technology: 0.3,
    embeddedness: 0.05,
    reputation: 0.6,
    greenUpgrade: 0,
    patents: 0,
    firmTrend: 0,
    clusterType: 'none',
    lifeStage: 'none',
    ...extra,
  };
}

describe('Markusen cluster types', () => {
  it('many local SMEs: Marshallian', () => {
    expect(clusterType(industry({ sme: 200 }))).toBe('marshallian');
    // A few foreign plants among many SMEs do not change that.
    expect(clusterType(industry({ sme: 200, foreign: 5 }))).toBe('marshallian');
  });

  it('leading firms with suppliers: hub-and-spoke', () => {
    // 3 × 1000 of 3000 + 6000 workers = 33 % in leading firms.
    expect(clusterType(industry({ sme: 200, leading: 3 }))).toBe('hubAndSpoke');
  });

  it('foreign branch plants with few local links: satellite platform', () => {
    expect(clusterType(industry({ sme: 50, foreign: 20 }, { embeddedness: 0.1 }))).toBe(
      'satellitePlatform',
    );
  });

  it('foreign plants that are well linked locally form a hub-and-spoke cluster', () => {
    expect(clusterType(industry({ sme: 50, foreign: 20 }, { embeddedness: 0.3 }))).toBe(
      'hubAndSpoke',
    );
  });

  it('an SOE anchor: state-anchored, even with foreign plants around', () => {
    expect(clusterType(industry({ sme: 100, soe: 3 }))).toBe('stateAnchored');
    expect(clusterType(industry({ soe: 4, foreign: 5 }))).toBe('stateAnchored');
  });

  it('fewer than 500 workers is no cluster at all', () => {
    expect(clusterType(industry({ sme: 16 }))).toBe('none');
    expect(clusterType(industry({}))).toBe('none');
  });

  it('life stages follow firm numbers and their trend', () => {
    expect(lifeStage(industry({}))).toBe('none');
    expect(lifeStage(industry({ sme: 10 }, { firmTrend: 0.5 }))).toBe('agglomeration');
    expect(lifeStage(industry({ sme: 100 }, { firmTrend: 0.1 }))).toBe('emerging');
    expect(lifeStage(industry({ sme: 100 }, { firmTrend: 0 }))).toBe('mature');
    expect(lifeStage(industry({ sme: 100 }, { firmTrend: -0.1 }))).toBe('declining');
  });

  it('the engine classifies starting clusters: Xiqiao textiles are Marshallian, Dongguan toys satellite', () => {
    const state = createMatch('export-crash-2008', { seed: 1 });
    expect(town(state, 'xiqiao').industries.textiles.clusterType).not.toBe('none');
    expect(town(state, 'xiqiao').industries.textiles.clusterType).toBe(
      clusterType(town(state, 'xiqiao').industries.textiles),
    );
    expect(town(state, 'dongguan').industries.toys.clusterType).toBe('satellitePlatform');
  });
});

describe('specialised town (30 % rule)', () => {
  /** A town whose only two sectors are ceramics and furniture with the given SME counts. */
  function twoSectorTown(ceramics: number, furniture: number): TownState {
    const state = createMatch('foshan-2007', { seed: 1 });
    const t = town(state, 'qingyuan');
    emptyTown(t);
    t.industries.ceramics.firms.sme = ceramics;
    t.industries.ceramics.firmSize.sme = 100;
    t.industries.furniture.firms.sme = furniture;
    t.industries.furniture.firmSize.sme = 100;
    return t;
  }

  /** Outputs proportional to employment unless given. */
  function outputs(
    t: TownState,
    override: Partial<Record<SectorId, number>> = {},
  ): Record<SectorId, number> {
    const out = {} as Record<SectorId, number>;
    for (const s of SECTOR_IDS) {
      const ind = t.industries[s];
      out[s] = override[s] ?? ind.firms.sme * ind.firmSize.sme;
    }
    return out;
  }

  it('a sector with at least 30 % of employment and output makes the town specialised', () => {
    const t = twoSectorTown(30, 70); // 3,000 of 10,000 workers: exactly 30 %
    expect(SPECIALISED_SHARE).toBe(0.3);
    expect(specialisedSector(t, outputs(t))).toBe('furniture'); // 70 % beats 30 %
    // With furniture earning (almost) nothing, ceramics qualifies on exactly 30 % of the jobs.
    expect(specialisedSector(t, outputs(t, { furniture: 0.0001 }))).toBe('ceramics');
    const balanced = twoSectorTown(30, 0);
    expect(specialisedSector(balanced, outputs(balanced))).toBe('ceramics');
  });

  it('29 % is not enough', () => {
    const t = twoSectorTown(29, 71);
    // Only ceramics could qualify if furniture had no output at all: its job share is 29 %.
    const out = outputs(t, { furniture: 0.0001 });
    expect(specialisedSector(t, out)).toBeNull();
  });

  it('both the employment share and the output share must reach 30 %', () => {
    const t = twoSectorTown(50, 50);
    // Ceramics has half the jobs but only a fifth of the output; furniture has both.
    expect(specialisedSector(t, outputs(t, { ceramics: 1000, furniture: 4000 }))).toBe('furniture');
    // Neither has 30 % of output when a third sector earns most of it.
    t.industries.toys.firms.sme = 1;
    t.industries.toys.firmSize.sme = 1;
    expect(
      specialisedSector(t, outputs(t, { ceramics: 100, furniture: 100, toys: 10000 })),
    ).toBeNull();
  });

  it('needs at least 2,000 workers in the sector', () => {
    const small = twoSectorTown(19, 0); // 1,900 workers, 100 % share
    expect(specialisedSector(small, outputs(small))).toBeNull();
    const enough = twoSectorTown(MIN_SPECIALISED_WORKERS / 100, 0);
    expect(specialisedSector(enough, outputs(enough))).toBe('ceramics');
  });

  it('a town with no industry is not specialised', () => {
    const t = twoSectorTown(0, 0);
    expect(specialisedSector(t, outputs(t))).toBeNull();
  });

  it('Xiqiao starts as a specialised textile town', () => {
    const state = createMatch('export-crash-2008', { seed: 1 });
    expect(town(state, 'xiqiao').specialisedSector).toBe('textiles');
    expect(SECTORS.textiles.name).toMatch(/Textiles/);
  });
});
