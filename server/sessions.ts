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

/**
 * Bring a stored session back as a live room if none runs it: a class whose room closed after
 * it ended (to download its log, open its debrief) or after an idle spell. One restore at a time
 * per match, so two joins arriving together never start two rooms for one class.
 */
export async function ensureRoom(matchId: string, roomId: string): Promise<void> {
  const live = await matchMaker.query({ roomId });
  if (live.length > 0) return;
  let pending = reopening.get(matchId);
  if (!pending) {
    const options: CreateOptions = {
      internalSecret: roomServices().internalSecret,
      restoreMatchId: matchId,
    };
    pending = matchMaker
      .createRoom(ROOM_NAME, options)
      .then(() => undefined)
      .finally(() => reopening.delete(matchId));
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
  await matchMaker.createRoom(ROOM_NAME, options);
  return { code, instructorKey, matchId, roomId };
}

/** After a restart: bring every unfinished match back as a live room. */
export async function restoreSessions(): Promise<{ restored: number; failed: number }> {
  const services = roomServices();
  let restored = 0;
  let failed = 0;
  for (const id of await services.store.unfinishedMatchIds()) {
    try {
      const options: CreateOptions = {
        internalSecret: services.internalSecret,
        restoreMatchId: id,
      };
      await matchMaker.createRoom(ROOM_NAME, options);
      restored++;
    } catch (error) {
      failed++;
      services.log(`could not restore match ${id}: ${(error as Error).message}`);
    }
  }
  return { restored, failed };
}
