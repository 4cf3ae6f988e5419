/**
 * The one validator of town plans, shared by the engine, server and client (DESIGN §2: "all
 * validated by the server"). Shape and ranges are checked by a zod schema; rules that need the
 * match state (budget, level caps, known towns, open proposals) are checked after it. Every
 * failure is a structured error with the field path, a reason and, where one applies, the limit.
 */
import { z } from 'zod';
import { SECTOR_IDS, type SectorId } from '../data/sectors';
import { availableBudget, INFRA_SPECS, planCost } from './costs';
import type { MatchState, TownPlan, TownState } from './types';

/**
 * What is wrong, as a key each client translates into its own language (issue 14); `reason` is
 * the same in English for logs and other clients.
 */
export type PlanErrorCode =
  | 'tooBig'
  | 'tooSmall'
  | 'tooMany'
  | 'tooLong'
  | 'notNumber'
  | 'notInteger'
  | 'budget'
  | 'duplicateOrder'
  | 'needsSector'
  | 'marketExists'
  | 'maxLevel'
  | 'targetWithdrawn'
  | 'unknownTown'
  | 'noOpenProposal'
  | 'diplomacyOff'
  | 'repeat'
  | 'invalid';

export interface PlanError {
  path: string;
  code: PlanErrorCode;
  reason: string;
  limit?: number | string;
}

export type PlanValidation = { ok: true; plan: TownPlan } | { ok: false; errors: PlanError[] };

export const LIMITS = {
  maxTaxRate: 0.33,
  maxHolidayYears: 5,
  maxLandDiscount: 0.9,
  maxYearlyAmount: 500,
  maxTargetSectors: 3,
  maxBuildOrders: 4,
  maxCentres: 2,
  maxProposals: 3,
  maxStatementLength: 280,
} as const;

const sector = z.enum(SECTOR_IDS).describe('A sector id (GET /api/scenarios/:id lists them).');
const uniqueSectors = (max: number) =>
  z
    .array(sector)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: 'sectors must not repeat' });
const amount = z.number().finite().min(0).max(LIMITS.maxYearlyAmount);

