/**
 * Debrief chapters (issue 15): each detection rule fires on a scripted match that shows its
 * lesson, with the numbers of its finding checked against the replayed states, and returns
 * nothing on a match that does not; the same log always gives the same chapters; every chapter
 * cites its lesson's passage (the quotes are checked in tests/citations).
 */
import { describe, expect, it } from 'vitest';
import { buildChapters, LESSON_CITATIONS, LESSON_RULES, type Chapter } from '../../shared/debrief';
import { constructionSpending, debriefTimeline } from '../../shared/debrief/timeline';
import { firmCount } from '../../shared/engine/industry';
import { appendRound, forkLog, type MatchLog } from '../../shared/engine/match-log';
import { resolveRound } from '../../shared/engine/resolve-round';
import { pollutionIndex } from '../../shared/engine/pollution';
import { decidePlan, STRATEGY_IDS } from '../../shared/engine/strategies';
import type { MatchState, TownPlan } from '../../shared/engine/types';
import { DEBRIEF_CITATIONS } from '../citations/all-citations';
import { describeCitations } from '../citations/check';
import { crackdown, opening, overbuild, planWith, scriptedLog } from './debrief-logs';

const memo = new Map<string, { log: MatchLog; chapters: Chapter[] }>();
function chaptersOf(key: string, make: () => MatchLog): Chapter[] {
  let hit = memo.get(key);
  if (!hit) {
    const log = make();
    hit = { log, chapters: buildChapters(log) };
    memo.set(key, hit);
  }
  return hit.chapters;
}
const only = (chapters: Chapter[], rule: Chapter['rule']): Chapter[] =>
  chapters.filter((c) => c.rule === rule);
const town = (s: MatchState, id: string) => s.towns.find((t) => t.id === id)!;

/** The plans from round index `first` on; none before. */
const from = (i: number, first: number, plans: Record<string, TownPlan>) =>
  i >= first ? plans : {};

const LOGS = {
  foshanCrackdown: () =>
    scriptedLog('foshan-2007', 6, (_s, i) => from(i, 1, { foshan: crackdown })),
  shundeStrict: () =>
    scriptedLog('foshan-2007', 6, (_s, i) =>
      from(i, 1, { shunde: planWith((p) => (p.environment.enforcement = 'strict')) }),
    ),
  suzhouDistrict: () => scriptedLog('imbedding-clusters', 10, () => districts(false)),
  suzhouTargeted: () => scriptedLog('imbedding-clusters', 10, () => districts(true)),
  qingyuanOverbuilt: () =>
    scriptedLog('open-door-1980', 10, (s) => ({ qingyuan: overbuild(s, 'qingyuan') })),
  shenzhenBuildsAndGrows: () =>
    scriptedLog('open-door-1980', 10, (s) => ({ shenzhen: overbuild(s, 'shenzhen', opening) })),
  crash: () => scriptedLog('export-crash-2008', 5, () => ({})),
  beforeCrash: () => scriptedLog('export-crash-2008', 2, () => ({})),
  race: () => scriptedLog('export-crash-2008', 8, (s, i) => raceTurns(s, i, 'shantou', 'qingyuan')),
  computerTowns: () =>
    scriptedLog('block-economy-zhejiang', 12, (s) =>
      Object.fromEntries(
        s.towns.map((t, n) => [t.id, decidePlan(s, t.id, STRATEGY_IDS[n % STRATEGY_IDS.length])]),
      ),
    ),
  raceAlone: () => scriptedLog('export-crash-2008', 8, (s, i) => raceTurns(s, i, 'shantou', null)),
  shenzhenOpens: () => scriptedLog('open-door-1980', 10, () => ({ shenzhen: opening })),
  noOpening: () => scriptedLog('open-door-1980', 10, () => ({})),
  twoOpenTogether: () =>
    scriptedLog('open-door-1980', 10, () => ({ shenzhen: opening, zhuhai: opening })),
} satisfies Record<string, () => MatchLog>;

