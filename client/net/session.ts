/**
 * One live classroom session as the browser sees it: the room state behind typed accessors,
 * subscriptions registered once (they survive reconnections, STYLE §9), typed sends, and the
 * seat kept across dropped connections. Joining lives in session-client.ts.
 */
import type { Client, Room } from 'colyseus.js';
import { RETRY_LIMIT_MS, RETRY_MS } from './retry';
import {
  INSTRUCTOR_PREFIX,
  instructorMessages,
  studentMessages,
  type ErrorMessage,
  type InstructorMessageType,
  type NewsItem,
  type Phase,
  type StudentMessageType,
} from '../../shared/protocol/messages';
import type { MatchEvent, Proposal } from '../../shared/engine/types';
import type { Portfolio } from '../../shared/protocol/roles';
import {
  closeProblem,
  joinProblem,
  serverProblem,
  type ProblemKind,
  type ServerProblem,
} from './errors';
import type {
  ClientMessageType,
  ClientMessages,
  ServerMessages,
  ServerMessageType,
} from './messages';
import {
  saveSeat,
  type InstructorRecord,
  type SessionRole,
  type StudentSeatRecord,
} from './seat-store';
import {
  JsonCache,
  asPhase,
  eventsOf,
  newsOf,
  playerView,
  privateView,
  proposalsOf,
  townView,
  type PlayerView,
  type TownPrivateView,
  type TownView,
  type WireState,
} from './wire';

export type ConnectionStatus = 'connected' | 'reconnecting' | 'closed';

/** A room that has joined, with the messages it received so far waiting for a handler. */
export interface JoinedRoom {
  room: Room<WireState>;
  /** Deliver buffered and future messages to `sink` (one handler per room, never removed). */
  attach(sink: (type: string, message: unknown) => void): void;
}

/** How the session gets a fresh room after the connection dropped. */
export type Reopen = (client: Client) => Promise<JoinedRoom>;

/** Announcement as received, with the local time it arrived. */
export interface Announcement {
  text: string;
  at: number;
}

type Listener<T> = (value: T) => void;

export class Session {
  private room: Room<WireState>;
  private readonly cache = new JsonCache();
  private readonly changeListeners = new Set<Listener<Session>>();
  private readonly statusListeners = new Set<Listener<ConnectionStatus>>();
  private readonly messageListeners = new Map<string, Set<Listener<unknown>>>();
  private statusValue: ConnectionStatus = 'connected';
  private closedBy: ProblemKind | null = null;
  private leaving = false;
  readonly announcements: Announcement[] = [];

  constructor(
    readonly role: SessionRole,
    private readonly client: Client,
    joined: JoinedRoom,
    private readonly reopen: Reopen,
    /** The student's seat (null for the instructor), kept in storage as it changes. */
    private readonly seat: StudentSeatRecord | null,
    private readonly classRecord: InstructorRecord | null,
  ) {
    this.room = joined.room;
    this.bind(joined);
  }

  // ---------------------------------------------------------------------------------------
  // Identity

  get code(): string {
    return this.seat?.code ?? this.classRecord!.code;
  }
  get roomId(): string {
    return this.room.roomId;
  }
  /** The match id (instructor and solo player), for downloads. */
  get matchId(): string | null {
    return this.classRecord?.matchId ?? null;
  }
  /** The instructor's key, or a solo game's own key; null for a classroom student. */
  get instructorKey(): string | null {
    return this.classRecord?.instructorKey ?? this.seat?.soloKey ?? null;
  }
  /** The seat token (classroom students), which proves the seat to HTTP routes (research). */
  get seatToken(): string | null {
    return this.seat?.seatToken || null;
  }
  get playerId(): string | null {
    return this.seat?.playerId ?? null;
  }
  get name(): string | null {
    return this.seat?.name ?? null;
  }
  /** The student's town, as the server last placed them. */
  get townId(): string | null {
    const me = this.me();
    return me ? me.townId || null : (this.seat?.townId ?? null);
  }
  get portfolios(): Portfolio[] {
    return this.me()?.portfolios ?? this.seat?.portfolios ?? [];
  }
  get status(): ConnectionStatus {
    return this.statusValue;
  }
  /** Why the session closed for good (removed, ended…), when it did. */
  get closedReason(): ProblemKind | null {
    return this.closedBy;
  }

  // ---------------------------------------------------------------------------------------
  // State

  get state(): WireState {
    return this.room.state;
  }
  get phase(): Phase {
    return asPhase(this.state.phase ?? 'waiting');
  }
  /** The round being planned, or the last resolved one in results. */
  get round(): number {
    return this.state.round ?? 0;
  }
  /** Rounds resolved so far: the round the public figures describe. */
  get resolvedRounds(): number {
    const p = this.phase;
    const planning = p === 'briefing' || p === 'planning' || p === 'resolution';
    return Math.max(0, planning ? this.round - 1 : this.round);
  }

  /** Milliseconds left on the phase timer, or null when there is none. */
  timeLeftMs(now = Date.now()): number | null {
    if (this.state.paused) return this.state.remainingMs > 0 ? this.state.remainingMs : null;
    return this.state.deadline > 0 ? Math.max(0, this.state.deadline - now) : null;
  }

  towns(): TownView[] {
    const out: TownView[] = [];
    this.state.towns?.forEach((town) => out.push(townView(town, this.cache)));
    return out;
  }

  town(id: string): TownView | null {
    const town = this.state.towns?.get(id);
    return town ? townView(town, this.cache) : null;
  }

  /** A town's private state: the student's own town, or any town for the instructor. */
  privateOf(townId: string): TownPrivateView | null {
    const town = this.state.towns?.get(townId);
    return town ? privateView(town, this.cache) : null;
  }

