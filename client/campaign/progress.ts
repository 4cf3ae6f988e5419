/**
 * The self-guided player's progress, as pure data and functions (no storage, no DOM), so the
 * rules are unit-tested: which scenarios are unlocked (finishing one with at least one star
 * opens the next), the best stars per scenario, the saved games this browser started, the
 * resume code that carries a game to another browser, and where the tutorial stands.
 */
import {
  isJoinCode,
  isResumeToken,
  JOIN_CODE_LENGTH,
  normaliseJoinCode,
} from '../../shared/protocol/codes';

export type Difficulty = 'easy' | 'normal' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];
export const MAX_STARS = 3;

export function isDifficulty(value: unknown): value is Difficulty {
  return value === 'easy' || value === 'normal' || value === 'hard';
}

/** What the unlocking rule needs of a campaign entry. */
export interface OrderedEntry {
  id: string;
  order: number;
}

export interface CampaignProgress {
  /** Best stars ever earned per campaign entry id (0–3). */
  stars: Record<string, number>;
}

export const NO_PROGRESS: CampaignProgress = { stars: {} };

export function sortEntries<T extends OrderedEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.order - b.order);
}

export function bestStars(progress: CampaignProgress, id: string): number {
  const stars = progress.stars[id];
  return typeof stars === 'number' && Number.isFinite(stars) ? clampStars(stars) : 0;
}

function clampStars(stars: number): number {
  return Math.max(0, Math.min(MAX_STARS, Math.round(stars)));
}

/** Record a finished game: the stars kept are the best of all attempts, never lowered. */
export function recordStars(
  progress: CampaignProgress,
  id: string,
  stars: number,
): CampaignProgress {
  const best = Math.max(bestStars(progress, id), clampStars(stars));
  if (best === bestStars(progress, id) && id in progress.stars) return progress;
  return { ...progress, stars: { ...progress.stars, [id]: best } };
}

/** The first entry is always open; any other once the entry before it has a star. */
export function isUnlocked(
  entries: readonly OrderedEntry[],
  progress: CampaignProgress,
  id: string,
): boolean {
  const sorted = sortEntries(entries);
  const index = sorted.findIndex((e) => e.id === id);
  if (index < 0) return false;
  if (index === 0) return true;
  return bestStars(progress, sorted[index - 1].id) >= 1;
}

export function nextEntry<T extends OrderedEntry>(entries: readonly T[], id: string): T | null {
  const sorted = sortEntries(entries);
  const index = sorted.findIndex((e) => e.id === id);
  return index >= 0 ? (sorted[index + 1] ?? null) : null;
}

export function previousEntry<T extends OrderedEntry>(entries: readonly T[], id: string): T | null {
  const sorted = sortEntries(entries);
  const index = sorted.findIndex((e) => e.id === id);
  return index > 0 ? sorted[index - 1] : null;
}

// ---------------------------------------------------------------------------------------------
// Saved games

export type SavedStatus = 'playing' | 'won' | 'lost';

/** A solo game this browser started or resumed; the server holds the game itself. */
export interface SavedGame {
  code: string;
  seatToken: string;
  campaignId: string;
  /** Unknown when the game came in by resume code from another browser. */
  difficulty: Difficulty | null;
  round: number;
  rounds: number;
  status: SavedStatus;
  startedAt: number;
  updatedAt: number;
}

/** Add a game, or replace the one with the same code; the most recently played first. */
export function upsertSavedGame(list: readonly SavedGame[], game: SavedGame): SavedGame[] {
  return [game, ...list.filter((g) => g.code !== game.code)].sort(
    (a, b) => b.updatedAt - a.updatedAt,
  );
}

export function removeSavedGame(list: readonly SavedGame[], code: string): SavedGame[] {
  return list.filter((g) => g.code !== code);
}

export function findSavedGame(list: readonly SavedGame[], code: string): SavedGame | null {
  return list.find((g) => g.code === code) ?? null;
}

/** Note the round and status reached; returns the same list when nothing changed. */
export function touchSavedGame(
  list: readonly SavedGame[],
  code: string,
  patch: Pick<SavedGame, 'round' | 'status'> & Partial<Pick<SavedGame, 'rounds'>>,
  now: number,
): readonly SavedGame[] {
  const game = findSavedGame(list, code);
  if (!game) return list;
  const unchanged =
    game.round === patch.round &&
    game.status === patch.status &&
    (patch.rounds === undefined || game.rounds === patch.rounds);
  return unchanged ? list : upsertSavedGame(list, { ...game, ...patch, updatedAt: now });
}

