/**
 * Pure logic of the policy panel, kept free of the DOM so it can be tested in Node: which
 * control a validation error belongs to, what the budget meter shows, who may edit and submit,
 * and how numbers convert between the plan's units and the units a player types.
 * Validation and costs come from shared/, so the panel and the server never disagree.
 */
import {
  INFRA_SPECS,
  LIMITS,
  availableBudget,
  planCost,
  validatePlan,
  type MatchState,
  type PlanError,
  type PlanErrorCode,
  type TownPlan,
} from '../../shared';
import {
  PLAN_SECTIONS,
  PORTFOLIO_SECTION,
  canSubmit,
  editableSections,
  type PlanSection,
  type Portfolio,
} from '../../shared/protocol/roles';

// ---------------------------------------------------------------------------------------------
// Numeric fields

export type FieldUnit = 'percent' | 'years' | 'amount' | 'level';

export interface NumericField {
  section: 'preferential' | 'innovation' | 'environment';
  key: string;
  unit: FieldUnit;
  /** Bounds and step in the plan's own units (shares 0–1, years, M RMB a year). */
  min: number;
  max: number;
  step: number;
  integer: boolean;
}

const amount = (section: NumericField['section'], key: string): NumericField => ({
  section,
  key,
  unit: 'amount',
  min: 0,
  max: LIMITS.maxYearlyAmount,
  step: 0.5,
  integer: false,
});

/** Numeric controls by control id. */
export const NUMERIC_FIELDS: Record<string, NumericField> = {
  'preferential-foreignTaxRate': {
    section: 'preferential',
    key: 'foreignTaxRate',
    unit: 'percent',
    min: 0,
    max: LIMITS.maxTaxRate,
    step: 0.01,
    integer: false,
  },
  'preferential-domesticTaxRate': {
    section: 'preferential',
    key: 'domesticTaxRate',
    unit: 'percent',
    min: 0,
    max: LIMITS.maxTaxRate,
    step: 0.01,
    integer: false,
  },
  'preferential-foreignTaxHolidayYears': {
    section: 'preferential',
    key: 'foreignTaxHolidayYears',
    unit: 'years',
    min: 0,
    max: LIMITS.maxHolidayYears,
    step: 1,
    integer: true,
  },
  'preferential-landDiscount': {
    section: 'preferential',
    key: 'landDiscount',
    unit: 'percent',
    min: 0,
    max: LIMITS.maxLandDiscount,
    step: 0.05,
    integer: false,
  },
  'preferential-smeCreditGuarantee': amount('preferential', 'smeCreditGuarantee'),
  'preferential-talentHukou': amount('preferential', 'talentHukou'),
  'innovation-innovationVouchers': amount('innovation', 'innovationVouchers'),
  'environment-pollutionFee': {
    section: 'environment',
    key: 'pollutionFee',
    unit: 'level',
    min: 0,
    max: 1,
    step: 0.05,
    integer: false,
  },
  'environment-greenSubsidy': amount('environment', 'greenSubsidy'),
};

/** Shares are typed as 0–100; everything else as it is stored. */
function scale(unit: FieldUnit): number {
  return unit === 'percent' || unit === 'level' ? 100 : 1;
}

/** The number shown in the input for a stored value. */
export function toDisplay(field: NumericField, value: number): number {
  return Math.round(value * scale(field.unit) * 100) / 100;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: 'notNumber' };

/** Parse what the player typed into the plan's units; range checks are validatePlan's job. */
export function fromDisplay(field: NumericField, text: string): ParsedNumber {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) {
    return { ok: false, reason: 'notNumber' };
  }
  const typed = Number(trimmed);
  // Round away binary noise (0.07 * 100 …) so the draft holds the number the player meant.
  return { ok: true, value: Math.round((typed / scale(field.unit)) * 1e6) / 1e6 };
}

// ---------------------------------------------------------------------------------------------
// Error paths → controls

/** Control ids for plan-level errors that belong to no single input. */
export const BUDGET_CONTROL = 'budget-meter';
export const PLAN_CONTROL = 'plan';

/**
 * The control a validation error belongs to. `path` is PlanError.path, e.g.
 * `preferential.foreignTaxRate`, `build.2.sector`, `diplomacy.responses.0.proposalId`.
 */
export function controlIdForPath(path: string, plan: TownPlan): string {
  const parts = path.split('.');
  const [section, field, third, fourth] = parts;
  switch (section) {
    case 'budget':
      return BUDGET_CONTROL;
    case 'preferential':
    case 'innovation':
    case 'environment':
      return field ? `${section}-${field}` : `${section}-section`;
    case 'build': {
      if (field === undefined) return 'build-add';
      const sub = third === 'sector' ? 'sector' : 'kind';
      return `build-${field}-${sub}`;
    }
    case 'diplomacy': {
      if (field === undefined) return 'diplomacy-section';
      if (field === 'statement') return 'diplomacy-statement';
      if (field === 'proposals') {
        if (third === undefined) return 'proposal-add';
        const sub = fourth === 'to' || fourth === 'sector' ? fourth : 'kind';
        return `proposal-${third}-${sub}`;
      }
      if (field === 'responses') {
        const response = third === undefined ? undefined : plan.diplomacy.responses[Number(third)];
        return response ? `response-${response.proposalId}` : 'diplomacy-responses';
      }
      return 'diplomacy-section';
    }
    default:
      return PLAN_CONTROL;
  }
}

