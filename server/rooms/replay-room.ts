/**
 * Class sync for replays (issue 5): the instructor presents a match log and students follow the
 * round, view and town the instructor shows. One room per match while the instructor presents;
 * only the presenter (who proved the instructor key) may move the class; followers join with
 * the session's join code.
 */
import { Room, ServerError, type Client } from '@colyseus/core';
import { schema, type SchemaType } from '@colyseus/schema';
import { z } from 'zod';
import { JOIN_ERROR, describeIssues, normaliseJoinCode } from '../../shared/protocol/messages';
import { ClientRateLimiter } from '../rate-limit';
import { roomServices } from '../services';
import { matchLogOf } from '../store/match-store';
import { readPredictions } from '../../shared/debrief/extras';
import { matchesHash } from './seats';
import { emptySession, type PredictionSession } from './replay-predictions';
import { PREDICT_MESSAGES, predictMessage, predictionView } from './replay-predict-room';

export const ReplaySyncState = schema(
  {
    matchId: 'string',
    round: { type: 'number', default: 0 },
    view: { type: 'string', default: 'town' },
    townId: { type: 'string', default: '' },
    /** Towns shown side by side (comma-separated ids), if any. */
    compare: { type: 'string', default: '' },
    /** Whether the class sees every town's reasons (issue 15); else each student only its own. */
    reasons: { type: 'boolean', default: false },
    /** The debrief chapter being presented (issue 15), '' for none. */
    chapter: { type: 'string', default: '' },
    presenterConnected: { type: 'boolean', default: false },
    followers: { type: 'number', default: 0 },
    /** Predict, then reveal (issue 15): the open question's id ('' when none), answers, reveal. */
    questionId: { type: 'string', default: '' },
    answered: { type: 'number', default: 0 },
    revealed: { type: 'boolean', default: false },
  },
  'ReplaySyncState',
);
export type ReplaySyncState = SchemaType<typeof ReplaySyncState>;

export const syncMessageSchema = z
  .object({
    round: z.number().int().min(0).max(1000),
    view: z.enum(['town', 'region']),
    townId: z.string().max(40).optional(),
    compare: z.array(z.string().max(40)).max(4).optional(),
    reasons: z.boolean().optional(),
    chapter: z.string().min(1).max(80).optional(),
  })
  .strict();

export interface ReplayAuth {
  presenter: boolean;
  limiter: ClientRateLimiter;
  /** A follower's identity for predictions: the id its browser keeps, else its session. */
  participant: string;
  townId?: string;
}

export class ReplayRoom extends Room<ReplaySyncState> {
  maxClients = 500;
  private code = '';
  private keyHash = '';
  predictions: PredictionSession = emptySession();
  /** Prediction messages run one after another, in arrival order (some await the store). */
  private predictQueue: Promise<void> = Promise.resolve();

  async onCreate(options: { matchId?: unknown }): Promise<void> {
    const matchId = typeof options.matchId === 'string' ? options.matchId.slice(0, 40) : '';
    const stored = await roomServices().store.loadMatch(matchId);
    if (!stored) throw new ServerError(404, 'no such match');
    this.code = stored.record.code;
    this.keyHash = stored.record.instructorKeyHash;
    this.state = new ReplaySyncState();
    this.state.matchId = matchId;
    this.predictions = emptySession(
      readPredictions(await roomServices().store.loadExtra(matchId, 'predictions')),
    );
    this.setPatchRate(null);
    // Findable by matchId (join/joinOrCreate) but never listed in the lobby.
    this.listing.unlisted = true;
    await this.setMetadata({ matchId });
    this.onMessage('*', (client, type, message) => this.receive(client, String(type), message));
  }

