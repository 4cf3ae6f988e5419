/**
 * Overbuilt, with debt and no growth (003 §3.3, Zhuhai): "Zhuhai actually overbuilt its
 * infrastructure beyond sustainable demand … Its over-sized airport exhausted its initial capital
 * and became a drag on its economy."
 *
 * Thresholds:
 * - a building burst: construction spending (the fiscal explanation's `construction` cause) over
 *   `burst` (3) consecutive rounds of at least `minBuildYears` (2) times the town's yearly
 *   revenue before them (works beyond its means); the town's first burst is read;
 * - the rounds read: from the burst's first round for `horizon` (6) rounds or to the log's end,
 *   at least `minRounds` (3) of them ("became a drag" takes time to show);
 * - it leaves debt: at the end of those rounds the debt is at least `debtToRevenue` (1.5) times
 *   the yearly revenue ("exhausted its initial capital"); rounds at the borrowing ceiling
 *   (DebtLimitReached) are reported;
 * - no growth to show for it: the town's GDP grew by no more than `growthMargin` (5 %) above the
 *   median other town's over the same rounds ("a drag on its economy"; DESIGN §3 fact 5, "leaves
 *   debt and no growth").
 * A town that built heavily and grew faster than its neighbours, or paid its works off, is not
 * claimed; nor is steady building that never exceeded two years of revenue within three rounds.
 */
import { percent, text, whole } from '../campaign/text';
import {
  constructionSpending,
  countEvents,
  fixed3,
  median,
  nameOf,
  roundNumber,
  roundSpan,
  townIn,
} from './timeline';
import { LESSON_CITATIONS } from './citations';
import type { Chapter, DebriefTimeline } from './types';

export const OVERBUILT = {
  burst: 3,
  minBuildYears: 2,
  horizon: 6,
  minRounds: 3,
  debtToRevenue: 1.5,
  /** The town's GDP factor may exceed the median other town's by at most this share. */
  growthMargin: 0.05,
} as const;

interface Case {
  town: string;
  from: number;
  to: number;
  built: number;
  revenue: number;
  /** Yearly revenue before the burst. */
  startRevenue: number;
  /** Construction over the burst's rounds. */
  burst: number;
  debt: number;
  lastRevenue: number;
  ceilingHits: number;
  growth: number;
  othersGrowth: number;
}

const gdpGrowth = (t: DebriefTimeline, id: string, from: number, to: number): number | null => {
  const a = townIn(t.states[from - 1], id);
  const b = townIn(t.states[to], id);
  return a && b && a.last.gdp > 0 ? b.last.gdp / a.last.gdp - 1 : null;
};

/** The first round starting a building burst beyond the town's means, or 0. */
function burstStart(t: DebriefTimeline, id: string): number {
  const last = t.states.length - 1;
  for (let b = 1; b <= last; b++) {
    const revenue = townIn(t.states[b - 1], id)?.last.revenue ?? 0;
    let built = 0;
    for (let i = b; i <= Math.min(b + OVERBUILT.burst - 1, last); i++)
      built += constructionSpending(t, i, id);
    if (revenue > 0 && built >= OVERBUILT.minBuildYears * revenue) return b;
  }
  return 0;
}

function caseOf(t: DebriefTimeline, id: string): Case | null {
  const from = burstStart(t, id);
  if (from === 0) return null;
  const to = Math.min(from + OVERBUILT.horizon - 1, t.states.length - 1);
  if (to - from + 1 < OVERBUILT.minRounds) return null;
  let built = 0;
  let burst = 0;
  let revenue = 0;
  for (let i = from; i <= to; i++) {
    const spent = constructionSpending(t, i, id);
    built += spent;
    if (i < from + OVERBUILT.burst) burst += spent;
    revenue += townIn(t.states[i], id)?.last.revenue ?? 0;
  }
  const end = townIn(t.states[to], id);
  const growth = gdpGrowth(t, id, from, to);
  if (!end || growth === null) return null;
  const others = t.states[to].towns
    .filter((x) => x.id !== id)
    .map((x) => gdpGrowth(t, x.id, from, to))
    .filter((g): g is number => g !== null);
  return {
    town: id,
    from,
    to,
    built,
    revenue,
    startRevenue: townIn(t.states[from - 1], id)?.last.revenue ?? 0,
    burst,
    debt: end.debt,
    lastRevenue: end.last.revenue,
    ceilingHits: countEvents(t, from, to, (e) =>
      e.type === 'DebtLimitReached' && e.town === id ? 1 : 0,
    ),
    growth,
    othersGrowth: median(others),
  };
}