function districts(suzhouTargets: boolean): Record<string, TownPlan> {
  const incentives = (p: TownPlan) =>
    Object.assign(p.preferential, {
      foreignTaxRate: 0.1,
      foreignTaxHolidayYears: 3,
      landDiscount: 0.5,
    });
  const targeted = planWith(incentives, (p) => {
    p.preferential.targetSectors = ['electronics'];
    p.innovation.industryAssociation = ['electronics'];
  });
  return { suzhou: suzhouTargets ? targeted : planWith(incentives), kunshan: targeted };
}

/** Two towns (or one) cutting taxes, land prices and enforcement in turn, rounds 2–5. */
function raceTurns(
  s: MatchState,
  i: number,
  a: string,
  b: string | null,
): Record<string, TownPlan> {
  const cut = (tax: number, land: number) =>
    planWith((p) => {
      p.environment.enforcement = 'lax';
      p.preferential.foreignTaxRate = Math.max(s.conditions.taxFloor, tax);
      p.preferential.domesticTaxRate = Math.max(s.conditions.taxFloor, tax);
      p.preferential.landDiscount = land;
    });
  const turns: Record<number, [string | null, TownPlan]> = {
    1: [a, cut(0.3, 0.2)],
    2: [b, cut(0.25, 0.4)],
    3: [a, cut(0.2, 0.5)],
    4: [b, cut(0.15, 0.6)],
  };
  const turn = turns[i];
  return turn && turn[0] ? { [turn[0]]: turn[1] } : {};
}

describe('debrief chapter: a town hollowed out after enforcement (001 ¶20)', () => {
  it('fires when Foshan withdraws ceramics support and enforces strictly, with the replayed numbers', () => {
    const [c] = only(chaptersOf('foshanCrackdown', LOGS.foshanCrackdown), 'hollowedOut');
    expect(c).toBeDefined();
    expect(c.towns[0]).toBe('foshan');
    expect(c.fromRound).toBe(2);
    expect(c.toRound).toBe(5);
    const t = debriefTimeline(memo.get('foshanCrackdown')!.log);
    const ceramics = (i: number) => firmCount(town(t.states[i], 'foshan').industries.ceramics);
    expect(c.evidence.firmsBefore).toBe(ceramics(1));
    expect(c.evidence.firmsAfter).toBe(ceramics(5));
    expect(Number(c.evidence.lossShare)).toBeGreaterThan(0.4);
    expect(Number(c.evidence.otherSectorsKept)).toBeGreaterThan(0.5);
    const lost = ceramics(1) - ceramics(5);
    expect(c.finding.en).toContain(`lost ${lost} of its ${ceramics(1)} ceramics firms`);
    expect(c.finding.en).toContain('rounds 2–5 (2008–2011)');
    expect(c.finding.zh).toContain(`原有${ceramics(1)}家陶瓷建材企业中的${lost}家`);
  });

  it('does not fire when strict enforcement meets no polluting cluster to lose', () => {
    expect(only(chaptersOf('shundeStrict', LOGS.shundeStrict), 'hollowedOut')).toEqual([]);
  });

  it('does not blame the crackdown town on the 2008 crash it coincided with', () => {
    const shocks = only(chaptersOf('foshanCrackdown', LOGS.foshanCrackdown), 'exportShock');
    expect(shocks.flatMap((c) => c.towns)).not.toContain('foshan');
  });
});

describe('debrief chapter: an empty-box foreign cluster (002 §2.2.2)', () => {
  it('fires for an untargeted district with few local links, naming the targeted contrast', () => {
    const [c] = only(chaptersOf('suzhouDistrict', LOGS.suzhouDistrict), 'emptyBox');
    expect(c).toBeDefined();
    expect(c.towns).toEqual(['suzhou', 'kunshan']);
    const t = debriefTimeline(memo.get('suzhouDistrict')!.log);
    const end = town(t.states[t.states.length - 1], 'suzhou').industries.electronics;
    expect(c.evidence.foreignPlants).toBe(end.firms.foreign);
    expect(Number(c.evidence.localLinkage)).toBeLessThan(0.12);
    expect(Number(c.evidence.contrastLinkage)).toBeGreaterThan(2 * Number(c.evidence.localLinkage));
    expect(c.finding.en).toContain(`${end.firms.foreign} foreign electronics plants`);
  });

  it('does not fire for a targeted sector, nor where no incentives are offered', () => {
    const chapters = only(chaptersOf('suzhouTargeted', LOGS.suzhouTargeted), 'emptyBox');
    expect(chapters.filter((c) => c.evidence.sector === 'electronics')).toEqual([]);
    expect(only(chaptersOf('noOpening', LOGS.noOpening), 'emptyBox')).toEqual([]);
  });
});