  players(): PlayerView[] {
    const out: PlayerView[] = [];
    this.state.players?.forEach((player) => out.push(playerView(player)));
    return out;
  }

  me(): PlayerView | null {
    const player = this.playerId ? this.state.players?.get(this.playerId) : undefined;
    return player ? playerView(player) : null;
  }

  news(): NewsItem[] {
    return newsOf(this.state.news, this.cache);
  }
  lastEvents(): MatchEvent[] {
    return eventsOf(this.state.lastEvents, this.cache);
  }
  proposals(): Proposal[] {
    return proposalsOf(this.state.proposals, this.cache);
  }

  // ---------------------------------------------------------------------------------------
  // Subscriptions (each returns its unsubscribe function)

  onChange(listener: Listener<Session>): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onStatus(listener: Listener<ConnectionStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Server messages; `error` arrives translated (ServerProblem). */
  on<K extends Exclude<ServerMessageType, 'error'>>(
    type: K,
    listener: Listener<ServerMessages[K]>,
  ): () => void;
  on(type: 'error', listener: Listener<ServerProblem>): () => void;
  on(type: ServerMessageType, listener: Listener<never>): () => void {
    const set = this.messageListeners.get(type) ?? new Set();
    set.add(listener as Listener<unknown>);
    this.messageListeners.set(type, set);
    return () => set.delete(listener as Listener<unknown>);
  }

  // ---------------------------------------------------------------------------------------
  // Sending

  /**
   * Send a message after checking it with the shared schema, so a mistake is reported at once
   * (as an `error` to the listeners) instead of after a round trip. Returns whether it went out.
   */
  send<T extends ClientMessageType>(type: T, body: ClientMessages[T]): boolean {
    const problem = this.check(type, body);
    if (problem) {
      this.emit('error', serverProblem(problem));
      return false;
    }
    if (this.statusValue !== 'connected') {
      this.emit('error', serverProblem({ code: 'offline', type, reason: 'not connected' }));
      return false;
    }
    this.room.send(type, body);
    return true;
  }

  private check(type: string, body: unknown): ErrorMessage | null {
    const schema = type.startsWith(INSTRUCTOR_PREFIX)
      ? instructorMessages[type.slice(INSTRUCTOR_PREFIX.length) as InstructorMessageType]
      : studentMessages[type as StudentMessageType];
    if (!schema) return { code: 'unknownMessage', type, reason: `unknown message "${type}"` };
    const parsed = schema.safeParse(body);
    if (parsed.success) return null;
    const issue = parsed.error.issues[0];
    return {
      code: 'invalid',
      type,
      reason: issue?.message ?? 'invalid',
      path: issue?.path.join('.'),
    };
  }

  /** Leave on purpose: the server frees nothing, but this tab stops resuming the session. */
  async leave(): Promise<void> {
    this.leaving = true;
    this.setStatus('closed');
    await this.room.leave(true).catch(() => undefined);
  }

  // ---------------------------------------------------------------------------------------
  // Wiring

  private bind({ room, attach }: JoinedRoom): void {
    room.onStateChange(() => this.emitChange());
    attach((type, message) => this.dispatch(type, message));
    room.onLeave((code, reason) => void this.dropped(code, reason));
    if (this.seat) {
      this.seat.reconnectionToken = room.reconnectionToken;
      saveSeat(this.seat);
    }
  }

  private dispatch(type: string, message: unknown): void {
    if (type === 'seat' && this.seat) {
      const seat = message as ServerMessages['seat'];
      this.seat.townId = seat.townId;
      this.seat.portfolios = seat.portfolios;
      saveSeat(this.seat);
    } else if (type === 'welcome' && this.seat) {
      const welcome = message as ServerMessages['welcome'];
      if (welcome.seatToken) this.seat.seatToken = welcome.seatToken;
      if (welcome.townId !== undefined) this.seat.townId = welcome.townId;
      if (welcome.portfolios) this.seat.portfolios = welcome.portfolios;
      saveSeat(this.seat);
    } else if (type === 'announcement') {
      this.announcements.push({ text: (message as { text: string }).text, at: Date.now() });
    }
    this.emit(type, type === 'error' ? serverProblem(message as ErrorMessage) : message);
    if (type === 'seat' || type === 'announcement') this.emitChange();
  }

  private emit(type: string, value: unknown): void {
    for (const listener of [...(this.messageListeners.get(type) ?? [])]) listener(value);
  }

  private emitChange(): void {
    for (const listener of [...this.changeListeners]) listener(this);
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.statusValue === status) return;
    this.statusValue = status;
    for (const listener of [...this.statusListeners]) listener(status);
    this.emitChange();
  }

  /** The connection dropped: come back unless the server closed it for a reason. */
  private async dropped(code: number, reason?: string): Promise<void> {
    if (this.leaving) return;
    const final = closeProblem(code, reason);
    if (final) return this.close(final);
    this.setStatus('reconnecting');
    const started = Date.now();
    for (let attempt = 0; Date.now() - started < RETRY_LIMIT_MS; attempt++) {
      await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      if (this.leaving) return;
      try {
        const joined = await this.reopen(this.client);
        this.room = joined.room;
        this.bind(joined);
        this.setStatus('connected');
        return;
      } catch (error) {
        const problem = joinProblem(error, this.role === 'instructor');
        // A restarting server briefly has no room; anything else the server said is final.
        if (!['offline', 'server', 'sessionGone', 'timeout'].includes(problem.kind)) {
          return this.close(problem.kind);
        }
      }
    }
    this.close('offline');
  }

  private close(kind: ProblemKind): void {
    this.closedBy = kind;
    this.setStatus('closed');
  }
}