export const townPlanSchema = z
  .object({
    preferential: z
      .object({
        foreignTaxRate: z
          .number()
          .finite()
          .min(0)
          .max(LIMITS.maxTaxRate)
          .describe('Corporate tax rate on foreign firms, a fraction (0.15 = 15 %), 0 to 0.33.'),
        domesticTaxRate: z
          .number()
          .finite()
          .min(0)
          .max(LIMITS.maxTaxRate)
          .describe('Corporate tax rate on domestic firms, a fraction, 0 to 0.33.'),
        foreignTaxHolidayYears: z
          .number()
          .int()
          .min(0)
          .max(LIMITS.maxHolidayYears)
          .describe('Years of tax holiday offered to new foreign plants, whole years 0 to 5.'),
        landDiscount: z
          .number()
          .finite()
          .min(0)
          .max(LIMITS.maxLandDiscount)
          .describe('Discount on industrial land prices, a fraction 0 to 0.9.'),
        smeCreditGuarantee: amount.describe(
          'Yearly credit guarantees for local SMEs, M RMB a year at base prices (multiplied by the national cost level), 0 to 500.',
        ),
        targetSectors: uniqueSectors(LIMITS.maxTargetSectors).describe(
          'Sectors given preferential treatment (at most 3, no repeats); empty means a policy district open to every sector.',
        ),
        withdrawSectors: uniqueSectors(SECTOR_IDS.length).describe(
          'Sectors whose support is withdrawn ("emptying the cage"); must not overlap targetSectors.',
        ),
        equalTreatmentPrivate: z
          .boolean()
          .describe(
            'Treat private firms like state-owned and foreign ones (credit, land, licences).',
          ),
        oneStopOffice: z
          .boolean()
          .describe('Run a one-stop approval office for investors; costs 0.5 M RMB a year.'),
        talentHukou: amount.describe(
          'Yearly spending on talent and hukou (residence permit) incentives, M RMB a year, 0 to 500.',
        ),
      })
      .strict()
      .describe('Preferential policies (edited by the investment promotion portfolio).'),
    build: z
      .array(
        z
          .object({
            kind: z
              .enum(['roads', 'power', 'port', 'market', 'park', 'housing', 'wastewater'])
              .describe(
                'What to build, one level more (cost M RMB / years / max level): roads 12/2/6, power 10/2/6, port (logistics centre inland) 40/3/4, market 6/1/1 per sector, park 15/2/6, housing 10/2/8, wastewater 8/2/4. Each kind at most once a round.',
              ),
            sector: sector
              .optional()
              .describe(
                'Sector id: required for a specialised market, optional for an industrial park built on a cluster.',
              ),
          })
          .strict(),
      )
      .max(LIMITS.maxBuildOrders)
      .describe(
        'New construction orders this round (edited by the construction portfolio), at most 4. Works under way keep drawing money until done.',
      ),
    innovation: z
      .object({
        centres: uniqueSectors(LIMITS.maxCentres).describe(
          'Sectors whose technology innovation centre the town funds this round, at most 2; 4 M RMB a year each, shared with co-funding partners.',
        ),
        vocationalSchool: z.boolean().describe('Fund a vocational school: 1.5 M RMB a year.'),
        universityPartnership: z
          .boolean()
          .describe('Fund a university partnership (lab): 3 M RMB a year.'),
        qualityStandards: uniqueSectors(SECTOR_IDS.length).describe(
          'Sectors under quality standards and inspection: 0.6 M RMB a year each.',
        ),
        industryAssociation: uniqueSectors(SECTOR_IDS.length).describe(
          'Sectors with a supported industry association: 0.3 M RMB a year each.',
        ),
        innovationVouchers: amount.describe(
          'Yearly innovation vouchers for firms, M RMB a year, 0 to 500.',
        ),
      })
      .strict()
      .describe('Innovation policy (edited by the science and technology portfolio).'),
    environment: z
      .object({
        enforcement: z
          .enum(['lax', 'standard', 'strict'])
          .describe('How strictly environmental law is enforced on polluting firms.'),
        pollutionFee: z
          .number()
          .finite()
          .min(0)
          .max(1)
          .describe(
            'Pollution fee per unit of emissions, on a 0 to 1 scale (1 = the highest fee).',
          ),
        greenSubsidy: amount.describe(
          'Yearly green-upgrading subsidies for polluting firms, M RMB a year, 0 to 500.',
        ),
      })
      .strict()
      .describe('Environmental policy (edited by the environmental protection portfolio).'),
    diplomacy: z
      .object({
        proposals: z
          .array(
            z
              .object({
                kind: z
                  .enum(['cofundCentre', 'jointMarket', 'riverCleanup'])
                  .describe(
                    'cofundCentre: share an innovation centre in a sector; jointMarket: a joint specialised market in a sector; riverCleanup: a joint clean-up of the shared river.',
                  ),
                to: z
                  .array(z.string().min(1).max(40))
                  .min(1)
                  .max(8)
                  .refine((list) => new Set(list).size === list.length, {
                    message: 'towns must not repeat',
                  })
                  .describe('Ids of the other towns invited (1 to 8, known towns, no repeats).'),
                sector: sector
                  .optional()
                  .describe('Sector id; required for cofundCentre and jointMarket.'),
              })
              .strict(),
          )
          .max(LIMITS.maxProposals)
          .describe('Proposals to other towns this round, at most 3.'),
        responses: z
          .array(
            z
              .object({
                proposalId: z
                  .string()
                  .min(1)
                  .max(40)
                  .describe('Id of an open proposal addressed to this town (state `proposals`).'),
                accept: z.boolean().describe('true accepts, false declines.'),
              })
              .strict(),
          )
          .max(20)
          .describe('Answers to open proposals, at most 20.'),
        statement: z
          .string()
          .max(LIMITS.maxStatementLength)
          .optional()
          .describe('A public statement, at most 280 characters.'),
      })
      .strict()
      .describe(
        'Diplomacy (edited by the mayor); must be empty when diplomacy is switched off in the match.',
      ),
  })
  .strict()
  .describe(
    "A town's plan for one round. Amounts are M RMB a year at base prices, multiplied by the national cost level and the round's years; new spending must fit the town's available budget (cash plus unused borrowing room), checked on submit.",
  );

/** The key of a schema problem: zod's issue code, and what it was checking. */
function zodCode(issue: z.core.$ZodIssue): PlanErrorCode {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'array'
        ? 'tooMany'
        : issue.origin === 'string'
          ? 'tooLong'
          : 'tooBig';
    case 'too_small':
      return 'tooSmall';
    case 'invalid_type':
      return issue.expected === 'int'
        ? 'notInteger'
        : issue.expected === 'number'
          ? 'notNumber'
          : 'invalid';
    case 'custom':
      return issue.message.includes('must not repeat') ? 'repeat' : 'invalid';
    default:
      return 'invalid';
  }
}

function zodErrors(error: z.ZodError): PlanError[] {
  return error.issues.map((issue) => {
    const out: PlanError = {
      path: issue.path.map(String).join('.') || '(plan)',
      code: zodCode(issue),
      reason: issue.message,
    };
    if (issue.code === 'too_big') out.limit = Number(issue.maximum);
    if (issue.code === 'too_small') out.limit = Number(issue.minimum);
    return out;
  });
}