describe('debrief chapter: an overbuilt town with debt and no growth (003 §3.3)', () => {
  it('fires when Qingyuan orders works far beyond its means', () => {
    const [c] = only(chaptersOf('qingyuanOverbuilt', LOGS.qingyuanOverbuilt), 'overbuilt');
    expect(c).toBeDefined();
    expect(c.towns).toEqual(['qingyuan']);
    expect(Number(c.evidence.construction)).toBeGreaterThan(2 * Number(c.evidence.revenueBefore));
    expect(Number(c.evidence.gdpGrowth)).toBeLessThanOrEqual(
      Number(c.evidence.medianOtherGdpGrowth),
    );
    // The burst is round 1; the chapter reads the six rounds from it.
    expect([c.fromRound, c.toRound]).toEqual([1, 6]);
    const t = debriefTimeline(memo.get('qingyuanOverbuilt')!.log);
    const end = town(t.states[6], 'qingyuan');
    expect(end.debt).toBeGreaterThanOrEqual(1.5 * end.last.revenue);
    expect(c.finding.en).toContain(`debt of ${Math.round(end.debt)} M RMB`);
  });

  it('does not fire for a town that builds and grows faster than the others', () => {
    const chapters = chaptersOf('shenzhenBuildsAndGrows', LOGS.shenzhenBuildsAndGrows);
    expect(only(chapters, 'overbuilt').flatMap((c) => c.towns)).not.toContain('shenzhen');
    // It did build beyond two years of its revenue: only the growth refuses the lesson.
    const t = debriefTimeline(memo.get('shenzhenBuildsAndGrows')!.log);
    let built = 0;
    for (let i = 1; i < t.states.length; i++) built += constructionSpending(t, i, 'shenzhen');
    expect(built).toBeGreaterThan(2 * town(t.states[0], 'shenzhen').last.revenue);
  });

  it('does not fire when nobody overbuilds', () => {
    expect(only(chaptersOf('noOpening', LOGS.noOpening), 'overbuilt')).toEqual([]);
  });
});

describe('debrief chapter: the 2008 export shock (003 §6.2)', () => {
  it('fires on the crash: the exporter loses most, the domestic town least', () => {
    const [c] = only(chaptersOf('crash', LOGS.crash), 'exportShock');
    expect(c).toBeDefined();
    expect(c.towns).toEqual(['dongguan', 'shunde']);
    expect(c.fromRound).toBe(3);
    const t = debriefTimeline(memo.get('crash')!.log);
    const firms = (i: number) => town(t.states[i], 'dongguan').last.firms;
    expect(c.finding.en).toContain(`lost ${firms(2) - firms(4)} of its ${firms(2)} firms`);
    expect(Number(c.evidence.hardestExportShare)).toBeGreaterThan(
      Number(c.evidence.leastExportShare),
    );
    expect(Number(c.evidence.regionLoss)).toBeGreaterThanOrEqual(0.02);
  });

  it('does not fire when the crash is not in the log', () => {
    expect(only(chaptersOf('beforeCrash', LOGS.beforeCrash), 'exportShock')).toEqual([]);
    expect(only(chaptersOf('noOpening', LOGS.noOpening), 'exportShock')).toEqual([]);
  });
});

describe('debrief chapter: a race to the bottom (003 §6)', () => {
  it('fires when two towns cut in turn and their pollution rises', () => {
    const [c] = only(chaptersOf('race', LOGS.race), 'raceToTheBottom');
    expect(c).toBeDefined();
    expect(c.towns).toEqual(['shantou', 'qingyuan']);
    expect(c.evidence.cuts).toBe(4);
    expect(c.fromRound).toBe(2);
    const t = debriefTimeline(memo.get('race')!.log);
    const mean = (i: number) =>
      (pollutionIndex(town(t.states[i], 'shantou')) +
        pollutionIndex(town(t.states[i], 'qingyuan'))) /
      2;
    expect(Number(c.evidence.pollutionBefore)).toBeCloseTo(mean(1), 3);
    expect(Number(c.evidence.pollutionAfter)).toBeCloseTo(mean(7), 3);
    expect(mean(7) - mean(1)).toBeGreaterThanOrEqual(5);
  });

  it('does not fire when one town cuts alone', () => {
    expect(only(chaptersOf('raceAlone', LOGS.raceAlone), 'raceToTheBottom')).toEqual([]);
  });

  it('does not take computer towns setting their policies for a race', () => {
    expect(only(chaptersOf('computerTowns', LOGS.computerTowns), 'raceToTheBottom')).toEqual([]);
  });
});

