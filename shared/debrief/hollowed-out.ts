/**
 * Hollowed out after enforcement (001 ¶20, Foshan's ceramic tiles): a town stops supporting a
 * polluting sector or enforces the law strictly, and "in a few years many ceramic tiles firms had
 * to close and many other decided to move in different places", while the town as a whole is "not
 * actually collapsing but … losing position".
 *
 * Thresholds:
 * - the trigger is a change of policy: strict enforcement or a withdrawn sector in a round's plan
 *   that the previous round's plan did not have;
 * - the sector had at least `minFirms` (50) firms before it (a cluster, not a handful of plants);
 * - within `window` (4) rounds ("in a few years"; the calibration's Foshan experiment plays 4) it
 *   lost at least `minLoss` (40 %) of them (the calibration measures 50–90 % for Foshan,
 *   docs/calibration.md);
 * - at least half of the loss (`minAttributed`) is closures blamed on enforcement or withdrawn
 *   support, or moves away (the paper's "close" and "move"), so a loss with other causes is not
 *   claimed;
 * - the town's other sectors lost at most half the share the sector lost (`othersRatio`, "not
 *   collapsing"): a town shrinking across the board is not the lesson.
 */
import { percent, text, whole } from '../campaign/text';
import { SECTOR_IDS, type SectorId } from '../data/sectors';
import type { Enforcement, TownPlan } from '../engine/types';
import {
  countEvents,
  firmsExcept,
  fixed3,
  nameOf,
  roundNumber,
  roundSpan,
  sectorFirms,
  sectorName,
  townIn,
} from './timeline';
import { LESSON_CITATIONS } from './citations';
import type { Chapter, DebriefTimeline } from './types';

export const HOLLOWED_OUT = {
  window: 4,
  minFirms: 50,
  minLoss: 0.4,
  minAttributed: 0.5,
  /** The other sectors' loss share may be at most this fraction of the sector's. */
  othersRatio: 0.5,
} as const;

const strict = (e: Enforcement): boolean => e === 'strict';

/** The sectors a plan newly turns against, compared with the plan before. */
function newPressure(
  before: TownPlan,
  after: TownPlan,
): { strict: boolean; withdrawn: SectorId[] } {
  return {
    strict: strict(after.environment.enforcement) && !strict(before.environment.enforcement),
    withdrawn: after.preferential.withdrawSectors.filter(
      (s) => !before.preferential.withdrawSectors.includes(s),
    ),
  };
}

interface Case {
  town: string;
  sector: SectorId;
  trigger: number;
  end: number;
  before: number;
  after: number;
  closed: number;
  moved: number;
  othersBefore: number;
  othersAfter: number;
  strict: boolean;
  withdrawn: boolean;
  topDestination: string | null;
}

function caseAt(t: DebriefTimeline, townId: string, i: number, sector: SectorId): Case | null {
  const was = townIn(t.states[i - 1], townId);
  const now = townIn(t.states[i], townId);
  if (!was || !now) return null;
  const before = sectorFirms(was, sector);
  if (before < HOLLOWED_OUT.minFirms) return null;
  const end = Math.min(i + HOLLOWED_OUT.window - 1, t.states.length - 1);
  const last = townIn(t.states[end], townId);
  if (!last) return null;
  const after = sectorFirms(last, sector);
  const closed = countEvents(t, i, end, (e) =>
    e.type === 'FirmsClosed' &&
    e.town === townId &&
    e.sector === sector &&
    (e.cause === 'strictEnforcement' || e.cause === 'supportWithdrawn')
      ? e.count
      : 0,
  );
  const destinations = new Map<string, number>();
  const moved = countEvents(t, i, end, (e) => {
    if (e.type !== 'FirmsRelocated' || e.from !== townId || e.sector !== sector) return 0;
    destinations.set(e.to, (destinations.get(e.to) ?? 0) + e.count);
    return e.count;
  });
  const top = [...destinations].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return {
    town: townId,
    sector,
    trigger: i,
    end,
    before,
    after,
    closed,
    moved,
    othersBefore: firmsExcept(was, [sector]),
    othersAfter: firmsExcept(last, [sector]),
    strict: strict(now.plan.environment.enforcement),
    withdrawn: now.plan.preferential.withdrawSectors.includes(sector),
    topDestination: top ? top[0] : null,
  };
}

