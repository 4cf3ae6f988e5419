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

export interface PlanError {
  path: string;
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

const sector = z.enum(SECTOR_IDS);
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
        foreignTaxRate: z.number().finite().min(0).max(LIMITS.maxTaxRate),
        domesticTaxRate: z.number().finite().min(0).max(LIMITS.maxTaxRate),
        foreignTaxHolidayYears: z.number().int().min(0).max(LIMITS.maxHolidayYears),
        landDiscount: z.number().finite().min(0).max(LIMITS.maxLandDiscount),
        smeCreditGuarantee: amount,
        targetSectors: uniqueSectors(LIMITS.maxTargetSectors),
        withdrawSectors: uniqueSectors(SECTOR_IDS.length),
        equalTreatmentPrivate: z.boolean(),
        oneStopOffice: z.boolean(),
        talentHukou: amount,
      })
      .strict(),
    build: z
      .array(
        z
          .object({
            kind: z.enum(['roads', 'power', 'port', 'market', 'park', 'housing', 'wastewater']),
            sector: sector.optional(),
          })
          .strict(),
      )
      .max(LIMITS.maxBuildOrders),
    innovation: z
      .object({
        centres: uniqueSectors(LIMITS.maxCentres),
        vocationalSchool: z.boolean(),
        universityPartnership: z.boolean(),
        qualityStandards: uniqueSectors(SECTOR_IDS.length),
        industryAssociation: uniqueSectors(SECTOR_IDS.length),
        innovationVouchers: amount,
      })
      .strict(),
    environment: z
      .object({
        enforcement: z.enum(['lax', 'standard', 'strict']),
        pollutionFee: z.number().finite().min(0).max(1),
        greenSubsidy: amount,
      })
      .strict(),
    diplomacy: z
      .object({
        proposals: z
          .array(
            z
              .object({
                kind: z.enum(['cofundCentre', 'jointMarket', 'riverCleanup']),
                to: z
                  .array(z.string().min(1).max(40))
                  .min(1)
                  .max(8)
                  .refine((list) => new Set(list).size === list.length, {
                    message: 'towns must not repeat',
                  }),
                sector: sector.optional(),
              })
              .strict(),
          )
          .max(LIMITS.maxProposals),
        responses: z
          .array(z.object({ proposalId: z.string().min(1).max(40), accept: z.boolean() }).strict())
          .max(20),
        statement: z.string().max(LIMITS.maxStatementLength).optional(),
      })
      .strict(),
  })
  .strict();

function zodErrors(error: z.ZodError): PlanError[] {
  return error.issues.map((issue) => {
    const out: PlanError = {
      path: issue.path.map(String).join('.') || '(plan)',
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
        reason: `${s} is both targeted and withdrawn`,
      });
    }
  }
  const kinds = new Map<string, number>();
  plan.build.forEach((order, i) => {
    const key = order.kind === 'market' ? `market:${order.sector ?? ''}` : order.kind;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
    if (kinds.get(key)! > 1) {
      errors.push({ path: `build.${i}`, reason: `${key} ordered twice in one round` });
    }
    if (order.kind === 'market') {
      if (!order.sector) {
        errors.push({ path: `build.${i}.sector`, reason: 'a specialised market needs a sector' });
      } else if (
        town.infra.markets.includes(order.sector) ||
        town.infra.projects.some((pr) => pr.kind === 'market' && pr.sector === order.sector)
      ) {
        errors.push({
          path: `build.${i}.sector`,
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
        reason: `${order.kind} is at its maximum level`,
        limit: max,
      });
    }
  });
  const others = new Set(state.towns.filter((t) => t.id !== town.id).map((t) => t.id));
  const d = plan.diplomacy;
  if (!state.diplomacy && (d.proposals.length > 0 || (d.statement ?? '').length > 0)) {
    errors.push({ path: 'diplomacy', reason: 'diplomacy is switched off in this match' });
  }
  d.proposals.forEach((proposal, i) => {
    proposal.to.forEach((to, j) => {
      if (!others.has(to)) {
        errors.push({ path: `diplomacy.proposals.${i}.to.${j}`, reason: `unknown town ${to}` });
      }
    });
    if (proposal.kind !== 'riverCleanup' && !proposal.sector) {
      errors.push({
        path: `diplomacy.proposals.${i}.sector`,
        reason: `${proposal.kind} needs a sector`,
      });
    }
  });
  d.responses.forEach((response, i) => {
    const proposal = state.proposals.find((pr) => pr.id === response.proposalId);
    if (!proposal || proposal.status !== 'open' || !proposal.to.includes(town.id)) {
      errors.push({
        path: `diplomacy.responses.${i}.proposalId`,
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
      reason: `new spending of ${fresh.toFixed(1)} M RMB exceeds the ${budget.toFixed(1)} M RMB available`,
      limit: Math.floor(budget * 10) / 10,
    });
  }
  return errors;
}

/** Validate an untrusted plan for a town. Never throws; never mutates the state. */
export function validatePlan(state: MatchState, townId: string, input: unknown): PlanValidation {
  const town = state.towns.find((t) => t.id === townId);
  if (!town) return { ok: false, errors: [{ path: 'town', reason: `unknown town ${townId}` }] };
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
