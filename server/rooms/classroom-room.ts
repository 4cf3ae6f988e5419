/**
 * The classroom session: a thin adapter between Colyseus and the shared engine. It owns the
 * seats, the phases and the clock; every state change of the economy goes through resolveRound,
 * and every decision is written to the match store before it is acknowledged (issue 3).
 */
import { Room, ServerError, type Client, type Delayed } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import {
  createMatch,
  findEvent,
  findScenario,
  replaySteps,
  resolveRound,
  startLog,
  STRATEGY_IDS,
  validatePlan,
  appendRound,
  forkLog,
  type MatchLog,
  type MatchState,
  type PlanError,
  type RoundNote,
  type RoundResult,
  type StrategyId,
  type TownIndicators,
  type TownPlan,
} from '../../shared/index';
import { GAME_VERSION } from '../../shared/engine/match-log';
import {
  advisorHints,
  evaluateOutcome,
  findCampaignEntry,
  type CampaignEntry,
} from '../../shared/campaign/index';
import {
  CLOSE_CODE,
  INSTRUCTOR_PREFIX,
  JOIN_ERROR,
  PROTOCOL_VERSION,
  describeIssues,
  instructorMessages,
  joinOptionsSchema,
  studentMessages,
  type ErrorMessage,
  type InstructorMessageType,
  type NewsItem,
  type Phase,
  type SessionConfig,
  type StudentMessageType,
} from '../../shared/protocol/messages';
import { canSubmit, editableSections, type PlanSection } from '../../shared/protocol/roles';
import { recordPublish, recordResolution } from '../metrics';
import { ClientRateLimiter } from '../rate-limit';
import { roomServices, type RoomServices } from '../services';
import type { NoteRecord, PhaseRecord, StoredMatch } from '../store/match-store';
import { ClassroomState, Player } from './classroom-state';
import { roundPlans } from './round-inputs';
import {
  createTownViews,
  newsOfNote,
  projectEconomy,
  projectResults,
  projectTowns,
} from './state-projection';
import {
  distributePortfolios,
  matchesHash,
  membersOf,
  newSecret,
  sha256,
  toRecord,
  townWithRoom,
  type Seat,
} from './seats';

/** Options the HTTP route passes when it creates a session (never a client's options). */
export interface CreateOptions {
  internalSecret: string;
  create?: {
    matchId: string;
    roomId: string;
    code: string;
    instructorKeyHash: string;
    config: SessionConfig;
    /** A verified parent log and its state at the fork round (see sessions.ts). */
    fork?: { parent: MatchLog; round: number; state: MatchState };
  };
  restoreMatchId?: string;
}

interface ClientData {
  playerId: string | null;
  instructor: boolean;
  limiter: ClientRateLimiter;
}

/** Computer strategies for empty seats; in solo play the difficulty picks them. */
function botStrategy(config: SessionConfig, index: number): StrategyId {
  if (config.mode === 'solo' && config.difficulty === 'easy') return 'green';
  if (config.mode === 'solo' && config.difficulty === 'hard') return 'growth';
  return STRATEGY_IDS[index % STRATEGY_IDS.length];
}

/**
 * The log's line for an instructor control (docs/match-log.md, `control` notes): the control's
 * name, then its argument. Event cards and announcements are logged as their own notes.
 */
function controlNote(
  action: InstructorMessageType,
  message: unknown,
  nameOf: (playerId: string) => string,
): string | null {
  const m = (message ?? {}) as Record<string, unknown>;
  switch (action) {
    case 'fireEvent':
    case 'announce':
      return null;
    case 'extend':
      return `extend ${String(m.seconds)}`;
    case 'setDiplomacy':
    case 'setCaretaker':
      return `${action} ${m.enabled ? 'on' : 'off'}`;
    case 'lock':
      return `lock ${m.locked ? 'on' : 'off'}`;
    case 'moveStudent':
      return `moveStudent ${nameOf(String(m.playerId))} ${String(m.townId)}`;
    case 'removeStudent':
      return `removeStudent ${nameOf(String(m.playerId))}`;
    case 'assignRoles':
      return `assignRoles ${nameOf(String(m.playerId))} ${(m.portfolios as string[]).join(',')}`;
    default:
      return action;
  }
}

/** A dropped student keeps the seat at least this long, and through the planning phase. */
export const RECONNECT_SECONDS = 120;
const MAX_MESSAGE_JSON = 8 * 1024;

export class ClassroomRoom extends Room<ClassroomState> {
  maxClients = 400;
  private services!: RoomServices;
  private matchId = '';
  private code = '';
  private instructorKeyHash = '';
  private config!: SessionConfig;
  private match!: MatchState;
  private log!: MatchLog;
  private totalRounds = 0;
  private seats = new Map<string, Seat>();
  private drafts = new Map<string, TownPlan>();
  private submissions = new Map<string, { plan: TownPlan; by: string; at: number }>();
  private pendingCards: string[] = [];
  /** Announcements, statements and cards of the round in play, for its log entry. */
  private roundNotes: RoundNote[] = [];
  private history = new Map<string, TownIndicators[]>();
  private bots = new Map<string, StrategyId>();
  private phaseTimer: Delayed | null = null;
  private patchTimer: Delayed | null = null;
  private nextSeatOrder = 0;
  private resolving = false;
  /** The campaign chapter of a solo session, and every state of the match for its outcome. */
  private campaign: CampaignEntry | null = null;
  private states: MatchState[] = [];
  private campaignDecided = false;
  /** When the last submission of the round arrived (for the load benchmark). */
  private completedAt = 0;
  private queue: Promise<void> = Promise.resolve();