function shows(c: Case): boolean {
  if (c.debt < OVERBUILT.debtToRevenue * c.lastRevenue) return false;
  return 1 + c.growth <= (1 + OVERBUILT.growthMargin) * (1 + c.othersGrowth);
}

function chapter(t: DebriefTimeline, c: Case): Chapter {
  const town = nameOf(t, c.town);
  const span = roundSpan(t, c.from, c.to);
  const ceiling =
    c.ceilingHits > 0
      ? text(
          `, hit its borrowing ceiling in ${c.ceilingHits} rounds`,
          `，其中${c.ceilingHits}轮触及借债上限`,
        )
      : text('', '');
  return {
    id: `overbuilt-${c.town}-${roundNumber(t, c.from)}`,
    rule: 'overbuilt',
    fromRound: roundNumber(t, c.from),
    toRound: roundNumber(t, c.to),
    towns: [c.town],
    finding: text(
      `${town.en} spent ${whole(c.built)} M RMB on construction in ${span.en}, ${(c.built / c.startRevenue).toFixed(1)} times its yearly revenue before${ceiling.en}, and ended with a debt of ${whole(c.debt)} M RMB (${(c.debt / Math.max(c.lastRevenue, 1e-9)).toFixed(1)} years of revenue), while its GDP grew ${percent(c.growth)} against ${percent(c.othersGrowth)} for the median town.`,
      `${span.zh}，${town.zh}在建设上花费${whole(c.built)}百万元，相当于此前年收入的${(c.built / c.startRevenue).toFixed(1)}倍${ceiling.zh}，期末负债${whole(c.debt)}百万元（相当于${(c.debt / Math.max(c.lastRevenue, 1e-9)).toFixed(1)}年的收入）；而其GDP仅增长${percent(c.growth)}，中位城镇为${percent(c.othersGrowth)}。`,
    ),
    lesson: text(
      "Infrastructure built beyond sustainable demand does not bring the firms by itself: it exhausts the capital, leaves debt and upkeep, and becomes a drag on the economy, as Zhuhai's over-sized airport did.",
      '超出可持续需求的基础设施本身并不能引来企业：它耗尽资金，留下债务和维护费用，成为经济的拖累，就像珠海过大的机场一样。',
    ),
    citation: LESSON_CITATIONS.overbuilt,
    question: text(
      `Which of ${town.en}'s works did its firms actually need, and how could the town have known before it built them?`,
      `${town.zh}的哪些工程是企业真正需要的？在动工之前，它怎样才能知道？`,
    ),
    evidence: {
      town: c.town,
      construction: fixed3(c.built),
      burstConstruction: fixed3(c.burst),
      revenue: fixed3(c.revenue),
      revenueBefore: fixed3(c.startRevenue),
      debt: fixed3(c.debt),
      yearlyRevenue: fixed3(c.lastRevenue),
      ceilingHits: c.ceilingHits,
      gdpGrowth: fixed3(c.growth),
      medianOtherGdpGrowth: fixed3(c.othersGrowth),
    },
  };
}

/** The town that built most against its revenue and has nothing to show for it, or nothing. */
export function overbuilt(t: DebriefTimeline): Chapter[] {
  const found = t.states[0].towns
    .map((x) => caseOf(t, x.id))
    .filter((c): c is Case => c !== null && shows(c))
    .sort(
      (a, b) => b.burst / b.startRevenue - a.burst / a.startRevenue || (a.town < b.town ? -1 : 1),
    );
  return found[0] ? [chapter(t, found[0])] : [];
}
