/**
 * What a plan ordered, made visible: construction sites for works in progress (standing where
 * the finished work will stand), the vocational school and university partnership's lab while
 * they are funded (larger once kept for a second round), quality-inspection stations for each
 * sector with standards, power substations, and markers to point at — a lightbulb pennant over
 * each district with patents and a mortarboard pennant over the square for the town's skills.
 * Upgraded plants are marked on the factory structures themselves (see `markUpgraded`).
 */
import { SECTOR_IDS, type InfraKind, type SectorId, type TownState } from '../../shared';
import { hash } from './hash';
import type { CivicKind, Structure, ViewState } from './layout-types';
import {
  coreSlots,
  edgeSpots,
  parkGateSpots,
  portSpots,
  wastewaterSpots,
  type BlockRect,
  type GridPos,
} from './town-grid';

const FACTORIES = new Set(['sme', 'foreign', 'leading', 'soe']);

function base(
  id: string,
  kind: CivicKind,
  pos: GridPos,
  inAfter: boolean,
  inBefore: boolean,
  extra: Partial<Structure> = {},
): Structure | null {
  if (!inAfter && !inBefore) return null;
  const state: ViewState = inAfter ? 'active' : 'none';
  const before: ViewState = inBefore ? 'active' : 'none';
  return {
    id,
    kind,
    sector: null,
    ...pos,
    size: 1,
    state,
    before,
    stage: 1,
    beforeStage: 1,
    isNew: inAfter && !inBefore,
    firms: 0,
    jobs: 0,
    lit: inAfter && kind !== 'patent' && kind !== 'skills',
    litBefore: inBefore && kind !== 'patent' && kind !== 'skills',
    smoke: 0,
    ...extra,
  };
}

const push = (out: Structure[], s: Structure | null) => {
  if (s) out.push(s);
};

/** Substations: one per two levels of power (at most two), on the southern edge. */
export function substationCount(t: TownState): number {
  return Math.min(2, Math.ceil(t.infra.power / 3));
}

/** Where a project's site stands: the spot its finished work will take. */
function siteSpot(
  t: TownState,
  kind: InfraKind,
  sector: SectorId | null,
  nth: number,
): GridPos | null {
  const edge = edgeSpots();
  switch (kind) {
    case 'market': {
      const i = sector ? SECTOR_IDS.indexOf(sector) : -1;
      return i >= 0 ? coreSlots('m')[i] : null;
    }
    case 'park':
      return parkGateSpots()[Math.min(2, t.infra.park + nth)];
    case 'port': {
      const cranes = portSpots(t.geo.coastal).filter((_, i) => i % 2 === 0);
      return cranes[Math.min(cranes.length - 1, t.infra.port + nth)];
    }
    case 'wastewater':
      return wastewaterSpots()[Math.min(1, t.infra.wastewater + nth)];
    case 'power':
      return edge[Math.min(1, substationCount(t) + nth)];
    case 'roads':
      return edge[2 + Math.min(1, nth)];
    case 'housing':
      return edge[4 + Math.min(1, nth)];
  }
}

interface Site {
  pos: GridPos;
  kind: InfraKind;
  sector: SectorId | null;
  yearsLeft: number;
}

function sites(t: TownState): Map<string, Site> {
  const out = new Map<string, Site>();
  const seen: Partial<Record<InfraKind, number>> = {};
  for (const p of t.infra.projects) {
    const nth = seen[p.kind] ?? 0;
    seen[p.kind] = nth + 1;
    const pos = siteSpot(t, p.kind, p.sector, nth);
    if (!pos) continue;
    const key = `${pos.col}:${pos.row}`;
    if (!out.has(key))
      out.set(key, { pos, kind: p.kind, sector: p.sector, yearsLeft: p.yearsLeft });
  }
  return out;
}

/** Stage of a programme: larger once it has been kept for a second round. */
const kept = (now: boolean, before: boolean): 1 | 2 => (now && before ? 2 : 1);

function patentStage(n: number): 1 | 2 | 3 {
  if (n >= 100) return 3;
  if (n >= 20) return 2;
  return 1;
}

export interface PolicyInput {
  town: TownState;
  prior: TownState;
  blocks: Record<SectorId, BlockRect>;
}

