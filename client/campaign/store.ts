/**
 * What the campaign remembers in this browser (localStorage): stars, saved games, the player's
 * name and difficulty, whether the advisor is on, and each game's tutorial step. Storage can be
 * missing or full (private modes); the game then works without remembering.
 */
import {
  NO_PROGRESS,
  TUTORIAL_START,
  cleanSavedGames,
  cleanTutorialState,
  isDifficulty,
  recordStars,
  removeSavedGame,
  touchSavedGame,
  upsertSavedGame,
  type CampaignProgress,
  type Difficulty,
  type SavedGame,
  type TutorialState,
} from './progress';

const PREFIX = 'clusterTowns.campaign.';
const KEYS = {
  progress: `${PREFIX}progress`,
  saves: `${PREFIX}saves`,
  name: `${PREFIX}name`,
  difficulty: `${PREFIX}difficulty`,
  advisorOff: `${PREFIX}advisorOff`,
  tutorial: (code: string) => `${PREFIX}tutorial.${code}`,
};

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(key: string): unknown {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // A full storage loses the memory, never the game.
  }
}

export function loadProgress(): CampaignProgress {
  const raw = read(KEYS.progress) as Partial<CampaignProgress> | null;
  if (!raw || typeof raw.stars !== 'object' || raw.stars === null) return NO_PROGRESS;
  let progress = NO_PROGRESS;
  for (const [id, stars] of Object.entries(raw.stars)) {
    if (typeof stars === 'number') progress = recordStars(progress, id, stars);
  }
  return progress;
}

export function saveStars(entryId: string, stars: number): CampaignProgress {
  const progress = recordStars(loadProgress(), entryId, stars);
  write(KEYS.progress, progress);
  return progress;
}

export function loadSavedGames(): SavedGame[] {
  return cleanSavedGames(read(KEYS.saves));
}

export function rememberGame(game: SavedGame): void {
  write(KEYS.saves, upsertSavedGame(loadSavedGames(), game));
}

export function forgetGame(code: string): void {
  write(KEYS.saves, removeSavedGame(loadSavedGames(), code));
  storage()?.removeItem(KEYS.tutorial(code));
}

/** Note the round a game reached (written only when it changed). */
export function noteGame(code: string, patch: Parameters<typeof touchSavedGame>[2]): void {
  const before = loadSavedGames();
  const after = touchSavedGame(before, code, patch, Date.now());
  if (after !== before) write(KEYS.saves, after);
}

export function loadName(): string {
  const name = read(KEYS.name);
  return typeof name === 'string' ? name : '';
}

export function saveName(name: string): void {
  write(KEYS.name, name);
}

export function loadDifficulty(): Difficulty {
  const value = read(KEYS.difficulty);
  return isDifficulty(value) ? value : 'normal';
}

export function saveDifficulty(difficulty: Difficulty): void {
  write(KEYS.difficulty, difficulty);
}

export function advisorEnabled(): boolean {
  return read(KEYS.advisorOff) !== true;
}

export function setAdvisorEnabled(on: boolean): void {
  write(KEYS.advisorOff, !on);
}

/** The tutorial of one game; null when it never ran there. */
export function loadTutorial(code: string): TutorialState | null {
  return cleanTutorialState(read(KEYS.tutorial(code)));
}

export function saveTutorial(code: string, state: TutorialState): void {
  write(KEYS.tutorial(code), state);
}

export function restartTutorial(code: string): TutorialState {
  saveTutorial(code, TUTORIAL_START);
  return TUTORIAL_START;
}
