/**
 * The viewer's "What if…" tab without the DOM (issue 15): the compact plan form's fields read
 * from and written back into a town's plan, the run (a what-if, or a fork against its original)
 * turned into what the tab shows — the two paths of one indicator for the chart, the most
 * diverged indicators as sentences with their causes in the reader's language, and the CSV.
 * Bad input comes back as a message and runs nothing.
 */
import {
  SECTOR_IDS,
  validatePlan,
  type Enforcement,
  type InfraKind,
  type MatchLog,
  type MatchState,
  type PlanError,
  type SectorId,
  type TownPlan,
} from '../../shared';

export { computeForkCompare, computeWhatIf, type Comparison, type Outcome, type WhatIfInput };
import type { Divergence, WhatIfIndicator, WhatIfRow } from '../../shared/engine/what-if';
import {
  computeForkCompare,
  computeWhatIf,
  type Comparison,
  type Outcome,
  type WhatIfInput,
} from './what-if-compute';
import { formatMoney, formatNumber, t } from '../i18n';
import { causeLabel, townName } from '../panel/labels';
import { figureLabel, formatFigure, isFigure } from './figures';

export const ENFORCEMENTS: readonly Enforcement[] = ['lax', 'standard', 'strict'];
export const BUILD_KINDS: readonly InfraKind[] = [
  'roads',
  'power',
  'port',
  'market',
  'park',
  'housing',
  'wastewater',
];

/** The compact form: the levers a what-if is usually about; the rest of the plan is kept. */
export interface PlanEdit {
  foreignTaxRate: number;
  domesticTaxRate: number;
  /** 0–0.9 as in the plan. */
  landDiscount: number;
  /** One targeted sector, or '' for none (a "policy district"). */
  target: SectorId | '';
  withdraw: SectorId | '';
  /** One infrastructure order, or '' for none. */
  build: InfraKind | '';
  buildSector: SectorId | '';
  /** One innovation centre, or '' for none. */
  centre: SectorId | '';
  enforcement: Enforcement;
}

export function editOf(plan: TownPlan): PlanEdit {
  const p = plan.preferential;
  return {
    foreignTaxRate: p.foreignTaxRate,
    domesticTaxRate: p.domesticTaxRate,
    landDiscount: p.landDiscount,
    target: p.targetSectors[0] ?? '',
    withdraw: p.withdrawSectors[0] ?? '',
    build: plan.build[0]?.kind ?? '',
    buildSector: plan.build[0]?.sector ?? '',
    centre: plan.innovation.centres[0] ?? '',
    enforcement: plan.environment.enforcement,
  };
}

/**
 * The plan with the form's choices; the fields the form does not show stay as logged. A field
 * left as it was keeps the logged lists whole (a plan targeting two sectors stays so).
 */
export function applyEdit(plan: TownPlan, edit: PlanEdit): TownPlan {
  const out = structuredClone(plan);
  const before = editOf(plan);
  const p = out.preferential;
  p.foreignTaxRate = edit.foreignTaxRate;
  p.domesticTaxRate = edit.domesticTaxRate;
  p.landDiscount = edit.landDiscount;
  if (edit.target !== before.target) p.targetSectors = edit.target ? [edit.target] : [];
  if (edit.withdraw !== before.withdraw) p.withdrawSectors = edit.withdraw ? [edit.withdraw] : [];
  if (edit.build !== before.build || edit.buildSector !== before.buildSector) {
    out.build = edit.build
      ? [edit.buildSector ? { kind: edit.build, sector: edit.buildSector } : { kind: edit.build }]
      : [];
  }
  if (edit.centre !== before.centre) out.innovation.centres = edit.centre ? [edit.centre] : [];
  out.environment.enforcement = edit.enforcement;
  return out;
}

export function isSector(value: string): value is SectorId {
  return (SECTOR_IDS as readonly string[]).includes(value);
}

/** A plan error in the reader's language: over budget said plainly, the rest by field. */
export function planErrorText(error: PlanError): string {
  if (error.code === 'budget') return t('whatif:error.budget');
  return t('whatif:error.field', {
    field: error.path,
    reason: t(`whatif:error.code.${error.code}`),
  });
}

/** Check the plan as the panel would; the messages say why it is refused (null: fine). */
export function refusePlan(before: MatchState, input: WhatIfInput): string[] | null {
  const check = validatePlan(before, input.townId, input.plan);
  return check.ok ? null : check.errors.map(planErrorText);
}

/** Check the plan, then play the what-if here (the tab runs it in a worker: what-if-runner.ts). */
export function runWhatIf(
  log: MatchLog,
  before: MatchState,
  input: WhatIfInput,
): Outcome<Comparison> {
  const refused = refusePlan(before, input);
  return refused ? { ok: false, messages: refused } : computeWhatIf(log, input);
}

export interface PathSeries {
  /** Absolute rounds, in order (the caller labels them with the year each was played). */
  rounds: number[];
  history: number[];
  whatIf: number[];
}

/** One town's indicator on both paths, round by round (for the chart). */
export function pathSeries(
  rows: readonly WhatIfRow[],
  townId: string,
  indicator: WhatIfIndicator,
): PathSeries {
  const mine = rows.filter((r) => r.townId === townId && r.indicator === indicator);
  mine.sort((a, b) => a.round - b.round);
  return {
    rounds: mine.map((r) => r.round),
    history: mine.map((r) => r.history),
    whatIf: mine.map((r) => r.whatIf),
  };
}

export function indicatorLabel(indicator: WhatIfIndicator): string {
  return isFigure(indicator) ? figureLabel(indicator) : t(`whatif:indicatorName.${indicator}`);
}

export function formatValue(indicator: WhatIfIndicator, value: number, signed = false): string {
  if (isFigure(indicator)) return formatFigure(indicator, value, signed);
  if (indicator === 'debt') return formatMoney(value, signed);
  return formatNumber(value, { digits: 1, signed });
}

/**
 * "Foshan: Firms −120 against history: Strict enforcement −80, Firms moving away −40": one
 * diverged indicator with its largest causes (the engine's, 001 ¶20 for the Foshan story).
 */
export function divergenceSentence(d: Divergence, state: MatchState, maxCauses = 3): string {
  const value = (n: number) => formatValue(d.indicator, n, true);
  const causes = d.causes
    .slice(0, maxCauses)
    .map((c) => t('whatif:cause', { cause: causeLabel(c, state), amount: value(c.amount) }))
    .join(t('whatif:causeSeparator'));
  const head = t('whatif:diverged', {
    town: townName(state, d.townId),
    difference: value(d.difference),
    indicator: indicatorLabel(d.indicator),
  });
  return causes ? t('whatif:because', { head, causes }) : head;
}
