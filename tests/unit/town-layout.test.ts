/**
 * The town scene's layout (client/scenes/town-layout.ts) must make a town look like its numbers
 * (DESIGN §5): more firms → more buildings; a town that lost half its firms → closed factories
 * and empty lots; pollution → grey sky and stained river; buildings keep their tiles as a town
 * grows; the same input always gives the same picture. Also checks that every frame the scenes
 * can ask for exists in the generated atlas, and the regional map's geometry.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FIRM_KINDS,
  SECTOR_IDS,
  createMatch,
  type MatchEvent,
  type MatchState,
  type TownState,
} from '../../shared';
import { publicTown } from '../../shared/protocol/public';
import {
  structureFrame,
  terrainFrames,
  treeFrame,
  vehicleFrame,
  walkerFrame,
} from '../../client/scenes/frames';
import { buildingsFor } from '../../client/scenes/layout-rules';
import {
  coastY,
  flowArrows,
  hubPosition,
  indicatorShares,
  riverCourse,
} from '../../client/scenes/region-map';
import { townLayout, type TownLayout } from '../../client/scenes/town-layout';
import { playComputerMatch, type ComputerMatch } from '../../client/bot-match';

function play(scenario: string, rounds: number, seed = 1): ComputerMatch {
  return playComputerMatch(scenario, seed, rounds);
}

function townOf(state: MatchState, id: string): TownState {
  const t = state.towns.find((x) => x.id === id);
  if (!t) throw new Error(`no town ${id}`);
  return t;
}

/** A copy of a town with every sector's firms scaled (a stable, flat firm trend). */
function scaled(town: TownState, factor: number): TownState {
  const copy = structuredClone(town);
  for (const s of SECTOR_IDS) {
    copy.industries[s].firmTrend = 0;
    copy.industries[s].lifeStage =
      copy.industries[s].lifeStage === 'declining' ? 'mature' : copy.industries[s].lifeStage;
    for (const k of FIRM_KINDS)
      copy.industries[s].firms[k] = Math.floor(town.industries[s].firms[k] * factor);
  }
  return copy;
}

const foshan = () => scaled(townOf(createMatch('foshan-2007', { seed: 1 }), 'foshan'), 1);

describe('townLayout: buildings follow firms', () => {
  it('more firms make more active buildings, sector by sector', () => {
    const small = townLayout(scaled(foshan(), 0.3));
    const big = townLayout(foshan());
    expect(big.buildings.active).toBeGreaterThan(small.buildings.active);
    for (const s of SECTOR_IDS) {
      const n = (l: TownLayout) =>
        l.structures.filter(
          (x) => x.sector === s && x.state === 'active' && FIRM_KINDS.includes(x.kind as never),
        ).length;
      expect(n(big)).toBeGreaterThanOrEqual(n(small));
    }
    expect(big.buildings.closed + big.buildings.emptyLot).toBe(0);
  });

  it('maps firm counts to buildings monotonically and within the district capacity', () => {
    for (const k of FIRM_KINDS) {
      let last = 0;
      for (let n = 0; n <= 2000; n += 7) {
        const b = buildingsFor(k, n);
        expect(b).toBeGreaterThanOrEqual(last);
        last = b;
      }
      expect(buildingsFor(k, 0)).toBe(0);
      expect(buildingsFor(k, 1)).toBe(1);
    }
    expect(buildingsFor('sme', 5000)).toBe(32);
  });

  it('foreign plants, SMEs, leading enterprises and SOEs are different buildings', () => {
    const t = foshan();
    const layout = townLayout(t);
    const frames = new Set(layout.structures.map((s) => structureFrame(s, 'after')));
    expect([...frames].some((f) => f?.startsWith('sme-ceramics'))).toBe(true);
    expect([...frames].some((f) => f?.startsWith('foreign-appliances'))).toBe(true);
    expect([...frames].some((f) => f?.startsWith('leading-ceramics'))).toBe(true);
    const leading = layout.structures.filter((s) => s.kind === 'leading');
    expect(leading.every((s) => s.size === 2)).toBe(true);
  });
});

