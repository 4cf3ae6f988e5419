/**
 * Creating classroom sessions and finding them by join code. The join code is only a lookup key
 * handed out by POST /api/join (which limits guesses per address); the Colyseus room id is a
 * separate random id, so guessing room ids is no shortcut around that limit.
 */
import { randomInt } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  type SessionConfig,
} from '../shared/protocol/messages';
import { LogError, parseLog, replaySteps, type MatchLog, type MatchState } from '../shared/index';
import { checkForkRound } from '../shared/engine/match-log';
import { findCampaignEntry } from '../shared/campaign/index';
import type { CreateOptions } from './rooms/session-log';
import { newSecret, sha256 } from './rooms/seats';
import { roomServices } from './services';
import { startResearch } from './research-routes';

export const ROOM_NAME = 'classroom';

export interface CreatedSession {
  code: string;
  instructorKey: string;
  matchId: string;
  roomId: string;
}

export function randomJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  }
  return code;
}

const reopening = new Map<string, Promise<void>>();
/** The room id of every session this process started (for the cluster heartbeat). */
const localRooms = new Map<string, string>();

/** Whether the session's room runs on this process. */
export function isLocalSession(matchId: string): boolean {
  const roomId = localRooms.get(matchId);
  if (roomId !== undefined && matchMaker.getLocalRoomById(roomId)) return true;
  localRooms.delete(matchId);
  return false;
}

/** WebSocket "service restart": not one of our final close codes, so clients reconnect. */
export const CLOSE_MOVED = 1012;

/**
 * This process lost the session's lock (cluster.ts): close its room here without a final code,
 * so its clients reconnect through the matchmaker to the process that holds the lock now.
 */
export function dropLocalSession(matchId: string): void {
  const roomId = localRooms.get(matchId);
  localRooms.delete(matchId);
  const room = roomId !== undefined ? matchMaker.getLocalRoomById(roomId) : undefined;
  room?.disconnect(CLOSE_MOVED).catch(() => undefined);
}

/**
 * Start a session's room on this process. Alone, through the matchmaker as always; in a cluster,
 * here (handleCreateRoom), because this process holds the session's lock.
 */
async function startRoom(options: CreateOptions, matchId: string): Promise<void> {
  const cache = roomServices().cluster
    ? await matchMaker.handleCreateRoom(ROOM_NAME, options)
    : await matchMaker.createRoom(ROOM_NAME, options);
  localRooms.set(matchId, cache.roomId);
}

/** Restore a stored session here (its lock already taken when clustered). */
export async function restoreHere(matchId: string): Promise<void> {
  const services = roomServices();
  // Listings left by a dead owner: Colyseus's health check drops that process's rooms.
  const record = await services.store.loadMatch(matchId);
  if (record) {
    for (const stale of await matchMaker.query({ roomId: record.record.roomId })) {
      if (stale.processId !== matchMaker.processId) {
        await matchMaker.healthCheckProcessId(stale.processId).catch(() => undefined);
      }
    }
  }
  await startRoom({ internalSecret: services.internalSecret, restoreMatchId: matchId }, matchId);
}

/** Wait (bounded) until another process that took a session's lock lists its room. */
async function roomListed(roomId: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await matchMaker.query({ roomId })).length > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * Bring a stored session back as a live room if none runs it: a class whose room closed after
 * it ended (to download its log, open its debrief) or after an idle spell. One restore at a time
 * per match, so two joins arriving together never start two rooms for one class; across
 * processes, the session's lock decides which process restores it.
 */
export async function ensureRoom(matchId: string, roomId: string): Promise<void> {
  const live = await matchMaker.query({ roomId });
  if (live.length > 0) return;
  let pending = reopening.get(matchId);
  if (!pending) {
    const cluster = roomServices().cluster;
    pending = (async () => {
      if (cluster && !(await cluster.acquire(matchId))) {
        if (await roomListed(roomId, cluster.lockMs)) return;
        throw new Error(`session ${matchId} is locked by a process that does not list it`);
      }
      await restoreHere(matchId);
    })().finally(() => reopening.delete(matchId));
    reopening.set(matchId, pending);
  }
  await pending;
}

