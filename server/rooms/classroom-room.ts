/**
 * The classroom session's Colyseus adapter (issue 11). The rules live in the pure session
 * machine (server/session/); this room only proves who a connection is, turns messages and
 * clock ticks into commands, appends each accepted command to the match store's command log
 * (durable before anything it caused is published), runs the machine's effects and projects
 * the session onto the synchronised state. A restart replays the command log.
 */
import { Room, ServerError, type Client, type Delayed } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { forkLog, type MatchLog, type MatchState } from '../../shared/index';
import { GAME_VERSION } from '../../shared/engine/match-log';
import { findScenario } from '../../shared/index';
import {
  CLOSE_CODE,
  JOIN_ERROR,
  describeIssues,
  joinOptionsSchema,
  type SessionConfig,
} from '../../shared/protocol/messages';
import { recordPublish, recordResolution } from '../metrics';
import { ClientRateLimiter } from '../rate-limit';
import { roomServices, type RoomServices } from '../services';
import type { PhaseRecord } from '../store/match-store';
import { newSession, replay, startOfLog, startingPoint, step } from '../session/machine';
import type { Command, Effect, Session, StepResult } from '../session/types';
import type { ClassroomState } from './classroom-state';
import { translate, type Sender } from './room-input';
import { matchesHash, newSecret, sha256 } from './seats';
import { createView, projectSession } from './session-view';

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

type Auth = Sender & { seatToken?: string };

/** A dropped student keeps the seat at least this long, and through the planning phase. */
export const RECONNECT_SECONDS = 120;
/** A room nobody has been connected to for this long is closed (its session stays stored). */
export const IDLE_DISPOSE_MS = 2 * 60 * 60 * 1000;
/**
 * An ended class closes this soon after its last client left (or after it was reopened, if
 * nobody comes): long enough for the instructor who looked its code up to join it.
 */
const endedLingerMs = (): number => Number(process.env.CLUSTER_TOWNS_ENDED_LINGER_MS ?? 10_000);

export class ClassroomRoom extends Room<ClassroomState> {
  maxClients = 400;
  private services!: RoomServices;
  private matchId = '';
  private code = '';
  private keyHash = '';
  private session!: Session;
  private seq = 0;
  private pipeline: Promise<unknown> = Promise.resolve();
  private wake: Delayed | null = null;
  private idle: Delayed | null = null;

  async onCreate(options: CreateOptions): Promise<void> {
    this.services = roomServices();
    if (options.internalSecret !== this.services.internalSecret) {
      throw new ServerError(403, 'sessions are created through POST /api/sessions');
    }
    this.autoDispose = false;
    // Patch only when something changed; a light simulation interval keeps the clock ticking.
    this.setPatchRate(null);
    this.setSimulationInterval(() => undefined, 1000);
    if (options.restoreMatchId) await this.restore(options.restoreMatchId);
    else if (options.create) await this.createNew(options.create);
    else throw new ServerError(400, 'nothing to create');
    this.onMessage('*', (client, type, message) => this.dispatch(client, String(type), message));
    const config = this.session.config;
    await this.setMetadata({
      title: config.title ?? findScenario(config.scenarioId)?.title ?? '',
      scenarioId: config.scenarioId,
      // A public session is open to anyone: the lobby shows its code so it can be joined.
      ...(config.visibility === 'private' ? {} : { code: this.code }),
    });
    await this.updateListing();
    this.checkIdle();
  }

  private async createNew(create: NonNullable<CreateOptions['create']>): Promise<void> {
    Object.assign(this, { matchId: create.matchId, roomId: create.roomId, code: create.code });
    this.keyHash = create.instructorKeyHash;
    const start = create.fork
      ? {
          match: create.fork.state,
          log: forkLog(create.fork.parent, create.fork.round, create.fork.state),
        }
      : startingPoint(create.config);
    this.session = newSession(create.config, start.match, start.log);
    this.state = createView(this.session);
    const { rounds: _rounds, ...header } = start.log;
    await this.services.store.createMatch(
      {
        id: this.matchId,
        roomId: this.roomId,
        code: this.code,
        instructorKeyHash: this.keyHash,
        config: create.config,
        log: header,
        createdAt: Date.now(),
      },
      this.phaseRecord(),
    );
  }

