import { describe, expect, it } from 'vitest';
import { SECTOR_IDS } from '../../shared/data/sectors';
import { availableBudget, planCost } from '../../shared/engine/costs';
import { hashState } from '../../shared/engine/hash';
import { createMatch } from '../../shared/engine/match';
import { defaultPlan, LIMITS, validatePlan, type PlanError } from '../../shared/engine/plan-schema';
import type { MatchState, TownPlan } from '../../shared/engine/types';
import { planWith, SCENARIO_IDS, step, town, type LoosePlan } from './helpers';

const base = createMatch('foshan-2007', { seed: 3 });

/** Validate a plan for Foshan built from the default with one change; return the errors. */
function errorsOf(
  modify: (plan: LoosePlan) => void,
  state: MatchState = base,
  townId = 'foshan',
): PlanError[] {
  const plan = defaultPlan() as unknown as LoosePlan;
  modify(plan);
  const result = validatePlan(state, townId, plan);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

function paths(errors: PlanError[]): string[] {
  return errors.map((e) => e.path);
}

describe('validatePlan: valid plans', () => {
  it.each(SCENARIO_IDS)('accepts the default plan for every town of %s', (scenarioId) => {
    const state = createMatch(scenarioId, { seed: 1 });
    for (const t of state.towns) {
      const result = validatePlan(state, t.id, defaultPlan());
      expect(result.ok, `${scenarioId}/${t.id}`).toBe(true);
    }
  });

  it('accepts a rich plan within the limits and the budget and returns it unchanged', () => {
    const plan = planWith((p) => {
      p.preferential.foreignTaxRate = 0.15;
      p.preferential.foreignTaxHolidayYears = 5;
      p.preferential.landDiscount = 0.9;
      p.preferential.targetSectors = ['ceramics', 'appliances', 'furniture'];
      p.preferential.withdrawSectors = ['textiles'];
      p.preferential.oneStopOffice = true;
      p.build = [{ kind: 'park' }, { kind: 'market', sector: 'ceramics' }];
      p.innovation.centres = ['ceramics'];
      p.innovation.qualityStandards = ['ceramics'];
      p.environment = { enforcement: 'strict', pollutionFee: 1, greenSubsidy: 1 };
      p.diplomacy.statement = 'x'.repeat(LIMITS.maxStatementLength);
      p.diplomacy.proposals = [{ kind: 'riverCleanup', to: ['qingyuan'] }];
    });
    const result = validatePlan(base, 'foshan', plan);
    expect(result).toEqual({ ok: true, plan });
  });
});

describe('validatePlan: each kind of bad field is rejected with its path', () => {
  it('rejects an out-of-range tax rate with its limit', () => {
    const errors = errorsOf((p) => (p.preferential.foreignTaxRate = 0.34));
    expect(errors).toEqual([
      expect.objectContaining({ path: 'preferential.foreignTaxRate', limit: LIMITS.maxTaxRate }),
    ]);
    expect(paths(errorsOf((p) => (p.preferential.domesticTaxRate = -0.01)))).toEqual([
      'preferential.domesticTaxRate',
    ]);
  });

  it('rejects a fractional or too long tax holiday', () => {
    expect(paths(errorsOf((p) => (p.preferential.foreignTaxHolidayYears = 2.5)))).toEqual([
      'preferential.foreignTaxHolidayYears',
    ]);
    expect(errorsOf((p) => (p.preferential.foreignTaxHolidayYears = 6))[0]).toMatchObject({
      path: 'preferential.foreignTaxHolidayYears',
      limit: LIMITS.maxHolidayYears,
    });
  });

  it('rejects a land discount above 0.9', () => {
    expect(errorsOf((p) => (p.preferential.landDiscount = 0.95))[0]).toMatchObject({
      path: 'preferential.landDiscount',
      limit: 0.9,
    });
  });

  it('rejects yearly amounts that are negative, too large, NaN or Infinity', () => {
    expect(paths(errorsOf((p) => (p.preferential.smeCreditGuarantee = -1)))).toEqual([
      'preferential.smeCreditGuarantee',
    ]);
    expect(errorsOf((p) => (p.preferential.talentHukou = 501))[0]).toMatchObject({
      path: 'preferential.talentHukou',
      limit: 500,
    });
    expect(paths(errorsOf((p) => (p.innovation.innovationVouchers = Number.NaN)))).toEqual([
      'innovation.innovationVouchers',
    ]);
    expect(paths(errorsOf((p) => (p.environment.greenSubsidy = Infinity)))).toEqual([
      'environment.greenSubsidy',
    ]);
  });

  it('rejects wrong types', () => {
    expect(paths(errorsOf((p) => (p.preferential.foreignTaxRate = '0.1')))).toEqual([
      'preferential.foreignTaxRate',
    ]);
    expect(paths(errorsOf((p) => (p.preferential.oneStopOffice = 1)))).toEqual([
      'preferential.oneStopOffice',
    ]);
    expect(paths(errorsOf((p) => (p.build = {})))).toEqual(['build']);
    expect(paths(errorsOf((p) => delete p.environment))).toEqual(['environment']);
  });

  it('rejects unknown sectors, repeated sectors and too many targets', () => {
    expect(paths(errorsOf((p) => (p.preferential.targetSectors = ['toys', 'steel'])))).toEqual([
      'preferential.targetSectors.1',
    ]);
    expect(paths(errorsOf((p) => (p.innovation.qualityStandards = ['toys', 'toys'])))).toEqual([
      'innovation.qualityStandards',
    ]);
    expect(
      errorsOf((p) => (p.preferential.targetSectors = SECTOR_IDS.slice(0, 4)))[0],
    ).toMatchObject({
      path: 'preferential.targetSectors',
      limit: LIMITS.maxTargetSectors,
    });
    expect(errorsOf((p) => (p.innovation.centres = SECTOR_IDS.slice(0, 3)))[0]).toMatchObject({
      path: 'innovation.centres',
      limit: LIMITS.maxCentres,
    });
  });

  it('rejects a sector both targeted and withdrawn', () => {
    const errors = errorsOf((p) => {
      p.preferential.targetSectors = ['ceramics'];
      p.preferential.withdrawSectors = ['ceramics'];
    });
    expect(paths(errors)).toEqual(['preferential.targetSectors']);
  });

  it('rejects unknown enforcement levels and fees above 1', () => {
    expect(paths(errorsOf((p) => (p.environment.enforcement = 'none')))).toEqual([
      'environment.enforcement',
    ]);
    expect(errorsOf((p) => (p.environment.pollutionFee = 1.5))[0]).toMatchObject({
      path: 'environment.pollutionFee',
      limit: 1,
    });
  });

  it('rejects extra keys at the top level and inside sections', () => {
    expect(paths(errorsOf((p) => (p.cheat = true)))).toEqual(['(plan)']);
    expect(paths(errorsOf((p) => (p.preferential.subsidy = 5)))).toEqual(['preferential']);
    expect(paths(errorsOf((p) => (p.build = [{ kind: 'roads', level: 3 }])))).toEqual(['build.0']);
  });

  it('rejects inputs that are not plans at all', () => {
    for (const input of [null, undefined, 42, 'plan', []]) {
      const result = validatePlan(base, 'foshan', input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0].path).toBe('(plan)');
    }
  });

  it('rejects build orders: unknown kind, too many, repeated, market without sector', () => {
    expect(paths(errorsOf((p) => (p.build = [{ kind: 'airport' }])))).toEqual(['build.0.kind']);
    expect(
      errorsOf(
        (p) =>
          (p.build = [
            { kind: 'roads' },
            { kind: 'power' },
            { kind: 'park' },
            { kind: 'housing' },
            { kind: 'port' },
          ]),
      )[0],
    ).toMatchObject({
      path: 'build',
      limit: LIMITS.maxBuildOrders,
    });
    expect(paths(errorsOf((p) => (p.build = [{ kind: 'park' }, { kind: 'park' }])))).toEqual([
      'build.1',
    ]);
    expect(paths(errorsOf((p) => (p.build = [{ kind: 'market' }])))).toEqual(['build.0.sector']);
  });

  it('rejects works beyond their maximum level and a second market for a sector', () => {
    const state = structuredClone(base);
    town(state, 'foshan').infra.roads = 6;
    town(state, 'foshan').infra.markets = ['ceramics'];
    expect(errorsOf((p) => (p.build = [{ kind: 'roads' }]), state)[0]).toMatchObject({
      path: 'build.0.kind',
      limit: 6,
    });
    expect(
      errorsOf((p) => (p.build = [{ kind: 'market', sector: 'ceramics' }]), state)[0],
    ).toMatchObject({ path: 'build.0.sector' });
    // Projects under construction count towards the cap.
    town(state, 'foshan').infra.power = 5;
    town(state, 'foshan').infra.projects = [
      { kind: 'power', sector: null, yearsLeft: 1, costPerYear: 5 },
    ];
    expect(paths(errorsOf((p) => (p.build = [{ kind: 'power' }]), state))).toEqual([
      'build.0.kind',
    ]);
  });

  it('rejects a statement longer than 280 characters', () => {
    expect(errorsOf((p) => (p.diplomacy.statement = 'x'.repeat(281)))[0]).toMatchObject({
      path: 'diplomacy.statement',
      limit: LIMITS.maxStatementLength,
    });
  });

  it('rejects an unknown town id with path "town"', () => {
    const result = validatePlan(base, 'atlantis', defaultPlan());
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ path: 'town' })] });
  });
});

