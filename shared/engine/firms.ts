/**
 * Firm dynamics inside a town: closures, the entry of local SMEs, the rise of leading
 * enterprises and the growth of firms. Relocation between towns and foreign arrivals live in
 * relocation.ts and fdi.ts.
 *
 * - SMEs spin off from existing firms; production split into small steps lowers the entry
 *   barrier as the cluster grows (001 ¶8; Datang socks, 003 §4.3).
 * - A heritage craft seeds family firms (Xiqiao textiles since the Tang, 001 ¶18; Wenzhou shoes,
 *   003 §4.2).
 * - Firms whose margin turns negative close; the negative parts of the margin name the causes.
 * - Strict enforcement closes polluters that have not upgraded (Foshan, 001 ¶20).
 * - Technology upgrading shakes out small firms while the survivors grow (Xiqiao, 003 Table 6).
 * - SOE restructuring closes state plants and releases spin-offs.
 */
import { SECTOR_IDS, SECTORS, type SectorId } from '../data/sectors';
import type { FirmFlow, ProfitPart, RoundContext } from './context';
import { townData } from './context';
import { apportion, clamp, pos, saturate } from './math';
import { roundCount } from './rng';
import { expelPolluters, RELOCATION } from './relocation';
import type { CauseCode, FirmKind, TownState } from './types';

export const FIRM_RATES = {
  baseExit: { sme: 0.025, foreign: 0.02, leading: 0.005, soe: 0.005 } as Record<FirmKind, number>,
  lossExit: { sme: 0.55, foreign: 0.35, leading: 0.15, soe: 0.05 } as Record<FirmKind, number>,
  enforcementClosure: { lax: 0, standard: 0.01, strict: 0.07 },
  spinOff: 0.3,
  shakeOut: 0.7,
  soeReform: 0.08,
  maxExitShare: 0.6,
} as const;

/** Which cause a negative part of the margin is reported as. */
const PART_CAUSE: Partial<Record<ProfitPart, CauseCode>> = {
  wages: 'wages',
  landCosts: 'landCosts',
  landScarcity: 'landCosts',
  taxes: 'taxes',
  strictEnforcement: 'strictEnforcement',
  pollutionFees: 'strictEnforcement',
  supportWithdrawn: 'supportWithdrawn',
  exportShock: 'exportShock',
  ecoStandards: 'ecoStandards',
  raceToTheBottom: 'raceToTheBottom',
  fragmentation: 'fragmentation',
};

function recordClosures(
  ctx: RoundContext,
  town: TownState,
  sector: SectorId,
  kind: FirmKind,
  byCause: Map<CauseCode, number>,
): number {
  let closed = 0;
  for (const [cause, count] of byCause) {
    if (count <= 0) continue;
    closed += count;
    townData(ctx, town).flows.push({ sector, kind, count: -count, cause });
    ctx.events.push({ type: 'FirmsClosed', town: town.id, sector, kind, count, cause });
  }
  town.industries[sector].firms[kind] -= closed;
  return closed;
}

/** Closures of incumbents for every kind of firm in every sector of the town. */
export function closeFirms(ctx: RoundContext, town: TownState): void {
  const y = ctx.years;
  const data = townData(ctx, town);
  const c = ctx.state.conditions;
  for (const sector of SECTOR_IDS) {
    const industry = town.industries[sector];
    const profile = SECTORS[sector];
    const dirt =
      Math.max(profile.airPollution, profile.waterPollution) * (1 - industry.greenUpgrade);
    for (const kind of ['sme', 'foreign', 'leading', 'soe'] as FirmKind[]) {
      const n = industry.firms[kind];
      if (n <= 0) continue;
      const margin = data.profit[sector][kind];
      const causes: CauseCode[] = [];
      const rates: number[] = [];
      const add = (cause: CauseCode, rate: number): void => {
        if (rate <= 0) return;
        causes.push(cause);
        rates.push(rate);
      };
      add('unprofitable', FIRM_RATES.baseExit[kind] * y);
      // The loss-driven exit rate is split across the parts of the margin that are negative.
      const loss = pos(-margin.total) * FIRM_RATES.lossExit[kind] * y;
      if (loss > 0) {
        const negatives: [CauseCode, number][] = [];
        for (const [part, value] of Object.entries(margin.parts) as [ProfitPart, number][]) {
          if (value < 0) negatives.push([PART_CAUSE[part] ?? 'unprofitable', -value]);
        }
        const weight = negatives.reduce((a, [, v]) => a + v, 0);
        for (const [cause, value] of negatives) add(cause, (loss * value) / weight);
      }
      if (kind !== 'soe')
        add(
          'strictEnforcement',
          FIRM_RATES.enforcementClosure[town.plan.environment.enforcement] * dirt * y,
        );
      if (kind === 'sme') add('shakeOut', FIRM_RATES.shakeOut * data.techGain[sector]);
      if (kind === 'soe' && c.soeReform) add('soeReform', FIRM_RATES.soeReform * y);
      const totalRate = clamp(
        rates.reduce((a, b) => a + b, 0),
        0,
        FIRM_RATES.maxExitShare,
      );
      const closing = Math.min(n, roundCount(ctx.state.rng, n * totalRate));
      const shares = apportion(closing, rates);
      const byCause = new Map<CauseCode, number>();
      causes.forEach((cause, i) => byCause.set(cause, (byCause.get(cause) ?? 0) + shares[i]));
      const expelled = byCause.get('strictEnforcement') ?? 0;
      if (expelled > 0 && (kind === 'sme' || kind === 'foreign')) {
        // About half of the polluters driven out move to laxer towns instead of closing.
        const tryMove = Math.round(expelled * RELOCATION.expelledMove);
        const moved = expelPolluters(ctx, town, sector, kind, tryMove);
        byCause.set('strictEnforcement', expelled - moved);
      }
      recordClosures(ctx, town, sector, kind, byCause);
      if (kind === 'soe' && byCause.get('soeReform')) {
        // Laid-off SOE staff start family firms (DESIGN §2: spin-offs from SOEs).
        addEntrants(ctx, town, sector, 'sme', 2 * (byCause.get('soeReform') ?? 0), 'spinOffs');
      }
    }
  }
}

