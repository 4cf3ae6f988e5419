/**
 * What every player may see of every town (issue 3, "State and privacy"): the public figures.
 * A town's full state, its draft plan and its advisor explanations go only to its own members
 * and the instructor; the server and the regional map both use this one projection.
 */
import type { SectorId } from '../data/sectors';
import { pollutionIndex } from '../engine/pollution';
import type { ClusterType, LifeStage, MatchState, TownGeo, TownState } from '../engine/types';
import { SECTOR_IDS } from '../data/sectors';

export interface PublicTown {
  id: string;
  name: string;
  geo: TownGeo;
  gdp: number;
  gdpPerHead: number;
  jobs: number;
  exports: number;
  fdiStock: number;
  firms: number;
  patents: number;
  pollution: number;
  stability: number;
  evaluation: number;
  score: number;
  specialisedSector: SectorId | null;
  /** The town's largest sector by firms, with its cluster type and life stage. */
  mainSector: SectorId | null;
  clusterType: ClusterType;
  lifeStage: LifeStage;
}

function largestSector(town: TownState): SectorId | null {
  let best: SectorId | null = null;
  let bestFirms = 0;
  for (const s of SECTOR_IDS) {
    const f = town.industries[s].firms;
    const n = f.sme + f.foreign + f.leading + f.soe;
    if (n > bestFirms) {
      best = s;
      bestFirms = n;
    }
  }
  return best;
}

export function publicTown(town: TownState): PublicTown {
  const main = largestSector(town);
  return {
    id: town.id,
    name: town.name,
    geo: { ...town.geo },
    gdp: town.last.gdp,
    gdpPerHead: town.last.gdpPerHead,
    jobs: town.last.jobs,
    exports: town.last.exports,
    fdiStock: town.last.fdiStock,
    firms: town.last.firms,
    patents: town.last.patents,
    pollution: pollutionIndex(town),
    stability: town.stability,
    evaluation: town.last.evaluation,
    score: town.score,
    specialisedSector: town.specialisedSector,
    mainSector: main,
    clusterType: main ? town.industries[main].clusterType : 'none',
    lifeStage: main ? town.industries[main].lifeStage : 'none',
  };
}

/** The match without its towns and without the PRNG state (which would let players foresee
 * chance): everything a client needs to validate and cost its own plan. */
export type MatchContext = Omit<MatchState, 'towns' | 'rng'>;

export function matchContext(state: MatchState): MatchContext {
  const { towns: _towns, rng: _rng, ...context } = state;
  return structuredClone(context);
}

/**
 * A MatchState for a student's client to run validatePlan and planCost on its own draft: the
 * context, the town's own full state, and the other towns as placeholders that carry only their
 * ids and names (validation needs nothing else of them; their private figures stay private).
 */
export function planningState(
  context: MatchContext,
  own: TownState,
  others: readonly { id: string; name: string }[],
): MatchState {
  return {
    ...structuredClone(context),
    rng: [0, 0, 0, 0],
    towns: [
      own,
      ...others.filter((o) => o.id !== own.id).map((o) => ({ ...own, id: o.id, name: o.name })),
    ],
  };
}
