/**
 * The classroom session's Colyseus adapter (issue 11). The rules live in the pure session
 * machine (server/session/); this room only proves who a connection is, turns messages and
 * clock ticks into commands, appends each accepted command to the match store's command log
 * (durable before anything it caused is published), runs the machine's effects and projects
 * the session onto the synchronised state. A restart replays the command log.
 */
import { Room, ServerError, type Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { CLOSE_CODE } from '../../shared/protocol/messages';
import { recordPublish, recordResolution } from '../metrics';
import { ClientRateLimiter } from '../rate-limit';
import { guardFrames } from './frame-guard';
import { roomServices, type RoomServices } from '../services';
import { step } from '../session/machine';
import type { Command, Effect, Session, StepResult } from '../session/types';
import type { ClassroomState } from './classroom-state';
import { identify } from './room-auth';
import { broadcast, send, translate, type Sender } from './room-input';
import { newResumeToken, newSecret, sha256 } from './seats';
import { SessionLog, type CreateOptions } from './session-log';
import * as timers from './room-timers';
import { createView, metadataOf, projectSession, syncView, welcomeOf } from './session-view';

type Auth = Sender & { seatToken?: string };

export class ClassroomRoom extends Room<ClassroomState> {
  maxClients = 400;
  private services!: RoomServices;
  private matchId = '';
  private code = '';
  private keyHash = '';
  private session!: Session;
  private log!: SessionLog;
  private pipeline: Promise<unknown> = Promise.resolve();
  private wake = new timers.Slot(this.clock);
  private idle = new timers.Slot(this.clock);
  private patchSlot = new timers.Slot(this.clock);

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
    await this.setMetadata(metadataOf(this.session, this.code));
    await this.updateListing();
    this.checkIdle();
  }

  private async createNew(create: NonNullable<CreateOptions['create']>): Promise<void> {
    Object.assign(this, { matchId: create.matchId, roomId: create.roomId, code: create.code });
    this.keyHash = create.instructorKeyHash;
    const made = await SessionLog.create(this.services.store, create, this.services.log);
    this.log = made.log;
    this.session = made.session;
    this.state = createView(this.session);
  }

  /** Rebuild the session from its command log, then restart the phase under way. */
  private async restore(matchId: string): Promise<void> {
    const back = await SessionLog.restore(this.services.store, matchId, this.services.log);
    const { record } = back;
    Object.assign(this, { matchId: record.id, roomId: record.roomId, code: record.code });
    this.keyHash = record.instructorKeyHash;
    this.log = back.log;
    this.session = back.session;
    this.state = createView(this.session);
    if (this.session.phase !== 'ended') await this.run({ type: 'restored', now: Date.now() });
  }

  async onAuth(_client: Client, raw: unknown, context?: { ip?: string | string[] }): Promise<Auth> {
    const now = Date.now();
    const limiter = new ClientRateLimiter(now);
    const address = String((Array.isArray(context?.ip) ? context.ip[0] : context?.ip) ?? '');
    const door = {
      code: this.code,
      instructorKeyHash: this.keyHash,
      session: this.session,
      guesses: this.services.guesses,
    };
    const who = identify(door, raw, address, now);
    if (who.kind === 'instructor') return { playerId: null, instructor: true, limiter };
    if (who.kind === 'seat') return { playerId: who.playerId, instructor: false, limiter };
    // A solo player copies their seat token to another device as the resume code: short, typeable.
    const seatToken = this.session.config.mode === 'solo' ? newResumeToken() : newSecret();
    const playerId = newSecret(9);
    const { name, townId } = who;
    const seatTokenHash = sha256(seatToken);
    const result = await this.run({ type: 'join', now, playerId, name, seatTokenHash, townId });
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
    guardFrames(client);
    const ids = { code: this.code, matchId: this.matchId, seatToken: auth.seatToken };
    send(client, 'welcome', welcomeOf(this.session, auth.playerId, ids));
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
    syncView(client.view!, this.state, this.session, client.userData!);
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
        Math.ceil(Math.max(timers.RECONNECT_SECONDS, left + 30)),
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

  private dispatch(client: Client<Sender>, type: string, message: unknown): void {
    if (!client.userData) return;
    const input = translate(client.userData, type, message, Date.now());
    // The disconnect waits for the pongs already owed, so a burst gets its full allowance
    // answered (docs/protocol.md: burst 30) before the connection closes.
    if (input.kind === 'abuse') void this.pipeline.then(() => this.expel(client));
    else if (input.kind === 'error') send(client, 'error', input.error);
    // A pong answers after every command before it: clients (and tests) use it as a barrier.
    else if (input.kind === 'pong') void this.pipeline.then(() => send(client, 'pong', {}));
    else void this.run(input.command, client);
  }

  private readonly expelled = new WeakSet<Client>();

  private expel(client: Client): void {
    if (this.expelled.has(client)) return;
    this.expelled.add(client);
    client.leave(CLOSE_CODE.abuse, 'too many messages');
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
    const stepped = performance.now();
    const reason = 'the server could not save that: nothing changed, please try again';
    const unsaved = { code: 'unavailable', type: command.type, reason } as const;
    const { ok, saved } = await this.log.append(command, result.persist);
    if (!ok) {
      send(client, 'error', unsaved);
      return { session: this.session, effects: [], persist: 'none' };
    }
    const before = this.session;
    this.session = result.session;
    this.log.saveSeats(before, this.session);
    for (const effect of result.effects) {
      // A lazily saved command (a draft edit) is acknowledged once it is on disk.
      if (effect.type !== 'reply' || result.persist !== 'lazy') await this.perform(effect, client);
      else
        void saved.then((done) =>
          done ? this.perform(effect, client) : send(client, 'error', unsaved),
        );
    }
    projectSession(this.state, this.session, before);
    for (const effect of result.effects) {
      if (effect.type === 'seatChanged') this.seatChanged(effect.playerId);
    }
    this.patch(result.persist === 'durable');
    if (result.effects.some((e) => e.type === 'roundResolved')) {
      recordResolution(stepped - started);
      recordPublish(performance.now() - started);
    }
    this.scheduleWake();
    return result;
  }

  private async perform(effect: Effect, client?: Client): Promise<void> {
    switch (effect.type) {
      case 'reply':
        return client?.send(effect.message, effect.payload);
      case 'error':
        return send(client, 'error', effect.error);
      case 'kick':
        return this.clientOf(effect.playerId)?.leave(effect.code, effect.reason);
      case 'announcement':
        return broadcast(this, 'announcement', { text: effect.text });
      case 'note':
      case 'roundResolved':
        return this.log.record(effect, this.session);
      case 'ended':
        await this.log.record(effect, this.session);
        broadcast(this, 'ended', { matchId: this.matchId });
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

  private seatChanged(playerId: string): void {
    const seat = this.session.seats[playerId];
    const client = this.clientOf(playerId);
    if (!seat || !client) return;
    this.fixView(client);
    send(client, 'seat', { townId: seat.townId, portfolios: seat.portfolios });
  }

  /** Phase changes, submissions and controls go out at once; a burst of edits as one patch. */
  private patch(now: boolean): void {
    if (!now) return this.patchSlot.setOnce(timers.PATCH_COALESCE_MS, () => this.patch(true));
    this.patchSlot.clear();
    this.broadcastPatch();
  }

  /** The clock only delivers ticks: one timer, at the session's next deadline. */
  private scheduleWake(): void {
    const { deadline, paused } = this.session;
    if (paused || deadline <= 0) return this.wake.clear();
    this.wake.set(deadline - Date.now(), () => void this.run({ type: 'tick', now: Date.now() }));
  }

  /**
   * A room with nobody in it closes once its match has ended, or after IDLE_DISPOSE_MS; its
   * session stays in the store, and a join by code or key brings it back (sessions.ts).
   */
  private checkIdle(): void {
    this.idle.clear();
    if (this.clients.length > 0) return;
    const wait = this.session.phase === 'ended' ? timers.endedLingerMs() : timers.IDLE_DISPOSE_MS;
    this.idle.set(wait, () => {
      if (this.clients.length > 0) return;
      this.disconnect().catch((e: unknown) => this.services.log(String(e)));
    });
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

  onUncaughtException(error: Error, methodName: string): void {
    this.services?.log(
      `room ${this.roomId}: ${methodName} failed: ${error.stack ?? error.message}`,
    );
  }
}
