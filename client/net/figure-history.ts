/**
 * Every town's public figures after each round, collected by the instructor's client for the
 * debrief charts. The room state only holds the latest figures, so they are recorded as rounds
 * resolve (and kept in storage per match, so a reload keeps them); rounds resolved before this
 * page was open are filled from the towns' private `history` (the instructor sees it), which has
 * the economic indicators but not pollution, stability or score.
 */
import type { Session } from './session';

export const DEBRIEF_METRICS = [
  'score',
  'gdp',
  'jobs',
  'firms',
  'exports',
  'fdiStock',
  'patents',
  'pollution',
  'stability',
] as const;
export type DebriefMetric = (typeof DEBRIEF_METRICS)[number];

/** Metrics where a lower value ranks first. */
export const LOWER_IS_BETTER: ReadonlySet<DebriefMetric> = new Set(['pollution']);

type Figures = Partial<Record<DebriefMetric, number>>;

interface Stored {
  towns: { id: string; name: string }[];
  years: Record<number, number>;
  rounds: Record<number, Record<string, Figures>>;
}

const PREFIX = 'clusterTowns.figures.';

export class FigureHistory {
  private data: Stored = { towns: [], years: {}, rounds: {} };
  private signature = '';

  constructor(private readonly matchId: string) {
    try {
      const raw = matchId ? localStorage.getItem(PREFIX + matchId) : null;
      if (raw) this.data = JSON.parse(raw) as Stored;
    } catch {
      // No storage or a damaged entry: start empty, the private histories refill most of it.
    }
  }

  /** Record what the session shows now; returns whether anything new was learned. */
  record(session: Session): boolean {
    const round = session.resolvedRounds;
    const towns = session.towns();
    if (towns.length === 0) return false;
    this.data.towns = towns.map((t) => ({ id: t.id, name: t.name }));
    if (session.state.year) this.data.years[round] = session.state.year;
    const current = (this.data.rounds[round] ??= {});
    for (const town of towns) {
      const f = town.figures;
      if (f) current[town.id] = pick(f);
      const history = session.privateOf(town.id)?.history ?? [];
      history.forEach((ind, i) => {
        const past = (this.data.rounds[i + 1] ??= {});
        // Live figures win: they include pollution, stability and score.
        past[town.id] = { ...pick(ind), ...past[town.id] };
      });
    }
    const signature = JSON.stringify(this.data);
    if (signature === this.signature) return false;
    this.signature = signature;
    try {
      if (this.matchId) localStorage.setItem(PREFIX + this.matchId, signature);
    } catch {
      // Storage full: the debrief still works for this page's lifetime.
    }
    return true;
  }

  towns(): { id: string; name: string }[] {
    return this.data.towns;
  }

  rounds(): number[] {
    return Object.keys(this.data.rounds)
      .map(Number)
      .sort((a, b) => a - b);
  }

  year(round: number): number | undefined {
    return this.data.years[round];
  }

  value(townId: string, round: number, metric: DebriefMetric): number | undefined {
    return this.data.rounds[round]?.[townId]?.[metric];
  }

  /** The last round for which a town has the metric. */
  latest(townId: string, metric: DebriefMetric): number | undefined {
    const rounds = this.rounds();
    for (let i = rounds.length - 1; i >= 0; i--) {
      const v = this.value(townId, rounds[i], metric);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

function pick(source: Partial<Record<DebriefMetric, unknown>>): Figures {
  const out: Figures = {};
  for (const m of DEBRIEF_METRICS) {
    const v = source[m];
    if (typeof v === 'number' && Number.isFinite(v)) out[m] = v;
  }
  return out;
}