describe('debrief chapter: a first mover racing ahead (003 §3.1)', () => {
  it('fires when Shenzhen opens first and keeps the lead', () => {
    const [c] = only(chaptersOf('shenzhenOpens', LOGS.shenzhenOpens), 'firstMover');
    expect(c).toBeDefined();
    expect(c.towns[0]).toBe('shenzhen');
    expect(c.fromRound).toBe(1);
    expect(c.toRound).toBe(10);
    const t = debriefTimeline(memo.get('shenzhenOpens')!.log);
    const gdp = (i: number) => town(t.states[i], 'shenzhen').last.gdp;
    expect(Number(c.evidence.gdpGrowth)).toBeCloseTo(gdp(4) / gdp(0) - 1, 3);
    expect(Number(c.evidence.gdpGrowth)).toBeGreaterThan(
      2 * Number(c.evidence.medianOtherGdpGrowth),
    );
  });

  it('does not fire when nobody opens, or two towns open together', () => {
    expect(only(chaptersOf('noOpening', LOGS.noOpening), 'firstMover')).toEqual([]);
    expect(only(chaptersOf('twoOpenTogether', LOGS.twoOpenTogether), 'firstMover')).toEqual([]);
  });
});

describe('debrief chapters', () => {
  it('are deterministic: the same log (also after a JSON round trip) gives the same chapters', () => {
    const { log, chapters } = memo.get('foshanCrackdown') ?? {
      log: LOGS.foshanCrackdown(),
      chapters: [],
    };
    const again = buildChapters(JSON.parse(JSON.stringify(log)) as MatchLog);
    expect(again).toEqual(chapters.length ? chapters : buildChapters(log));
    expect(JSON.stringify(again)).toBe(JSON.stringify(buildChapters(log)));
  });

  it('are none for a log with no rounds', () => {
    expect(buildChapters(scriptedLog('foshan-2007', 0, () => ({})))).toEqual([]);
  });

  it('number the rounds of a forked log as the log does (absolute rounds)', () => {
    const parent = memo.get('foshanCrackdown')?.log ?? LOGS.foshanCrackdown();
    const states = debriefTimeline(parent).states;
    const fork = forkLog(parent, 1, states[1]);
    let state = states[1];
    for (const entry of parent.rounds.slice(1)) {
      const inputs = { plans: entry.plans, cards: entry.cards };
      const result = resolveRound(state, inputs);
      appendRound(fork, state, inputs, result);
      state = result.state;
    }
    const [c] = only(buildChapters(fork), 'hollowedOut');
    expect(c.fromRound).toBe(2);
    expect(c).toEqual(only(buildChapters(parent), 'hollowedOut')[0]);
  });

  it('are sorted by round, at most six, each citing its lesson with a question in both languages', () => {
    for (const { chapters } of memo.values()) {
      expect(chapters.length).toBeLessThanOrEqual(6);
      const rounds = chapters.map((c) => c.fromRound);
      expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
      for (const c of chapters) {
        expect(LESSON_RULES).toContain(c.rule);
        expect(c.citation).toEqual(LESSON_CITATIONS[c.rule]);
        for (const text of [c.finding, c.lesson, c.question]) {
          expect(text.en.length).toBeGreaterThan(20);
          expect(text.zh.length).toBeGreaterThan(10);
        }
        expect(c.fromRound).toBeLessThanOrEqual(c.toRound);
        expect(c.finding.en).not.toMatch(/NaN|undefined|Infinity/);
        expect(c.finding.zh).not.toMatch(/NaN|undefined|Infinity/);
      }
    }
  });
});

describeCitations('debrief chapter citations', DEBRIEF_CITATIONS);