  onAuth(
    client: Client,
    options: { instructorKey?: unknown; code?: unknown; participant?: unknown; townId?: unknown },
  ): ReplayAuth {
    const limiter = new ClientRateLimiter(Date.now());
    if (typeof options.instructorKey === 'string') {
      if (!matchesHash(options.instructorKey, this.keyHash)) {
        throw new ServerError(JOIN_ERROR.wrongCode, 'wrong instructor key');
      }
      return { presenter: true, limiter, participant: 'presenter' };
    }
    const code =
      typeof options.code === 'string' ? normaliseJoinCode(options.code.slice(0, 20)) : '';
    if (code !== this.code) throw new ServerError(JOIN_ERROR.wrongCode, 'wrong join code');
    // Followers come only while the instructor is presenting.
    if (!this.state.presenterConnected) {
      throw new ServerError(JOIN_ERROR.ended, 'the instructor is not presenting this replay');
    }
    const participant =
      typeof options.participant === 'string' && options.participant.length > 0
        ? options.participant.slice(0, 80)
        : client.sessionId;
    const townId = typeof options.townId === 'string' ? options.townId.slice(0, 40) : undefined;
    return { presenter: false, limiter, participant, ...(townId ? { townId } : {}) };
  }

  onJoin(client: Client<ReplayAuth, ReplayAuth>): void {
    client.userData = client.auth;
    // A student joining mid-question sees it (and, after the reveal, the distribution).
    const view = predictionView(this.predictions);
    if (view) client.send('predict', view);
    this.count();
  }

  /** Broadcast the open question to everyone (after ask and reveal) and sync the counters. */
  publishPrediction(): void {
    const open = this.predictions.open;
    this.state.questionId = open?.id ?? '';
    this.state.answered = this.predictions.answers.size;
    this.state.revealed = Boolean(open?.revealed);
    const view = predictionView(this.predictions);
    if (view) this.broadcast('predict', view);
    this.broadcastPatch();
  }

  /** The match's full log (for the question menu and the right answers). */
  async loadLog() {
    const stored = await roomServices().store.loadMatch(this.state.matchId);
    return stored ? matchLogOf(stored) : null;
  }

  async savePredictions(): Promise<void> {
    await roomServices().store.saveExtra(
      this.state.matchId,
      'predictions',
      this.predictions.record,
    );
  }

  onLeave(): void {
    this.count();
  }

  private count(): void {
    const data = (c: Client) => c.userData as ReplayAuth | undefined;
    this.state.presenterConnected = this.clients.some((c) => data(c)?.presenter);
    this.state.followers = this.clients.filter((c) => !data(c)?.presenter).length;
    this.broadcastPatch();
  }

  private receive(client: Client, type: string, message: unknown): void {
    const data = client.userData as ReplayAuth | undefined;
    if (!data) return;
    if (data.limiter.check(Date.now()) !== 'ok') {
      client.send('error', { code: 'rateLimited', type, reason: 'too many messages: slow down' });
      return;
    }
    if (PREDICT_MESSAGES.includes(type)) {
      this.predictQueue = this.predictQueue
        .then(() => predictMessage(this, client, data, type, message))
        .catch((error: unknown) =>
          roomServices().log(`replay room ${this.roomId}: ${type} failed: ${String(error)}`),
        );
      return;
    }
    if (type !== 'sync') {
      client.send('error', { code: 'unknownMessage', type, reason: `unknown message "${type}"` });
      return;
    }
    if (!data.presenter) {
      client.send('error', {
        code: 'forbidden',
        type,
        reason: 'only the presenter moves the class',
      });
      return;
    }
    const parsed = syncMessageSchema.safeParse(message ?? {});
    if (!parsed.success) {
      client.send('error', { code: 'invalid', type, ...describeIssues(parsed.error) });
      return;
    }
    this.state.round = parsed.data.round;
    this.state.view = parsed.data.view;
    this.state.townId = parsed.data.townId ?? '';
    this.state.compare = (parsed.data.compare ?? []).join(',');
    this.state.reasons = parsed.data.reasons ?? false;
    this.state.chapter = parsed.data.chapter ?? '';
    this.broadcastPatch();
  }

  onUncaughtException(error: Error, methodName: string): void {
    roomServices().log(`replay room ${this.roomId}: ${methodName} failed: ${error.message}`);
  }
}