  async onCreate(options: CreateOptions): Promise<void> {
    this.services = roomServices();
    if (options.internalSecret !== this.services.internalSecret) {
      throw new ServerError(403, 'sessions are created through POST /api/sessions');
    }
    this.autoDispose = false;
    // Patch only when something changed (phase changes, edits), not 20 times a second. Without a
    // patch interval the room clock would stop, so a light simulation interval keeps it ticking.
    this.setPatchRate(null);
    this.setSimulationInterval(() => undefined, 100);
    this.state = new ClassroomState();
    if (options.restoreMatchId) await this.restore(options.restoreMatchId);
    else if (options.create) await this.createNew(options.create);
    else throw new ServerError(400, 'nothing to create');
    this.onMessage('*', (client, type, message) => this.dispatch(client, String(type), message));
    await this.setMetadata({
      title: this.config.title ?? findScenario(this.config.scenarioId)?.title ?? '',
      scenarioId: this.config.scenarioId,
      // A public session is open to anyone: the lobby shows its code so it can be joined.
      ...(this.config.visibility === 'private' ? {} : { code: this.code }),
    });
    await this.updateListing();
  }

  private async createNew(create: NonNullable<CreateOptions['create']>): Promise<void> {
    this.matchId = create.matchId;
    this.roomId = create.roomId;
    this.code = create.code;
    this.instructorKeyHash = create.instructorKeyHash;
    this.config = create.config;
    // The engine always runs with diplomacy on; the room's switch filters plans instead, so
    // the log replays with exactly what the engine saw.
    if (create.fork) {
      this.match = create.fork.state;
      this.log = forkLog(create.fork.parent, create.fork.round, create.fork.state);
    } else {
      this.match = createMatch(create.config.scenarioId, {
        seed: create.config.seed ?? 1,
        towns: create.config.towns,
        diplomacy: true,
      });
      this.log = startLog(this.match);
    }
    this.campaign = this.config.campaignId
      ? (findCampaignEntry(this.config.campaignId) ?? null)
      : null;
    this.states = this.campaign ? [this.match] : [];
    this.setupState();
    const { rounds: _rounds, ...header } = this.log;
    await this.services.store.createMatch(
      {
        id: this.matchId,
        roomId: this.roomId,
        code: this.code,
        instructorKeyHash: this.instructorKeyHash,
        config: this.config,
        log: header,
        createdAt: Date.now(),
      },
      this.phaseRecord(),
    );
  }

  /** Rebuild a match after a restart: replay the log, then restore seats, drafts, submissions. */
  private async restore(matchId: string): Promise<void> {
    const stored = await this.services.store.loadMatch(matchId);
    if (!stored) throw new ServerError(404, `match ${matchId} not found`);
    const { record } = stored;
    this.matchId = record.id;
    this.roomId = record.roomId;
    this.code = record.code;
    this.instructorKeyHash = record.instructorKeyHash;
    this.config = record.config;
    this.log = { ...record.log, rounds: [] };
    const replayed: MatchLog = { ...record.log, rounds: stored.rounds };
    this.campaign = this.config.campaignId
      ? (findCampaignEntry(this.config.campaignId) ?? null)
      : null;
    this.states = [];
    // Replay round by round, keeping what the room shows: the history of every town, the last
    // round's result for the advisor, and every state for a campaign's outcome.
    let before: MatchState | null = null;
    let last: { before: MatchState; result: RoundResult } | null = null;
    for (const step of replaySteps(replayed)) {
      if (this.campaign) this.states.push(step.state);
      if ('result' in step && before) {
        last = { before, result: step.result };
        for (const town of step.state.towns) {
          const list = this.history.get(town.id) ?? [];
          list.push({ ...town.last });
          this.history.set(town.id, list);
        }
      }
      before = step.state;
    }
    this.match = before!;
    this.log.rounds = stored.rounds;
    this.setupState();
    this.refreshCampaign(last?.before ?? null, last?.result ?? null);
    this.restoreRound(stored);
  }

  private restoreRound(stored: StoredMatch): void {
    const phase = stored.phase;
    for (const seat of stored.seats) {
      this.seats.set(seat.playerId, { ...seat, sessionId: null });
      this.nextSeatOrder = Math.max(this.nextSeatOrder, seat.order + 1);
    }
    const round = this.match.round + 1;
    this.drafts.clear();
    for (const d of stored.drafts) if (d.round === round) this.drafts.set(d.townId, d.plan);
    for (const town of this.match.towns) this.syncDraft(town.id);
    for (const s of stored.submissions) {
      if (s.round === round) this.submissions.set(s.townId, { plan: s.plan, by: s.by, at: s.at });
    }
    this.pendingCards = [...phase.pendingCards];
    this.state.locked = phase.locked;
    this.state.diplomacy = phase.diplomacy;
    this.state.caretaker = phase.caretaker;
    // Notes that no logged round holds yet go into the next entry: those of the planning
    // under way and those made while the last results were shown (stored with that round's
    // number, so the round number alone cannot tell them from notes already logged).
    const noteKey = (n: { kind: string; author: string; text: string; at: number }): string =>
      `${n.at}|${n.kind}|${n.author}|${n.text}`;
    const logged = new Set(stored.rounds.flatMap((r) => (r.notes ?? []).map(noteKey)));
    for (const note of stored.notes) {
      if (note.kind !== 'control') this.pushNews(this.newsOfNote(note));
      if (note.round >= this.match.round && !logged.has(noteKey(note))) {
        this.roundNotes.push({
          kind: note.kind,
          author: note.author,
          text: note.text,
          at: note.at,
        });
      }
    }
    this.refreshTowns();
    // The round in progress restarts its timer; nothing submitted is lost.
    if (phase.phase === 'waiting') this.setPhase('waiting', 0);
    else if (phase.phase === 'ended') this.setPhase('ended', 0);
    else if (phase.phase === 'results' && this.match.round > 0) {
      this.state.round = this.match.round;
      this.setPhase('results', this.config.resultsSeconds);
    } else {
      this.state.round = round;
      this.setPhase('planning', this.config.planningSeconds);
    }
    if (phase.paused) this.pause();
  }

