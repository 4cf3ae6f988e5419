/**
 * Random valid plans for the property tests (fast-check): every field within the schema limits,
 * fitted to the town's budget, and the checks every resolved state must pass. Shared by
 * properties.test.ts (rounds with valid plans) and properties-invalid.test.ts.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { SECTOR_IDS, type SectorId } from '../../shared/data/sectors';
import { availableBudget, INFRA_SPECS, planCost } from '../../shared/engine/costs';
import { openProposalsFor } from '../../shared/engine/diplomacy';
import { LIMITS } from '../../shared/engine/plan-schema';
import type {
  Enforcement,
  InfraKind,
  InfraOrder,
  MatchState,
  ProposalKind,
  TownPlan,
  TownState,
} from '../../shared/engine/types';
import { FIRM_KINDS } from '../../shared/engine/types';
import { SCENARIO_IDS, walkNumbers } from './helpers';

export const TOWNS = 3;
export const ROUNDS = 3;

// ---------------------------------------------------------------------------------------------
// Arbitraries: plans whose every field is within the schema limits. Proposal addressees are
// indices, mapped to the other towns of the match when the plan is used.

export interface ProposalSeed {
  kind: ProposalKind;
  to: number[];
  sector: SectorId | null;
}

export interface PlanSeed {
  plan: TownPlan;
  proposals: ProposalSeed[];
  accept: boolean[];
}

export const sectorArb = fc.constantFrom(...SECTOR_IDS);
export const sectorsArb = (max: number) => fc.uniqueArray(sectorArb, { maxLength: max });
export const amountArb = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0, max: 5, noNaN: true }),
  fc.double({ min: 0, max: LIMITS.maxYearlyAmount, noNaN: true }),
);
export const shareArb = (max: number) =>
  fc.oneof(fc.constant(0), fc.constant(max), fc.double({ min: 0, max, noNaN: true }));
export const kindArb = fc.constantFrom<InfraKind>(
  'roads',
  'power',
  'port',
  'market',
  'park',
  'housing',
  'wastewater',
);
export const orderArb: fc.Arbitrary<InfraOrder> = fc
  .record({ kind: kindArb, sector: fc.option(sectorArb, { nil: undefined }) })
  .map(({ kind, sector }) => (sector === undefined ? { kind } : { kind, sector }));

export const planSeedArb: fc.Arbitrary<PlanSeed> = fc.record({
  plan: fc.record({
    preferential: fc.record({
      foreignTaxRate: shareArb(LIMITS.maxTaxRate),
      domesticTaxRate: shareArb(LIMITS.maxTaxRate),
      foreignTaxHolidayYears: fc.integer({ min: 0, max: LIMITS.maxHolidayYears }),
      landDiscount: shareArb(LIMITS.maxLandDiscount),
      smeCreditGuarantee: amountArb,
      targetSectors: sectorsArb(LIMITS.maxTargetSectors),
      withdrawSectors: sectorsArb(2),
      equalTreatmentPrivate: fc.boolean(),
      oneStopOffice: fc.boolean(),
      talentHukou: amountArb,
    }),
    build: fc.array(orderArb, { maxLength: LIMITS.maxBuildOrders }),
    innovation: fc.record({
      centres: sectorsArb(LIMITS.maxCentres),
      vocationalSchool: fc.boolean(),
      universityPartnership: fc.boolean(),
      qualityStandards: sectorsArb(3),
      industryAssociation: sectorsArb(3),
      innovationVouchers: amountArb,
    }),
    environment: fc.record({
      enforcement: fc.constantFrom<Enforcement>('lax', 'standard', 'strict'),
      pollutionFee: shareArb(1),
      greenSubsidy: amountArb,
    }),
    diplomacy: fc.record(
      {
        proposals: fc.constant([]),
        responses: fc.constant([]),
        statement: fc.string({ maxLength: LIMITS.maxStatementLength }),
      },
      { requiredKeys: ['proposals', 'responses'] },
    ),
  }) as fc.Arbitrary<TownPlan>,
  proposals: fc.array(
    fc.record({
      kind: fc.constantFrom<ProposalKind>('cofundCentre', 'jointMarket', 'riverCleanup'),
      to: fc.uniqueArray(fc.nat({ max: TOWNS - 2 }), { minLength: 1, maxLength: TOWNS - 1 }),
      sector: fc.option(sectorArb, { nil: null }),
    }),
    { maxLength: LIMITS.maxProposals },
  ),
  accept: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
});

// ---------------------------------------------------------------------------------------------
// Turning a seed into a plan the validator accepts in the current state.

export function stripBuilds(town: TownState, build: InfraOrder[]): InfraOrder[] {
  const seen = new Set<string>();
  const out: InfraOrder[] = [];
  for (const order of build) {
    const key = order.kind === 'market' ? `market:${order.sector ?? ''}` : order.kind;
    if (seen.has(key)) continue;
    if (order.kind === 'market') {
      const sector = order.sector;
      if (!sector) continue;
      if (town.infra.markets.includes(sector)) continue;
      if (town.infra.projects.some((p) => p.kind === 'market' && p.sector === sector)) continue;
    } else {
      const pending = town.infra.projects.filter((p) => p.kind === order.kind).length;
      if (town.infra[order.kind] + pending + 1 > INFRA_SPECS[order.kind].maxLevel) continue;
    }
    seen.add(key);
    out.push(order);
  }
  return out;
}

export function fresh(state: MatchState, town: TownState, plan: TownPlan): number {
  const cost = planCost(state, town, plan);
  return cost.total - cost.committed;
}

export function room(state: MatchState, town: TownState, plan: TownPlan): number {
  return Math.max(0, availableBudget(state, town) - planCost(state, town, plan).committed);
}

/** Cut spending until the plan fits: scale yearly amounts, then drop costly one-off choices. */
export function fitBudget(state: MatchState, town: TownState, plan: TownPlan): void {
  const limit = room(state, town, plan) * 0.999;
  if (fresh(state, town, plan) <= limit) return;
  const p = plan.preferential;
  const scale = (f: number): void => {
    p.smeCreditGuarantee *= f;
    p.talentHukou *= f;
    plan.innovation.innovationVouchers *= f;
    plan.environment.greenSubsidy *= f;
  };
  const amounts =
    p.smeCreditGuarantee +
    p.talentHukou +
    plan.innovation.innovationVouchers +
    plan.environment.greenSubsidy;
  if (amounts > 0) {
    const withoutAmounts = structuredClone(plan);
    withoutAmounts.preferential.smeCreditGuarantee = 0;
    withoutAmounts.preferential.talentHukou = 0;
    withoutAmounts.innovation.innovationVouchers = 0;
    withoutAmounts.environment.greenSubsidy = 0;
    const fixed = fresh(state, town, withoutAmounts);
    const perUnit = (fresh(state, town, plan) - fixed) / amounts;
    scale(Math.max(0, Math.min(1, (limit - fixed) / (perUnit * amounts))) * 0.99);
  }
  const cuts: ((plan: TownPlan) => void)[] = [
    (x) => x.build.pop(),
    (x) => x.build.pop(),
    (x) => x.build.pop(),
    (x) => x.build.pop(),
    (x) => x.innovation.centres.pop(),
    (x) => x.innovation.centres.pop(),
    (x) => (x.innovation.universityPartnership = false),
    (x) => (x.innovation.vocationalSchool = false),
    (x) => (x.innovation.qualityStandards = []),
    (x) => (x.innovation.industryAssociation = []),
    (x) => (x.preferential.oneStopOffice = false),
    () => scale(0),
  ];
  for (const cut of cuts) {
    if (fresh(state, town, plan) <= limit) return;
    cut(plan);
  }
}

