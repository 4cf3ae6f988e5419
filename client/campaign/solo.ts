/**
 * Starting, resuming and deleting solo games (docs/protocol.md, "Solo play"). A game is an
 * ordinary session with `mode: 'solo'` on the authoritative server; this browser keeps its seat
 * (net/seat-store) and a saved-game record (store.ts). The resume code `CODE.seatToken` lets
 * another browser ask the server where the game runs (POST /api/solo/resume) and take the seat.
 */
import { normaliseName, NAME_MAX_LENGTH } from '../../shared/protocol/messages';
import { currentLanguage, t } from '../i18n';
import { serverBase } from '../net/api';
import { SessionError, httpProblem } from '../net/errors';
import {
  currentSession,
  forgetClass,
  forgetSeat,
  loadSeat,
  saveSeat,
  setCurrentSession,
} from '../net/seat-store';
import { createSession, joinClass, resumeSession, type Session } from '../net/session-client';
import { entryOfGame, text, type CampaignEntry } from './catalog';
import { parseResumeCode, type Difficulty, type ResumeCode, type SavedGame } from './progress';
import { forgetGame, loadSavedGames, rememberGame } from './store';

export { isSoloSession } from './mode';

/** The campaign entry a running solo game plays, if any. */
export function entryOfSession(session: Session): CampaignEntry | null {
  const saved = loadSavedGames().find((g) => g.code === session.code);
  return entryOfGame(saved?.campaignId || null, session.state.scenarioId, session.townId);
}

/** The round timers a solo player can choose, in seconds; 0 (no timer) is the default. */
export const SOLO_TIMERS = [0, 180, 300, 600] as const;

/**
 * Create the solo session of a campaign entry and take the entry's town in it. There is no
 * round timer unless the player asks for one (`planningSeconds`, one of SOLO_TIMERS).
 */
export async function startSoloGame(
  entry: CampaignEntry,
  difficulty: Difficulty,
  name: string,
  planningSeconds = 0,
): Promise<Session> {
  const created = await createSession({
    scenarioId: entry.scenarioId,
    mode: 'solo',
    campaignId: entry.id,
    difficulty,
    planningSeconds: (SOLO_TIMERS as readonly number[]).includes(planningSeconds)
      ? planningSeconds
      : 0,
    briefingSeconds: 0,
    resultsSeconds: 0,
    teamSize: 1,
    rounds: entry.rounds,
    language: currentLanguage(),
    title: text(entry.title).slice(0, 60),
  });
  // A solo game is not a class: keep it out of the instructor's list of classes to reopen.
  forgetClass(created.code);
  const player = normaliseName(name).slice(0, NAME_MAX_LENGTH) || t('campaign:defaultName');
  const session = await joinClass(created.code, player, entry.playerTown);
  const now = Date.now();
  rememberGame({
    code: session.code,
    seatToken: loadSeat(session.code)?.seatToken ?? '',
    campaignId: entry.id,
    difficulty,
    round: session.round,
    rounds: entry.rounds,
    status: 'playing',
    startedAt: now,
    updatedAt: now,
  });
  return session;
}

async function soloRequest(path: string, method: string, body: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${serverBase()}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new SessionError('offline', (error as Error).message);
  }
  if (res.ok) return res;
  const detail = ((await res.json().catch(() => null)) as { error?: string } | null)?.error ?? '';
  // A resume code that matches nothing is a wrong code; 410: the game is saved but not running.
  if (res.status === 404) throw new SessionError('wrongCode', detail);
  if (res.status === 410) throw new SessionError('sessionGone', detail);
  throw new SessionError(httpProblem(res.status, '/api/join'), detail);
}

/** Ask the server where a solo game runs and keep a seat record that can rejoin it. */
async function restoreSeat({ code, seatToken }: ResumeCode): Promise<string> {
  const res = await soloRequest('/api/solo/resume', 'POST', { code, seatToken });
  const found = (await res.json()) as { roomId: string; code: string };
  const previous = loadSeat(found.code);
  saveSeat({
    code: found.code,
    roomId: found.roomId,
    name: previous?.name ?? '',
    // Empty: there is no live connection to reclaim, so the seat token is used at once.
    reconnectionToken: '',
    seatToken,
    playerId: previous?.playerId ?? '',
    townId: previous?.townId ?? null,
    portfolios: previous?.portfolios ?? [],
  });
  return found.code;
}

/** Take the seat of a known solo game back, from the seat record or through the server. */
async function rejoin(resume: ResumeCode): Promise<Session> {
  if (loadSeat(resume.code)) {
    try {
      const session = await resumeSession(resume.code);
      if (session) return session;
    } catch (error) {
      // Only a stale record is worth a second try; offline or ended is the answer.
      if (!(error instanceof SessionError) || !['sessionGone', 'wrongCode'].includes(error.kind))
        throw error;
    }
  }
  const code = await restoreSeat(resume);
  const session = await resumeSession(code);
  if (!session) throw new SessionError('sessionGone');
  return session;
}

export function resumeSavedGame(game: SavedGame): Promise<Session> {
  return rejoin(game);
}

/** Continue a game started in another browser, from its resume code. */
export async function resumeFromCode(input: string): Promise<Session> {
  const resume = parseResumeCode(input);
  if (!resume) throw new SessionError('invalid', 'not a resume code');
  const session = await rejoin(resume);
  const known = loadSavedGames().find((g) => g.code === session.code);
  const entry = entryOfSession(session);
  const now = Date.now();
  rememberGame({
    code: session.code,
    seatToken: resume.seatToken,
    campaignId: entry?.id ?? known?.campaignId ?? '',
    difficulty: known?.difficulty ?? null,
    round: session.round,
    rounds: session.state.rounds,
    status: known?.status ?? 'playing',
    startedAt: known?.startedAt ?? now,
    updatedAt: now,
  });
  return session;
}

/** Delete a saved game on the server and forget it here (also when the server lost it). */
export async function deleteSavedGame(game: SavedGame): Promise<void> {
  try {
    await soloRequest(`/api/solo/${encodeURIComponent(game.code)}`, 'DELETE', {
      seatToken: game.seatToken,
    });
  } catch (error) {
    if (!(error instanceof SessionError) || !['wrongCode', 'sessionGone'].includes(error.kind))
      throw error;
  }
  forgetGame(game.code);
  forgetSeat(game.code);
  if (currentSession()?.code === game.code) setCurrentSession(null);
}

/** The resume code of the game being played, when this browser holds its seat token. */
export function resumeCodeOf(session: Session): ResumeCode | null {
  const seatToken =
    loadSeat(session.code)?.seatToken ||
    loadSavedGames().find((g) => g.code === session.code)?.seatToken;
  return seatToken ? { code: session.code, seatToken } : null;
}