  private setupState(): void {
    const s = this.state;
    s.protocol = PROTOCOL_VERSION;
    s.title = this.config.title ?? findScenario(this.config.scenarioId)?.title ?? '';
    s.scenarioId = this.config.scenarioId;
    s.language = this.config.language;
    s.mode = this.config.mode ?? 'classroom';
    s.rounds = this.totalRounds =
      this.config.rounds ?? findScenario(this.config.scenarioId)?.defaultRounds ?? 10;
    s.round = this.match.round;
    s.year = this.match.year;
    // The hash of the state on show: the start state's until a round resolves (match log).
    s.stateHash = this.log.rounds.at(-1)?.hash ?? this.log.initialHash;
    s.diplomacy = this.config.diplomacy;
    s.caretaker = this.config.caretaker;
    s.phase = 'waiting';
    createTownViews(s, this.match);
    if (this.config.bots) {
      this.match.towns.forEach((town, i) => this.bots.set(town.id, botStrategy(this.config, i)));
    }
    this.refreshEconomy();
  }

  // -------------------------------------------------------------------------------------------
  // Joining and leaving

  async onAuth(
    _client: Client,
    rawOptions: unknown,
    context?: { ip?: string | string[] },
  ): Promise<ClientData & { seatToken?: string }> {
    const parsed = joinOptionsSchema.safeParse(rawOptions ?? {});
    if (!parsed.success)
      throw new ServerError(JOIN_ERROR.invalid, describeIssues(parsed.error).reason);
    const options = parsed.data;
    const limiter = new ClientRateLimiter(Date.now());
    // A listed room's id can be joined directly, bypassing POST /api/join: wrong codes and keys
    // count against the address here too.
    const address = String((Array.isArray(context?.ip) ? context.ip[0] : context?.ip) ?? 'unknown');
    const now = Date.now();
    if (!this.services.guesses.allowed(address, now)) {
      throw new ServerError(JOIN_ERROR.tooManyGuesses, 'too many wrong codes: wait a minute');
    }
    if (options.instructorKey !== undefined) {
      if (!matchesHash(options.instructorKey, this.instructorKeyHash)) {
        this.services.guesses.fail(address, now);
        throw new ServerError(JOIN_ERROR.wrongCode, 'wrong instructor key');
      }
      return { playerId: null, instructor: true, limiter };
    }
    if (options.code !== this.code) {
      this.services.guesses.fail(address, now);
      throw new ServerError(JOIN_ERROR.wrongCode, 'wrong join code');
    }
    if (options.seatToken) {
      const seat = [...this.seats.values()].find((s) =>
        matchesHash(options.seatToken!, s.seatTokenHash),
      );
      if (seat?.removed)
        throw new ServerError(JOIN_ERROR.removed, 'the instructor removed you from this session');
      if (seat) return { playerId: seat.playerId, instructor: false, limiter };
    }
    if (this.state.phase === 'ended')
      throw new ServerError(JOIN_ERROR.ended, 'this session has ended');
    if (this.state.locked)
      throw new ServerError(JOIN_ERROR.locked, 'the session is locked: ask your instructor');
    if (this.config.mode === 'solo' && [...this.seats.values()].some((s) => !s.removed)) {
      throw new ServerError(JOIN_ERROR.full, 'this is someone else’s solo game');
    }
    if (!options.name) throw new ServerError(JOIN_ERROR.invalid, 'enter a name');
    const name = options.name;
    const taken = [...this.seats.values()].some(
      (s) => !s.removed && s.name.toLocaleLowerCase() === name.toLocaleLowerCase(),
    );
    if (taken)
      throw new ServerError(JOIN_ERROR.nameTaken, `the name "${name}" is taken in this session`);
    const townIds = this.match.towns.map((t) => t.id);
    let townId: string | null = null;
    if (options.townId !== undefined) {
      if (!townIds.includes(options.townId))
        throw new ServerError(JOIN_ERROR.invalid, 'unknown town');
      if (membersOf(this.seats.values(), options.townId).length >= this.config.teamSize) {
        throw new ServerError(JOIN_ERROR.full, 'that town’s team is full');
      }
      townId = options.townId;
    } else {
      // A campaign chapter is played from its historical town (Shenzhen, Wenzhou, Foshan…).
      townId =
        this.campaign && townIds.includes(this.campaign.playerTown)
          ? this.campaign.playerTown
          : townWithRoom(townIds, this.seats.values(), this.config.teamSize);
    }
    if (!townId) throw new ServerError(JOIN_ERROR.full, 'the session is full');
    const seatToken = newSecret();
    const seat: Seat = {
      playerId: newSecret(9),
      name,
      townId,
      portfolios: [],
      rolesAssigned: false,
      seatTokenHash: sha256(seatToken),
      removed: false,
      order: this.nextSeatOrder++,
      sessionId: null,
    };
    this.seats.set(seat.playerId, seat);
    this.redistribute(townId);
    // Written before the student is told the seat is theirs.
    await this.saveSeats(townId);
    return { playerId: seat.playerId, instructor: false, limiter, seatToken };
  }

  onJoin(client: Client<ClientData, ClientData & { seatToken?: string }>): void {
    const auth = client.auth!;
    client.userData = {
      playerId: auth.playerId,
      instructor: auth.instructor,
      limiter: auth.limiter,
    };
    client.view = new StateView();
    if (auth.instructor) {
      for (const town of this.state.towns.values()) client.view.add(town.private);
      this.state.instructorConnected = true;
      client.send('welcome', { instructor: true, code: this.code, matchId: this.matchId });
    } else {
      const seat = this.seats.get(auth.playerId!)!;
      this.bindSeat(client, seat);
      if (this.config.mode === 'solo' && this.state.phase === 'waiting') this.beginRound();
      client.send('welcome', {
        instructor: false,
        playerId: seat.playerId,
        seatToken: auth.seatToken,
        townId: seat.townId,
        portfolios: seat.portfolios,
        code: this.code,
      });
    }
    this.refreshTowns();
    this.schedulePatch();
  }

