/**
 * The ten stylised facts of DESIGN §3, each reproduced from a scripted policy plan over real
 * rounds of the engine. Every test checks the direction and a plausible magnitude.
 */
import { describe, expect, it } from 'vitest';
import { SECTOR_IDS } from '../../shared/data/sectors';
import { employment, firmCount } from '../../shared/engine/industry';
import { pollutionIndex } from '../../shared/engine/pollution';
import type { InfraKind, MatchState, TownPlan } from '../../shared/engine/types';
import {
  closures,
  firms,
  last,
  openAll,
  play,
  planWith,
  relocations,
  start,
  town,
} from './harness';

const sumForeign = (s: MatchState, id: string): number =>
  SECTOR_IDS.reduce((a, sec) => a + town(s, id).industries[sec].firms.foreign, 0);

const without = (state: MatchState, eventId: string): MatchState => {
  const s = structuredClone(state);
  s.timeline = s.timeline.filter((e) => e.eventId !== eventId);
  return s;
};

describe('DESIGN §3 stylised facts', () => {
  it('fact 1 (002 §2.1.5, §2.2.2): endogenous clusters grow slower but are stable; FDI clusters start fast and lose firms fast when incentives end', () => {
    const s = openAll(start('open-door-1980'));
    const endogenous = planWith((p) => {
      p.preferential.smeCreditGuarantee = 3;
      p.preferential.targetSectors = ['textiles'];
      p.preferential.domesticTaxRate = 0.2;
      p.innovation.industryAssociation = ['textiles'];
    });
    const incentives = planWith((p) => {
      Object.assign(p.preferential, {
        foreignTaxRate: 0,
        foreignTaxHolidayYears: 5,
        landDiscount: 0.9,
        oneStopOffice: true,
      });
    });
    const ended = planWith(() => {});
    const boom = play(s, 8, () => ({ xiqiao: endogenous, dongguan: incentives }));
    const mid = last(boom.states);
    // Incentives end in Dongguan while an inland town starts offering them.
    const bust = play(mid, 6, () => ({
      xiqiao: endogenous,
      dongguan: ended,
      qingyuan: incentives,
    }));
    const end = last(bust.states);
    const growth = (id: string) => firms(mid, id) / firms(s, id) - 1;
    // Fast start: the FDI town at least doubles its growth rate over the SME town.
    expect(growth('dongguan')).toBeGreaterThan(2 * growth('xiqiao'));
    expect(growth('xiqiao')).toBeGreaterThan(0.1);
    // When incentives end, footloose plants leave: at least a third gone within six rounds.
    expect(sumForeign(end, 'dongguan')).toBeLessThan((2 / 3) * sumForeign(mid, 'dongguan'));
    // The endogenous cluster keeps growing.
    expect(firms(end, 'xiqiao')).toBeGreaterThanOrEqual(firms(mid, 'xiqiao'));
  });

  it('fact 2 (001 ¶20): Foshan — withdrawing support and strict enforcement cut the ceramics cluster by closures and moves, without collapsing the town', () => {
    const s = start('foshan-2007');
    const crackdown = planWith((p) => {
      p.environment.enforcement = 'strict';
      p.preferential.withdrawSectors = ['ceramics'];
      p.preferential.targetSectors = ['appliances'];
    });
    const played = play(s, 4, () => ({ foshan: crackdown }));
    const control = last(play(s, 4, () => ({})).states);
    const end = last(played.states);
    const ceramics0 = firms(s, 'foshan', 'ceramics');
    const lost = 1 - firms(end, 'foshan', 'ceramics') / ceramics0;
    expect(lost).toBeGreaterThan(0.5);
    expect(lost).toBeLessThan(0.98);
    // Both closures and moves to other towns, and the player can see where they went.
    const moved = [...relocations(played, 'foshan', 'ceramics').values()].reduce(
      (a, b) => a + b,
      0,
    );
    expect(moved).toBeGreaterThan(0.1 * ceramics0);
    expect(closures(played, 'foshan', 'ceramics', 'strictEnforcement')).toBeGreaterThan(
      0.1 * ceramics0,
    );
    // The town's other sectors hold: appliances keep most firms, GDP stays within reach of control.
    expect(firms(end, 'foshan', 'appliances')).toBeGreaterThan(
      0.8 * firms(s, 'foshan', 'appliances'),
    );
    expect(town(end, 'foshan').last.gdp).toBeGreaterThan(0.55 * town(control, 'foshan').last.gdp);
    expect(pollutionIndex(town(end, 'foshan'))).toBeLessThan(
      0.7 * pollutionIndex(town(s, 'foshan')),
    );
  });

  it('fact 3 (003 Table 6): Xiqiao — after a technology innovation centre firms fall while output, patents and firm size rise', () => {
    const s = without(start('export-crash-2008'), 'crisis2008');
    const centre = planWith((p) => {
      p.innovation.centres = ['textiles'];
      p.innovation.vocationalSchool = true;
    });
    const withCentre = last(play(s, 5, () => ({ xiqiao: centre })).states);
    const without_ = last(play(s, 5, () => ({})).states);
    const textiles = (st: MatchState) => town(st, 'xiqiao').industries.textiles;
    const f0 = firmCount(textiles(s));
    const f1 = firmCount(textiles(withCentre));
    // 1,590 → 1,380 firms (−13 %) in Xiqiao: a modest fall.
    expect(f1).toBeLessThan(f0);
    expect(f1).toBeGreaterThan(0.6 * f0);
    // 342 → 789 M US$ output (×2.3 nominal): output grows by at least half.
    const out0 = town(s, 'xiqiao').last.industrialOutput;
    expect(town(withCentre, 'xiqiao').last.industrialOutput).toBeGreaterThan(1.5 * out0);
    // 0 → 188 patents, far above the town without a centre.
    expect(textiles(withCentre).patents).toBeGreaterThan(60);
    expect(textiles(withCentre).patents).toBeGreaterThan(8 * textiles(without_).patents);
    // 34 → 50 employees per firm: the average firm grows by at least a fifth.
    const size = (st: MatchState) => employment(textiles(st)) / firmCount(textiles(st));
    expect(size(withCentre)).toBeGreaterThan(1.2 * size(s));
  });

  it('fact 4 (003 §4.3, §6.1): a race to the bottom without quality standards, and recovery with them (Wenzhou shoes)', () => {
    const s = start('block-economy-zhejiang');
    const boom = (p: TownPlan) => {
      p.preferential.smeCreditGuarantee = 1;
      p.preferential.targetSectors = ['footwear'];
      p.preferential.domesticTaxRate = 0.1;
      p.preferential.equalTreatmentPrivate = true;
    };
    const noStandards = planWith(boom);
    const standards = planWith(boom, (p) => (p.innovation.qualityStandards = ['footwear']));
    const race = play(s, 10, () => ({ wenzhou: noStandards }));
    const saved = play(s, 10, (_st, i) => ({ wenzhou: i < 4 ? noStandards : standards }));
    const rep = (st: MatchState) => town(st, 'wenzhou').industries.footwear.reputation;
    const trough = Math.min(...race.states.map(rep));
    expect(trough).toBeLessThan(0.4);
    expect(rep(last(race.states))).toBeLessThan(0.4);
    // Standards from round 5 restore the reputation and the cluster's output.
    expect(rep(last(saved.states))).toBeGreaterThan(rep(last(race.states)) + 0.2);
    const output = (st: MatchState) => town(st, 'wenzhou').last.industrialOutput;
    expect(output(last(saved.states))).toBeGreaterThan(1.1 * output(last(race.states)));
  });

  it('fact 5 (003 §3.3): infrastructure built far beyond demand leaves debt and no extra growth (Zhuhai)', () => {
    // An inland town with no foreign investment yet builds as if demand would follow.
    const s = start('open-door-1980');
    const kinds: InfraKind[] = ['port', 'roads', 'power', 'park', 'housing'];
    const overbuild = (st: MatchState): TownPlan => {
      const z = town(st, 'qingyuan');
      const plan = planWith();
      for (const kind of kinds) {
        const trial = structuredClone(plan);
        trial.build.push({ kind });
        // Order everything the budget allows.
        const busy = z.infra.projects.some((p) => p.kind === kind);
        if (!busy && validateOk(st, trial)) plan.build.push({ kind });
      }
      return plan;
    };
    const overbuilt = play(s, 10, (st) => ({ qingyuan: overbuild(st) }));
    const built = last(overbuilt.states);
    const modest = last(play(s, 10, () => ({})).states);
    const zb = town(built, 'qingyuan');
    const zm = town(modest, 'qingyuan');
    // Works ordered beyond means meet a fiscal crisis: spending trimmed, unfinished works halted.
    const crises = overbuilt.events
      .flat()
      .filter(
        (e) => e.type === 'DebtLimitReached' && e.town === 'qingyuan' && (e.trimmed ?? 0) > 0,
      );
    expect(crises.length).toBeGreaterThan(0);
    expect(zb.infra.capitalStock).toBeLessThan(2.5 * zm.infra.capitalStock);
    // The hard budget (fiscal.ts): the overbuilder runs into the borrowing ceiling (2 × revenue)
    // and a fiscal crisis halts its works and trims its spending.
    expect(zb.debt).toBeGreaterThan(zb.last.revenue * 1.5);
    expect(zb.debt - zb.cash).toBeGreaterThan(zm.debt - zm.cash);
    expect(zb.last.gdp).toBeLessThan(1.05 * zm.last.gdp);
  });

  it('fact 6 (003 §6.2, §7.2): an export shock hits export-oriented clusters hardest; a town serving domestic demand suffers less', () => {
    const s = start('export-crash-2008');
    const played = play(s, 4, () => ({}));
    const pre = played.states[2]; // end of 2007
    const post = played.states[4]; // end of 2009
    const loss = (id: string) => 1 - firms(post, id) / firms(pre, id);
    const exportsLoss = (id: string) =>
      1 - town(post, id).last.exports / town(pre, id).last.exports;
    expect(loss('dongguan')).toBeGreaterThan(0.08);
    expect(loss('dongguan')).toBeGreaterThan(2 * Math.max(0.01, loss('shunde')));
    expect(exportsLoss('dongguan')).toBeGreaterThan(0.25);
    expect(exportsLoss('dongguan')).toBeGreaterThan(exportsLoss('shunde'));
  });

  it('fact 7 (002 §2.2.2, 001 ¶15): untargeted incentives make "empty boxes" with few local links; targeted ones build linkages', () => {
    const s = openAll(start('open-door-1980'));
    const incentives = (p: TownPlan) =>
      Object.assign(p.preferential, {
        foreignTaxRate: 0.1,
        foreignTaxHolidayYears: 3,
        landDiscount: 0.5,
      });
    const district = planWith(incentives);
    const targeted = planWith(incentives, (p) => {
      p.preferential.targetSectors = ['toys'];
      p.innovation.industryAssociation = ['toys'];
    });
    const end = last(play(s, 10, () => ({ shenzhen: district, shantou: targeted })).states);
    const links = (id: string) => {
      const i = town(end, id).industries.toys;
      return { embeddedness: i.embeddedness, plants: i.firms.foreign };
    };
    // Suzhou: 175 of 2,100 foreign firms (8 %) supplied locally.
    expect(links('shenzhen').plants).toBeGreaterThan(5);
    expect(links('shenzhen').embeddedness).toBeLessThan(0.12);
    expect(links('shantou').plants).toBeGreaterThan(5);
    expect(links('shantou').embeddedness).toBeGreaterThan(0.2);
    expect(links('shantou').embeddedness).toBeGreaterThan(2.5 * links('shenzhen').embeddedness);
  });

  it('fact 8 (003 §3.1): the first town to open races ahead (Shenzhen 58 %/yr vs ~10 %), and late copies of the policy earn less', () => {
    const s = start('open-door-1980');
    const open = planWith((p) =>
      Object.assign(p.preferential, {
        foreignTaxRate: 0.15,
        foreignTaxHolidayYears: 5,
        landDiscount: 0.6,
        oneStopOffice: true,
      }),
    );
    // From 1985 the coastal towns, now open, copy the policy.
    const played = play(s, 9, (_st, i): Record<string, TownPlan> =>
      i < 5 ? { shenzhen: open } : { shenzhen: open, zhuhai: open, dongguan: open, shantou: open },
    );
    const gdp = (st: MatchState, id: string) => town(st, id).last.gdp;
    const cagr = (id: string) => Math.sqrt(Math.sqrt(gdp(played.states[4], id) / gdp(s, id))) - 1;
    expect(cagr('shenzhen')).toBeGreaterThan(0.3);
    const others = ['dongguan', 'foshan', 'xiqiao', 'qingyuan'].map(cagr);
    expect(cagr('shenzhen')).toBeGreaterThan(2.5 * Math.max(...others));
    // Share of the region's newly arriving foreign plants won in the first four rounds of the policy.
    const arrivals = (id: string | null, from: number) =>
      played.events
        .slice(from, from + 4)
        .flat()
        .reduce(
          (a, e) =>
            a + (e.type === 'ForeignPlantsArrived' && (id === null || e.town === id) ? e.count : 0),
          0,
        );
    const share = (id: string, from: number) => arrivals(id, from) / arrivals(null, from);
    expect(share('shenzhen', 0)).toBeGreaterThan(0.5);
    // The late copy grows far more slowly over its own first four years of the same policy.
    const growthFrom = (id: string, from: number) =>
      Math.sqrt(Math.sqrt(gdp(played.states[from + 4], id) / gdp(played.states[from], id))) - 1;
    for (const copy of ['zhuhai', 'dongguan', 'shantou']) {
      expect(growthFrom(copy, 5)).toBeLessThan(0.7 * growthFrom('shenzhen', 0));
      expect(share(copy, 5)).toBeLessThan(0.5 * share('shenzhen', 0));
    }
  });

  it('fact 9 (003 §4.2): rising land and labour costs push labour-intensive firms to cheaper inland towns (Chengdu shoes)', () => {
    const base = openAll(start('open-door-1980'));
    const s = structuredClone(base);
    const dg = town(s, 'dongguan');
    dg.industries.footwear.firms.sme = 500;
    dg.industries.electronics.firms.sme = 100;
    dg.wage = 1.8 * s.national;
    dg.landPrice = 3 * s.national;
    town(s, 'qingyuan').wage = 0.8 * s.national;
    const played = play(s, 5, () => ({}));
    const inland = new Set(s.towns.filter((t) => !t.geo.coastal).map((t) => t.id));
    const movedInland = (sector: 'footwear' | 'electronics') =>
      [...relocations(played, 'dongguan', sector)]
        .filter(([to]) => inland.has(to))
        .reduce((a, [, n]) => a + n, 0);
    // Movers spread over every better destination by attractiveness (relocation.ts), so the
    // inland towns receive a part, not all, of those who leave.
    expect(movedInland('footwear')).toBeGreaterThan(0.05 * 500);
    expect(movedInland('footwear') / 500).toBeGreaterThan(2 * (movedInland('electronics') / 100));
  });

  it('fact 10: lax enforcement upstream raises pollution downstream and attracts polluters that others expelled', () => {
    const s = start('foshan-2007');
    const strict = planWith((p) => (p.environment.enforcement = 'strict'));
    const lax = planWith((p) => (p.environment.enforcement = 'lax'));
    const foshanLax = last(play(s, 4, () => ({ foshan: lax })).states);
    const foshanStrict = play(s, 4, () => ({ foshan: strict }));
    // Shunde lies downstream of Foshan (river order 1 → 2).
    const water = (st: MatchState) => town(st, 'shunde').waterPollution;
    expect(water(foshanLax)).toBeGreaterThan(water(last(foshanStrict.states)) + 3);
    // Ceramics expelled by strict Foshan go mostly to lax towns (Qingyuan, Zhaoqing).
    const moves = relocations(foshanStrict, 'foshan', 'ceramics');
    const laxTowns = new Set(['qingyuan', 'zhaoqing']);
    const total = [...moves.values()].reduce((a, b) => a + b, 0);
    const toLax = [...moves].filter(([to]) => laxTowns.has(to)).reduce((a, [, n]) => a + n, 0);
    expect(total).toBeGreaterThan(20);
    expect(toLax / total).toBeGreaterThan(0.8);
  });
});

import { validatePlan } from '../../shared/engine/plan-schema';
function validateOk(state: MatchState, plan: TownPlan): boolean {
  return validatePlan(state, 'qingyuan', plan).ok;
}