  /** Rebuild the session from its command log, then restart the phase under way. */
  private async restore(matchId: string): Promise<void> {
    const stored = await this.services.store.loadMatch(matchId);
    if (!stored) throw new ServerError(404, `match ${matchId} not found`);
    const { record } = stored;
    Object.assign(this, { matchId: record.id, roomId: record.roomId, code: record.code });
    this.keyHash = record.instructorKeyHash;
    const commands = await this.services.store.loadCommands(matchId);
    const start = newSession(record.config, startOfLog(record.log), { ...record.log, rounds: [] });
    this.session = replay(
      start,
      commands.map((c) => c.command as Command),
    );
    this.seq = commands.at(-1)?.seq ?? 0;
    this.state = createView(this.session);
    // A round whose entry did not reach the store (a failed write) is rebuilt from the commands.
    for (const entry of this.session.log.rounds.slice(stored.rounds.length)) {
      await this.services.store.appendRound(matchId, entry, this.phaseRecord());
    }
    if (this.session.phase !== 'ended') await this.run({ type: 'restored', now: Date.now() });
  }

  // -------------------------------------------------------------------------------------------
  // Who is connecting

  async onAuth(_client: Client, raw: unknown, context?: { ip?: string | string[] }): Promise<Auth> {
    const parsed = joinOptionsSchema.safeParse(raw ?? {});
    if (!parsed.success) {
      throw new ServerError(JOIN_ERROR.invalid, describeIssues(parsed.error).reason);
    }
    const options = parsed.data;
    const now = Date.now();
    const limiter = new ClientRateLimiter(now);
    // A listed room's id can be joined directly, bypassing POST /api/join: wrong codes and keys
    // count against the address here too.
    const address = String((Array.isArray(context?.ip) ? context.ip[0] : context?.ip) ?? '');
    const guesses = this.services.guesses;
    if (!guesses.allowed(address, now)) {
      throw new ServerError(JOIN_ERROR.tooManyGuesses, 'too many wrong codes: wait a minute');
    }
    if (options.instructorKey !== undefined) {
      if (matchesHash(options.instructorKey, this.keyHash)) {
        return { playerId: null, instructor: true, limiter };
      }
      guesses.fail(address, now);
      throw new ServerError(JOIN_ERROR.wrongCode, 'wrong instructor key');
    }
    if (options.code !== this.code) {
      guesses.fail(address, now);
      throw new ServerError(JOIN_ERROR.wrongCode, 'wrong join code');
    }
    if (options.seatToken) {
      const seat = Object.values(this.session.seats).find((s) =>
        matchesHash(options.seatToken!, s.seatTokenHash),
      );
      if (seat?.removed) {
        throw new ServerError(JOIN_ERROR.removed, 'the instructor removed you from this session');
      }
      if (seat) return { playerId: seat.playerId, instructor: false, limiter };
    }
    if (!options.name) throw new ServerError(JOIN_ERROR.invalid, 'enter a name');
    const seatToken = newSecret();
    const playerId = newSecret(9);
    const result = await this.run({
      type: 'join',
      now,
      playerId,
      name: options.name,
      seatTokenHash: sha256(seatToken),
      townId: options.townId,
    });
    const refused = result.effects.find((e) => e.type === 'joinRefused');
    if (refused) throw new ServerError(refused.code, refused.reason);
    if (!this.session.seats[playerId]) throw new ServerError(503, 'the seat could not be saved');
    return { playerId, instructor: false, limiter, seatToken };
  }

  onJoin(client: Client<Sender, Auth>): void {
    const auth = client.auth!;
    client.userData = {
      playerId: auth.playerId,
      instructor: auth.instructor,
      limiter: auth.limiter,
    };
    this.bind(client);
    const seat = auth.playerId ? this.session.seats[auth.playerId] : undefined;
    client.send(
      'welcome',
      seat
        ? {
            instructor: false,
            playerId: seat.playerId,
            seatToken: auth.seatToken,
            townId: seat.townId,
            portfolios: seat.portfolios,
            code: this.code,
          }
        : { instructor: true, code: this.code, matchId: this.matchId },
    );
  }