  private bindSeat(client: Client, seat: Seat): void {
    // A second tab reclaiming the seat takes over from the first.
    if (seat.sessionId && seat.sessionId !== client.sessionId) {
      const old = this.clients.find((c) => c.sessionId === seat.sessionId);
      old?.leave(CLOSE_CODE.removed, 'this seat was opened in another window');
    }
    seat.sessionId = client.sessionId;
    // Every binding starts from a fresh view (a new connection, or a reconnection in onLeave),
    // so it holds exactly the seat's own town even if the seat moved while the student was away.
    const town = seat.townId ? this.state.towns.get(seat.townId) : undefined;
    if (town && !client.view?.has(town.private)) client.view?.add(town.private);
    const player = this.state.players.get(seat.playerId) ?? new Player();
    player.id = seat.playerId;
    player.name = seat.name;
    player.townId = seat.townId ?? '';
    player.portfolios = seat.portfolios.join(',');
    player.connected = true;
    this.state.players.set(seat.playerId, player);
  }

  async onLeave(client: Client<ClientData>, consented: boolean): Promise<void> {
    const data = client.userData;
    const seat = data?.playerId ? this.seats.get(data.playerId) : undefined;
    this.markDisconnected(client, seat);
    if (consented || this.state.phase === 'ended' || !seat || seat.removed) return;
    try {
      const remaining = this.state.deadline > 0 ? (this.state.deadline - Date.now()) / 1000 : 0;
      const back = await this.allowReconnection(
        client,
        Math.ceil(Math.max(RECONNECT_SECONDS, remaining + 30)),
      );
      if (seat.removed) {
        // Removed by the instructor while away: the reconnection is refused at once.
        back.leave(CLOSE_CODE.removed, 'removed by the instructor');
        return;
      }
      // A fresh view holding only the seat's town as it is now (the seat may have moved while
      // the student was away); the full state the client gets on its return is built from it.
      back.view = new StateView();
      this.bindSeat(back, seat);
      this.refreshTowns();
      this.schedulePatch();
    } catch (_error) {
      // The seat stays; the student can still reclaim it with the seat token.
    }
  }

  private markDisconnected(client: Client<ClientData>, seat: Seat | undefined): void {
    if (client.userData?.instructor) {
      this.state.instructorConnected = this.clients.some(
        (c) => c !== client && (c.userData as ClientData | undefined)?.instructor,
      );
    }
    if (seat && seat.sessionId === client.sessionId) {
      seat.sessionId = null;
      const player = this.state.players.get(seat.playerId);
      if (player) player.connected = false;
    }
    this.refreshTowns();
    this.schedulePatch();
  }

  // -------------------------------------------------------------------------------------------
  // Messages

  /**
   * Run room actions one after another: each may await a store write, and a draft edit followed
   * at once by a submit must reach the submit in that order.
   */
  private serially(action: () => Promise<void>): void {
    this.queue = this.queue.then(action).catch((error: unknown) => {
      this.services.log(`room ${this.roomId}: ${(error as Error).stack ?? String(error)}`);
    });
  }

  private sendError(client: Client, error: ErrorMessage): void {
    client.send('error', error);
  }

  private dispatch(client: Client<ClientData>, type: string, message: unknown): void {
    const data = client.userData;
    if (!data) return;
    const verdict = data.limiter.check(Date.now());
    if (verdict === 'abuse') {
      client.leave(CLOSE_CODE.abuse, 'too many messages');
      return;
    }
    if (verdict === 'limited') {
      this.sendError(client, { code: 'rateLimited', type, reason: 'too many messages: slow down' });
      return;
    }
    let size = 0;
    try {
      size = JSON.stringify(message ?? null).length;
    } catch (_error) {
      size = Infinity;
    }
    if (size > MAX_MESSAGE_JSON) {
      this.sendError(client, {
        code: 'tooLarge',
        type,
        reason: `message over ${MAX_MESSAGE_JSON} bytes`,
      });
      return;
    }
    if (type.startsWith(INSTRUCTOR_PREFIX)) {
      const action = type.slice(INSTRUCTOR_PREFIX.length);
      if (!data.instructor) {
        this.sendError(client, {
          code: 'forbidden',
          type,
          reason: 'only the instructor can do that',
        });
        return;
      }
      if (!Object.hasOwn(instructorMessages, action)) {
        this.sendError(client, {
          code: 'unknownMessage',
          type,
          reason: `unknown control "${action}"`,
        });
        return;
      }
      const schema = instructorMessages[action as InstructorMessageType];
      const parsed = schema.safeParse(message ?? {});
      if (!parsed.success) {
        this.sendError(client, { code: 'invalid', type, ...describeIssues(parsed.error) });
        return;
      }
      this.serially(() =>
        this.instructorAction(client, action as InstructorMessageType, parsed.data),
      );
      return;
    }
    if (!Object.hasOwn(studentMessages, type)) {
      this.sendError(client, { code: 'unknownMessage', type, reason: `unknown message "${type}"` });
      return;
    }
    const parsed = studentMessages[type as StudentMessageType].safeParse(message ?? {});
    if (!parsed.success) {
      this.sendError(client, { code: 'invalid', type, ...describeIssues(parsed.error) });
      return;
    }
    const seat = data.playerId ? this.seats.get(data.playerId) : undefined;
    if (!seat || seat.removed || !seat.townId) {
      if (type !== 'ping')
        this.sendError(client, {
          code: 'forbidden',
          type,
          reason: 'you have no town in this session',
        });
      return;
    }
    this.serially(() => this.studentAction(client, seat, type as StudentMessageType, parsed.data));
  }