describe('townLayout: a town that lost half its firms looks hollowed out', () => {
  const before = foshan();
  const after = scaled(before, 0.5);
  const layout = townLayout(after, before);

  it('closed factories and empty lots stand where buildings used to be', () => {
    const previous = layout.before.buildings.active;
    const lost = layout.buildings.closed + layout.buildings.emptyLot;
    expect(previous).toBeGreaterThan(40);
    expect(lost / previous).toBeGreaterThanOrEqual(0.4);
    expect(layout.buildings.active).toBeLessThan(previous);
    // closures this round are boarded-up plants, not yet rubble
    expect(layout.buildings.closed).toBeGreaterThan(0);
  });

  it('has fewer people, less traffic and fewer lights', () => {
    expect(layout.people).toBeLessThan(layout.before.people);
    expect(layout.traffic).toBeLessThan(layout.before.traffic);
    expect(layout.lights).toBeLessThan(layout.before.lights);
  });

  it('"before" and "after" are the same plots: every closed plot was working before', () => {
    for (const s of layout.structures) {
      if (s.state === 'closed') expect(s.before).toBe('active');
      if (s.state === 'active' && FIRM_KINDS.includes(s.kind as never))
        expect(s.before).toBe('active');
    }
  });

  it('a declining sector looks hollowed out even without a previous state', () => {
    const t = foshan();
    t.industries.ceramics.lifeStage = 'declining';
    t.industries.ceramics.firmTrend = -0.15;
    const l = townLayout(t);
    const ceramics = l.structures.filter((s) => s.sector === 'ceramics' && s.kind === 'sme');
    expect(ceramics.some((s) => s.state === 'closed')).toBe(true);
    expect(ceramics.some((s) => s.state === 'emptyLot')).toBe(true);
  });

  it('remembers a peak given by the caller', () => {
    const t = foshan();
    const l = townLayout(t, undefined, [], {
      peaks: { ceramics: { sme: t.industries.ceramics.firms.sme * 2 } },
    });
    expect(l.buildings.emptyLot + l.buildings.closed).toBeGreaterThan(0);
  });
});

describe('townLayout: pollution, people and lights', () => {
  it('a polluted sky is greyer and a polluted river more stained', () => {
    const clean = foshan();
    clean.airPollution = 0;
    clean.waterPollution = 0;
    const dirty = foshan();
    dirty.airPollution = 80;
    dirty.waterPollution = 80;
    const a = townLayout(clean);
    const b = townLayout(dirty);
    expect(a.skyTint).toBe(0);
    expect(b.skyTint).toBeGreaterThan(0.9);
    expect(b.riverStain).toBeGreaterThan(a.riverStain);
  });

  it('a bigger town has more people, traffic and lights', () => {
    const small = townLayout(scaled(foshan(), 0.3));
    const big = townLayout(foshan());
    expect(big.people).toBeGreaterThan(small.people);
    expect(big.traffic).toBeGreaterThan(small.traffic);
    expect(big.lights).toBeGreaterThan(small.lights);
    expect(big.walkers.length).toBeGreaterThanOrEqual(big.people);
  });

  it('migrants get dormitories and a housing programme builds towers', () => {
    const t = foshan();
    t.migrants = 120_000;
    t.infra.housing = 4;
    const l = townLayout(t);
    expect(l.byKind.dormitory?.active).toBeGreaterThan(10);
    expect(l.structures.some((s) => s.kind === 'housing' && s.stage === 3)).toBe(true);
  });

  it('draws markets, parks, ports, wastewater plants and innovation centres that exist', () => {
    const t = foshan();
    t.infra.markets = ['ceramics', 'furniture'];
    t.infra.park = 1;
    t.infra.port = 2;
    t.infra.wastewater = 1;
    const l = townLayout(t, undefined, [], { centres: 2 });
    expect(l.byKind.market?.active).toBe(2);
    expect(l.byKind.park?.active).toBe(1);
    expect(l.byKind.port?.active).toBe(2);
    expect(l.byKind.wastewater?.active).toBe(1);
    expect(l.byKind.innovation?.active).toBe(2);
  });
});

