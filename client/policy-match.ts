/**
 * A match of computer towns in which one town orders every building and programme a plan can:
 * in the first round a specialised market, a port, an industrial park and a wastewater plant (working by
 * the last round); every round an innovation centre, the vocational school, the university
 * partnership, quality standards and green subsidies; in the last round a port, another park,
 * another wastewater plant and housing (under construction in the last view). Used by the scene
 * preview (`policies=all`) to check that every policy shows in the town.
 */
import {
  computerPlans,
  createMatch,
  hashState,
  resolveRound,
  SECTOR_IDS,
  validatePlan,
  type InfraOrder,
  type MatchEvent,
  type MatchState,
  type SectorId,
  type TownPlan,
  type TownState,
} from '../shared';
import type { ComputerMatch } from './bot-match';

function sectorsBySize(town: TownState): SectorId[] {
  const size = (s: SectorId) => {
    const f = town.industries[s].firms;
    return f.sme + f.foreign + f.leading + f.soe;
  };
  return [...SECTOR_IDS].sort((a, b) => size(b) - size(a));
}

function policyPlan(
  state: MatchState,
  town: TownState,
  plan: TownPlan,
  round: number,
  rounds: number,
): TownPlan {
  const [main, second] = sectorsBySize(town);
  const p = structuredClone(plan);
  p.innovation.centres = [main];
  p.innovation.vocationalSchool = true;
  p.innovation.universityPartnership = true;
  p.innovation.qualityStandards = [main, second];
  p.environment.greenSubsidy = Math.max(p.environment.greenSubsidy, 20);
  const market = SECTOR_IDS.find((s) => !town.infra.markets.includes(s)) ?? main;
  const first: InfraOrder[] = [
    { kind: 'market', sector: market },
    { kind: 'port' },
    { kind: 'park' },
    { kind: 'wastewater' },
  ];
  const last: InfraOrder[] = [
    { kind: 'port' },
    { kind: 'park' },
    { kind: 'wastewater' },
    { kind: 'housing' },
  ];
  p.build = round === 0 ? first : round === rounds - 1 ? last : [];
  // drop what the budget or the level caps refuse, last order first, then the programmes
  const drops: ((x: TownPlan) => void)[] = [
    ...p.build.map(() => (x: TownPlan) => void x.build.pop()),
    (x) => (x.environment.greenSubsidy = plan.environment.greenSubsidy),
    (x) => (x.innovation.qualityStandards = [main]),
  ];
  for (const drop of [() => undefined, ...drops]) {
    drop(p);
    if (validatePlan(state, town.id, p).ok) return p;
  }
  return plan;
}

export function playPolicyMatch(
  scenarioId: string,
  seed: number,
  rounds: number,
  townId: string,
): ComputerMatch {
  let state = createMatch(scenarioId, { seed });
  let previous = state;
  let events: MatchEvent[] = [];
  const hashes = [hashState(state)];
  for (let r = 0; r < rounds; r++) {
    const plans = computerPlans(state);
    const town = state.towns.find((t) => t.id === townId);
    if (town && plans[townId]) plans[townId] = policyPlan(state, town, plans[townId], r, rounds);
    const result = resolveRound(state, { plans, cards: [] });
    hashes.push(result.hash);
    previous = state;
    state = result.state;
    events = result.events;
  }
  return { hashes, state, previous, events };
}