/** Rules that depend on the town and the match, checked once the shape is right. */
function stateErrors(state: MatchState, town: TownState, plan: TownPlan): PlanError[] {
  const errors: PlanError[] = [];
  const p = plan.preferential;
  for (const s of p.targetSectors) {
    if (p.withdrawSectors.includes(s)) {
      errors.push({
        path: 'preferential.targetSectors',
        code: 'targetWithdrawn',
        reason: `${s} is both targeted and withdrawn`,
      });
    }
  }
  const kinds = new Map<string, number>();
  plan.build.forEach((order, i) => {
    const key = order.kind === 'market' ? `market:${order.sector ?? ''}` : order.kind;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
    if (kinds.get(key)! > 1) {
      errors.push({
        path: `build.${i}`,
        code: 'duplicateOrder',
        reason: `${key} ordered twice in one round`,
      });
    }
    if (order.kind === 'market') {
      if (!order.sector) {
        errors.push({
          path: `build.${i}.sector`,
          code: 'needsSector',
          reason: 'a specialised market needs a sector',
        });
      } else if (
        town.infra.markets.includes(order.sector) ||
        town.infra.projects.some((pr) => pr.kind === 'market' && pr.sector === order.sector)
      ) {
        errors.push({
          path: `build.${i}.sector`,
          code: 'marketExists',
          reason: `a ${order.sector} market exists or is being built`,
          limit: 1,
        });
      }
      return;
    }
    const built = town.infra[order.kind];
    const pending = town.infra.projects.filter((pr) => pr.kind === order.kind).length;
    const max = INFRA_SPECS[order.kind].maxLevel;
    if (built + pending + 1 > max) {
      errors.push({
        path: `build.${i}.kind`,
        code: 'maxLevel',
        reason: `${order.kind} is at its maximum level`,
        limit: max,
      });
    }
  });
  const others = new Set(state.towns.filter((t) => t.id !== town.id).map((t) => t.id));
  const d = plan.diplomacy;
  if (!state.diplomacy && (d.proposals.length > 0 || (d.statement ?? '').length > 0)) {
    errors.push({
      path: 'diplomacy',
      code: 'diplomacyOff',
      reason: 'diplomacy is switched off in this match',
    });
  }
  d.proposals.forEach((proposal, i) => {
    proposal.to.forEach((to, j) => {
      if (!others.has(to)) {
        errors.push({
          path: `diplomacy.proposals.${i}.to.${j}`,
          code: 'unknownTown',
          reason: `unknown town ${to}`,
        });
      }
    });
    if (proposal.kind !== 'riverCleanup' && !proposal.sector) {
      errors.push({
        path: `diplomacy.proposals.${i}.sector`,
        code: 'needsSector',
        reason: `${proposal.kind} needs a sector`,
      });
    }
  });
  d.responses.forEach((response, i) => {
    const proposal = state.proposals.find((pr) => pr.id === response.proposalId);
    if (!proposal || proposal.status !== 'open' || !proposal.to.includes(town.id)) {
      errors.push({
        path: `diplomacy.responses.${i}.proposalId`,
        code: 'noOpenProposal',
        reason: `no open proposal ${response.proposalId} addressed to this town`,
      });
    }
  });
  // Works under way are paid whatever the plan says; only new commitments must fit what is left,
  // so a plan that starts nothing new is always affordable.
  const cost = planCost(state, town, plan);
  const fresh = cost.total - cost.committed;
  const budget = Math.max(0, availableBudget(state, town) - cost.committed);
  if (fresh > budget + 1e-9) {
    errors.push({
      path: 'budget',
      code: 'budget',
      reason: `new spending of ${fresh.toFixed(1)} M RMB exceeds the ${budget.toFixed(1)} M RMB available`,
      limit: Math.floor(budget * 10) / 10,
    });
  }
  return errors;
}

/** Validate an untrusted plan for a town. Never throws; never mutates the state. */
export function validatePlan(state: MatchState, townId: string, input: unknown): PlanValidation {
  const town = state.towns.find((t) => t.id === townId);
  if (!town)
    return {
      ok: false,
      errors: [{ path: 'town', code: 'unknownTown', reason: `unknown town ${townId}` }],
    };
  const parsed = townPlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const plan = parsed.data as TownPlan;
  const errors = stateErrors(state, town, plan);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, plan };
}

/** A do-nothing plan that keeps today's policies (used for caretakers and new towns). */
export function defaultPlan(): TownPlan {
  return {
    preferential: {
      foreignTaxRate: 0.33,
      domesticTaxRate: 0.33,
      foreignTaxHolidayYears: 0,
      landDiscount: 0,
      smeCreditGuarantee: 0,
      targetSectors: [],
      withdrawSectors: [],
      equalTreatmentPrivate: false,
      oneStopOffice: false,
      talentHukou: 0,
    },
    build: [],
    innovation: {
      centres: [],
      vocationalSchool: false,
      universityPartnership: false,
      qualityStandards: [],
      industryAssociation: [],
      innovationVouchers: 0,
    },
    environment: { enforcement: 'standard', pollutionFee: 0, greenSubsidy: 0 },
    diplomacy: { proposals: [], responses: [] },
  };
}

/** The plan a caretaker submits: last round's standing policies, no new one-off actions. */
export function caretakerPlan(previous: TownPlan): TownPlan {
  return {
    ...structuredClone(previous),
    build: [],
    diplomacy: { proposals: [], responses: [] },
  };
}

export type { SectorId };
