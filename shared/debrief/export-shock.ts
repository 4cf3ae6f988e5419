/**
 * The export shock (003 §6.2): in the 2008 crisis "the clusters in the Pearl River Delta region,
 * for example, which rely mostly on exports," were hit hard; "50,000 out of 1 million industrial
 * enterprises in Guangdong Province had collapsed" in nine months (5 %). A town serving domestic
 * demand suffers less (003 §7.2).
 *
 * Thresholds, over the crash round and the one after (the paper's nine months fall in one year;
 * the second round catches closures that follow the lost orders):
 * - the crash is in the log (the timeline's `crisis2008` or the card of the same id);
 * - the region lost at least `minRegionLoss` (2 %) of its firms (the paper's 5 %; the calibration's
 *   3–8 % band, docs/calibration.md, less its margin);
 * - among towns with at least `minFirms` (50) firms, the hardest hit exported a larger share of its
 *   GDP before the crash than the least hit, and lost at least twice (`ratio`) its share of firms:
 *   the lesson is about export orientation, so a shock that did not fall on exporters is not
 *   claimed;
 * - the hardest hit had firms closed for the export shock itself (the engine's `exportShock`
 *   cause), so a loss with other causes is not blamed on the crash;
 * - a town that turned to strict enforcement or withdrew a sector's support in those rounds or the
 *   round before is left out (its loss cannot be told apart from the crackdown's), and the region's
 *   loss is counted over the towns compared.
 */
import { percent, text, whole } from '../campaign/text';
import type { TownState } from '../engine/types';
import { countEvents, fixed3, nameOf, roundNumber, roundSpan, townIn } from './timeline';
import { LESSON_CITATIONS } from './citations';
import type { Chapter, DebriefTimeline } from './types';

export const EXPORT_SHOCK = {
  eventId: 'crisis2008',
  minRegionLoss: 0.02,
  minFirms: 50,
  /** The hardest hit must lose at least this multiple of the least hit's share (floor 1 %). */
  ratio: 2,
} as const;

interface TownHit {
  id: string;
  before: number;
  after: number;
  loss: number;
  exportShare: number;
  exportsLoss: number;
}

function crashRound(t: DebriefTimeline): number | null {
  for (let i = 1; i < t.events.length; i++) {
    const hit = t.events[i].some(
      (e) =>
        (e.type === 'TimelineEventStruck' || e.type === 'EventCardPlayed') &&
        e.eventId === EXPORT_SHOCK.eventId,
    );
    if (hit) return i;
  }
  return null;
}

/** Whether a town turned to strict enforcement or withdrew support in rounds from … to. */
function crackedDown(t: DebriefTimeline, id: string, from: number, to: number): boolean {
  for (let i = Math.max(1, from); i <= to; i++) {
    const was = townIn(t.states[i - 1], id);
    const now = townIn(t.states[i], id);
    if (!was || !now) continue;
    const p = now.plan;
    if (p.environment.enforcement === 'strict' && was.plan.environment.enforcement !== 'strict')
      return true;
    if (
      p.preferential.withdrawSectors.some((s) => !was.plan.preferential.withdrawSectors.includes(s))
    )
      return true;
  }
  return false;
}

const firmsOf = (towns: readonly TownState[]): number =>
  towns.reduce((a, x) => a + x.last.firms, 0);