  private async studentAction(
    client: Client,
    seat: Seat,
    type: StudentMessageType,
    message: unknown,
  ): Promise<void> {
    switch (type) {
      case 'draft':
        return this.editDraft(client, seat, message as { section: PlanSection; value: unknown });
      case 'submit':
        return this.submit(client, seat, (message as { round: number }).round);
      case 'unsubmit':
        return this.unsubmit(client, seat, (message as { round: number }).round);
      case 'chooseTown':
        return this.chooseTown(client, seat, (message as { townId: string }).townId);
      case 'statement':
        return this.statement(client, seat, (message as { text: string }).text);
      case 'continue':
        return this.continueSolo(client, seat, (message as { round: number }).round);
      case 'ping':
        client.send('pong', {});
        return;
    }
  }

  private inPlanning(client: Client, type: string): boolean {
    if (this.state.phase === 'planning' || this.state.phase === 'briefing') return true;
    this.sendError(client, {
      code: 'wrongPhase',
      type,
      reason: `plans can only be changed while planning (the session is in "${this.state.phase}")`,
    });
    return false;
  }

  private draftOf(townId: string): TownPlan {
    const existing = this.drafts.get(townId);
    if (existing) return existing;
    const town = this.match.towns.find((t) => t.id === townId)!;
    const fresh = structuredClone({
      ...town.plan,
      build: [],
      diplomacy: { proposals: [], responses: [] },
    });
    this.drafts.set(townId, fresh);
    return fresh;
  }

  private async editDraft(
    client: Client,
    seat: Seat,
    msg: { section: PlanSection; value: unknown },
  ): Promise<void> {
    if (!this.inPlanning(client, 'draft')) return;
    const townId = seat.townId!;
    if (!editableSections(seat.portfolios).includes(msg.section)) {
      this.sendError(client, {
        code: 'forbidden',
        type: 'draft',
        reason: `your portfolio does not include ${msg.section}`,
        path: msg.section,
      });
      return;
    }
    if (msg.section === 'diplomacy' && !this.state.diplomacy) {
      this.sendError(client, {
        code: 'diplomacyOff',
        type: 'draft',
        reason: 'diplomacy is switched off',
      });
      return;
    }
    if (this.submissions.has(townId)) {
      this.sendError(client, {
        code: 'conflict',
        type: 'draft',
        reason: 'the plan is submitted: the mayor must reopen it before it can change',
      });
      return;
    }
    const draft = { ...this.draftOf(townId), [msg.section]: msg.value } as TownPlan;
    const round = this.state.round;
    await this.services.store.saveDraft(this.matchId, {
      townId,
      round,
      plan: draft,
      updatedAt: Date.now(),
    });
    if (round !== this.state.round) return;
    this.drafts.set(townId, draft);
    const pub = this.state.towns.get(townId)!;
    pub.private.draftVersion += 1;
    this.syncDraft(townId);
    client.send('draftSaved', { section: msg.section, version: pub.private.draftVersion });
    this.schedulePatch();
  }

  private draftErrors(townId: string, plan: TownPlan): PlanError[] {
    const check = validatePlan(this.match, townId, plan);
    return check.ok ? [] : check.errors;
  }

  private syncDraft(townId: string): void {
    const pub = this.state.towns.get(townId)!;
    const draft = this.draftOf(townId);
    pub.private.draft = JSON.stringify(draft);
    pub.private.draftErrors = JSON.stringify(this.draftErrors(townId, draft));
  }

  private async submit(client: Client, seat: Seat, round: number): Promise<void> {
    if (!this.inPlanning(client, 'submit')) return;
    if (!canSubmit(seat.portfolios)) {
      this.sendError(client, {
        code: 'forbidden',
        type: 'submit',
        reason: 'only the mayor submits the plan',
      });
      return;
    }
    if (round !== this.state.round) {
      this.sendError(client, {
        code: 'wrongPhase',
        type: 'submit',
        reason: `round ${round} is not the round being planned (${this.state.round})`,
      });
      return;
    }
    const townId = seat.townId!;
    const plan = this.draftOf(townId);
    const errors = this.draftErrors(townId, plan);
    if (errors.length > 0) {
      this.sendError(client, {
        code: 'planInvalid',
        type: 'submit',
        reason: errors.map((e) => `${e.path}: ${e.reason}`).join('; '),
        errors,
      });
      return;
    }
    const at = Date.now();
    await this.services.store.saveSubmission(this.matchId, {
      townId,
      round,
      plan,
      by: seat.name,
      at,
    });
    if (round !== this.state.round || this.resolving) return;
    this.submissions.set(townId, { plan, by: seat.name, at });
    client.send('submitted', { round, townId });
    this.refreshTowns();
    this.schedulePatch();
    if (this.allHumansSubmitted()) {
      this.completedAt = performance.now();
      this.serially(() => this.resolve());
    }
  }

  private async unsubmit(client: Client, seat: Seat, round: number): Promise<void> {
    if (!this.inPlanning(client, 'unsubmit')) return;
    if (!canSubmit(seat.portfolios) || round !== this.state.round) {
      this.sendError(client, {
        code: 'forbidden',
        type: 'unsubmit',
        reason: 'only the mayor can reopen this round’s plan',
      });
      return;
    }
    await this.services.store.deleteSubmission(this.matchId, seat.townId!, round);
    this.submissions.delete(seat.townId!);
    this.refreshTowns();
    this.schedulePatch();
  }

  private async continueSolo(client: Client, seat: Seat, round: number): Promise<void> {
    if (this.config.mode !== 'solo' || !canSubmit(seat.portfolios)) {
      this.sendError(client, {
        code: 'forbidden',
        type: 'continue',
        reason: 'only a solo player moves the game on',
      });
      return;
    }
    if (this.state.phase !== 'results' || round !== this.state.round) {
      this.sendError(client, {
        code: 'wrongPhase',
        type: 'continue',
        reason: 'there are no results to move on from',
      });
      return;
    }
    this.onTimer(true);
  }

