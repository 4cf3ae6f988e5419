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
import { centreCostPerFunder, cofundersOf, planCost } from './costs';
import type { RoundContext } from './context';
import { townData } from './context';
import { employment, valueAddedPerWorker } from './industry';
import { priceFactor } from './market';
import { LAND_LEASE_VALUE } from './land';
import { effectiveTax } from './profitability';
import { upkeep } from './infrastructure';
import type { Cause, FirmKind, TownState } from './types';

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
} as const;

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
  const interest = FISCAL.interestRate * town.debt;
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
  const spending =
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