describe('townLayout: stable and deterministic', () => {
  it('keeps every building on its tile as the town grows', () => {
    const small = townLayout(scaled(foshan(), 0.4));
    const big = townLayout(scaled(foshan(), 1.6));
    const where = new Map(big.structures.map((s) => [s.id, `${s.col},${s.row}`]));
    for (const s of small.structures) expect(where.get(s.id)).toBe(`${s.col},${s.row}`);
  });

  it.each([false, true])('never puts two structures on one tile (coastal: %s)', (coastal) => {
    const t = foshan();
    t.geo.coastal = coastal;
    t.migrants = 300_000;
    t.infra.port = 4;
    t.infra.park = 3;
    t.infra.wastewater = 2;
    t.infra.markets = [...SECTOR_IDS];
    for (const s of SECTOR_IDS) {
      t.industries[s].firms = { sme: 2000, foreign: 400, leading: 3, soe: 3 };
    }
    const l = townLayout(t, undefined, [], { centres: 4 });
    const taken = new Set<string>();
    for (const s of l.structures) {
      const w = s.kind === 'ship' ? 2 : s.size;
      const h = s.kind === 'ship' ? 1 : s.size;
      for (let dc = 0; dc < w; dc++)
        for (let dr = 0; dr < h; dr++) {
          const k = `${s.col + dc},${s.row + dr}`;
          expect(taken.has(k), `${s.id} overlaps at ${k}`).toBe(false);
          taken.add(k);
        }
    }
  });

  it('gives the same layout for the same input, without Math.random', () => {
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const { state, previous, events } = play('foshan-2007', 4);
    const a = townLayout(townOf(state, 'foshan'), townOf(previous, 'foshan'), events);
    const b = townLayout(
      structuredClone(townOf(state, 'foshan')),
      structuredClone(townOf(previous, 'foshan')),
      structuredClone(events),
    );
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    spy.mockRestore();
  });

  afterEach(() => vi.restoreAllMocks());
});

describe('townLayout: relocations', () => {
  it('sends departing firms out of town towards their destination, once per sector and town', () => {
    const t = foshan();
    const events: MatchEvent[] = [
      {
        type: 'FirmsRelocated',
        from: 'foshan',
        to: 'qingyuan',
        sector: 'ceramics',
        kind: 'sme',
        count: 30,
      },
      {
        type: 'FirmsRelocated',
        from: 'foshan',
        to: 'qingyuan',
        sector: 'ceramics',
        kind: 'leading',
        count: 1,
      },
      {
        type: 'FirmsRelocated',
        from: 'shunde',
        to: 'foshan',
        sector: 'furniture',
        kind: 'sme',
        count: 4,
      },
    ];
    const towns = [
      { id: 'foshan', geo: t.geo },
      { id: 'qingyuan', geo: { ...t.geo, x: 35, y: 15 } },
    ];
    const l = townLayout(t, undefined, events, { towns });
    expect(l.departures).toHaveLength(1);
    const d = l.departures[0];
    expect(d).toMatchObject({ sector: 'ceramics', to: 'qingyuan', count: 31 });
    expect(d.kinds.sort()).toEqual(['leading', 'sme']);
    // Qingyuan lies north(-west) on the map: the convoy leaves by the top of the screen
    expect(d.side === 'north' || d.side === 'west').toBe(true);
    const end = d.path[d.path.length - 1];
    expect(end.col < 0 || end.row < 0 || end.col > l.grid || end.row > l.grid).toBe(true);
    expect(l.arrivals).toEqual([{ sector: 'furniture', count: 4, from: 'shunde' }]);
  });
});