describe('validatePlan: budget', () => {
  it('rejects an over-budget plan with path "budget" and a numeric limit', () => {
    const plan = planWith((p) => (p.preferential.smeCreditGuarantee = 500));
    const f = town(base, 'foshan');
    expect(planCost(base, f, plan).total).toBeGreaterThan(availableBudget(base, f));
    const result = validatePlan(base, 'foshan', plan);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error.path).toBe('budget');
    expect(typeof error.limit).toBe('number');
    const committed = planCost(base, f, plan).committed;
    expect(error.limit).toBe(
      Math.floor(Math.max(0, availableBudget(base, f) - committed) * 10) / 10,
    );
  });

  it('always accepts a plan that starts nothing new, however much is already committed', () => {
    const state = structuredClone(base);
    const f = town(state, 'foshan');
    f.cash = 0;
    f.debt = 1e6;
    f.infra.projects = [{ kind: 'port', sector: null, yearsLeft: 2, costPerYear: 500 }];
    expect(availableBudget(state, f)).toBe(0);
    expect(validatePlan(state, 'foshan', defaultPlan()).ok).toBe(true);
    // Free policy changes are new commitments of nothing, so they fit too.
    const free = planWith((p) => {
      p.preferential.foreignTaxRate = 0.1;
      p.preferential.targetSectors = ['ceramics'];
      p.environment.enforcement = 'strict';
    });
    expect(validatePlan(state, 'foshan', free).ok).toBe(true);
    expect(paths(errorsOf((p) => (p.preferential.smeCreditGuarantee = 0.1), state))).toEqual([
      'budget',
    ]);
  });

  it('accepts a plan costing exactly the available budget and rejects one just above', () => {
    const f = town(base, 'foshan');
    const perUnit = planCost(
      base,
      f,
      planWith((p) => (p.preferential.smeCreditGuarantee = 1)),
    ).total;
    const fits = availableBudget(base, f) / perUnit;
    expect(
      validatePlan(
        base,
        'foshan',
        planWith((p) => (p.preferential.smeCreditGuarantee = fits * 0.999)),
      ).ok,
    ).toBe(true);
    expect(paths(errorsOf((p) => (p.preferential.smeCreditGuarantee = fits * 1.01)))).toEqual([
      'budget',
    ]);
  });
});

