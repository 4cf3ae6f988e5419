/**
 * Role-play portfolios of a town's local government (issue 3): several students may share one
 * town, each editing their own part of the shared draft plan. The mayor holds the budget, the
 * diplomacy and the final submit.
 */
import type { TownPlan } from '../engine/types';

export const PORTFOLIOS = [
  'mayor',
  'investment',
  'construction',
  'science',
  'environment',
] as const;
export type Portfolio = (typeof PORTFOLIOS)[number];

export type PlanSection = keyof TownPlan;

/** Which section of the town plan each portfolio edits. */
export const PORTFOLIO_SECTION: Record<Portfolio, PlanSection> = {
  mayor: 'diplomacy',
  investment: 'preferential',
  construction: 'build',
  science: 'innovation',
  environment: 'environment',
};

export const PLAN_SECTIONS: readonly PlanSection[] = [
  'preferential',
  'build',
  'innovation',
  'environment',
  'diplomacy',
];

export function isPortfolio(value: unknown): value is Portfolio {
  return typeof value === 'string' && (PORTFOLIOS as readonly string[]).includes(value);
}

/** Sections a member holding these portfolios may edit. */
export function editableSections(portfolios: readonly Portfolio[]): PlanSection[] {
  return PLAN_SECTIONS.filter((section) =>
    portfolios.some((p) => PORTFOLIO_SECTION[p] === section),
  );
}

/** The mayor submits; a student holding every portfolio is also the mayor. */
export function canSubmit(portfolios: readonly Portfolio[]): boolean {
  return portfolios.includes('mayor');
}
