/**
 * The fiscal side: taxes (minus holidays and discounts), land leases (Shenzhen's land auctions,
 * 003 §3.3), pollution fees, central transfers and the specialised-town grant (RMB 300,000 per
 * town matched locally in Guangdong, 003 §4.3), against the plan's spending, construction,
 * upkeep of completed works (Zhuhai's airport, 003 §3.3), public services and interest. Deficits
 * are borrowed; surpluses repay debt.
 *
 * Budget identity, checked by the property tests: (cash − debt) after = (cash − debt) before +
 * revenue − spending.
 */
import { SECTOR_IDS, type SectorId } from '../data/sectors';
import { centreCostPerFunder, cofundersOf, debtLimit, planCost } from './costs';
import type { RoundContext } from './context';
import { townData } from './context';
import { employment, valueAddedPerWorker } from './industry';
import { priceFactor } from './market';
import { LAND_LEASE_VALUE } from './land';
import { effectiveTax } from './profitability';
import { upkeep } from './infrastructure';
import type { Cause, FirmKind, TownPlan, TownState } from './types';

export const FISCAL = {
  /** Share of value added that is taxable profit. */
  profitShare: 0.3,
  interestRate: 0.06,
  /** Public-service running cost per resident per year, M RMB (1980 prices). */
  serviceCostPerResident: 0.00004,
  transferPerResident: 0.00003,
  /** Share of a specialised town's centre cost paid by the provincial programme. */
  specialisedGrantShare: 0.5,
  repayShare: 0.5,
  /**
   * Interest rises with debt: the rate is interestRate × (1 + debt ÷ ceiling), 6 % unindebted,
   * 12 % at the ceiling and beyond. Lenders charge a town that overbuilt more (Zhuhai, 003 §3.3).
   */
  riskPremium: 1,
} as const;

/**
 * A fiscal crisis: the province will not lend beyond the ceiling (debtLimit), so the town's
 * standing discretionary policies are cut: this round's policy, innovation and environment
 * spending is withheld up to the overshoot, then construction (unfinished works halt), and the
 * money policies of its standing plan stop (the player must re-adopt them within cash).
 * Deficits cannot run forever (issue 12).
 */
function austerity(plan: TownPlan): void {
  const p = plan.preferential;
  p.smeCreditGuarantee = 0;
  p.talentHukou = 0;
  plan.innovation.innovationVouchers = 0;
  plan.innovation.universityPartnership = false;
  plan.environment.greenSubsidy = 0;
}

export interface FiscalResult {
  revenue: number;
  spending: number;
}

function taxRevenue(ctx: RoundContext, town: TownState, sector: SectorId): number {
  const { state } = ctx;
  const industry = town.industries[sector];
  const price = priceFactor(ctx, state, town, sector);
  let tax = 0;
  for (const kind of ['sme', 'foreign', 'leading', 'soe'] as FirmKind[]) {
    if (industry.firms[kind] <= 0) continue;
    const va =
      (employment(industry, kind) * valueAddedPerWorker(state, town, sector, kind) * price) / 1000;
    tax += va * FISCAL.profitShare * effectiveTax(state, town, sector, kind, false);
  }
  return tax;
}

/** Collect and spend one round's money; return the totals for the indicators. */
export function settleBudget(ctx: RoundContext, town: TownState, fees: number): FiscalResult {
  const { state } = ctx;
  const y = ctx.years;
  const data = townData(ctx, town);
  const residents = town.locals + town.migrants;
  let taxes = 0;
  for (const s of SECTOR_IDS) taxes += taxRevenue(ctx, town, s);
  const discount = town.plan.preferential.landDiscount;
  const landSales = data.landSold * LAND_LEASE_VALUE * town.landPrice * (1 - discount);
  let transfers = FISCAL.transferPerResident * residents * state.national;
  if (
    state.conditions.specialisedTownGrant &&
    town.specialisedSector &&
    town.plan.innovation.centres.includes(town.specialisedSector)
  ) {
    const funders = cofundersOf(state, town.id, town.specialisedSector);
    transfers += centreCostPerFunder(funders) * state.national * FISCAL.specialisedGrantShare;
  }
  const cost = planCost(state, town, { ...town.plan, build: [] });
  // Construction is charged from the projects list, which already holds this round's orders.
  const services =
    FISCAL.serviceCostPerResident * residents * state.national * (0.5 + 0.5 * town.publicServices);
  const ceiling = debtLimit(town, state);
  const premium = Math.min(
    FISCAL.riskPremium,
    (FISCAL.riskPremium * town.debt) / Math.max(1, ceiling),
  );
  const interest = FISCAL.interestRate * town.debt * (1 + premium);
  const yearly = {
    taxes,
    landSales: landSales / y,
    fees,
    transfers,
    policySpending: (cost.policies + cost.innovation + cost.environment) / y,
    construction: cost.construction / y,
    upkeep: upkeep(state, town),
    publicServiceCosts: services,
    interest,
  };
  const revenue = (yearly.taxes + yearly.landSales + yearly.fees + yearly.transfers) * y;
  let spending =
    (yearly.policySpending +
      yearly.construction +
      yearly.upkeep +
      yearly.publicServiceCosts +
      yearly.interest) *
    y;
  town.cash += revenue - spending;
  if (town.cash < 0) {
    town.debt += -town.cash;
    town.cash = 0;
  } else if (town.debt > 0) {
    const repay = Math.min(town.debt, town.cash * FISCAL.repayShare);
    town.debt -= repay;
    town.cash -= repay;
  }
  if (town.debt > ceiling) {
    // Policies first, then construction: works not yet finished are halted (their money spent
    // so far is sunk, like Zhuhai's half-used airport, 003 §3.3).
    const policyTrim = Math.min(town.debt - ceiling, yearly.policySpending * y);
    const buildTrim = Math.min(town.debt - ceiling - policyTrim, yearly.construction * y);
    // Then services and upkeep run down: schools and clinics cut back, works decay (003 §6.5).
    const serviceTrim = Math.min(
      town.debt - ceiling - policyTrim - buildTrim,
      (yearly.publicServiceCosts + yearly.upkeep) * y,
    );
    const trim = policyTrim + buildTrim + serviceTrim;
    town.debt -= trim;
    spending -= trim;
    yearly.policySpending -= policyTrim / y;
    yearly.construction -= buildTrim / y;
    if (serviceTrim > 0) {
      const base = (yearly.publicServiceCosts + yearly.upkeep) * y;
      const cut = serviceTrim / base;
      yearly.publicServiceCosts *= 1 - cut;
      yearly.upkeep *= 1 - cut;
      town.publicServices = Math.max(0, town.publicServices * (1 - 0.5 * cut));
    }
    data.fiscalTrim = trim;
    austerity(town.plan);
    if (buildTrim > 0) town.infra.projects = [];
  }
  const causes: Cause[] = [
    { cause: 'taxes', amount: yearly.taxes * y },
    { cause: 'landSales', amount: yearly.landSales * y },
    { cause: 'fees', amount: yearly.fees * y },
    { cause: 'transfers', amount: yearly.transfers * y },
    { cause: 'policySpending', amount: -yearly.policySpending * y },
    { cause: 'construction', amount: -yearly.construction * y },
    { cause: 'upkeep', amount: -yearly.upkeep * y },
    { cause: 'publicServiceCosts', amount: -yearly.publicServiceCosts * y },
    { cause: 'interest', amount: -yearly.interest * y },
  ];
  data.fiscalCauses = causes.filter((c) => c.amount !== 0);
  return { revenue, spending };
}