describe('validatePlan: diplomacy', () => {
  it('rejects a proposal to an unknown town, to itself, or a centre without a sector', () => {
    expect(
      paths(
        errorsOf(
          (p) => (p.diplomacy.proposals = [{ kind: 'riverCleanup', to: ['qingyuan', 'atlantis'] }]),
        ),
      ),
    ).toEqual(['diplomacy.proposals.0.to.1']);
    expect(
      paths(errorsOf((p) => (p.diplomacy.proposals = [{ kind: 'riverCleanup', to: ['foshan'] }]))),
    ).toEqual(['diplomacy.proposals.0.to.0']);
    expect(
      paths(errorsOf((p) => (p.diplomacy.proposals = [{ kind: 'cofundCentre', to: ['shunde'] }]))),
    ).toEqual(['diplomacy.proposals.0.sector']);
  });

  it('rejects a proposal to a town outside the match (fewer towns than the scenario defines)', () => {
    const small = createMatch('foshan-2007', { seed: 3, towns: 2 });
    expect(small.towns.map((t) => t.id)).toEqual(['foshan', 'qingyuan']);
    expect(
      paths(
        errorsOf(
          (p) => (p.diplomacy.proposals = [{ kind: 'riverCleanup', to: ['shunde'] }]),
          small,
        ),
      ),
    ).toEqual(['diplomacy.proposals.0.to.0']);
  });

  it('rejects proposals and statements when diplomacy is off', () => {
    const off = createMatch('foshan-2007', { seed: 3, diplomacy: false });
    expect(
      paths(
        errorsOf(
          (p) => (p.diplomacy.proposals = [{ kind: 'riverCleanup', to: ['qingyuan'] }]),
          off,
        ),
      ),
    ).toEqual(['diplomacy']);
    expect(paths(errorsOf((p) => (p.diplomacy.statement = 'hello'), off))).toEqual(['diplomacy']);
    expect(
      validatePlan(
        off,
        'foshan',
        planWith((p) => (p.diplomacy.statement = '')),
      ).ok,
    ).toBe(true);
  });

  it('rejects responses to proposals that do not exist or are not addressed to the town', () => {
    expect(
      paths(errorsOf((p) => (p.diplomacy.responses = [{ proposalId: 'p999', accept: true }]))),
    ).toEqual(['diplomacy.responses.0.proposalId']);
    const proposal = planWith(
      (p) => (p.diplomacy.proposals = [{ kind: 'riverCleanup', to: ['qingyuan'] }]),
    );
    const next = step(base, { foshan: proposal }).state;
    const id = next.proposals[0].id;
    expect(
      validatePlan(
        next,
        'qingyuan',
        planWith((p) => (p.diplomacy.responses = [{ proposalId: id, accept: true }])),
      ).ok,
    ).toBe(true);
    expect(
      paths(
        errorsOf(
          (p) => (p.diplomacy.responses = [{ proposalId: id, accept: true }]),
          next,
          'shunde',
        ),
      ),
    ).toEqual(['diplomacy.responses.0.proposalId']);
  });
});