export function exportShock(t: DebriefTimeline): Chapter[] {
  const i = crashRound(t);
  if (i === null) return [];
  const end = Math.min(i + 1, t.states.length - 1);
  const pre = t.states[i - 1];
  const post = t.states[end];
  const hits: TownHit[] = [];
  const compared = pre.towns.filter((x) => !crackedDown(t, x.id, i - 1, end));
  for (const was of compared) {
    const now = post.towns.find((x) => x.id === was.id);
    if (!now || was.last.firms < EXPORT_SHOCK.minFirms || was.last.gdp <= 0) continue;
    hits.push({
      id: was.id,
      before: was.last.firms,
      after: now.last.firms,
      loss: 1 - now.last.firms / was.last.firms,
      exportShare: Math.min(1, was.last.exports / was.last.gdp),
      exportsLoss: was.last.exports > 0 ? 1 - now.last.exports / was.last.exports : 0,
    });
  }
  const ids = new Set(compared.map((x) => x.id));
  const regionBefore = firmsOf(compared);
  const regionAfter = firmsOf(post.towns.filter((x) => ids.has(x.id)));
  const regionLoss = regionBefore > 0 ? 1 - regionAfter / regionBefore : 0;
  if (hits.length < 2 || regionLoss < EXPORT_SHOCK.minRegionLoss) return [];
  const order = [...hits].sort((a, b) => b.loss - a.loss || (a.id < b.id ? -1 : 1));
  const hardest = order[0];
  const least = order[order.length - 1];
  if (hardest.exportShare <= least.exportShare) return [];
  if (hardest.loss < EXPORT_SHOCK.ratio * Math.max(0.01, least.loss)) return [];
  const shockClosures = countEvents(t, i, end, (e) =>
    e.type === 'FirmsClosed' && e.town === hardest.id && e.cause === 'exportShock' ? e.count : 0,
  );
  if (shockClosures === 0) return [];
  const a = nameOf(t, hardest.id);
  const b = nameOf(t, least.id);
  const span = roundSpan(t, i, end);
  const lostB =
    least.loss > 0
      ? text(`lost ${percent(least.loss)}`, `只减少了${percent(least.loss)}`)
      : text(`lost none`, `没有减少`);
  return [
    {
      id: `exportShock-${hardest.id}-${roundNumber(t, i)}`,
      rule: 'exportShock',
      fromRound: roundNumber(t, i),
      toRound: roundNumber(t, end),
      towns: [hardest.id, least.id],
      finding: text(
        `In the 2008 export crash, over ${span.en}, the region lost ${percent(regionLoss)} of its firms${ids.size < pre.towns.length ? ' (towns cracking down at the time left out)' : ''}; ${a.en}, which exported ${percent(hardest.exportShare)} of its GDP, lost ${whole(hardest.before - hardest.after)} of its ${whole(hardest.before)} firms (${percent(hardest.loss)}) and ${percent(hardest.exportsLoss)} of its exports, while ${b.en}, exporting ${percent(least.exportShare)}, ${lostB.en} of its firms.`,
        `在2008年出口危机中，${span.zh}全区企业减少了${percent(regionLoss)}${ids.size < pre.towns.length ? '（不计同时整治的城镇）' : ''}；出口占GDP ${percent(hardest.exportShare)}的${a.zh}，${whole(hardest.before)}家企业中减少了${whole(hardest.before - hardest.after)}家（${percent(hardest.loss)}），出口下降${percent(hardest.exportsLoss)}；而出口只占${percent(least.exportShare)}的${b.zh}，企业${lostB.zh}。`,
      ),
      lesson: text(
        'Clusters that rely mostly on exports are hit hardest when world demand collapses; towns that also serve the domestic market suffer less.',
        '主要依赖出口的集群在世界需求崩溃时受打击最重；同时服务国内市场的城镇损失较小。',
      ),
      citation: LESSON_CITATIONS.exportShock,
      question: text(
        `What could ${a.en} have done before 2008 to depend less on export orders, and why did ${b.en} hold up better?`,
        `2008年之前，${a.zh}可以做些什么来减少对出口订单的依赖？${b.zh}为什么更经得起冲击？`,
      ),
      evidence: {
        regionFirmsBefore: regionBefore,
        regionFirmsAfter: regionAfter,
        regionLoss: fixed3(regionLoss),
        hardestHit: hardest.id,
        hardestExportShare: fixed3(hardest.exportShare),
        hardestFirmLoss: fixed3(hardest.loss),
        hardestExportsLoss: fixed3(hardest.exportsLoss),
        hardestClosedForShock: shockClosures,
        leastHit: least.id,
        leastExportShare: fixed3(least.exportShare),
        leastFirmLoss: fixed3(least.loss),
      },
    },
  ];
}