/** A valid plan from a seed, for the town at `index` in the current state. */
export function planFor(state: MatchState, index: number, seed: PlanSeed): TownPlan {
  const town = state.towns[index];
  const plan = structuredClone(seed.plan);
  const others = state.towns.filter((t) => t.id !== town.id).map((t) => t.id);
  const p = plan.preferential;
  p.withdrawSectors = p.withdrawSectors.filter((s) => !p.targetSectors.includes(s));
  plan.build = stripBuilds(town, plan.build);
  if (state.diplomacy) {
    plan.diplomacy.proposals = seed.proposals.map((x) => {
      const to = [...new Set(x.to.map((i) => others[i % others.length]))];
      const sector = x.sector ?? (x.kind === 'riverCleanup' ? null : 'toys');
      return sector ? { kind: x.kind, to, sector } : { kind: x.kind, to };
    });
    plan.diplomacy.responses = openProposalsFor(state, town.id)
      .slice(0, seed.accept.length)
      .map((proposal, i) => ({ proposalId: proposal.id, accept: seed.accept[i] }));
  } else {
    plan.diplomacy = { proposals: [], responses: [] };
  }
  fitBudget(state, town, plan);
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Invariants.

export function checkState(state: MatchState, label: string): void {
  walkNumbers(state, (path, n) => {
    if (!Number.isFinite(n)) throw new Error(`${label}: ${path} = ${n}`);
  });
  for (const t of state.towns) {
    const where = `${label} ${t.id}`;
    for (const key of [
      'locals',
      'workforce',
      'migrants',
      'landArea',
      'landUsed',
      'cash',
      'debt',
    ] as const) {
      expect(t[key], `${where}.${key}`).toBeGreaterThanOrEqual(0);
    }
    expect(t.landPrice, `${where}.landPrice`).toBeGreaterThan(0);
    expect(t.wage, `${where}.wage`).toBeGreaterThan(0);
    for (const key of ['airPollution', 'waterPollution', 'stability'] as const) {
      expect(t[key], `${where}.${key}`).toBeGreaterThanOrEqual(0);
      expect(t[key], `${where}.${key}`).toBeLessThanOrEqual(100);
    }
    for (const s of SECTOR_IDS) {
      const ind = t.industries[s];
      for (const kind of FIRM_KINDS) {
        const n = ind.firms[kind];
        expect(Number.isInteger(n) && n >= 0, `${where}.${s}.firms.${kind} = ${n}`).toBe(true);
        expect(ind.firmSize[kind], `${where}.${s}.firmSize.${kind}`).toBeGreaterThanOrEqual(0);
      }
      expect(ind.foreignUnderHoliday, `${where}.${s}.foreignUnderHoliday`).toBeGreaterThanOrEqual(
        0,
      );
      expect(ind.foreignUnderHoliday, `${where}.${s}.foreignUnderHoliday`).toBeLessThanOrEqual(
        ind.firms.foreign,
      );
      for (const key of ['technology', 'embeddedness', 'reputation', 'greenUpgrade'] as const) {
        expect(ind[key], `${where}.${s}.${key}`).toBeGreaterThanOrEqual(0);
        expect(ind[key], `${where}.${s}.${key}`).toBeLessThanOrEqual(1);
      }
      expect(ind.patents, `${where}.${s}.patents`).toBeGreaterThanOrEqual(0);
    }
    for (const level of ['roads', 'power', 'port', 'park', 'housing', 'wastewater'] as const) {
      expect(t.infra[level], `${where}.infra.${level}`).toBeGreaterThanOrEqual(0);
    }
  }
}

export function checkBudgetIdentity(before: MatchState, after: MatchState): void {
  for (const t of after.towns) {
    const b = before.towns.find((x) => x.id === t.id)!;
    const change = t.cash - t.debt - (b.cash - b.debt);
    const expected = t.last.fiscalBalance * after.roundYears;
    const tolerance = 1e-4 + 1e-9 * Math.max(Math.abs(change), Math.abs(expected));
    expect(
      Math.abs(change - expected),
      `budget identity of ${t.id} in round ${before.round}`,
    ).toBeLessThanOrEqual(tolerance);
  }
}

export const matchArb = fc.record({
  scenarioId: fc.constantFrom(...SCENARIO_IDS),
  seed: fc.nat({ max: 0xffffffff }),
  diplomacy: fc.boolean(),
});
