/**
 * A first mover racing ahead (003 §3.1, §3.3): "Against a national average annual GDP growth of
 * roughly 10 percent from 1980 to 1984, Shenzhen grew at a phenomenal 58 percent annual rate";
 * "With the intense competition for FDI, the first-mover advantage is always important."
 *
 * Thresholds:
 * - a town opens when it is open to foreign investment and its plan first offers foreign incentives
 *   (`offersForeignIncentives`: a foreign tax rate 5 points below the domestic one, a tax holiday,
 *   or a land discount of at least 20 %);
 * - it is the first to open, and no other town opens within `lead` (2) rounds after it;
 * - over the `window` (4) rounds from its opening its GDP grew at least `growthRatio` (2) times as
 *   much as the median other town's (Shenzhen's 58 % against 10 % is more than five times) and by
 *   at least `minGrowth` (50 %) in all;
 * - it was not already the largest economy before opening (racing ahead, not staying ahead), and it
 *   is still the largest at the end of the log, at least `window` rounds later (a lasting lead).
 * A lead that fades, or a town that was ahead anyway, is not claimed.
 */
import { percent, text } from '../campaign/text';
import type { MatchState } from '../engine/types';
import {
  fixed3,
  median,
  nameOf,
  offersForeignIncentives,
  roundNumber,
  roundSpan,
  townIn,
} from './timeline';
import { LESSON_CITATIONS } from './citations';
import type { Chapter, DebriefTimeline } from './types';

export const FIRST_MOVER = {
  lead: 2,
  window: 4,
  growthRatio: 2,
  minGrowth: 0.5,
} as const;

/** The first round (timeline index) each town opened in, or none. */
function openings(t: DebriefTimeline): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 1; i < t.states.length; i++) {
    for (const town of t.states[i].towns) {
      if (!out.has(town.id) && town.fdiOpen && offersForeignIncentives(town.plan))
        out.set(town.id, i);
    }
  }
  return out;
}

const gdp = (s: MatchState, id: string): number => townIn(s, id)?.last.gdp ?? 0;

const largest = (s: MatchState): string =>
  [...s.towns].sort((a, b) => b.last.gdp - a.last.gdp || (a.id < b.id ? -1 : 1))[0].id;

export function firstMover(t: DebriefTimeline): Chapter[] {
  const last = t.states.length - 1;
  const opened = [...openings(t)].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  if (opened.length === 0) return [];
  const [id, o] = opened[0];
  const next = opened[1];
  if (next && next[1] - o < FIRST_MOVER.lead) return [];
  const end = o + FIRST_MOVER.window - 1;
  if (end > last) return [];
  const start = t.states[o - 1];
  if (largest(start) === id || largest(t.states[last]) !== id) return [];
  const growth = (x: string): number =>
    gdp(start, x) > 0 ? gdp(t.states[end], x) / gdp(start, x) - 1 : 0;
  const own = growth(id);
  const others = median(start.towns.filter((x) => x.id !== id).map((x) => growth(x.id)));
  if (own < FIRST_MOVER.minGrowth || own < FIRST_MOVER.growthRatio * Math.max(others, 0.01))
    return [];
  const rivalId = largest(start);
  const town = nameOf(t, id);
  const rival = nameOf(t, rivalId);
  const span = roundSpan(t, o, end);
  const endSpan = roundSpan(t, last, last);
  const ratio = gdp(t.states[last], id) / Math.max(gdp(t.states[last], rivalId), 1e-9);
  const copy = next ? nameOf(t, next[0]) : null;
  const copied = copy
    ? text(
        ` ${copy.en} opened only in round ${roundNumber(t, next[1])}.`,
        `${copy.zh}直到第${roundNumber(t, next[1])}轮才开放。`,
      )
    : text(' No other town opened.', '其他城镇都没有开放。');
  return [
    {
      id: `firstMover-${id}-${roundNumber(t, o)}`,
      rule: 'firstMover',
      fromRound: roundNumber(t, o),
      toRound: roundNumber(t, last),
      towns: [id, rivalId],
      finding: text(
        `${town.en} was the first to open to foreign investors with incentives (round ${roundNumber(t, o)}); its GDP grew ${percent(own)} in ${span.en} against ${percent(others)} for the median town, and by ${endSpan.en} it was the region's largest economy, ${ratio.toFixed(1)} times ${rival.en}, the largest before.${copied.en}`,
        `${town.zh}最先以优惠政策向外资开放（第${roundNumber(t, o)}轮）；${span.zh}其GDP增长${percent(own)}，中位城镇为${percent(others)}；到${endSpan.zh}，它已是全区最大的经济体，是原先最大的${rival.zh}的${ratio.toFixed(1)}倍。${copied.zh}`,
      ),
      lesson: text(
        'With the intense competition for foreign investment, the first town to open with a good location and policies races ahead, and the lead lasts: later copies of the same policy earn less.',
        '在激烈的引资竞争中，区位和政策俱佳、最先开放的城镇会迅速领先，而且优势持久：后来照搬同样政策的城镇收获较少。',
      ),
      citation: LESSON_CITATIONS.firstMover,
      question: text(
        `Why did ${town.en}'s early opening keep paying off after others${copy ? ` such as ${copy.en}` : ''} could offer the same terms?`,
        `在其他城镇${copy ? `（如${copy.zh}）` : ''}也能提供同样条件之后，${town.zh}的率先开放为什么仍然持续带来回报？`,
      ),
      evidence: {
        town: id,
        openedRound: roundNumber(t, o),
        gdpGrowth: fixed3(own),
        medianOtherGdpGrowth: fixed3(others),
        largestBefore: rivalId,
        gdpRatioAtEnd: fixed3(ratio),
        ...(next ? { nextOpener: next[0], nextOpenedRound: roundNumber(t, next[1]) } : {}),
      },
    },
  ];
}