describe('atlas frames', () => {
  const atlas = JSON.parse(
    readFileSync(new URL('../../assets/atlas/town.json', import.meta.url), 'utf8'),
  ) as {
    frames: Record<string, unknown>;
  };
  const has = (f: string | null) => f === null || f in atlas.frames;

  it('has every frame the town scene can ask for', () => {
    const { state, previous, events } = play('foshan-2007', 6);
    const layouts = [
      ...state.towns.map((t) => townLayout(t, townOf(previous, t.id), events, { centres: 4 })),
      townLayout(scaled(foshan(), 0.5), foshan()),
    ];
    for (const l of layouts) {
      for (const s of l.structures) {
        expect(has(structureFrame(s, 'after')), structureFrame(s, 'after') ?? '').toBe(true);
        expect(has(structureFrame(s, 'before')), structureFrame(s, 'before') ?? '').toBe(true);
      }
      for (const tile of l.terrain)
        for (const level of [1, 2, 3] as const)
          for (const f of terrainFrames(tile, level)) expect(has(f), f).toBe(true);
    }
    for (const s of SECTOR_IDS) {
      for (const suffix of ['', '-closed']) {
        for (const f of [
          `sme-${s}-1`,
          `sme-${s}-2`,
          `foreign-${s}-2`,
          `foreign-${s}-3`,
          `leading-${s}`,
          `soe-${s}`,
        ])
          expect(has(f + suffix), f + suffix).toBe(true);
      }
      expect(has(`market-${s}`)).toBe(true);
    }
    for (let v = 0; v < 4; v++) expect(has(walkerFrame(v))).toBe(true);
    for (let v = 0; v < 3; v++) expect(has(treeFrame(v))).toBe(true);
    for (const axis of ['x', 'y'] as const)
      for (const k of [0, 1])
        for (const fwd of [true, false]) expect(has(vehicleFrame(k, axis, fwd))).toBe(true);
    for (const f of [
      'house-1',
      'house-2',
      'house-3',
      'dormitory',
      'glow',
      'lamp',
      'smoke-light',
      'smoke-dark',
      'sparkle',
      'water-stained',
      'hub-city',
      'map-town',
      'ship',
    ])
      expect(has(f), f).toBe(true);
  });
});

describe('region map geometry', () => {
  const { state, events } = play('foshan-2007', 6);
  const towns = state.towns.map(publicTown);

  it('puts the coast south of every town and the hub offshore', () => {
    for (const t of towns) expect(coastY(towns, t.geo.x)).toBeGreaterThan(t.geo.y);
    const hub = hubPosition(towns);
    expect(hub.y).toBeGreaterThan(coastY(towns, hub.x));
  });

  it('runs the river through its towns in order, source to sea', () => {
    const course = riverCourse(towns);
    const on = towns.filter((t) => t.geo.riverOrder !== null);
    expect(course.length).toBe(on.length + 2);
    const last = course[course.length - 1];
    expect(last.y).toBeGreaterThan(coastY(towns, last.x));
  });

  it('colours towns from worst to best, reversing for pollution', () => {
    const gdp = indicatorShares(towns, 'gdp');
    const best = towns.reduce((a, b) => (b.gdp > a.gdp ? b : a));
    expect(gdp[best.id]).toBe(1);
    const pol = indicatorShares(towns, 'pollution');
    const dirtiest = towns.reduce((a, b) => (b.pollution > a.pollution ? b : a));
    expect(pol[dirtiest.id]).toBe(0);
  });

  it('aggregates relocation and investment arrows from the round events', () => {
    const arrows = flowArrows(events);
    const relocated = events
      .filter((e) => e.type === 'FirmsRelocated')
      .reduce((a, e) => a + (e.type === 'FirmsRelocated' ? e.count : 0), 0);
    expect(arrows.filter((a) => a.kind === 'relocation').reduce((a, x) => a + x.count, 0)).toBe(
      relocated,
    );
  });
});
