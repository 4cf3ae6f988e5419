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
import { matchesHash } from './seats';

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

interface ReplayAuth {
  presenter: boolean;
  limiter: ClientRateLimiter;
}

export class ReplayRoom extends Room<ReplaySyncState> {
  maxClients = 500;
  private code = '';
  private keyHash = '';

  async onCreate(options: { matchId?: unknown }): Promise<void> {
    const matchId = typeof options.matchId === 'string' ? options.matchId.slice(0, 40) : '';
    const stored = await roomServices().store.loadMatch(matchId);
    if (!stored) throw new ServerError(404, 'no such match');
    this.code = stored.record.code;
    this.keyHash = stored.record.instructorKeyHash;
    this.state = new ReplaySyncState();
    this.state.matchId = matchId;
    this.setPatchRate(null);
    // Findable by matchId (join/joinOrCreate) but never listed in the lobby.
    this.listing.unlisted = true;
    await this.setMetadata({ matchId });
    this.onMessage('*', (client, type, message) => this.receive(client, String(type), message));
  }

  onAuth(_client: Client, options: { instructorKey?: unknown; code?: unknown }): ReplayAuth {
    const limiter = new ClientRateLimiter(Date.now());
    if (typeof options.instructorKey === 'string') {
      if (!matchesHash(options.instructorKey, this.keyHash)) {
        throw new ServerError(JOIN_ERROR.wrongCode, 'wrong instructor key');
      }
      return { presenter: true, limiter };
    }
    const code =
      typeof options.code === 'string' ? normaliseJoinCode(options.code.slice(0, 20)) : '';
    if (code !== this.code) throw new ServerError(JOIN_ERROR.wrongCode, 'wrong join code');
    // Followers come only while the instructor is presenting.
    if (!this.state.presenterConnected) {
      throw new ServerError(JOIN_ERROR.ended, 'the instructor is not presenting this replay');
    }
    return { presenter: false, limiter };
  }

  onJoin(client: Client<ReplayAuth, ReplayAuth>): void {
    client.userData = client.auth;
    this.count();
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