/** The plan section a control belongs to, or null for plan-level controls. */
export function sectionOfControl(controlId: string): PlanSection | null {
  if (controlId.startsWith('build-')) return 'build';
  if (/^(proposal|response|diplomacy)-/.test(controlId)) return 'diplomacy';
  const head = controlId.split('-')[0];
  return (PLAN_SECTIONS as readonly string[]).includes(head) ? (head as PlanSection) : null;
}

/** The validator's key for what is wrong (shared/engine/plan-schema.ts), translated here. */
export type ErrorKind = PlanErrorCode;

/**
 * A translatable kind for a validator error: the validator sends a key (issue 14), so the panel
 * speaks the player's language without reading the English reason.
 */
export function errorKind(error: PlanError): ErrorKind {
  return error.code;
}

export interface ControlError {
  controlId: string;
  kind: ErrorKind;
  error: PlanError;
}

/** Validation errors grouped by the control that shows them, in plan order. */
export function errorsByControl(errors: readonly PlanError[], plan: TownPlan): ControlError[] {
  return errors.map((error) => ({
    controlId: controlIdForPath(error.path, plan),
    kind: errorKind(error),
    error,
  }));
}

/** The same validator as the server; never throws on a half-edited draft. */
export function validateDraft(state: MatchState, townId: string, plan: TownPlan): PlanError[] {
  const result = validatePlan(state, townId, plan);
  return result.ok ? [] : result.errors;
}

// ---------------------------------------------------------------------------------------------
// Budget meter

export interface BudgetFigures {
  /** Money the town can commit this round (cash plus borrowing room), M RMB. */
  available: number;
  /** Works already under way, paid whatever the plan says. */
  committed: number;
  /** New spending this plan adds. */
  fresh: number;
  /** Room for new spending: available minus committed (validatePlan's budget). */
  room: number;
  remaining: number;
  over: number;
  /** fresh / room, 0 when there is no room. */
  share: number;
  breakdown: { policies: number; innovation: number; environment: number; construction: number };
}

/** What the meter shows, computed exactly as validatePlan's budget rule. */
export function budgetFigures(state: MatchState, townId: string, plan: TownPlan): BudgetFigures {
  const town = state.towns.find((t) => t.id === townId);
  if (!town) throw new Error(`unknown town ${townId}`);
  // A half-edited draft may hold a work kind the costs do not know; it costs nothing yet.
  const priced: TownPlan = { ...plan, build: plan.build.filter((o) => o.kind in INFRA_SPECS) };
  const cost = planCost(state, town, priced);
  const available = availableBudget(state, town);
  const fresh = cost.total - cost.committed;
  const room = Math.max(0, available - cost.committed);
  return {
    available,
    committed: cost.committed,
    fresh,
    room,
    remaining: Math.max(0, room - fresh),
    over: Math.max(0, fresh - room),
    share: room > 0 ? fresh / room : fresh > 0 ? Infinity : 0,
    breakdown: {
      policies: cost.policies,
      innovation: cost.innovation,
      environment: cost.environment,
      construction: cost.construction - cost.committed,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Portfolios

export interface SectionAccess {
  section: PlanSection;
  editable: boolean;
  /** The portfolio that edits this section. */
  holder: Portfolio;
}

export function sectionAccess(portfolios: readonly Portfolio[]): SectionAccess[] {
  const editable = new Set(editableSections(portfolios));
  return PLAN_SECTIONS.map((section) => ({
    section,
    editable: editable.has(section),
    holder: (Object.keys(PORTFOLIO_SECTION) as Portfolio[]).find(
      (p) => PORTFOLIO_SECTION[p] === section,
    )!,
  }));
}

export type SubmitBlock = { enabled: true } | { enabled: false; reason: 'notMayor' | 'invalid' };

/** Whether this member may submit now, and if not, why. */
export function submitState(portfolios: readonly Portfolio[], errorCount: number): SubmitBlock {
  if (!canSubmit(portfolios)) return { enabled: false, reason: 'notMayor' };
  if (errorCount > 0) return { enabled: false, reason: 'invalid' };
  return { enabled: true };
}

/** Parse `?portfolios=mayor,investment`; unknown names are dropped. */
export function parsePortfolios(text: string | null): Portfolio[] {
  if (text === null || text.trim() === '') return Object.keys(PORTFOLIO_SECTION) as Portfolio[];
  const known = Object.keys(PORTFOLIO_SECTION);
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p): p is Portfolio => known.includes(p));
}

/** Proposals other towns addressed to this one that still await a reply. */
export function openProposalsFor(state: MatchState, townId: string): MatchState['proposals'] {
  return state.proposals.filter(
    (p) => p.status === 'open' && p.to.includes(townId) && p.from !== townId,
  );
}
