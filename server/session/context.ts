/**
 * What every rule of the session machine works on while it handles one command: the session as
 * an Immer draft (written as plain mutation, committed as a new immutable session), the plain
 * match state for the engine's reads, the time, and the effects it asks the room for.
 */
import type { Draft } from 'immer';
import type { MatchState } from '../../shared/index';
import type { ErrorCode, NewsItem, Phase } from '../../shared/protocol/messages';
import type { RoundNote } from '../../shared/index';
import type { Effect, Persistence, Session } from './types';

export interface Ctx {
  s: Draft<Session>;
  /**
   * The match as plain (non-draft) data: the engine reads it without Immer proxies. It changes
   * only when a round resolves (phases.ts replaces both this and `s.match`).
   */
  match: MatchState;
  now: number;
  effects: Effect[];
  persist: Persistence;
  /** Set by `refuse`: the command changed nothing, and the session is returned unchanged. */
  refused: boolean;
}

/** The command is refused: an error to its sender, and nothing else happens. */
export function refuse(ctx: Ctx, code: ErrorCode, type: string, reason: string, extra = {}): void {
  ctx.refused = true;
  ctx.effects.push({ type: 'error', error: { code, type, reason, ...extra } });
}

/** Raise the persistence of the command (none < lazy < durable). */
export function persist(ctx: Ctx, level: 'lazy' | 'durable'): void {
  if (level === 'durable' || ctx.persist === 'none') ctx.persist = level;
}

export const NEWS_LIMIT = 100;

export function pushNews(ctx: Ctx, item: NewsItem): void {
  ctx.s.news.push(item);
  // The feed is for the screen; the store keeps every note for the log.
  if (ctx.s.news.length > NEWS_LIMIT) ctx.s.news.splice(0, ctx.s.news.length - NEWS_LIMIT);
}

/**
 * A note for the match log: it goes into the next logged round (or the end marker), to the
 * store's note list for the debrief, and, unless it is a control, into the news.
 */
export function addNote(ctx: Ctx, note: Omit<RoundNote, 'at'>, news: Partial<NewsItem> = {}): void {
  const full: RoundNote = { ...note, at: ctx.now };
  ctx.s.roundNotes.push(full);
  ctx.effects.push({ type: 'note', note: { ...full, round: ctx.s.round } });
  if (note.kind !== 'control') {
    const kinds = {
      announcement: 'announcement',
      statement: 'statement',
      eventCard: 'card',
      control: 'control',
    } as const;
    pushNews(ctx, {
      kind: kinds[note.kind],
      round: ctx.s.round,
      year: ctx.s.year,
      text: note.text,
      author: note.author,
      at: ctx.now,
      ...news,
    });
  }
}

/** Phases in which the match is running (a round is being briefed, planned or shown). */
export function running(phase: Phase): boolean {
  return phase === 'briefing' || phase === 'planning' || phase === 'results';
}
