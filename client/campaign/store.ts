/**
 * What the campaign remembers in this browser (localStorage): stars, saved games, the player's
 * name and difficulty, whether the advisor is on, and each game's tutorial step. Storage can be
 * missing or full (private modes); the game then works without remembering.
 */
import { browserStorage, readStored, writeStored } from '../net/local-store';
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

export function loadProgress(): CampaignProgress {
  const raw = readStored(KEYS.progress) as Partial<CampaignProgress> | null;
  if (!raw || typeof raw.stars !== 'object' || raw.stars === null) return NO_PROGRESS;
  let progress = NO_PROGRESS;
  for (const [id, stars] of Object.entries(raw.stars)) {
    if (typeof stars === 'number') progress = recordStars(progress, id, stars);
  }
  return progress;
}

export function saveStars(entryId: string, stars: number): CampaignProgress {
  const progress = recordStars(loadProgress(), entryId, stars);
  writeStored(KEYS.progress, progress);
  return progress;
}

export function loadSavedGames(): SavedGame[] {
  return cleanSavedGames(readStored(KEYS.saves));
}

export function rememberGame(game: SavedGame): void {
  writeStored(KEYS.saves, upsertSavedGame(loadSavedGames(), game));
}

export function forgetGame(code: string): void {
  writeStored(KEYS.saves, removeSavedGame(loadSavedGames(), code));
  browserStorage()?.removeItem(KEYS.tutorial(code));
}

/** Note the round a game reached (written only when it changed). */
export function noteGame(code: string, patch: Parameters<typeof touchSavedGame>[2]): void {
  const before = loadSavedGames();
  const after = touchSavedGame(before, code, patch, Date.now());
  if (after !== before) writeStored(KEYS.saves, after);
}

export function loadName(): string {
  const name = readStored(KEYS.name);
  return typeof name === 'string' ? name : '';
}

export function saveName(name: string): void {
  writeStored(KEYS.name, name);
}

export function loadDifficulty(): Difficulty {
  const value = readStored(KEYS.difficulty);
  return isDifficulty(value) ? value : 'normal';
}

export function saveDifficulty(difficulty: Difficulty): void {
  writeStored(KEYS.difficulty, difficulty);
}

export function advisorEnabled(): boolean {
  return readStored(KEYS.advisorOff) !== true;
}

export function setAdvisorEnabled(on: boolean): void {
  writeStored(KEYS.advisorOff, !on);
}

/** The tutorial of one game; null when it never ran there. */
export function loadTutorial(code: string): TutorialState | null {
  return cleanTutorialState(readStored(KEYS.tutorial(code)));
}

export function saveTutorial(code: string, state: TutorialState): void {
  writeStored(KEYS.tutorial(code), state);
}

export function restartTutorial(code: string): TutorialState {
  saveTutorial(code, TUTORIAL_START);
  return TUTORIAL_START;
}