/** Whether the numbers show the lesson (every threshold above). */
function shows(c: Case): boolean {
  const lost = c.before - c.after;
  const share = lost / c.before;
  if (share < HOLLOWED_OUT.minLoss) return false;
  if (c.closed + c.moved < HOLLOWED_OUT.minAttributed * lost) return false;
  const othersLoss = c.othersBefore > 0 ? 1 - c.othersAfter / c.othersBefore : 0;
  return othersLoss <= HOLLOWED_OUT.othersRatio * share;
}

function cases(t: DebriefTimeline): Case[] {
  const found: Case[] = [];
  for (let i = 1; i < t.states.length; i++) {
    for (const now of t.states[i].towns) {
      const was = townIn(t.states[i - 1], now.id);
      if (!was) continue;
      const pressure = newPressure(was.plan, now.plan);
      const sectors = pressure.strict ? [...SECTOR_IDS] : pressure.withdrawn;
      for (const sector of sectors) {
        const c = caseAt(t, now.id, i, sector);
        if (c && shows(c)) found.push(c);
      }
    }
  }
  return found;
}

function chapter(t: DebriefTimeline, c: Case): Chapter {
  const town = nameOf(t, c.town);
  const sector = sectorName(c.sector);
  const span = roundSpan(t, c.trigger, c.end);
  const lost = c.before - c.after;
  const kept = c.othersBefore > 0 ? c.othersAfter / c.othersBefore : 1;
  const policy = text(
    [c.strict ? 'strict enforcement' : '', c.withdrawn ? 'withdrawn support' : '']
      .filter(Boolean)
      .join(' and '),
    [c.strict ? '严格执法' : '', c.withdrawn ? '撤销扶持' : ''].filter(Boolean).join('和'),
  );
  const dest = c.topDestination ? nameOf(t, c.topDestination) : null;
  const where = dest ? text(` (most to ${dest.en})`, `（多数迁往${dest.zh}）`) : text('', '');
  return {
    id: `hollowedOut-${c.town}-${roundNumber(t, c.trigger)}`,
    rule: 'hollowedOut',
    fromRound: roundNumber(t, c.trigger),
    toRound: roundNumber(t, c.end),
    towns: c.topDestination ? [c.town, c.topDestination] : [c.town],
    finding: text(
      `${town.en} lost ${whole(lost)} of its ${whole(c.before)} ${sector.en} firms in ${span.en} after ${policy.en}: ` +
        `${whole(c.closed)} closed because of it and ${whole(c.moved)} moved away${where.en}, while its other sectors kept ${percent(kept)} of their firms.`,
      `${town.zh}在${policy.zh}之后，${span.zh}失去了原有${whole(c.before)}家${sector.zh}企业中的${whole(lost)}家：` +
        `${whole(c.closed)}家因此关闭，${whole(c.moved)}家迁走${where.zh}；其他行业保留了${percent(kept)}的企业。`,
    ),
    lesson: text(
      'A cluster that grew on government support and weak enforcement hollows out within a few years when the support is withdrawn and the law enforced: firms close or move away, while a town with other industries loses position without collapsing.',
      '依靠政府扶持和宽松执法成长起来的集群，一旦撤销扶持、严格执法，几年之内就会空心化：企业关闭或外迁；而拥有其他产业的城镇只是地位下降，并未崩溃。',
    ),
    citation: LESSON_CITATIONS.hollowedOut,
    question: text(
      `Was ${town.en} right to let its ${sector.en} go? Who gained from the firms that moved${dest ? ` to ${dest.en}` : ''}, and what could have kept some of them through green upgrading?`,
      `${town.zh}放弃${sector.zh}是对的吗？迁走的企业${dest ? `给${dest.zh}` : ''}带来了什么？怎样通过绿色升级留住一部分企业？`,
    ),
    evidence: {
      town: c.town,
      sector: c.sector,
      firmsBefore: c.before,
      firmsAfter: c.after,
      closedForPolicy: c.closed,
      movedAway: c.moved,
      otherSectorsBefore: c.othersBefore,
      otherSectorsAfter: c.othersAfter,
      lossShare: fixed3(lost / c.before),
      otherSectorsKept: fixed3(kept),
    },
  };
}

/** The largest hollowing-out the log shows (by firms lost), or nothing. */
export function hollowedOut(t: DebriefTimeline): Chapter[] {
  const best = cases(t).sort(
    (a, b) => b.before - b.after - (a.before - a.after) || a.trigger - b.trigger,
  )[0];
  return best ? [chapter(t, best)] : [];
}