/** Keep only well-formed records (storage may hold anything an old version wrote). */
export function cleanSavedGames(raw: unknown): SavedGame[] {
  if (!Array.isArray(raw)) return [];
  const out: SavedGame[] = [];
  for (const item of raw as Partial<SavedGame>[]) {
    if (!item || typeof item !== 'object') continue;
    if (typeof item.code !== 'string' || typeof item.seatToken !== 'string') continue;
    if (typeof item.campaignId !== 'string') continue;
    out.push({
      code: item.code,
      seatToken: item.seatToken,
      campaignId: item.campaignId,
      difficulty: isDifficulty(item.difficulty) ? item.difficulty : null,
      round: Number(item.round) || 0,
      rounds: Number(item.rounds) || 0,
      status: item.status === 'won' || item.status === 'lost' ? item.status : 'playing',
      startedAt: Number(item.startedAt) || 0,
      updatedAt: Number(item.updatedAt) || Number(item.startedAt) || 0,
    });
  }
  return out.sort((a, b) => b.updatedAt - a.updatedAt);
}

// ---------------------------------------------------------------------------------------------
// Resume codes: "CODE.seatToken", typed or pasted into another browser.

export interface ResumeCode {
  code: string;
  seatToken: string;
}

/** Older solo games' seat tokens are base64url (server/rooms/seats.ts newSecret). */
const TOKEN = /^[A-Za-z0-9_-]{8,100}$/;

export function formatResumeCode({ code, seatToken }: ResumeCode): string {
  // Solo games since issue 14: ABC123-K7Q2M-9X4TZ; older games keep their long token.
  if (isResumeToken(seatToken)) return `${code}-${seatToken.slice(0, 5)}-${seatToken.slice(5)}`;
  return `${code}.${seatToken}`;
}

/**
 * Read a resume code as a person may paste or type it: surrounding spaces, lower case, dashes or
 * spaces anywhere, look-alike letters (O for 0, I or L for 1). An older code (join code, a dot,
 * a long case-sensitive token) still works; its token is kept exactly as is.
 */
export function parseResumeCode(input: string): ResumeCode | null {
  const text = input.trim();
  const dot = text.indexOf('.');
  if (dot < 0) {
    const compact = normaliseJoinCode(text);
    const code = compact.slice(0, JOIN_CODE_LENGTH);
    const seatToken = compact.slice(JOIN_CODE_LENGTH);
    return isJoinCode(code) && isResumeToken(seatToken) ? { code, seatToken } : null;
  }
  const code = normaliseJoinCode(text.slice(0, dot));
  const seatToken = text.slice(dot + 1).trim();
  if (!isJoinCode(code) || !TOKEN.test(seatToken)) return null;
  return { code, seatToken };
}

// ---------------------------------------------------------------------------------------------
// Tutorial

/** The interface tutorial, in order (issue 6): each step names what the player does. */
export const TUTORIAL_STEPS = ['pan', 'control', 'budget', 'submit', 'why', 'done'] as const;
export type TutorialStep = (typeof TUTORIAL_STEPS)[number];

/** Where the tutorial of one game stands: the step index, or finished (done or skipped). */
export interface TutorialState {
  step: number;
  finished: boolean;
}

export const TUTORIAL_START: TutorialState = { step: 0, finished: false };

export function tutorialStep(state: TutorialState): TutorialStep | null {
  return state.finished ? null : (TUTORIAL_STEPS[state.step] ?? null);
}

/** Complete `step` if it is the current one; completing a later step skips those before it. */
export function completeTutorialStep(state: TutorialState, step: TutorialStep): TutorialState {
  if (state.finished) return state;
  const index = TUTORIAL_STEPS.indexOf(step);
  if (index < state.step) return state;
  const next = index + 1;
  return next >= TUTORIAL_STEPS.length
    ? { step: next, finished: true }
    : { step: next, finished: false };
}

export function skipTutorial(state: TutorialState): TutorialState {
  return { ...state, finished: true };
}

export function cleanTutorialState(raw: unknown): TutorialState | null {
  if (!raw || typeof raw !== 'object') return null;
  const { step, finished } = raw as Partial<TutorialState>;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) return null;
  return { step: Math.min(step, TUTORIAL_STEPS.length), finished: finished === true };
}
