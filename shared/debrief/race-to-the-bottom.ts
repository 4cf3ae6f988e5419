/**
 * A race to the bottom between towns: towns specialised alike "were actually competing with other
 * towns in the same province or other provinces" (003 §6), and competition by concessions — lower
 * taxes, cheaper land, laxer enforcement (DESIGN §2 "Environment": lax enforcement attracts
 * polluters; §3 fact 10) — is answered in turn while pollution rises (003 §6.1 names the price war
 * among firms a "racing to the bottom"; §6.3 the "serious water, air, and land pollution").
 *
 * Thresholds:
 * - a cut is a plan that, compared with the town's plan of the round before, lowers a tax rate by
 *   at least `minTaxCut` (5 points), raises the land discount by at least `minLandCut` (10 points),
 *   lengthens the foreign tax holiday, or relaxes enforcement (strict → standard → lax);
 * - "in turn": two towns whose cuts answer each other — a cut by one in a later round than the
 *   other's last cut, at most `maxGap` (3) rounds after it — at least `minAnswers` (2) times (A,
 *   then B, then A again), with at least `minCuts` (3) cuts; cuts made in the same round are no
 *   answer (the computer towns setting their first policies in round 1 are not a race);
 * - pollution rose: the cutting towns' average pollution index rose by at least `minPollution` (5)
 *   points (of 100) from before the first cut to `grace` (2) rounds after the last (or the log's
 *   end);
 * - the rise exceeds the other towns' average rise (when there are other towns), so a region-wide
 *   rise is not blamed on the cuts.
 * Cuts without a rise in pollution, or one town cutting alone, are not claimed.
 */
import { oneDecimal, text } from '../campaign/text';
import type { Enforcement, TownPlan } from '../engine/types';
import { pollutionIndex } from '../engine/pollution';
import { fixed3, nameOf, roundNumber, roundSpan, townIn } from './timeline';
import { LESSON_CITATIONS } from './citations';
import type { Chapter, DebriefTimeline } from './types';

export const RACE_TO_THE_BOTTOM = {
  minTaxCut: 0.05,
  minLandCut: 0.1,
  maxGap: 3,
  minAnswers: 2,
  minCuts: 3,
  minPollution: 5,
  grace: 2,
} as const;

const LAXITY: Record<Enforcement, number> = { strict: 0, standard: 1, lax: 2 };

type CutKind = 'tax' | 'land' | 'holiday' | 'enforcement';

interface Cut {
  round: number;
  town: string;
  kinds: CutKind[];
}

function cutsBetween(before: TownPlan, after: TownPlan): CutKind[] {
  const a = before.preferential;
  const b = after.preferential;
  const kinds: CutKind[] = [];
  if (
    a.foreignTaxRate - b.foreignTaxRate >= RACE_TO_THE_BOTTOM.minTaxCut - 1e-9 ||
    a.domesticTaxRate - b.domesticTaxRate >= RACE_TO_THE_BOTTOM.minTaxCut - 1e-9
  )
    kinds.push('tax');
  if (b.landDiscount - a.landDiscount >= RACE_TO_THE_BOTTOM.minLandCut - 1e-9) kinds.push('land');
  if (b.foreignTaxHolidayYears > a.foreignTaxHolidayYears) kinds.push('holiday');
  if (LAXITY[after.environment.enforcement] > LAXITY[before.environment.enforcement])
    kinds.push('enforcement');
  return kinds;
}

function allCuts(t: DebriefTimeline): Cut[] {
  const cuts: Cut[] = [];
  for (let i = 1; i < t.states.length; i++) {
    for (const now of t.states[i].towns) {
      const was = townIn(t.states[i - 1], now.id);
      const kinds = was ? cutsBetween(was.plan, now.plan) : [];
      if (kinds.length > 0) cuts.push({ round: i, town: now.id, kinds });
    }
  }
  return cuts;
}

/**
 * The cuts of two towns split where more than `maxGap` rounds pass without one, each part with
 * the number of times one town's cut answered the other's.
 */
function races(cuts: readonly Cut[], a: string, b: string): { cuts: Cut[]; answers: number }[] {
  const out: { cuts: Cut[]; answers: number }[] = [];
  let current: { cuts: Cut[]; answers: number } = { cuts: [], answers: 0 };
  for (const cut of cuts) {
    if (cut.town !== a && cut.town !== b) continue;
    const prev = current.cuts[current.cuts.length - 1];
    if (prev && cut.round - prev.round > RACE_TO_THE_BOTTOM.maxGap) {
      out.push(current);
      current = { cuts: [], answers: 0 };
    }
    const previous = current.cuts[current.cuts.length - 1];
    if (previous && previous.town !== cut.town && cut.round > previous.round) current.answers += 1;
    current.cuts.push(cut);
  }
  if (current.cuts.length > 0) out.push(current);
  return out;
}

const averagePollution = (t: DebriefTimeline, i: number, towns: readonly string[]): number => {
  const values = towns.map((id) => townIn(t.states[i], id)).filter((x) => x !== undefined);
  return values.length ? values.reduce((a, x) => a + pollutionIndex(x), 0) / values.length : 0;
};

