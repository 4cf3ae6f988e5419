/**
 * Technology, innovation centres and patents.
 * - A technology innovation centre lifts a sector's technology; in Xiqiao the number of firms
 *   then fell while output, employment and patents rose (003 Table 6, 1998→2003).
 * - One sector-based centre shared by several towns works better per yuan than one per town
 *   (fragmentation, 003 §6 and §7.3): each funder gets a larger effect for a smaller share.
 * - Vouchers, a university partnership, leading enterprises and linked foreign plants add
 *   smaller gains; skills (vocational schools) decide how much a town can absorb.
 */
import { SECTOR_IDS, SECTORS, type SectorId } from '../data/sectors';
import type { RoundContext } from './context';
import { townData } from './context';
import { employment } from './industry';
import { clamp, saturate } from './math';
import type { MatchState, TownState } from './types';

export const INNOVATION = {
  diffusion: 0.006,
  centre: 0.1,
  sharedCentreBonus: 0.3,
  vouchers: 0.03,
  university: 0.015,
  foreignSpillover: 0.03,
  leader: 0.01,
  patentsPerThousandWorkers: 1.4,
} as const;

/** Towns funding a centre for this sector, counting a shared centre's funders. */
export function centreFunders(state: MatchState, town: TownState, sector: SectorId): number {
  if (!town.plan.innovation.centres.includes(sector)) return 0;
  const shared = state.centres.find((c) => c.sector === sector && c.funders.includes(town.id));
  if (!shared) return 1;
  // Only funders that actually keep paying this round count.
  return shared.funders.filter((id) =>
    state.towns.some((t) => t.id === id && t.plan.innovation.centres.includes(sector)),
  ).length;
}

/** Raise technology and count patents; record each sector's gain for the shake-out. */
export function innovate(ctx: RoundContext, town: TownState): void {
  const y = ctx.years;
  const data = townData(ctx, town);
  const plan = town.plan.innovation;
  const absorb = 0.6 + town.skills;
  for (const sector of SECTOR_IDS) {
    const industry = town.industries[sector];
    const workers = employment(industry);
    if (workers <= 0) {
      data.techGain[sector] = 0;
      continue;
    }
    const funders = centreFunders(ctx.state, town, sector);
    let push = INNOVATION.diffusion;
    if (funders > 0)
      push += INNOVATION.centre * (1 + INNOVATION.sharedCentreBonus * (funders - 1)) * absorb;
    push +=
      INNOVATION.vouchers * saturate(plan.innovationVouchers, 2) * SECTORS[sector].techIntensity;
    if (plan.universityPartnership) push += INNOVATION.university * absorb;
    push +=
      INNOVATION.foreignSpillover * industry.embeddedness * saturate(industry.firms.foreign, 20);
    if (industry.firms.leading > 0) push += INNOVATION.leader;
    const gain = clamp(push * y * (1 - industry.technology), 0, 0.3);
    industry.technology += gain;
    data.techGain[sector] = gain;
    const centreFactor = funders > 0 ? 1 : 0.08;
    industry.patents +=
      INNOVATION.patentsPerThousandWorkers *
      (workers / 1000) *
      industry.technology *
      industry.technology *
      centreFactor *
      absorb *
      y;
  }
}

/** Skills: schools and partnerships build them; poor services and pollution drive talent away. */
export function updateSkills(ctx: RoundContext, town: TownState, pollutionIndex: number): void {
  const plan = town.plan.innovation;
  let change = 0.004;
  if (plan.vocationalSchool) change += 0.02;
  if (plan.universityPartnership) change += 0.015;
  change += 0.02 * saturate(town.plan.preferential.talentHukou, 2);
  // "Isolated islands": towns whose services lag lose their talent (003 §6.5).
  if (town.publicServices < 0.6) change -= 0.025;
  if (pollutionIndex > 60) change -= 0.01;
  town.skills = clamp(town.skills + change * ctx.years, 0.05, 1);
}
