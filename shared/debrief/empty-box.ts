/**
 * An "empty box" foreign cluster (002 §2.2.2, 001 ¶15): foreign plants drawn by untargeted
 * incentives into a "policy district" that buy almost nothing from local firms. In Suzhou "only 175
 * foreign-funded enterprises from 5 development zones" of more than 2,100 had supplier ties with
 * local enterprises: about 8 %.
 *
 * Thresholds:
 * - at least `minPlants` (20) foreign plants in the sector (a district, not a plant or two);
 * - local linkage (`Industry.embeddedness`, the share of inputs bought locally) below `maxLinkage`
 *   (12 %), one and a half times Suzhou's 8 %;
 * - a "policy district" (002 §2.2: favourable policies "given to a particular district (instead of
 *   to a particular industry)"): the town offers foreign incentives (`offersForeignIncentives`) and
 *   does not target the sector, in every one of those rounds;
 * - all of it for at least `minRounds` (3) consecutive rounds, so a district still settling in or a
 *   passing dip is not claimed.
 * When another town that targeted the same sector has at least twice the linkage (`contrastRatio`),
 * it is named as the contrast ("targeted ones build linkages", DESIGN §3 fact 7); none is invented
 * otherwise.
 */
import { percent, text, whole } from '../campaign/text';
import { SECTOR_IDS, type SectorId } from '../data/sectors';
import {
  fixed3,
  nameOf,
  offersForeignIncentives,
  roundNumber,
  roundSpan,
  sectorName,
} from './timeline';
import { LESSON_CITATIONS } from './citations';
import type { Chapter, DebriefTimeline } from './types';

export const EMPTY_BOX = {
  minPlants: 20,
  maxLinkage: 0.12,
  minRounds: 3,
  /** A contrast town's linkage must be at least this multiple of the empty box's. */
  contrastRatio: 2,
} as const;

interface Run {
  town: string;
  sector: SectorId;
  from: number;
  to: number;
}

function isEmptyBox(t: DebriefTimeline, i: number, town: string, sector: SectorId): boolean {
  const state = t.states[i].towns.find((x) => x.id === town);
  if (!state) return false;
  const industry = state.industries[sector];
  return (
    industry.firms.foreign >= EMPTY_BOX.minPlants &&
    industry.embeddedness < EMPTY_BOX.maxLinkage &&
    !state.plan.preferential.targetSectors.includes(sector) &&
    offersForeignIncentives(state.plan)
  );
}

/** The runs of consecutive rounds in which a town's sector was an empty box. */
function runs(t: DebriefTimeline): Run[] {
  const found: Run[] = [];
  for (const town of t.states[0].towns.map((x) => x.id)) {
    for (const sector of SECTOR_IDS) {
      let from = -1;
      for (let i = 1; i <= t.states.length; i++) {
        const on = i < t.states.length && isEmptyBox(t, i, town, sector);
        if (on && from < 0) from = i;
        if (!on && from >= 0) {
          if (i - from >= EMPTY_BOX.minRounds) found.push({ town, sector, from, to: i - 1 });
          from = -1;
        }
      }
    }
  }
  return found;
}

const plantsAt = (t: DebriefTimeline, run: Run): number =>
  t.states[run.to].towns.find((x) => x.id === run.town)!.industries[run.sector].firms.foreign;

function chapter(t: DebriefTimeline, run: Run): Chapter {
  const end = t.states[run.to];
  const industry = end.towns.find((x) => x.id === run.town)!.industries[run.sector];
  const contrast = end.towns
    .filter(
      (x) =>
        x.id !== run.town &&
        x.plan.preferential.targetSectors.includes(run.sector) &&
        x.industries[run.sector].firms.foreign >= EMPTY_BOX.minPlants &&
        x.industries[run.sector].embeddedness >=
          EMPTY_BOX.contrastRatio * Math.max(industry.embeddedness, 0.01),
    )
    .sort(
      (a, b) =>
        b.industries[run.sector].embeddedness - a.industries[run.sector].embeddedness ||
        (a.id < b.id ? -1 : 1),
    )[0];
  const town = nameOf(t, run.town);
  const sector = sectorName(run.sector);
  const span = roundSpan(t, run.from, run.to);
  const other = contrast ? nameOf(t, contrast.id) : null;
  const otherLinks = contrast ? contrast.industries[run.sector].embeddedness : 0;
  const tail = other
    ? text(
        `, while ${other.en}, which targeted ${sector.en}, reached ${percent(otherLinks)}`,
        `；而以${sector.zh}为目标产业的${other.zh}达到了${percent(otherLinks)}`,
      )
    : text('', '');
  return {
    id: `emptyBox-${run.town}-${roundNumber(t, run.from)}`,
    rule: 'emptyBox',
    fromRound: roundNumber(t, run.from),
    toRound: roundNumber(t, run.to),
    towns: contrast ? [run.town, contrast.id] : [run.town],
    finding: text(
      `${town.en}'s ${whole(industry.firms.foreign)} foreign ${sector.en} plants bought only ${percent(industry.embeddedness)} of their inputs from local firms by the end of ${span.en}, under untargeted incentives${tail.en}.`,
      `${span.zh}，${town.zh}提供不分产业的优惠政策，到期末其${whole(industry.firms.foreign)}家外资${sector.zh}工厂只有${percent(industry.embeddedness)}的投入品来自本地企业${tail.zh}。`,
    ),
    lesson: text(
      'Untargeted incentives fill a "policy district" with foreign plants that do not take local firms into their supply chain: an empty box, quick to fill and quick to leave. Targeted, industry-preferential policy builds the local links.',
      '不分产业的优惠政策让“政策区”里挤满外资工厂，却没有把本地企业纳入其产业链：这是“空盒子”，来得快、走得也快。有针对性的产业优惠政策才能建立本地联系。',
    ),
    citation: LESSON_CITATIONS.emptyBox,
    question: text(
      `What would have made ${town.en}'s foreign ${sector.en} plants buy from local suppliers, and what happens to a district like this when its tax holidays end?`,
      `怎样才能让${town.zh}的外资${sector.zh}工厂向本地供应商采购？税收优惠期结束后，这样的园区会怎样？`,
    ),
    evidence: {
      town: run.town,
      sector: run.sector,
      foreignPlants: industry.firms.foreign,
      localLinkage: fixed3(industry.embeddedness),
      rounds: run.to - run.from + 1,
      ...(contrast ? { contrastTown: contrast.id, contrastLinkage: fixed3(otherLinks) } : {}),
    },
  };
}

/** The largest empty box (most foreign plants at the end of its run), or nothing. */
export function emptyBox(t: DebriefTimeline): Chapter[] {
  const best = runs(t).sort((a, b) => plantsAt(t, b) - plantsAt(t, a) || a.from - b.from)[0];
  return best ? [chapter(t, best)] : [];
}