const KIND_NAMES: Record<CutKind, { en: string; zh: string }> = {
  tax: { en: 'taxes', zh: '税率' },
  land: { en: 'land prices', zh: '地价' },
  holiday: { en: 'tax holidays', zh: '免税期' },
  enforcement: { en: 'enforcement', zh: '环境执法' },
};

function chapter(
  t: DebriefTimeline,
  chain: readonly Cut[],
  answers: number,
  before: number,
  after: number,
  to: number,
): Chapter {
  const towns = [...new Set(chain.map((c) => c.town))];
  const from = chain[0].round;
  const kinds = (['tax', 'land', 'holiday', 'enforcement'] as const).filter((k) =>
    chain.some((c) => c.kinds.includes(k)),
  );
  const names = towns.map((id) => nameOf(t, id));
  const list = (xs: string[], and: string): string =>
    xs.length > 1
      ? `${xs.slice(0, -1).join(and === '和' ? '、' : ', ')}${and}${xs[xs.length - 1]}`
      : xs.join('');
  const endSpan = roundSpan(t, to, to);
  const cutsSpan = roundSpan(t, from, chain[chain.length - 1].round);
  return {
    id: `raceToTheBottom-${towns[0]}-${roundNumber(t, from)}`,
    rule: 'raceToTheBottom',
    fromRound: roundNumber(t, from),
    toRound: roundNumber(t, to),
    towns,
    finding: text(
      `${list(
        names.map((n) => n.en),
        ' and ',
      )} cut ${list(
        kinds.map((k) => KIND_NAMES[k].en),
        ' and ',
      )} in turn, ${chain.length} cuts in ${cutsSpan.en}, and their average pollution index rose from ${oneDecimal(before)} before the first cut to ${oneDecimal(after)} by ${endSpan.en}.`,
      `${cutsSpan.zh}，${list(
        names.map((n) => n.zh),
        '和',
      )}轮番降低${list(
        kinds.map((k) => KIND_NAMES[k].zh),
        '和',
      )}，共${chain.length}次；它们的平均污染指数从首次让利前的${oneDecimal(before)}升至${endSpan.zh}的${oneDecimal(after)}。`,
    ),
    lesson: text(
      "Towns that compete with each other for the same firms by concessions answer each other's cuts: no town keeps the advantage for long, and the laxer rules leave more pollution behind.",
      '为争夺同样的企业而以让利相互竞争的城镇，会轮番跟进彼此的让步：没有哪个城镇能长久保持优势，而更宽松的规则留下了更多污染。',
    ),
    citation: LESSON_CITATIONS.raceToTheBottom,
    question: text(
      `Who gained from the cuts ${list(
        names.map((n) => n.en),
        ' and ',
      )} made in turn? What agreement between them could have stopped the race?`,
      `${list(
        names.map((n) => n.zh),
        '和',
      )}轮番让利，谁从中得益？它们之间达成怎样的协议才能停止这场竞争？`,
    ),
    evidence: {
      towns: towns.join(','),
      cuts: chain.length,
      answers,
      cutKinds: kinds.join(','),
      pollutionBefore: fixed3(before),
      pollutionAfter: fixed3(after),
    },
  };
}

interface Race {
  cuts: Cut[];
  answers: number;
  before: number;
  after: number;
  to: number;
}

/** The race with most answers (then most cuts, then the earliest) that shows the lesson. */
export function raceToTheBottom(t: DebriefTimeline): Chapter[] {
  const last = t.states.length - 1;
  const cuts = allCuts(t);
  const ids = t.states[0].towns.map((x) => x.id);
  const found: Race[] = [];
  for (const [n, a] of ids.entries()) {
    for (const b of ids.slice(n + 1)) {
      for (const race of races(cuts, a, b)) {
        if (race.answers < RACE_TO_THE_BOTTOM.minAnswers) continue;
        if (race.cuts.length < RACE_TO_THE_BOTTOM.minCuts) continue;
        const from = race.cuts[0].round;
        const to = Math.min(race.cuts[race.cuts.length - 1].round + RACE_TO_THE_BOTTOM.grace, last);
        const before = averagePollution(t, from - 1, [a, b]);
        const after = averagePollution(t, to, [a, b]);
        if (after - before < RACE_TO_THE_BOTTOM.minPollution) continue;
        const others = ids.filter((id) => id !== a && id !== b);
        const othersRise = averagePollution(t, to, others) - averagePollution(t, from - 1, others);
        if (others.length > 0 && othersRise >= after - before) continue;
        found.push({ ...race, before, after, to });
      }
    }
  }
  const best = found.sort(
    (x, y) =>
      y.answers - x.answers || y.cuts.length - x.cuts.length || x.cuts[0].round - y.cuts[0].round,
  )[0];
  return best ? [chapter(t, best.cuts, best.answers, best.before, best.after, best.to)] : [];
}
