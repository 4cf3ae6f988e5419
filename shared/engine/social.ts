/**
 * The social side: migrants need housing, schools and hospitals. Public services are capacity
 * over population; towns that lag become "isolated islands" and lose talent (003 §6.5).
 * Social stability follows services, pollution (health), unemployment and income growth.
 */
import type { RoundContext } from './context';
import { townData } from './context';
import { clamp } from './math';
import { pollutionIndex } from './pollution';
import type { Cause, TownState } from './types';

export const SOCIAL = {
  /** Residents served by the town's own schools and clinics, and per level of housing works. */
  baseCapacity: 120000,
  capacityPerHousing: 45000,
  stabilityBase: 62,
  speed: 0.5,
} as const;

export function updateServices(town: TownState): void {
  const capacity = SOCIAL.baseCapacity + SOCIAL.capacityPerHousing * town.infra.housing;
  // Registered residents are served first; migrants without hukou share what is left.
  town.publicServices = clamp(capacity / Math.max(1, town.locals + town.migrants), 0, 1.5);
}

export function updateStability(ctx: RoundContext, town: TownState, incomeGrowth: number): void {
  const data = townData(ctx, town);
  const parts: Cause[] = [
    { cause: 'services', amount: 30 * (Math.min(1.1, town.publicServices) - 0.8) },
    { cause: 'pollution', amount: -0.35 * pollutionIndex(town) },
    { cause: 'unemployment', amount: -90 * data.unemployment },
    { cause: 'incomeGrowth', amount: 150 * clamp(incomeGrowth, -0.1, 0.1) },
  ];
  const target = clamp(SOCIAL.stabilityBase + parts.reduce((a, c) => a + c.amount, 0), 0, 100);
  const before = town.stability;
  town.stability += (target - town.stability) * clamp(SOCIAL.speed * ctx.years, 0, 1);
  const delta = town.stability - before;
  // Attribute the move to the parts pulling in its direction, in proportion to their pull.
  // The gap between today's stability and the baseline is itself a pull back to normal.
  parts.push({ cause: 'baseline', amount: SOCIAL.stabilityBase - before });
  const pulling = parts.filter((c) => Math.sign(c.amount) === Math.sign(delta) && c.amount !== 0);
  const weight = pulling.reduce((a, c) => a + Math.abs(c.amount), 0);
  data.stabilityCauses =
    weight > 0 ? pulling.map((c) => ({ ...c, amount: (delta * Math.abs(c.amount)) / weight })) : [];
}