describe('validatePlan never mutates', () => {
  const inputs: [string, unknown][] = [
    ['default', defaultPlan()],
    ['over budget', planWith((p) => (p.preferential.smeCreditGuarantee = 500))],
    ['bad shape', { preferential: 3 }],
    [
      'bad proposal',
      planWith((p) => (p.diplomacy.proposals = [{ kind: 'cofundCentre', to: ['nowhere'] }])),
    ],
    [
      'with builds',
      planWith((p) => (p.build = [{ kind: 'roads' }, { kind: 'market', sector: 'ceramics' }])),
    ],
  ];

  it.each(inputs)('leaves the state and the input unchanged (%s)', (_name, input) => {
    const state = structuredClone(base);
    const before = hashState(state);
    const inputCopy = structuredClone(input);
    validatePlan(state, 'foshan', input);
    validatePlan(state, 'nowhere', input);
    expect(hashState(state)).toBe(before);
    expect(input).toEqual(inputCopy);
  });

  it('returns a plan object that does not alias the state', () => {
    const plan: TownPlan = defaultPlan();
    const result = validatePlan(base, 'foshan', plan);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.plan).not.toBe(town(base, 'foshan').plan);
  });
});

describe('resolveRound enforces validation', () => {
  it('throws on an invalid plan and on a plan for an unknown town', () => {
    expect(() =>
      step(base, { foshan: planWith((p) => (p.preferential.landDiscount = 2)) }),
    ).toThrow(/invalid plan for foshan/);
    expect(() => step(base, { atlantis: defaultPlan() })).toThrow(/unknown town atlantis/);
  });
});