  private async chooseTown(client: Client, seat: Seat, townId: string): Promise<void> {
    if (this.state.phase !== 'waiting') {
      this.sendError(client, {
        code: 'wrongPhase',
        type: 'chooseTown',
        reason: 'towns are chosen before the match starts',
      });
      return;
    }
    if (!this.state.towns.has(townId)) {
      this.sendError(client, { code: 'notFound', type: 'chooseTown', reason: 'unknown town' });
      return;
    }
    if (membersOf(this.seats.values(), townId).length >= this.config.teamSize) {
      this.sendError(client, {
        code: 'conflict',
        type: 'chooseTown',
        reason: 'that town’s team is full',
      });
      return;
    }
    await this.moveSeat(seat, townId);
  }

  private async moveSeat(seat: Seat, townId: string): Promise<void> {
    const from = seat.townId;
    // Only a connected student's view needs changing: a student who is away gets a fresh view
    // built from the new seat on reconnecting (onLeave).
    const client = this.clients.find((c) => c.sessionId === seat.sessionId);
    const view = client?.view;
    const old = from ? this.state.towns.get(from)!.private : undefined;
    if (old && view?.has(old)) view.remove(old);
    seat.townId = townId;
    seat.rolesAssigned = false;
    this.redistribute(townId);
    if (from) this.redistribute(from);
    await this.saveSeats(townId, from);
    const next = this.state.towns.get(townId)!.private;
    if (view && !view.has(next)) view.add(next);
    client?.send('seat', { townId, portfolios: seat.portfolios });
    this.refreshTowns();
    this.schedulePatch();
  }

  private async statement(client: Client, seat: Seat, text: string): Promise<void> {
    // Statements belong to a round of the log: none before the start or after the end.
    if (this.state.phase === 'waiting' || this.state.phase === 'ended') {
      this.sendError(client, {
        code: 'wrongPhase',
        type: 'statement',
        reason: 'statements are made while the match runs',
      });
      return;
    }
    if (!this.state.diplomacy) {
      this.sendError(client, {
        code: 'diplomacyOff',
        type: 'statement',
        reason: 'diplomacy is switched off',
      });
      return;
    }
    const town = this.state.towns.get(seat.townId!)!;
    await this.addNote({ kind: 'statement', author: `${town.name} (${seat.name})`, text }, town.id);
  }

  private async instructorAction(
    client: Client,
    action: InstructorMessageType,
    message: unknown,
  ): Promise<void> {
    const type = INSTRUCTOR_PREFIX + action;
    const phase = this.state.phase as Phase;
    const wrongPhase = (reason: string): void =>
      this.sendError(client, { code: 'wrongPhase', type, reason });
    switch (action) {
      case 'start':
        if (phase !== 'waiting') return wrongPhase('the match has already started');
        this.beginRound();
        break;
      case 'pause':
        if (this.state.paused || phase === 'waiting' || phase === 'ended')
          return wrongPhase('nothing to pause');
        this.pause();
        break;
      case 'resume':
        if (!this.state.paused) return wrongPhase('the session is not paused');
        this.resume();
        break;
      case 'extend': {
        const seconds = (message as { seconds: number }).seconds;
        if (this.state.paused) this.state.remainingMs += seconds * 1000;
        else if (this.state.deadline > 0)
          this.setTimer(this.state.deadline - Date.now() + seconds * 1000);
        else return wrongPhase('there is no running timer to extend');
        break;
      }
      case 'advance':
        if (phase === 'waiting' || phase === 'ended' || phase === 'resolution')
          return wrongPhase(`cannot advance from "${phase}"`);
        this.state.paused = false;
        this.onTimer(true);
        break;
      case 'fireEvent': {
        if (phase === 'ended') return wrongPhase('the match has ended');
        const eventId = (message as { eventId: string }).eventId;
        if (this.pendingCards.includes(eventId))
          return wrongPhase('that card is already queued for this round');
        this.pendingCards.push(eventId);
        await this.addNote({ kind: 'eventCard', author: 'instructor', text: eventId });
        break;
      }
      case 'announce': {
        // After the end an announcement would change the sealed end of the log.
        if (phase === 'ended') return wrongPhase('the match has ended');
        const text = (message as { text: string }).text;
        await this.addNote({ kind: 'announcement', author: 'instructor', text });
        this.broadcast('announcement', { text });
        break;
      }
      case 'moveStudent': {
        const { playerId, townId } = message as { playerId: string; townId: string };
        const seat = this.seats.get(playerId);
        if (!seat || seat.removed)
          return this.sendError(client, { code: 'notFound', type, reason: 'no such student' });
        if (!this.state.towns.has(townId))
          return this.sendError(client, { code: 'notFound', type, reason: 'unknown town' });
        await this.moveSeat(seat, townId);
        break;
      }
      case 'removeStudent': {
        const seat = this.seats.get((message as { playerId: string }).playerId);
        if (!seat || seat.removed)
          return this.sendError(client, { code: 'notFound', type, reason: 'no such student' });
        seat.removed = true;
        const from = seat.townId;
        if (from) this.redistribute(from);
        await this.saveSeats(from, null, seat);
        this.state.players.delete(seat.playerId);
        this.clients
          .find((c) => c.sessionId === seat.sessionId)
          ?.leave(CLOSE_CODE.removed, 'removed by the instructor');
        break;
      }
      case 'assignRoles': {
        const { playerId, portfolios } = message as {
          playerId: string;
          portfolios: Seat['portfolios'];
        };
        const seat = this.seats.get(playerId);
        if (!seat || seat.removed || !seat.townId)
          return this.sendError(client, { code: 'notFound', type, reason: 'no such student' });
        // Taking a portfolio from a teammate: it leaves their hands.
        for (const other of membersOf(this.seats.values(), seat.townId)) {
          if (other !== seat)
            other.portfolios = other.portfolios.filter((p) => !portfolios.includes(p));
        }
        seat.portfolios = [...portfolios];
        seat.rolesAssigned = true;
        // Hand out what nobody holds now, and tell every member of the team their roles.
        this.redistribute(seat.townId);
        await this.saveSeats(seat.townId);
        break;
      }
      case 'setDiplomacy':
        this.state.diplomacy = (message as { enabled: boolean }).enabled;
        break;
      case 'setCaretaker':
        this.state.caretaker = (message as { enabled: boolean }).enabled;
        break;
      case 'lock':
        this.state.locked = (message as { locked: boolean }).locked;
        await this.updateListing();
        break;
      case 'end':
        if (phase === 'ended') return wrongPhase('the match has already ended');
        await this.endMatch();
        break;
    }
    const control = controlNote(action, message, (id) => this.seats.get(id)?.name ?? id);
    if (control) await this.addNote({ kind: 'control', author: 'instructor', text: control });
    await this.services.store.savePhase(this.matchId, this.phaseRecord());
    client.send('ack', { type });
    this.refreshTowns();
    this.schedulePatch();
  }

