/**
 * The match store: everything needed to rebuild a classroom match after a restart. The engine is
 * deterministic, so a match is its configuration plus its log of resolved rounds, and the round
 * in progress is its drafts and submissions. Every method resolves only once the write is
 * durable, and the room acknowledges a submission only after that (issue 3, "Durability").
 * SQLite is the embedded default; the interface is small so a PostgreSQL store can follow.
 */
import { endLog, type LoggedRound, type MatchLog, type TownPlan } from '../../shared/index';
import type { Phase, SessionConfig } from '../../shared/protocol/messages';
import type { Portfolio } from '../../shared/protocol/roles';
import type { ExtraKind } from '../../shared/debrief/extras';

export interface MatchRecord {
  id: string;
  roomId: string;
  code: string;
  /** SHA-256 of the instructor key (a 128-bit random secret); the key itself is never stored. */
  instructorKeyHash: string;
  config: SessionConfig;
  /** Header of the match log (rounds are stored one by one). */
  log: Omit<MatchLog, 'rounds'>;
  createdAt: number;
}

export interface PhaseRecord {
  phase: Phase;
  round: number;
  /** Milliseconds left on the timer when the phase was saved (restarted after a restart). */
  remainingMs: number;
  paused: boolean;
  locked: boolean;
  diplomacy: boolean;
  caretaker: boolean;
  /** Event cards the instructor fired for the coming round. */
  pendingCards: string[];
}

export interface SeatRecord {
  playerId: string;
  name: string;
  townId: string | null;
  portfolios: Portfolio[];
  rolesAssigned: boolean;
  /** Hash of the seat token the student's browser keeps to reclaim the seat. */
  seatTokenHash: string;
  removed: boolean;
  /** Join order, for a stable hand-out of portfolios. */
  order: number;
}

export interface SubmissionRecord {
  townId: string;
  round: number;
  plan: TownPlan;
  by: string;
  at: number;
}

export interface DraftRecord {
  townId: string;
  round: number;
  plan: TownPlan;
  updatedAt: number;
}

/** Announcements, statements and event cards, kept for the log and the debrief. */
export interface NoteRecord {
  round: number;
  kind: 'announcement' | 'statement' | 'eventCard' | 'control';
  author: string;
  text: string;
  at: number;
}

export interface Annotation {
  round: number;
  note: string;
  at: number;
}

/**
 * One accepted command of the session machine (server/session/, docs/session-log.md): the
 * session's persistence is this append-only log, replayed through the machine after a restart
 * or on another process. `seq` counts from 1 per match, without gaps; `command` is the machine's
 * command as plain JSON (its `now` included), stored and returned unchanged.
 */
export interface CommandRecord {
  seq: number;
  command: unknown;
}

export interface StoredMatch {
  record: MatchRecord;
  phase: PhaseRecord;
  rounds: LoggedRound[];
  seats: SeatRecord[];
  drafts: DraftRecord[];
  submissions: SubmissionRecord[];
  notes: NoteRecord[];
  finished: boolean;
}

export interface MatchSummary {
  id: string;
  code: string;
  scenarioId: string;
  title: string;
  createdAt: number;
  rounds: number;
  finished: boolean;
}

export interface MatchStore {
  createMatch(record: MatchRecord, phase: PhaseRecord): Promise<void>;
  /**
   * Append commands to a match's command log, in order. Resolves once they are durable. A
   * `seq` already stored for the match is an error (two processes never write one session).
   * With `durable: false` (draft edits) the store may commit them with the next durable write or
   * shortly after, instead of syncing each one; their order is kept either way.
   */
  appendCommands(
    matchId: string,
    commands: CommandRecord[],
    options?: { durable?: boolean },
  ): Promise<void>;
  /** The whole command log of a match, in `seq` order (empty for an unknown match). */
  loadCommands(matchId: string): Promise<CommandRecord[]>;
  savePhase(matchId: string, phase: PhaseRecord): Promise<void>;
  /** Append a resolved round and clear that round's drafts and submissions, atomically. */
  appendRound(matchId: string, entry: LoggedRound, phase: PhaseRecord): Promise<void>;
  saveSeat(matchId: string, seat: SeatRecord): Promise<void>;
  saveDraft(matchId: string, draft: DraftRecord): Promise<void>;
  saveSubmission(matchId: string, submission: SubmissionRecord): Promise<void>;
  deleteSubmission(matchId: string, townId: string, round: number): Promise<void>;
  addNote(matchId: string, note: NoteRecord): Promise<void>;
  finishMatch(matchId: string): Promise<void>;
  loadMatch(matchId: string): Promise<StoredMatch | null>;
  unfinishedMatchIds(): Promise<string[]>;
  /** Matches created with this instructor key hash, newest first. */
  listMatches(instructorKeyHash: string): Promise<MatchSummary[]>;
  /** The newest match with this join code, finished or not (an ended class can be reopened). */
  findByCode(code: string): Promise<MatchRecord | null>;
  /** Instructor bookmarks on rounds of a match (issue 5), kept beside its log. */
  loadAnnotations(matchId: string): Promise<Annotation[]>;
  saveAnnotations(matchId: string, annotations: Annotation[]): Promise<void>;
  /**
   * A debrief extra (issue 15: chapters, predictions, research record) as stored JSON, or null.
   * Callers read it with the readers of `shared/debrief/extras.ts`.
   */
  loadExtra(matchId: string, kind: ExtraKind): Promise<unknown>;
  saveExtra(matchId: string, kind: ExtraKind, value: unknown): Promise<void>;
  /** Remove a match and everything stored with it (a player deleting a saved solo game). */
  deleteMatch(matchId: string): Promise<void>;
  close(): Promise<void>;
}

/** Rebuild the full match log from a stored match. */
export function matchLogOf(stored: StoredMatch): MatchLog {
  const log: MatchLog = { ...stored.record.log, rounds: stored.rounds };
  if (stored.finished && log.version >= 2) endLog(log);
  return log;
}