  /** Attach a connection: a fresh view of its own town (or all, for the instructor). */
  private bind(client: Client<Sender>): void {
    const playerId = client.userData!.playerId;
    const old = playerId ? this.clientOf(playerId, client) : undefined;
    // A second tab reclaiming the seat takes over from the first.
    old?.leave(CLOSE_CODE.removed, 'this seat was opened in another window');
    client.view = new StateView();
    this.fixView(client);
    void this.run({ type: 'connect', now: Date.now(), playerId });
    this.checkIdle();
  }

  private fixView(client: Client<Sender>): void {
    const view = client.view!;
    const townId = client.userData?.playerId
      ? this.session.seats[client.userData.playerId]?.townId
      : null;
    for (const town of this.state.towns.values()) {
      const visible = client.userData?.instructor || town.id === townId;
      if (visible && !view.has(town.private)) view.add(town.private);
      if (!visible && view.has(town.private)) view.remove(town.private);
    }
  }

  private clientOf(playerId: string, except?: Client): Client<Sender> | undefined {
    return this.clients.find((c) => c !== except && c.userData?.playerId === playerId);
  }

  async onLeave(client: Client<Sender>, consented: boolean): Promise<void> {
    const playerId = client.userData?.playerId ?? null;
    const current = playerId === null || this.clientOf(playerId) === undefined;
    if (current) await this.run({ type: 'disconnect', now: Date.now(), playerId });
    const seat = playerId ? this.session.seats[playerId] : undefined;
    if (consented || this.session.phase === 'ended' || !seat || seat.removed) {
      return this.checkIdle();
    }
    try {
      const left = this.session.deadline > 0 ? (this.session.deadline - Date.now()) / 1000 : 0;
      const back = await this.allowReconnection(
        client,
        Math.ceil(Math.max(RECONNECT_SECONDS, left + 30)),
      );
      if (this.session.seats[playerId!]?.removed) {
        back.leave(CLOSE_CODE.removed, 'removed by the instructor');
        return;
      }
      this.bind(back);
    } catch (_error) {
      // The seat stays; the student can still reclaim it with the seat token.
      this.checkIdle();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Commands in, effects out

  private dispatch(client: Client<Sender>, type: string, message: unknown): void {
    if (!client.userData) return;
    const input = translate(client.userData, type, message, Date.now());
    if (input.kind === 'abuse') client.leave(CLOSE_CODE.abuse, 'too many messages');
    else if (input.kind === 'error') client.send('error', input.error);
    else if (input.kind === 'pong') client.send('pong', {});
    else void this.run(input.command, client);
  }

  /** Apply commands one at a time, in arrival order; each is stored before its effects run. */
  private run(command: Command, client?: Client): Promise<StepResult> {
    const job = this.pipeline
      .then(() => this.execute(command, client))
      .catch((error: unknown): StepResult => {
        // A fault of ours must not stop the room: the command is dropped, the next one runs.
        this.services.log(`room ${this.roomId}: ${command.type} failed: ${String(error)}`);
        return { session: this.session, effects: [], persist: 'none' };
      });
    this.pipeline = job;
    return job;
  }

  private async execute(command: Command, client?: Client): Promise<StepResult> {
    const started = performance.now();
    const result = step(this.session, command);
    if (result.persist !== 'none') {
      const record = { seq: this.seq + 1, command };
      const write = this.services.store.appendCommands(this.matchId, [record], {
        durable: result.persist === 'durable',
      });
      this.seq = record.seq;
      if (result.persist === 'durable') {
        try {
          await write;
        } catch (error) {
          this.seq -= 1;
          this.services.log(`room ${this.roomId}: command not saved: ${String(error)}`);
          const reason = 'the server could not save that: nothing changed, please try again';
          client?.send('error', { code: 'unavailable', type: command.type, reason });
          return { session: this.session, effects: [], persist: 'none' };
        }
      } else
        write.catch((error: unknown) => this.services.log(`draft not saved: ${String(error)}`));
    }
    const before = this.session;
    this.session = result.session;
    if (before.seats !== this.session.seats) this.saveSeats(before);
    for (const effect of result.effects) await this.perform(effect, client);
    if (result.effects.some((e) => e.type === 'roundResolved')) {
      recordResolution(performance.now() - started);
      recordPublish(performance.now() - started);
    }
    projectSession(this.state, this.session, before);
    for (const effect of result.effects) {
      if (effect.type === 'seatChanged') this.seatChanged(effect.playerId);
    }
    this.broadcastPatch();
    this.scheduleWake();
    return result;
  }

  private async perform(effect: Effect, client?: Client): Promise<void> {
    const store = this.services.store;
    switch (effect.type) {
      case 'reply':
        return client?.send(effect.message, effect.payload);
      case 'error':
        return client?.send('error', effect.error);
      case 'kick':
        return this.clientOf(effect.playerId)?.leave(effect.code, effect.reason);
      case 'announcement':
        return this.broadcast('announcement', { text: effect.text });
      case 'note':
        return store
          .addNote(this.matchId, effect.note)
          .catch((e: unknown) => this.services.log(String(e)));
      case 'roundResolved':
        // Durable first: the round's entry is in the store before anyone sees its results.
        return store
          .appendRound(this.matchId, effect.entry, this.phaseRecord())
          .catch((e: unknown) => this.services.log(`round not stored: ${String(e)}`));
      case 'ended':
        await store.finishMatch(this.matchId).catch((e: unknown) => this.services.log(String(e)));
        this.broadcast('ended', { matchId: this.matchId });
        return this.checkIdle();
      case 'listing':
        return this.updateListing();
      case 'failure':
        return this.services.log(`room ${this.roomId}: ${effect.message}`);
      case 'joinRefused':
      case 'seatChanged':
        return;
    }
  }

  /**
   * The seats table is a read model for the HTTP routes (who played which town in a log); the
   * command log stays the session's truth, so these writes need not hold anything up.
   */
  private saveSeats(before: Session): void {
    for (const seat of Object.values(this.session.seats)) {
      if (before.seats[seat.playerId] === seat) continue;
      const { connected: _connected, ...record } = seat;
      this.services.store
        .saveSeat(this.matchId, record)
        .catch((e: unknown) => this.services.log(`seat not saved: ${String(e)}`));
    }
  }

  private seatChanged(playerId: string): void {
    const seat = this.session.seats[playerId];
    const client = this.clientOf(playerId);
    if (!seat || !client) return;
    this.fixView(client);
    client.send('seat', { townId: seat.townId, portfolios: seat.portfolios });
  }

  /** The clock only delivers ticks: one timer, at the session's next deadline. */
  private scheduleWake(): void {
    this.wake?.clear();
    this.wake = null;
    const { deadline, paused } = this.session;
    if (paused || deadline <= 0) return;
    this.wake = this.clock.setTimeout(
      () => {
        this.wake = null;
        void this.run({ type: 'tick', now: Date.now() });
      },
      Math.max(0, deadline - Date.now()),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  /**
   * A room with nobody in it closes once its match has ended, or after IDLE_DISPOSE_MS; its
   * session stays in the store, and a join by code or key brings it back (sessions.ts).
   */
  private checkIdle(): void {
    this.idle?.clear();
    this.idle = null;
    if (this.clients.length > 0) return;
    const wait = this.session.phase === 'ended' ? endedLingerMs() : IDLE_DISPOSE_MS;
    this.idle = this.clock.setTimeout(() => {
      if (this.clients.length > 0) return;
      this.disconnect().catch((e: unknown) => this.services.log(String(e)));
    }, wait);
  }

  async onDispose(): Promise<void> {
    // Whatever is still in the pipeline (a last draft, the end) is written before the room goes.
    await this.pipeline;
  }

  /** Public sessions stay in the lobby only while new students may join them. */
  private async updateListing(): Promise<void> {
    const s = this.session;
    await this.setPrivate(!(s.config.visibility !== 'private' && !s.locked && s.phase !== 'ended'));
  }

  private phaseRecord(): PhaseRecord {
    const s = this.session;
    return {
      phase: s.phase,
      round: s.round,
      remainingMs: s.paused ? s.remainingMs : Math.max(0, s.deadline - Date.now()),
      paused: s.paused,
      locked: s.locked,
      diplomacy: s.diplomacy,
      caretaker: s.caretaker,
      pendingCards: [...s.pendingCards],
    };
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

  /** For the HTTP routes: the session as it is now (read-only). */
  get current(): Session {
    return this.session;
  }
}
