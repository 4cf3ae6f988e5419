/**
 * Labour: jobs in industry and services, local workers and migrants. In 1980 most locals farm;
 * they leave the fields as non-farm jobs appear, and drift back slowly when jobs vanish. Jobs
 * beyond the local workforce draw migrants from the interior (000 §4), as far as housing and
 * services allow; a tight market raises wages, and rising wages push labour-intensive firms to
 * cheaper inland towns (003 §4.2). Talent and hukou incentives turn migrants into residents
 * (003 §3.3, §6.5).
 */
import type { RoundContext } from './context';
import { townData } from './context';
import { industrialEmployment } from './industry';
import { clamp } from './math';
import type { MatchState, TownState } from './types';

export const LABOUR = {
  localParticipation: 0.5,
  migrantParticipation: 0.9,
  /** Share of locals' labour tied to farming in 1980; it shrinks as the country develops. */
  farmShare1980: 0.7,
  /** Service jobs per industrial job and per resident. */
  servicesPerIndustrialJob: 0.25,
  servicesPerResident: 0.05,
  localGrowth: 0.01,
  /** How fast locals take up new jobs, and return to the fields when jobs go. */
  uptake: 0.6,
  returnToFarms: 0.25,
  /** Migrants housed without any housing works, and per level of housing. */
  baseMigrantHousing: 20000,
  housingPerLevel: 30000,
  wageResponse: 0.18,
  wageFloor: 0.7,
  hukouPerMillion: 800,
} as const;

export function jobs(town: TownState): number {
  const industrial = industrialEmployment(town);
  return (
    industrial * (1 + LABOUR.servicesPerIndustrialJob) +
    LABOUR.servicesPerResident * (town.locals + town.migrants)
  );
}

/** Locals available for non-farm work: farming's share falls with national development. */
export function localLabourCap(state: MatchState, town: TownState): number {
  const farm = LABOUR.farmShare1980 / Math.sqrt(state.national);
  return LABOUR.localParticipation * town.locals * (1 - farm);
}

export function labourSupply(town: TownState): number {
  return town.workforce + LABOUR.migrantParticipation * town.migrants;
}

export function migrantHousing(town: TownState): number {
  return LABOUR.baseMigrantHousing + LABOUR.housingPerLevel * town.infra.housing;
}

export function settleLabour(ctx: RoundContext, town: TownState): void {
  const y = ctx.years;
  town.locals *= 1 + LABOUR.localGrowth * y;
  // Hukou for talent: migrants become residents (and count as locals from then on).
  const converted = Math.min(
    town.migrants,
    town.plan.preferential.talentHukou * LABOUR.hukouPerMillion * y,
  );
  town.migrants -= converted;
  town.locals += converted;
  town.workforce += converted * LABOUR.migrantParticipation;
  const demand = jobs(town);
  const cap = localLabourCap(ctx.state, town);
  const wantedLocals = Math.min(cap, demand);
  const rate = wantedLocals > town.workforce ? LABOUR.uptake : LABOUR.returnToFarms;
  town.workforce += (wantedLocals - town.workforce) * clamp(rate * y, 0, 1);
  town.workforce = Math.min(town.workforce, cap);
  const gap = demand - labourSupply(town);
  if (gap > 0) {
    const room = Math.max(
      0,
      migrantHousing(town) * (0.6 + 0.4 * Math.min(1.5, town.publicServices)) - town.migrants,
    );
    // Beyond the housing, migrants still come but crowd into dormitories and slums.
    town.migrants += Math.min(gap / LABOUR.migrantParticipation, room + 0.2 * gap);
  } else {
    const idle = -gap / Math.max(1, labourSupply(town));
    town.migrants *= 1 - clamp(idle * 2 * y, 0, 0.6);
  }
  const supply = labourSupply(town);
  townData(ctx, town).unemployment = clamp((supply - demand) / Math.max(1, supply), 0, 1);
  // Wages relative to the national trend follow tightness: demand over all who could work.
  const tightness = demand / Math.max(1, cap + LABOUR.migrantParticipation * town.migrants);
  const relative = town.wage / ctx.state.national;
  const next = clamp(
    relative + LABOUR.wageResponse * (tightness - 0.9) * y + 0.01 * (town.skills - 0.4) * y,
    LABOUR.wageFloor,
    4,
  );
  town.wage = next * ctx.state.national;
}