  // -------------------------------------------------------------------------------------------
  // Phases and the clock

  private phaseRecord(): PhaseRecord {
    return {
      phase: this.state.phase as Phase,
      round: this.state.round,
      remainingMs: this.state.paused
        ? this.state.remainingMs
        : Math.max(0, this.state.deadline - Date.now()),
      paused: this.state.paused,
      locked: this.state.locked,
      diplomacy: this.state.diplomacy,
      caretaker: this.state.caretaker,
      pendingCards: [...this.pendingCards],
    };
  }

  private setTimer(ms: number): void {
    this.phaseTimer?.clear();
    this.phaseTimer = null;
    this.state.deadline = 0;
    if (ms <= 0) return;
    this.state.deadline = Date.now() + ms;
    this.phaseTimer = this.clock.setTimeout(() => this.onTimer(false), ms);
  }

  private setPhase(phase: Phase, seconds: number): void {
    this.state.phase = phase;
    this.state.paused = false;
    this.state.remainingMs = 0;
    this.setTimer(phase === 'waiting' || phase === 'ended' ? 0 : seconds * 1000);
    void this.services.store.savePhase(this.matchId, this.phaseRecord());
    this.schedulePatch(0);
  }

  private pause(): void {
    this.state.remainingMs = Math.max(0, this.state.deadline - Date.now());
    this.phaseTimer?.clear();
    this.phaseTimer = null;
    this.state.deadline = 0;
    this.state.paused = true;
  }

  private resume(): void {
    this.state.paused = false;
    const remaining = this.state.remainingMs;
    this.state.remainingMs = 0;
    if (remaining > 0) this.setTimer(remaining);
    else if (this.state.phase !== 'planning' || this.state.caretaker) this.onTimer(false);
  }

  /** The phase's time is up (or the instructor advanced): move on. */
  private onTimer(forced: boolean): void {
    this.phaseTimer = null;
    if (this.state.paused && !forced) return;
    switch (this.state.phase) {
      case 'briefing':
        this.setPhase('planning', this.config.planningSeconds);
        break;
      case 'planning':
        // Without a caretaker the round waits for every town or for the instructor.
        if (forced || this.state.caretaker || this.allHumansSubmitted())
          this.serially(() => this.resolve());
        else this.state.deadline = 0;
        break;
      case 'results':
        if (this.match.round >= this.totalRounds || this.campaignDecided) void this.endMatch();
        else this.beginRound();
        break;
      default:
        break;
    }
    this.schedulePatch(0);
  }

  private beginRound(): void {
    this.state.round = this.match.round + 1;
    this.state.year = this.match.year;
    this.submissions.clear();
    this.drafts.clear();
    for (const town of this.match.towns) this.syncDraft(town.id);
    const end = this.match.year + this.match.roundYears;
    for (const entry of this.match.timeline) {
      if (
        entry.year >= this.match.year &&
        entry.year < end &&
        !this.match.appliedEvents.includes(entry.eventId)
      ) {
        const event = findEvent(entry.eventId);
        if (event) {
          this.pushNews({
            kind: 'event',
            round: this.state.round,
            year: entry.year,
            eventId: event.id,
            text: event.title,
            at: Date.now(),
          });
        }
      }
    }
    this.refreshTowns();
    if (this.config.briefingSeconds > 0) this.setPhase('briefing', this.config.briefingSeconds);
    else this.setPhase('planning', this.config.planningSeconds);
  }

  private humanTownIds(): string[] {
    return this.match.towns
      .map((t) => t.id)
      .filter((id) => membersOf(this.seats.values(), id).length > 0);
  }

  private allHumansSubmitted(): boolean {
    const humans = this.humanTownIds();
    return humans.length > 0 && humans.every((id) => this.submissions.has(id));
  }

  /** Run the engine once for all towns, log the round durably, then publish the results. */
  private async resolve(): Promise<void> {
    if (this.resolving || this.state.phase !== 'planning') return;
    this.resolving = true;
    this.setPhase('resolution', 0);
    try {
      const humans = new Set(this.humanTownIds());
      const plans = roundPlans(
        this.match,
        this.match.towns.map((t) => ({
          townId: t.id,
          human: humans.has(t.id),
          bot: humans.has(t.id) ? null : (this.bots.get(t.id) ?? null),
          submitted: this.submissions.get(t.id)?.plan ?? null,
        })),
        this.state.diplomacy,
      );
      const inputs = { plans, cards: [...this.pendingCards] };
      const before = this.match;
      const started = performance.now();
      const result = resolveRound(before, inputs);
      recordResolution(performance.now() - started);
      const log: MatchLog = { ...this.log, rounds: [...this.log.rounds] };
      const submissions = [...this.submissions].map(([town, s]) => ({ town, by: s.by, at: s.at }));
      const entry = appendRound(log, before, inputs, result, {
        submissions,
        notes: this.roundNotes,
      });
      // Durable first: only a round that reached the store becomes the room's state.
      await this.services.store.appendRound(this.matchId, entry, {
        ...this.phaseRecord(),
        phase: 'results',
        round: entry.round,
        pendingCards: [],
      });
      this.log = log;
      this.roundNotes = [];
      this.match = result.state;
      this.pendingCards = [];
      this.state.round = this.match.round;
      if (this.campaign) this.states.push(this.match);
      this.publishResults(result);
      this.refreshCampaign(before, result);
      this.setPhase('results', this.config.resultsSeconds);
      if (this.completedAt > 0) recordPublish(performance.now() - this.completedAt);
      this.completedAt = 0;
    } catch (error) {
      this.services.log(
        `room ${this.roomId}: resolution failed: ${(error as Error).stack ?? String(error)}`,
      );
      this.setPhase('planning', this.config.planningSeconds);
    } finally {
      this.resolving = false;
    }
  }

