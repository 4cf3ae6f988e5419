/**
 * The room state as colyseus.js decodes it (server/rooms/classroom-state.ts, read through schema
 * reflection), and typed views of it. Structured fields travel as JSON strings; each is parsed
 * once per new string, so a screen that re-renders on every patch does not re-parse the town.
 */
import type {
  Explanation,
  MatchEvent,
  Proposal,
  TownIndicators,
  TownPlan,
  TownState,
} from '../../shared/engine/types';
import type { PlanError } from '../../shared/engine/plan-schema';
import type { NewsItem, Phase, RoleObjective } from '../../shared/protocol/messages';
import type { PublicTown } from '../../shared/protocol/public';
import { isPortfolio, type Portfolio } from '../../shared/protocol/roles';
import type {
  ClassroomState,
  Player,
  TownPrivate,
  TownPublic,
} from '../../server/rooms/classroom-state';

/** The parts of MapSchema / ArraySchema we use. */
export interface WireMap<V> {
  get(key: string): V | undefined;
  forEach(callback: (value: V, key: string) => void): void;
  readonly size: number;
}

export interface WireList<V> {
  readonly length: number;
  forEach(callback: (value: V, index: number) => void): void;
}

/**
 * The decoded state has exactly the schema's shape (server/rooms/classroom-state.ts, one
 * definition for both sides, issue 11): a town's private part only where the connection's
 * StateView shows it, and the maps and lists only once the first state has arrived.
 */
export type WirePrivate = TownPrivate;
export type WireTown = Omit<TownPublic, 'private'> & { private?: TownPrivate };
export type WirePlayer = Player;
export type WireState = Omit<ClassroomState, 'towns' | 'players' | 'news'> & {
  towns?: WireMap<WireTown>;
  players?: WireMap<WirePlayer>;
  news?: WireList<string>;
};

export interface TownView {
  id: string;
  name: string;
  human: boolean;
  /** Computer strategy playing the seat, or '' for a human town. */
  bot: string;
  members: number;
  connected: number;
  submitted: boolean;
  figures: PublicTown | null;
}

export interface PlayerView {
  id: string;
  name: string;
  townId: string;
  portfolios: Portfolio[];
  connected: boolean;
}

export interface TownPrivateView {
  detail: TownState | null;
  draft: TownPlan | null;
  draftVersion: number;
  draftErrors: PlanError[];
  explanations: Explanation[];
  /** Indicators after each round: index 0 is round 1. */
  history: TownIndicators[];
  briefing: Partial<Record<Portfolio, RoleObjective>>;
  submittedBy: string;
}

export const PHASES: readonly Phase[] = [
  'waiting',
  'briefing',
  'planning',
  'resolution',
  'results',
  'ended',
];

export function asPhase(value: string): Phase {
  return (PHASES as readonly string[]).includes(value) ? (value as Phase) : 'waiting';
}

export function parsePortfolios(list: string): Portfolio[] {
  return list.split(',').filter(isPortfolio);
}

/** Parses JSON fields, remembering the last string of each slot and what it parsed to. */
export class JsonCache {
  private slots = new Map<string, { raw: string; value: unknown }>();
  private lists = new Map<string, unknown[]>();

  parse<T>(slot: string, raw: string | undefined, fallback: T): T {
    if (!raw) return fallback;
    const hit = this.slots.get(slot);
    if (hit && hit.raw === raw) return hit.value as T;
    let value: T;
    try {
      value = JSON.parse(raw) as T;
    } catch {
      // A field cut by a bad patch is shown as missing rather than breaking the screen.
      value = fallback;
    }
    this.slots.set(slot, { raw, value });
    return value;
  }

  /**
   * Parses a list of JSON strings entry by entry (each cached in its own slot). The array keeps
   * its identity while no entry changed, like a parsed string field.
   */
  parseList<T>(slot: string, list: WireList<string> | undefined): T[] {
    const items: T[] = [];
    list?.forEach((raw, i) => {
      const item = this.parse<T | null>(`${slot}:${i}`, raw, null);
      if (item !== null) items.push(item);
    });
    const hit = this.lists.get(slot);
    if (hit && hit.length === items.length && hit.every((item, i) => item === items[i])) {
      return hit as T[];
    }
    this.lists.set(slot, items);
    return items;
  }
}

export function townView(town: WireTown, cache: JsonCache): TownView {
  return {
    id: town.id,
    name: town.name,
    human: town.human,
    bot: town.bot ?? '',
    members: town.members,
    connected: town.connected,
    submitted: town.submitted,
    figures: cache.parse<PublicTown | null>(`figures:${town.id}`, town.figures, null),
  };
}

export function privateView(town: WireTown, cache: JsonCache): TownPrivateView | null {
  const p = town.private;
  if (!p) return null;
  const slot = (field: string): string => `${field}:${town.id}`;
  return {
    detail: cache.parse<TownState | null>(slot('detail'), p.detail, null),
    draft: cache.parse<TownPlan | null>(slot('draft'), p.draft, null),
    draftVersion: p.draftVersion,
    draftErrors: cache.parse<PlanError[]>(slot('draftErrors'), p.draftErrors, []),
    explanations: cache.parse<Explanation[]>(slot('explanations'), p.explanations, []),
    history: cache.parseList<TownIndicators>(slot('history'), p.history),
    briefing: cache.parse(slot('briefing'), p.briefing, {}),
    submittedBy: p.submittedBy ?? '',
  };
}

export function playerView(player: WirePlayer): PlayerView {
  return {
    id: player.id,
    name: player.name,
    townId: player.townId,
    portfolios: parsePortfolios(player.portfolios ?? ''),
    connected: player.connected,
  };
}

export function newsOf(list: WireList<string> | undefined, cache: JsonCache): NewsItem[] {
  const out: NewsItem[] = [];
  list?.forEach((raw, i) => {
    const item = cache.parse<NewsItem | null>(`news:${i}`, raw, null);
    if (item) out.push(item);
  });
  return out;
}

export function eventsOf(raw: string, cache: JsonCache): MatchEvent[] {
  return cache.parse<MatchEvent[]>('lastEvents', raw, []);
}

export function proposalsOf(raw: string, cache: JsonCache): Proposal[] {
  return cache.parse<Proposal[]>('proposals', raw, []);
}