function addEntrants(
  ctx: RoundContext,
  town: TownState,
  sector: SectorId,
  kind: FirmKind,
  count: number,
  cause: CauseCode,
): void {
  if (count <= 0) return;
  town.industries[sector].firms[kind] += count;
  const flow: FirmFlow = { sector, kind, count, cause };
  townData(ctx, town).flows.push(flow);
  if (kind === 'sme') townData(ctx, town).smeEntrants[sector] += count;
  ctx.events.push({ type: 'FirmsEntered', town: town.id, sector, kind, count });
}

/** New local SMEs: spin-offs from the cluster and family firms of the heritage craft. */
export function enterSmes(ctx: RoundContext, town: TownState): void {
  const y = ctx.years;
  const data = townData(ctx, town);
  const p = town.plan.preferential;
  let land = ctx.landLeft.get(town.id) ?? 0;
  for (const sector of SECTOR_IDS) {
    const industry = town.industries[sector];
    const margin = data.profit[sector].sme.total;
    const parents =
      industry.firms.sme +
      8 * industry.firms.leading +
      0.5 * industry.firms.foreign * industry.embeddedness;
    // Splitting production into small steps lowers the barrier as the cluster grows (001 ¶8).
    const barrier = 0.45 + 0.55 * saturate(industry.firms.sme, 80);
    // Upgraded clusters demand more capital and skill of newcomers (Xiqiao, 003 Table 6).
    const techBarrier = 1 - 0.5 * industry.technology;
    const standards = town.plan.innovation.qualityStandards.includes(sector) ? 0.7 : 1;
    const spin = parents * FIRM_RATES.spinOff * pos(margin) * barrier * techBarrier * standards * y;
    let heritage = 0;
    if (town.heritage === sector && margin > -0.05)
      heritage = (3 + town.locals / 40000) * y * standards;
    else if (p.targetSectors.includes(sector) && margin > 0.05 && industry.firms.sme < 20)
      heritage = 1 * y;
    const size = industry.firmSize.sme;
    const landPerFirm = (size * SECTORS[sector].landPerWorker) / 1e6;
    let spinCount = roundCount(ctx.state.rng, spin);
    let heritageCount = roundCount(ctx.state.rng, heritage);
    const affordable = Math.floor(land / Math.max(1e-9, landPerFirm));
    if (spinCount + heritageCount > affordable) {
      const scale = affordable / (spinCount + heritageCount);
      spinCount = Math.floor(spinCount * scale);
      heritageCount = Math.min(affordable - spinCount, Math.floor(heritageCount * scale + 0.5));
    }
    land -= (spinCount + heritageCount) * landPerFirm;
    ctx.landLeft.set(town.id, land);
    addEntrants(ctx, town, sector, 'sme', spinCount, 'spinOffs');
    addEntrants(ctx, town, sector, 'sme', heritageCount, 'heritageCraft');
  }
}

/** A large, upgrading SME cluster grows leading enterprises (hub-and-spoke, 003 Table 2). */
export function growLeadingEnterprises(ctx: RoundContext, town: TownState): void {
  for (const sector of SECTOR_IDS) {
    const industry = town.industries[sector];
    if (industry.firms.sme < 120 || industry.technology < 0.2) continue;
    if (industry.firms.leading >= 1 + Math.floor(industry.firms.sme / 300)) continue;
    const targeted = town.plan.preferential.targetSectors.includes(sector) ? 2 : 1;
    const association = town.plan.innovation.industryAssociation.includes(sector) ? 1.5 : 1;
    const chance = 0.12 * ctx.years * targeted * association * (1 + industry.firms.sme / 1000);
    if (roundCount(ctx.state.rng, Math.min(1, chance)) > 0) {
      industry.firms.sme -= 1;
      industry.firms.leading += 1;
      const data = townData(ctx, town);
      data.flows.push({ sector, kind: 'sme', count: -1, cause: 'leadingEnterprise' });
      data.flows.push({ sector, kind: 'leading', count: 1, cause: 'leadingEnterprise' });
      ctx.events.push({ type: 'LeadingEnterpriseEmerged', town: town.id, sector });
    }
  }
}

/** Firms grow towards a size set by technology and margins; SOEs keep theirs. */
export function growFirms(ctx: RoundContext, town: TownState): void {
  const speed = clamp(0.25 * ctx.years, 0, 1);
  const data = townData(ctx, town);
  for (const sector of SECTOR_IDS) {
    const industry = town.industries[sector];
    const base = SECTORS[sector].firmSize;
    const tech = industry.technology;
    const targets: Record<Exclude<FirmKind, 'soe'>, number> = {
      sme: base.sme * (1 + 1.4 * tech) * (1 + clamp(data.profit[sector].sme.total, -0.3, 0.3)),
      foreign:
        base.foreign * (1 + 0.6 * tech) * (1 + clamp(data.profit[sector].foreign.total, -0.3, 0.3)),
      leading:
        base.leading * (1 + tech) * (1 + clamp(data.profit[sector].leading.total, -0.3, 0.3)),
    };
    for (const kind of ['sme', 'foreign', 'leading'] as const) {
      industry.firmSize[kind] += (targets[kind] - industry.firmSize[kind]) * speed;
    }
  }
}