/** The room of a join code (reopened if it had closed), or null; `ended` for a finished class. */
export async function roomOfCode(code: string): Promise<{ roomId: string; ended: boolean } | null> {
  const record = await roomServices().store.findByCode(code);
  if (!record) return null;
  const stored = await roomServices().store.loadMatch(record.id);
  await ensureRoom(record.id, record.roomId);
  return { roomId: record.roomId, ended: stored?.finished ?? false };
}

/** A session request that cannot be honoured (bad fork log, unknown campaign entry). */
export class SessionInputError extends Error {}

/**
 * Verify a parent log and rebuild its state at the fork round. Rounds are absolute, as the viewer
 * shows them: a log that is itself a fork starts at its fork round, and can be forked there or at
 * any later round it played (checkForkRound explains a refusal).
 */
function forkOrigin(fork: NonNullable<SessionConfig['fork']>): {
  parent: MatchLog;
  round: number;
  state: MatchState;
} {
  try {
    const parent = parseLog(fork.log);
    checkForkRound(parent, fork.round);
    // Verified up to the fork: the rounds after it are not part of the new match. The replayed
    // state's own round counter says where we are (a log's `round` fields are not chained).
    for (const step of replaySteps(parent)) {
      if (step.state.round === fork.round) return { parent, round: fork.round, state: step.state };
    }
    throw new LogError(`cannot fork at round ${fork.round}: round not reached`);
  } catch (error) {
    if (error instanceof LogError) throw new SessionInputError(`fork: ${error.message}`);
    throw error;
  }
}

export async function createSession(input: SessionConfig): Promise<CreatedSession> {
  const services = roomServices();
  const { fork: forkRequest, ...rest } = input;
  const fork = forkRequest ? forkOrigin(forkRequest) : undefined;
  const chapter = rest.campaignId !== undefined ? findCampaignEntry(rest.campaignId) : undefined;
  if (rest.campaignId !== undefined && !chapter) {
    throw new SessionInputError(`unknown campaign chapter "${rest.campaignId}"`);
  }
  if (chapter) {
    // A chapter fixes the scenario, its length and the player's town; it is solo play.
    rest.scenarioId = chapter.scenarioId;
    rest.rounds = chapter.rounds;
    rest.mode = 'solo';
    rest.teamSize = 1;
  }
  const config: SessionConfig = fork
    ? {
        ...rest,
        scenarioId: fork.parent.scenarioId,
        towns: fork.parent.config.towns,
        seed: fork.parent.seed,
      }
    : rest;
  let code = randomJoinCode();
  // Unique among live sessions (codes of finished matches may be reused).
  for (let tries = 0; (await services.store.findByCode(code)) !== null; tries++) {
    if (tries > 20) throw new Error('could not find a free join code');
    code = randomJoinCode();
  }
  const instructorKey = newSecret(16);
  const matchId = newSecret(12);
  const roomId = newSecret(12);
  const options: CreateOptions = {
    internalSecret: services.internalSecret,
    create: {
      matchId,
      roomId,
      code,
      instructorKeyHash: sha256(instructorKey),
      config: { ...config, seed: config.seed ?? randomInt(0, 0xffffffff) },
      fork,
    },
  };
  if (config.research && config.mode === 'solo') {
    throw new SessionInputError('research mode is for classes, not solo games');
  }
  await services.cluster?.acquire(matchId);
  await startRoom(options, matchId);
  if (config.research) await startResearch(matchId, config.research.consentText);
  return { code, instructorKey, matchId, roomId };
}

/**
 * At start-up: bring back every unfinished match that no live process runs (alone: all of
 * them, as after a restart).
 */
export async function restoreSessions(): Promise<{ restored: number; failed: number }> {
  const services = roomServices();
  let restored = 0;
  let failed = 0;
  for (const id of await services.store.unfinishedMatchIds()) {
    try {
      if (services.cluster && !(await services.cluster.acquire(id))) continue;
      await restoreHere(id);
      restored++;
    } catch (error) {
      failed++;
      await services.cluster?.release(id, { keepOwned: true });
      services.log(`could not restore match ${id}: ${(error as Error).message}`);
    }
  }
  return { restored, failed };
}
