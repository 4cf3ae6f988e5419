/**
 * Property tests over random plans (fast-check). Each run plays a few rounds of a scenario cut
 * to three towns with random valid plans (and now and then an event card), then checks that
 * the state stays finite and non-negative and that every town's budget identity holds. Random
 * invalid plans — one field of a valid plan broken — must be rejected without touching the state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTOR_IDS, type SectorId } from '../../shared/data/sectors';
import { availableBudget, INFRA_SPECS, planCost } from '../../shared/engine/costs';
import { openProposalsFor } from '../../shared/engine/diplomacy';
import { EVENT_CARD_IDS } from '../../shared/engine/events';
import { hashState } from '../../shared/engine/hash';
import { createMatch } from '../../shared/engine/match';
import { defaultPlan, LIMITS, validatePlan } from '../../shared/engine/plan-schema';
import { resolveRound } from '../../shared/engine/resolve-round';
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
import { SCENARIO_IDS, walkNumbers, type LoosePlan } from './helpers';

const TOWNS = 3;
const ROUNDS = 3;

// ---------------------------------------------------------------------------------------------
// Arbitraries: plans whose every field is within the schema limits. Proposal addressees are
// indices, mapped to the other towns of the match when the plan is used.

interface ProposalSeed {
  kind: ProposalKind;
  to: number[];
  sector: SectorId | null;
}

interface PlanSeed {
  plan: TownPlan;
  proposals: ProposalSeed[];
  accept: boolean[];
}

const sectorArb = fc.constantFrom(...SECTOR_IDS);
const sectorsArb = (max: number) => fc.uniqueArray(sectorArb, { maxLength: max });
const amountArb = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0, max: 5, noNaN: true }),
  fc.double({ min: 0, max: LIMITS.maxYearlyAmount, noNaN: true }),
);
const shareArb = (max: number) =>
  fc.oneof(fc.constant(0), fc.constant(max), fc.double({ min: 0, max, noNaN: true }));
const kindArb = fc.constantFrom<InfraKind>(
  'roads',
  'power',
  'port',
  'market',
  'park',
  'housing',
  'wastewater',
);
const orderArb: fc.Arbitrary<InfraOrder> = fc
  .record({ kind: kindArb, sector: fc.option(sectorArb, { nil: undefined }) })
  .map(({ kind, sector }) => (sector === undefined ? { kind } : { kind, sector }));

const planSeedArb: fc.Arbitrary<PlanSeed> = fc.record({
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

function stripBuilds(town: TownState, build: InfraOrder[]): InfraOrder[] {
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

function fresh(state: MatchState, town: TownState, plan: TownPlan): number {
  const cost = planCost(state, town, plan);
  return cost.total - cost.committed;
}

function room(state: MatchState, town: TownState, plan: TownPlan): number {
  return Math.max(0, availableBudget(state, town) - planCost(state, town, plan).committed);
}

/** Cut spending until the plan fits: scale yearly amounts, then drop costly one-off choices. */
function fitBudget(state: MatchState, town: TownState, plan: TownPlan): void {
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
function planFor(state: MatchState, index: number, seed: PlanSeed): TownPlan {
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

function checkState(state: MatchState, label: string): void {
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

function checkBudgetIdentity(before: MatchState, after: MatchState): void {
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

const matchArb = fc.record({
  scenarioId: fc.constantFrom(...SCENARIO_IDS),
  seed: fc.nat({ max: 0xffffffff }),
  diplomacy: fc.boolean(),
});

const roundsArb = fc.array(
  fc.record({
    plans: fc.array(fc.option(planSeedArb, { nil: null, freq: 6 }), {
      minLength: TOWNS,
      maxLength: TOWNS,
    }),
    card: fc.option(fc.constantFrom(...EVENT_CARD_IDS), { nil: null, freq: 3 }),
  }),
  { minLength: ROUNDS, maxLength: ROUNDS },
);

describe('properties of rounds played with random valid plans', () => {
  it('keeps the state finite and non-negative and every budget identity exact', () => {
    fc.assert(
      fc.property(matchArb, roundsArb, ({ scenarioId, seed, diplomacy }, rounds) => {
        let state = createMatch(scenarioId, { seed, towns: TOWNS, diplomacy });
        checkState(state, `${scenarioId} start`);
        for (const round of rounds) {
          const plans: Record<string, TownPlan> = {};
          round.plans.forEach((planSeed, i) => {
            if (!planSeed) return; // caretaker
            const plan = planFor(state, i, planSeed);
            const check = validatePlan(state, state.towns[i].id, plan);
            expect(check.ok ? [] : check.errors, `generated plan for ${state.towns[i].id}`).toEqual(
              [],
            );
            plans[state.towns[i].id] = plan;
          });
          const cards = round.card ? [round.card] : [];
          const before = hashState(state);
          const result = resolveRound(state, { plans, cards });
          expect(hashState(state)).toBe(before);
          expect(result.hash).toBe(hashState(result.state));
          checkState(result.state, `${scenarioId} seed ${seed} round ${state.round}`);
          checkBudgetIdentity(state, result.state);
          state = result.state;
        }
      }),
      { numRuns: 30 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid plans: break exactly one field of a valid plan.

type Mutation = (plan: LoosePlan) => void;

const NUMBER_FIELDS: { path: [string, string]; min: number; max: number; integer?: boolean }[] = [
  { path: ['preferential', 'foreignTaxRate'], min: 0, max: LIMITS.maxTaxRate },
  { path: ['preferential', 'domesticTaxRate'], min: 0, max: LIMITS.maxTaxRate },
  {
    path: ['preferential', 'foreignTaxHolidayYears'],
    min: 0,
    max: LIMITS.maxHolidayYears,
    integer: true,
  },
  { path: ['preferential', 'landDiscount'], min: 0, max: LIMITS.maxLandDiscount },
  { path: ['preferential', 'smeCreditGuarantee'], min: 0, max: LIMITS.maxYearlyAmount },
  { path: ['preferential', 'talentHukou'], min: 0, max: LIMITS.maxYearlyAmount },
  { path: ['innovation', 'innovationVouchers'], min: 0, max: LIMITS.maxYearlyAmount },
  { path: ['environment', 'pollutionFee'], min: 0, max: 1 },
  { path: ['environment', 'greenSubsidy'], min: 0, max: LIMITS.maxYearlyAmount },
];

const ALL_FIELDS: [string, string][] = [
  ['preferential', 'foreignTaxRate'],
  ['preferential', 'foreignTaxHolidayYears'],
  ['preferential', 'targetSectors'],
  ['preferential', 'withdrawSectors'],
  ['preferential', 'equalTreatmentPrivate'],
  ['preferential', 'oneStopOffice'],
  ['innovation', 'centres'],
  ['innovation', 'vocationalSchool'],
  ['innovation', 'qualityStandards'],
  ['environment', 'enforcement'],
  ['environment', 'pollutionFee'],
  ['diplomacy', 'proposals'],
  ['diplomacy', 'responses'],
  ['diplomacy', 'statement'],
];

const SECTOR_LISTS: [string, string][] = [
  ['preferential', 'targetSectors'],
  ['preferential', 'withdrawSectors'],
  ['innovation', 'centres'],
  ['innovation', 'qualityStandards'],
  ['innovation', 'industryAssociation'],
];

const outOfRange: fc.Arbitrary<Mutation> = fc
  .record({
    field: fc.constantFrom(...NUMBER_FIELDS),
    how: fc.constantFrom('above', 'below', 'nan', 'infinity', 'fraction'),
    by: fc.double({ min: 1e-6, max: 1000, noNaN: true }),
  })
  .map(({ field, how, by }) => (plan) => {
    const [section, key] = field.path;
    let value: number;
    if (how === 'above') value = field.max + by;
    else if (how === 'below') value = field.min - by;
    else if (how === 'nan') value = Number.NaN;
    else if (how === 'infinity') value = Number.POSITIVE_INFINITY;
    else value = field.integer ? 0.5 : field.max + by; // a fraction only breaks integer fields
    plan[section][key] = value;
  });

const wrongType: fc.Arbitrary<Mutation> = fc
  .record({
    field: fc.constantFrom(...ALL_FIELDS),
    value: fc.constantFrom<unknown>('7', null, true, 3, {}, ['x']),
  })
  .filter(({ field, value }) => {
    const [, key] = field;
    // Only keep values whose type really differs from the field's.
    const numeric =
      key === 'foreignTaxRate' || key === 'foreignTaxHolidayYears' || key === 'pollutionFee';
    const bool =
      key === 'equalTreatmentPrivate' || key === 'oneStopOffice' || key === 'vocationalSchool';
    const list =
      key.endsWith('Sectors') ||
      key === 'centres' ||
      key === 'qualityStandards' ||
      key === 'proposals' ||
      key === 'responses';
    if (numeric) return typeof value !== 'number';
    if (bool) return typeof value !== 'boolean';
    if (list) return !Array.isArray(value);
    if (key === 'statement' || key === 'enforcement') return typeof value !== 'string';
    return true;
  })
  .map(({ field, value }) => (plan) => {
    plan[field[0]][field[1]] = structuredClone(value);
  });

const extraKey: fc.Arbitrary<Mutation> = fc
  .record({
    where: fc.constantFrom(
      'top',
      'preferential',
      'innovation',
      'environment',
      'diplomacy',
      'build',
    ),
    key: fc.constantFrom('extra', 'bonus', '__hidden', 'level'),
  })
  .map(({ where, key }) => (plan) => {
    if (where === 'top') plan[key] = 1;
    else if (where === 'build')
      plan.build = [...plan.build.slice(0, LIMITS.maxBuildOrders - 1), { kind: 'roads', [key]: 1 }];
    else plan[where][key] = 1;
  });

const unknownSector: fc.Arbitrary<Mutation> = fc
  .record({
    list: fc.constantFrom(...SECTOR_LISTS),
    name: fc.constantFrom('steel', 'Textiles', '', 'toys ', 'chemicals'),
    asMarket: fc.boolean(),
  })
  .map(({ list, name, asMarket }) => (plan) => {
    if (asMarket) {
      plan.build = [
        ...plan.build.slice(0, LIMITS.maxBuildOrders - 1),
        { kind: 'market', sector: name },
      ];
      return;
    }
    plan[list[0]][list[1]] = [name];
  });

const longStatement: fc.Arbitrary<Mutation> = fc
  .integer({ min: LIMITS.maxStatementLength + 1, max: LIMITS.maxStatementLength + 200 })
  .map((length) => (plan) => {
    plan.diplomacy.statement = 'x'.repeat(length);
  });

const mutationArb = fc.oneof(outOfRange, wrongType, extraKey, unknownSector, longStatement);

describe('properties of invalid plans', () => {
  it('a plan with one broken field is always rejected with a located error and the state is untouched', () => {
    fc.assert(
      fc.property(
        matchArb,
        fc.integer({ min: 0, max: 2 }),
        fc.nat({ max: TOWNS - 1 }),
        planSeedArb,
        mutationArb,
        ({ scenarioId, seed }, rounds, index, planSeed, mutate) => {
          let state = createMatch(scenarioId, { seed, towns: TOWNS });
          for (let r = 0; r < rounds; r++)
            state = resolveRound(state, { plans: {}, cards: [] }).state;
          const townId = state.towns[index].id;
          const valid = planFor(state, index, planSeed);
          expect(validatePlan(state, townId, valid).ok).toBe(true);
          const broken = structuredClone(valid) as unknown as LoosePlan;
          mutate(broken);
          const before = hashState(state);
          const result = validatePlan(state, townId, broken);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            expect(result.errors.some((e) => e.path.length > 0)).toBe(true);
            for (const e of result.errors) expect(typeof e.reason).toBe('string');
          }
          expect(() =>
            resolveRound(state, { plans: { [townId]: broken as unknown as TownPlan }, cards: [] }),
          ).toThrow(/invalid plan/);
          expect(hashState(state)).toBe(before);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a default plan always validates after random caretaker rounds', () => {
    fc.assert(
      fc.property(matchArb, fc.integer({ min: 0, max: 3 }), ({ scenarioId, seed }, rounds) => {
        let state = createMatch(scenarioId, { seed, towns: TOWNS });
        for (let r = 0; r < rounds; r++)
          state = resolveRound(state, { plans: {}, cards: [] }).state;
        for (const t of state.towns) expect(validatePlan(state, t.id, defaultPlan()).ok).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
