/**
 * The classroom session as data (issue 11): everything a class is, apart from its connections.
 * The machine (machine.ts) is a pure function `step(session, command) → { session, effects }`;
 * the room only delivers commands (messages, joins, clock ticks) and runs the effects. Time is
 * an input: every command carries `now`, and timers are deadlines stored here, so a session
 * rebuilds exactly by replaying its command log (docs/session-log.md).
 */
import type {
  CaretakerDrop,
  LoggedRound,
  MatchLog,
  MatchState,
  PlanError,
  RoundNote,
  RoundResult,
  StrategyId,
  TownIndicators,
  TownPlan,
} from '../../shared/index';
import type {
  ErrorMessage,
  InstructorMessage,
  InstructorMessageType,
  NewsItem,
  Phase,
  SessionConfig,
  StudentMessage,
  StudentMessageType,
} from '../../shared/protocol/messages';
import type { ServerMessages } from '../../shared/protocol/wire-messages';
import type { SeatRecord } from '../store/match-store';

/** A seat as the store keeps it, and whether a live connection holds it (not durable). */
export interface SeatData extends SeatRecord {
  connected: boolean;
}

export interface Submission {
  plan: TownPlan;
  by: string;
  at: number;
  /** The team's reason as the mayor submitted it (issue 15); absent when none was given. */
  why?: string;
}

export interface Session {
  config: SessionConfig;
  totalRounds: number;
  match: MatchState;
  /** The match log so far (header and resolved rounds), as downloads and replays read it. */
  log: MatchLog;
  phase: Phase;
  /** The round being planned, or whose results are shown (the last one played once ended). */
  round: number;
  /** The year the round on show was (or is being) played: round 1 of a 1980 scenario is 1980. */
  year: number;
  /** Epoch ms when the running phase ends; 0 when there is no timer or it is paused. */
  deadline: number;
  /** Time left on a paused timer, ms; 0 when the paused phase had no timer. */
  remainingMs: number;
  paused: boolean;
  /**
   * Planning went past its deadline with the caretaker off: the round waits for the missing
   * human towns (or the instructor), and resolves as soon as they are in.
   */
  overtime: boolean;
  locked: boolean;
  diplomacy: boolean;
  caretaker: boolean;
  instructorConnections: number;
  seats: Record<string, SeatData>;
  nextSeatOrder: number;
  /** Drafts of the round being planned, by town. */
  drafts: Record<string, TownPlan>;
  /** Per town, never reset: increments on every accepted edit (clients drop stale echoes). */
  draftVersions: Record<string, number>;
  draftErrors: Record<string, PlanError[]>;
  /**
   * The team's draft of its one-line reason, by town (issue 15): any member edits it, the
   * mayor's submit carries it. Absent in sessions saved before it existed.
   */
  whys?: Record<string, string>;
  submissions: Record<string, Submission>;
  /** What the caretaker could not keep for a town last round (shown to its students). */
  caretakerDrops: Record<string, CaretakerDrop[]>;
  pendingCards: string[];
  /** Announcements, statements, cards and controls not yet in a logged round. */
  roundNotes: RoundNote[];
  /** The news feed on screen (the last 100 items). */
  news: NewsItem[];
  bots: Record<string, StrategyId>;
  history: Record<string, TownIndicators[]>;
  /** The last resolved round, for the advisor, explanations and public events. */
  last: { before: MatchState; result: RoundResult } | null;
  /** A campaign chapter's states, round by round, for its outcome (solo campaigns only). */
  campaignStates: MatchState[];
  campaignDecided: boolean;
  /** A campaign chapter's historical town, where its solo player sits (null otherwise). */
  soloTown: string | null;
}

export type StudentCommand = {
  [T in Exclude<StudentMessageType, 'ping'>]: { type: T } & StudentMessage<T>;
}[Exclude<StudentMessageType, 'ping'>];

export type InstructorCommand = {
  [T in InstructorMessageType]: { action: T; payload: InstructorMessage<T> };
}[InstructorMessageType];

/** Everything that can happen to a session. `now` is epoch ms, supplied by the room's clock. */
export type Command =
  | {
      type: 'join';
      now: number;
      playerId: string;
      name: string;
      seatTokenHash: string;
      townId?: string;
    }
  | { type: 'connect'; now: number; playerId: string | null }
  | { type: 'disconnect'; now: number; playerId: string | null }
  | { type: 'student'; now: number; playerId: string; message: StudentCommand }
  | ({ type: 'instructor'; now: number } & InstructorCommand)
  | { type: 'tick'; now: number }
  | { type: 'restored'; now: number };

/** Server → client messages the machine asks the room to send (shared/protocol/server.ts). */
export type Effect =
  | {
      [K in 'ack' | 'submitted' | 'draftSaved']: {
        type: 'reply';
        message: K;
        payload: ServerMessages[K];
      };
    }['ack' | 'submitted' | 'draftSaved']
  | { type: 'error'; error: ErrorMessage }
  | { type: 'joinRefused'; code: number; reason: string }
  /** A seat's town or portfolios changed: tell that student, and fix its view of the state. */
  | { type: 'seatChanged'; playerId: string; from: string | null }
  | { type: 'kick'; playerId: string; code: number; reason: string }
  | { type: 'announcement'; text: string }
  | { type: 'note'; note: RoundNote & { round: number } }
  /** A round resolved: its log entry must be stored before the results are shown. */
  | { type: 'roundResolved'; entry: LoggedRound }
  | { type: 'ended' }
  | { type: 'listing' }
  | { type: 'failure'; message: string };

/**
 * How the room must persist a command: `durable` before its effects are published (joins,
 * submissions, controls, anything that resolves a round), `lazy` with the next durable write
 * (draft edits), `none` when it changed nothing that outlives a connection.
 */
export type Persistence = 'durable' | 'lazy' | 'none';

export interface StepResult {
  session: Session;
  effects: Effect[];
  persist: Persistence;
}