export function policyStructures({ town, prior, blocks }: PolicyInput): Structure[] {
  const out: Structure[] = [];
  // works in progress, where they will stand
  const after = sites(town);
  const before = sites(prior);
  for (const key of new Set([...after.keys(), ...before.keys()])) {
    const a = after.get(key);
    const b = before.get(key);
    const s = (a ?? b) as Site;
    push(
      out,
      base(`construction:${key}`, 'construction', s.pos, !!a, !!b, {
        sector: s.sector,
        builds: s.kind,
        detail: a?.yearsLeft ?? 0,
        detailBefore: b?.yearsLeft ?? 0,
      }),
    );
  }
  const substations = edgeSpots().slice(0, 2);
  substations.forEach((pos, i) => {
    const k = `${pos.col}:${pos.row}`;
    push(
      out,
      base(
        `substation:${i}`,
        'substation',
        pos,
        i < substationCount(town) && !after.has(k),
        i < substationCount(prior) && !before.has(k),
      ),
    );
  });
  // the programmes of the innovation plan, while they are funded
  const voc = town.plan.innovation.vocationalSchool;
  const vocBefore = prior.plan.innovation.vocationalSchool;
  push(
    out,
    base('vocational', 'vocational', coreSlots('v')[0], voc, vocBefore, {
      stage: kept(voc, vocBefore),
      detail: town.skills,
      detailBefore: prior.skills,
    }),
  );
  const uni = town.plan.innovation.universityPartnership;
  const uniBefore = prior.plan.innovation.universityPartnership;
  push(
    out,
    base('university', 'university', coreSlots('u')[0], uni, uniBefore, {
      stage: kept(uni, uniBefore),
    }),
  );
  const q = [...new Set(town.plan.innovation.qualityStandards)];
  const qBefore = [...new Set(prior.plan.innovation.qualityStandards)];
  const qSlots = coreSlots('q');
  // a fixed slot per sector among the three: the sector keeps its station across rounds
  const slotOf = new Map<SectorId, number>();
  for (const s of [...qBefore, ...q])
    if (!slotOf.has(s) && slotOf.size < 3) slotOf.set(s, slotOf.size);
  for (const [sector, i] of slotOf)
    push(
      out,
      base(
        `inspection:${i}`,
        'inspection',
        qSlots[i],
        q.includes(sector),
        qBefore.includes(sector),
        {
          sector,
        },
      ),
    );
  // markers to point at: patents over each district that has any, skills over the square
  for (const s of SECTOR_IDS) {
    const n = town.industries[s].patents;
    const nb = prior.industries[s].patents;
    const b = blocks[s];
    push(
      out,
      base(`patent:${s}`, 'patent', { col: b.col + 3, row: b.row + 3 }, n >= 1, nb >= 1, {
        sector: s,
        stage: patentStage(n),
        beforeStage: patentStage(nb),
        detail: n,
        detailBefore: nb,
        isNew: false,
      }),
    );
  }
  const square = coreSlots('.');
  push(
    out,
    base('skills', 'skills', square[square.length - 1], true, true, {
      stage: town.skills >= 0.7 ? 3 : town.skills >= 0.45 ? 2 : 1,
      beforeStage: prior.skills >= 0.7 ? 3 : prior.skills >= 0.45 ? 2 : 1,
      detail: town.skills,
      detailBefore: prior.skills,
    }),
  );
  return out;
}

/**
 * Marks the upgraded share of each sector's working plants (its green upgrading, or its
 * technology above the level of 1980's workshops): they wear a green badge, put out less smoke
 * and an SME is drawn as the larger workshop. Which plants upgrade first is fixed per plot.
 */
export function markUpgraded(structures: Structure[], town: TownState, prior: TownState): void {
  const share = (t: TownState, s: SectorId) => {
    const ind = t.industries[s];
    return Math.min(1, Math.max(ind.greenUpgrade, (ind.technology - 0.35) * 1.5, 0));
  };
  for (const s of SECTOR_IDS) {
    const plants = structures
      .filter((x) => x.sector === s && FACTORIES.has(x.kind))
      .sort((a, b) => hash(`${a.id}:up`) - hash(`${b.id}:up`) || (a.id < b.id ? -1 : 1));
    const mark = (view: 'after' | 'before', n: number) => {
      let left = n;
      for (const p of plants) {
        if (left <= 0) break;
        if ((view === 'after' ? p.state : p.before) !== 'active') continue;
        if (view === 'after') {
          p.upgraded = true;
          p.smoke *= 0.3;
          if (p.kind === 'sme') p.stage = 2;
        } else {
          p.upgradedBefore = true;
          if (p.kind === 'sme') p.beforeStage = 2;
        }
        left -= 1;
      }
    };
    const activeAfter = plants.filter((p) => p.state === 'active').length;
    const activeBefore = plants.filter((p) => p.before === 'active').length;
    mark('after', Math.round(activeAfter * share(town, s)));
    mark('before', Math.round(activeBefore * share(prior, s)));
  }
}
