/**
 * Quality reputation and the race to the bottom. A flood of low-level entrants without quality
 * standards erodes a sector's reputation and prices — Wenzhou shoes in the 1980s — and quality
 * regulation, industry associations and brands restore it (003 §4.3, §6.1).
 */
import { SECTOR_IDS } from '../data/sectors';
import type { RoundContext } from './context';
import { townData } from './context';
import { firmCount } from './industry';
import { clamp } from './math';
import type { TownState } from './types';

export const QUALITY = {
  erosionPerEntrantShare: 1.3,
  erosionWithStandards: 0.25,
  recoveryWithStandards: 0.22,
  recoveryAssociation: 0.05,
  recoveryBase: 0.02,
  ceiling: 0.95,
} as const;

export function updateReputation(ctx: RoundContext, town: TownState): void {
  const data = townData(ctx, town);
  const plan = town.plan.innovation;
  for (const sector of SECTOR_IDS) {
    const industry = town.industries[sector];
    const firms = firmCount(industry);
    if (firms <= 0) continue;
    const standards = plan.qualityStandards.includes(sector);
    const entrantShare = data.smeEntrants[sector] / firms;
    const erosion =
      entrantShare *
      (standards ? QUALITY.erosionWithStandards : QUALITY.erosionPerEntrantShare) *
      industry.reputation;
    let recovery = QUALITY.recoveryBase + 0.04 * industry.technology;
    if (standards) recovery += QUALITY.recoveryWithStandards;
    if (plan.industryAssociation.includes(sector)) recovery += QUALITY.recoveryAssociation;
    recovery *= ctx.years * (QUALITY.ceiling - industry.reputation);
    industry.reputation = clamp(
      industry.reputation - erosion + Math.max(0, recovery),
      0.05,
      QUALITY.ceiling,
    );
  }
}