  /**
   * The advisor's hints for every human town (issue 6; private, like explanations) and, in a
   * campaign chapter, the player's outcome so far. An early defeat ends the match after its
   * results are shown.
   */
  private refreshCampaign(before: MatchState | null, result: RoundResult | null): void {
    const humans = new Set(this.humanTownIds());
    for (const town of this.match.towns) {
      const pub = this.state.towns.get(town.id)!;
      if (before && result && (humans.has(town.id) || this.campaign?.playerTown === town.id)) {
        pub.private.advisor = JSON.stringify(advisorHints(before, result, town.id));
      }
    }
    if (!this.campaign) return;
    const player = this.campaign.playerTown;
    const outcome = evaluateOutcome(this.campaign, this.states, player);
    const pub = this.state.towns.get(player);
    if (pub) pub.private.outcome = JSON.stringify(outcome);
    this.campaignDecided = outcome.status !== 'playing';
  }

  private publishResults(result: RoundResult): void {
    for (const town of this.match.towns) {
      const list = this.history.get(town.id) ?? [];
      list.push({ ...town.last });
      this.history.set(town.id, list);
    }
    projectResults(this.state, this.match, result);
    this.pushNews({
      kind: 'round',
      round: this.match.round,
      year: this.match.year,
      text: `round ${this.match.round} resolved`,
      at: Date.now(),
    });
    this.submissions.clear();
    this.refreshEconomy();
  }

  /** Public sessions stay in the lobby only while new students may join them. */
  private async updateListing(): Promise<void> {
    const open =
      this.config.visibility !== 'private' && !this.state.locked && this.state.phase !== 'ended';
    await this.setPrivate(!open);
  }

  private async endMatch(): Promise<void> {
    this.setPhase('ended', 0);
    await this.updateListing();
    await this.services.store.finishMatch(this.matchId);
    this.broadcast('ended', { matchId: this.matchId });
  }

  // -------------------------------------------------------------------------------------------
  // State sync

  private redistribute(townId: string): void {
    distributePortfolios(membersOf(this.seats.values(), townId));
    for (const seat of membersOf(this.seats.values(), townId)) {
      const player = this.state.players.get(seat.playerId);
      if (player) player.portfolios = seat.portfolios.join(',');
      const client = this.clients.find((c) => c.sessionId === seat.sessionId);
      client?.send('seat', { townId, portfolios: seat.portfolios });
    }
  }

  private async saveSeats(
    townId: string | null,
    otherTownId: string | null = null,
    extra?: Seat,
  ): Promise<void> {
    const seats = [
      ...(townId ? membersOf(this.seats.values(), townId) : []),
      ...(otherTownId ? membersOf(this.seats.values(), otherTownId) : []),
      ...(extra ? [extra] : []),
    ];
    for (const seat of seats) await this.services.store.saveSeat(this.matchId, toRecord(seat));
    for (const seat of seats) {
      const player = this.state.players.get(seat.playerId);
      if (player) {
        player.townId = seat.townId ?? '';
        player.portfolios = seat.portfolios.join(',');
      }
    }
  }

  private refreshTowns(): void {
    projectTowns(this.state, this.match, this.seats.values(), this.bots, this.submissions);
    for (const town of this.match.towns) {
      if (!this.state.towns.get(town.id)!.private.draft) this.syncDraft(town.id);
    }
  }

  private refreshEconomy(): void {
    projectEconomy(this.state, this.match, this.history);
    this.refreshTowns();
  }

  private pushNews(item: NewsItem): void {
    this.state.news.push(JSON.stringify(item));
    // The feed is for the screen; the store keeps everything for the log.
    while (this.state.news.length > 100) this.state.news.shift();
  }

  private newsOfNote(note: NoteRecord): NewsItem {
    return newsOfNote(note, this.match.year);
  }

  private async addNote(note: Omit<NoteRecord, 'round' | 'at'>, townId?: string): Promise<void> {
    const full: NoteRecord = { ...note, round: this.state.round, at: Date.now() };
    await this.services.store.addNote(this.matchId, full);
    // Notes made while results are shown go into the next round's entry.
    this.roundNotes.push({ kind: full.kind, author: full.author, text: full.text, at: full.at });
    // Controls are for the log and the debrief; the class sees their effect, not a news line.
    if (full.kind !== 'control') this.pushNews({ ...this.newsOfNote(full), townId });
    this.schedulePatch();
  }

  /** Coalesce the patches of a burst of edits into one. */
  private schedulePatch(delayMs = 50): void {
    if (delayMs === 0) {
      this.patchTimer?.clear();
      this.patchTimer = null;
      this.broadcastPatch();
      return;
    }
    if (this.patchTimer) return;
    this.patchTimer = this.clock.setTimeout(() => {
      this.patchTimer = null;
      this.broadcastPatch();
    }, delayMs);
  }

  onUncaughtException(error: Error, methodName: string): void {
    this.services?.log(
      `room ${this.roomId}: ${methodName} failed: ${error.stack ?? error.message}`,
    );
  }

  /** For the HTTP routes and tests. */
  get matchInfo(): { matchId: string; code: string; game: string } {
    return { matchId: this.matchId, code: this.code, game: GAME_VERSION };
  }
}
