/**
 * Infrastructure built over several rounds, with upkeep. Roads and power serve a number of
 * workers; capacity beyond what firms use adds nothing but upkeep and debt (Zhuhai's oversized
 * airport, 003 §3.3). Ports (or inland logistics centres) cut the cost of reaching buyers;
 * parks add industrial land; housing serves migrants; wastewater plants clean the river.
 */
import { INFRA_SPECS, UPKEEP_RATE } from './costs';
import type { RoundContext } from './context';
import { industrialEmployment } from './industry';
import { clamp, saturate } from './math';
import type { InfraKind, InfraOrder, MatchState, TownState } from './types';

/** Workers served by each level of roads plus power (a level of each serves 12,000). */
export const WORKERS_PER_LEVEL = 12000;
/** Square kilometres of industrial land added by each level of industrial park. */
export const PARK_LAND = 4;

/** Start new orders, advance all projects by the round's years, complete what is finished. */
export function advanceConstruction(
  ctx: RoundContext,
  town: TownState,
  orders: InfraOrder[],
): void {
  for (const order of orders) {
    const spec = INFRA_SPECS[order.kind];
    town.infra.projects.push({
      kind: order.kind,
      sector: order.sector ?? null,
      yearsLeft: spec.years,
      costPerYear: spec.cost / spec.years,
    });
  }
  const remaining = [];
  for (const project of town.infra.projects) {
    project.yearsLeft -= ctx.years;
    if (project.yearsLeft > 0) {
      remaining.push(project);
      continue;
    }
    completeProject(town, project.kind, project.sector);
    town.infra.capitalStock += INFRA_SPECS[project.kind].cost;
    ctx.events.push({
      type: 'ProjectCompleted',
      town: town.id,
      kind: project.kind,
      sector: project.sector,
    });
  }
  town.infra.projects = remaining;
}

function completeProject(
  town: TownState,
  kind: InfraKind,
  sector: TownState['infra']['markets'][number] | null,
): void {
  if (kind === 'market') {
    if (sector && !town.infra.markets.includes(sector)) town.infra.markets.push(sector);
    return;
  }
  town.infra[kind] += 1;
  if (kind === 'park') town.landArea += PARK_LAND;
}

/** Share of the industrial workforce that roads and power can serve, 0 … 1. */
export function infrastructureService(town: TownState): number {
  const capacity = (1 + (town.infra.roads + town.infra.power) / 2) * WORKERS_PER_LEVEL;
  const demand = industrialEmployment(town);
  if (demand <= 0) return 1;
  return clamp(capacity / demand, 0, 1);
}

/** Access to buyers abroad, 0 … 1: coast and distance to a port, improved by port works. */
export function portAccess(town: TownState): number {
  const base = town.geo.coastal ? 0.6 : 0.3;
  const distance = 0.3 * (1 - saturate(town.geo.portKm, 150));
  return clamp(base * 0.5 + distance + 0.12 * town.infra.port, 0, 1);
}

/** Yearly upkeep of completed works, M RMB. */
export function upkeep(state: MatchState, town: TownState): number {
  return town.infra.capitalStock * UPKEEP_RATE * state.national;
}
