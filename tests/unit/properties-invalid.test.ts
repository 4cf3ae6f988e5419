/**
 * Property tests over random invalid plans (fast-check): one field of a valid plan broken must be
 * rejected with a located error, and the state must not change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashState } from '../../shared/engine/hash';
import { createMatch } from '../../shared/engine/match';
import { defaultPlan, LIMITS, validatePlan } from '../../shared/engine/plan-schema';
import { resolveRound } from '../../shared/engine/resolve-round';
import type { TownPlan } from '../../shared/engine/types';
import { type LoosePlan } from './helpers';
import { matchArb, planFor, planSeedArb, TOWNS } from './plan-arbitraries';

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
