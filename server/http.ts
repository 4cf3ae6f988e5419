/**
 * HTTP routes beside the game socket: create a session, look up a join code, the instructor's
 * match list and downloads (log JSON with the instructor's annotations, per-round CSV; both need
 * the instructor key), scenarios
 * for the start screen, and a health check.
 */
import express, { type Request, type Response } from 'express';
import { serviceUnavailable } from './http-errors';
import { matchMaker } from '@colyseus/core';
import { replayLog, SCENARIOS, type MatchLog, type MatchState } from '../shared/index';
import { endLog, unloggedNotes } from '../shared/engine/match-log';
import { matchCsv } from '../shared/engine/csv';
import { z } from 'zod';
import {
  CHAPTER_TEXT_MAX,
  MAX_EDITED_CHAPTERS,
  readChapters,
  readPredictions,
  readResearch,
  type EditedChapter,
  type PredictionRecord,
  type ResearchRecord,
} from '../shared/debrief/extras';
import {
  CLOSE_CODE,
  describeIssues,
  isJoinCode,
  normaliseJoinCode,
  sessionConfigSchema,
} from '../shared/protocol/messages';
import { registerPublicRoutes } from './public-routes';
import { registerResearchRoutes } from './research-routes';
import { TokenBucket } from './rate-limit';
import { matchesHash, sha256 } from './rooms/seats';
import { roomServices } from './services';
import { ROOM_NAME, SessionInputError, createSession, ensureRoom, roomOfCode } from './sessions';
import { matchLogOf, type StoredMatch } from './store/match-store';

function instructorKeyOf(req: Request): string | null {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const key =
    req.get('x-instructor-key') ?? (typeof req.query.key === 'string' ? req.query.key : null);
  return key && key.length <= 100 ? key : null;
}

/** The instructor's edited debrief chapters (issue 15); readChapters keeps the valid ones. */
const chaptersSchema = z
  .object({
    chapters: z
      .array(
        z
          .object({
            id: z.string().min(1).max(80),
            rule: z.string().min(1).max(40),
            fromRound: z.number().int().min(0).max(1000),
            toRound: z.number().int().min(0).max(1000),
            towns: z.array(z.string().max(40)).max(4),
            title: z.string().max(120).nullable(),
            finding: z.string().max(CHAPTER_TEXT_MAX).nullable(),
            question: z.string().max(CHAPTER_TEXT_MAX).nullable(),
          })
          .strict()
          .refine((c) => c.toRound >= c.fromRound, 'a chapter ends before it starts'),
      )
      .max(MAX_EDITED_CHAPTERS),
  })
  .strict();

/**
 * The debrief extras a downloaded log carries beside it, outside the hash chain: chapters (when
 * edited), predictions (when asked) and, for the instructor only, the research record.
 */
async function debriefExtras(matchId: string, withResearch: boolean): Promise<DebriefExtras> {
  const store = roomServices().store;
  const out: DebriefExtras = {};
  const chapters = await store.loadExtra(matchId, 'chapters');
  if (chapters !== null) out.chapters = readChapters(chapters);
  const predictions = await store.loadExtra(matchId, 'predictions');
  if (predictions !== null) out.predictions = readPredictions(predictions);
  if (withResearch) {
    const research = readResearch(await store.loadExtra(matchId, 'research'));
    if (research) out.research = research;
  }
  return out;
}

interface DebriefExtras {
  chapters?: EditedChapter[];
  predictions?: PredictionRecord;
  research?: ResearchRecord;
}

const annotationsSchema = z
  .object({
    annotations: z
      .array(
        z
          .object({
            round: z.number().int().min(0).max(500),
            note: z.string().max(2000),
            at: z.number().int().min(0),
          })
          .strict(),
      )
      .max(500),
  })
  .strict();

/**
 * Disconnect a live room (a deleted solo game) without waiting for its players, on whichever
 * process runs it (remoteRoomCall calls a local room directly).
 */
async function closeRoom(roomId: string): Promise<void> {
  if ((await matchMaker.query({ roomId })).length === 0) return;
  await matchMaker.remoteRoomCall(roomId, 'disconnect', [CLOSE_CODE.ended]).catch(() => undefined);
}

/**
 * The stored match's log. A finished match's end marker also seals its closing notes: the stored
 * notes no round holds (made after the last round resolved, or in a round that never resolved).
 * Version 1 and 2 logs keep their old marker (endLog ignores the notes there).
 */
export function storedLog(stored: StoredMatch): MatchLog {
  const log = matchLogOf(stored);
  if (log.end) endLog(log, { notes: unloggedNotes(log.rounds, stored.notes) });
  return log;
}

function fail(res: Response, status: number, error: string, retryAfterSeconds = 60): void {
  // Every 429 says when to try again (RFC 9110 Retry-After, seconds).
  if (status === 429) res.set('Retry-After', String(Math.max(1, retryAfterSeconds)));
  res.status(status).json({ error });
}

const TOO_MANY = 'too many wrong codes: wait a minute and try again';

/** 429 with Retry-After if the address is over its hourly ceiling; true if it was refused. */
function refusedGuesser(req: Request, res: Response): boolean {
  const wait = roomServices().guesses.blockedFor(req.ip ?? 'unknown', Date.now());
  if (wait > 0) fail(res, 429, TOO_MANY, wait);
  return wait > 0;
}

/** Count a wrong code; answers 429 (with Retry-After) over the allowance, else 404. */
function wrongGuess(req: Request, res: Response, message: string): void {
  const wait = roomServices().guesses.wrong(req.ip ?? 'unknown', Date.now());
  if (wait > 0) fail(res, 429, TOO_MANY, wait);
  else fail(res, 404, message);
}

/**
 * The one auth rule of the instructor routes (docs/protocol.md, "HTTP status codes"): no key is
 * 401; a key that does not own what was asked for is 403, whether or not the match exists, so
 * match ids cannot be probed with a wrong key.
 */
function noKey(res: Response): void {
  res.set('WWW-Authenticate', 'Bearer');
  fail(res, 401, 'the instructor key is required');
}

export function apiRouter(): express.Router {
  const router = express.Router();
  const creations = new Map<string, TokenBucket>();
  // Session requests may carry a whole match log to fork from; everything else is small.
  router.use('/sessions', express.json({ limit: '8mb' }));
  router.use(express.json({ limit: '16kb' }));

  /**
   * The open public sessions, for the start screen: what the lobby room lists (public, not
   * locked, not ended), with the code that joins them. Classroom sessions never appear.
   */
  router.get('/sessions/open', async (_req, res) => {
    const rooms = await matchMaker.query({ name: ROOM_NAME, private: false });
    const open = rooms.filter((r) => typeof r.metadata?.code === 'string');
    res.json(
      open.slice(0, 50).map((r) => ({
        code: String(r.metadata.code),
        title: String(r.metadata.title ?? ''),
        scenarioId: String(r.metadata.scenarioId ?? ''),
        // Connections, the instructor's included: a rough "how full" for the list.
        people: r.clients,
      })),
    );
  });

  router.get('/scenarios', (_req, res) => {
    res.json(
      SCENARIOS.map((s) => ({
        id: s.id,
        title: s.title,
        summary: s.summary,
        startYear: s.startYear,
        roundYears: s.roundYears,
        defaultRounds: s.defaultRounds,
        towns: s.towns.length,
      })),
    );
  });

  router.post('/sessions', async (req, res) => {
    const ip = req.ip ?? 'unknown';
    let bucket = creations.get(ip);
    if (!bucket) creations.set(ip, (bucket = new TokenBucket(60, 60 / 60, Date.now())));
    if (!bucket.take(Date.now())) return fail(res, 429, 'too many sessions created: wait a minute');
    const parsed = sessionConfigSchema.safeParse(req.body ?? {});
    if (!parsed.success) return fail(res, 400, describeIssues(parsed.error).reason);
    try {
      res.status(201).json(await createSession(parsed.data));
    } catch (error) {
      if (error instanceof SessionInputError) return fail(res, 400, error.message);
      // The shared store or Redis is down: 503 with Retry-After (http-errors.ts).
      if (serviceUnavailable(error)) throw error;
      roomServices().log(`session creation failed: ${(error as Error).message}`);
      fail(res, 500, 'could not create the session');
    }
  });

  router.post('/join', async (req, res) => {
    // A correct code is never refused for other people's wrong guesses from the same address
    // (a class behind one NAT); only the hourly ceiling stops every lookup (rate-limit.ts).
    if (refusedGuesser(req, res)) return;
    const raw = typeof req.body?.code === 'string' ? req.body.code : '';
    const code = normaliseJoinCode(raw.slice(0, 20));
    const found = isJoinCode(code) ? await roomOfCode(code) : null;
    if (!found) {
      return wrongGuess(req, res, 'no session has this code: check it with your instructor');
    }
    // An ended class reopens for its instructor (log, CSV, debrief, replay); students who join
    // it are told it has ended.
    res.json({ roomId: found.roomId, code, ended: found.ended });
  });

  router.get('/matches', async (req, res) => {
    const key = instructorKeyOf(req);
    if (!key) return noKey(res);
    const matches = await roomServices().store.listMatches(sha256(key));
    // Every key is created with its session, so a key that owns no match is a wrong key.
    if (matches.length === 0) return fail(res, 403, 'no match belongs to this instructor key');
    res.json(matches);
  });

  const ownedMatch = async (req: Request, res: Response) => {
    const key = instructorKeyOf(req);
    if (!key) {
      noKey(res);
      return null;
    }
    const stored = await roomServices().store.loadMatch(String(req.params.id).slice(0, 40));
    if (!stored || !matchesHash(key, stored.record.instructorKeyHash)) {
      fail(res, 403, 'this instructor key does not own this match');
      return null;
    }
    return stored;
  };

  router.get('/matches/:id/log', async (req, res) => {
    const stored = await ownedMatch(req, res);
    if (!stored) return;
    // Who played each town, as display names only (the header is written before anyone joins).
    const names = new Map<string, string[]>();
    for (const seat of [...stored.seats].sort((a, b) => a.order - b.order)) {
      if (seat.removed || !seat.townId) continue;
      names.set(seat.townId, [...(names.get(seat.townId) ?? []), seat.name]);
    }
    const base = storedLog(stored);
    const towns = base.towns.map((t) => ({
      ...t,
      player: names.get(t.id)?.join(', ') ?? (stored.record.config.bots ? 'computer' : 'caretaker'),
    }));
    // The instructor's bookmarks travel in the file as the viewer's "log with notes" download
    // does (`annotations`, outside the hash chain), so reopening it in the viewer shows them.
    const annotations = await roomServices().store.loadAnnotations(stored.record.id);
    // So do the debrief's extras (issue 15; docs/match-log.md, "Debrief extras").
    const extras = await debriefExtras(stored.record.id, true);
    const log = { ...base, towns, notes: stored.notes, annotations, ...extras };
    res.set(
      'Content-Disposition',
      `attachment; filename="cluster-towns-${stored.record.code}.json"`,
    );
    res.json(log);
  });

  router.get('/matches/:id/csv', async (req, res) => {
    const stored = await ownedMatch(req, res);
    if (!stored) return;
    const log = storedLog(stored);
    const states: MatchState[] = [];
    try {
      replayLog(log, (step) => states.push(step.state));
    } catch (error) {
      return fail(res, 500, `the stored log does not replay: ${(error as Error).message}`);
    }
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set(
      'Content-Disposition',
      `attachment; filename="cluster-towns-${stored.record.code}.csv"`,
    );
    res.send(matchCsv(states));
  });

  /** Followers of a presented replay fetch the log with the session's join code. */
  router.get('/replay/:id/log', async (req, res) => {
    if (refusedGuesser(req, res)) return;
    const code = normaliseJoinCode(String(req.query.code ?? '').slice(0, 20));
    const stored = await roomServices().store.loadMatch(String(req.params.id).slice(0, 40));
    if (!stored || stored.record.code !== code)
      return wrongGuess(req, res, 'no replay with this code');
    const live = await matchMaker.query({ name: 'replay' });
    if (
      !live.some(
        (r) => (r.metadata as { matchId?: string } | undefined)?.matchId === stored.record.id,
      )
    ) {
      return fail(res, 409, 'the instructor is not presenting this replay');
    }
    res.json({
      ...storedLog(stored),
      annotations: await roomServices().store.loadAnnotations(stored.record.id),
      // The class sees the chapters being presented; who consented to research stays private.
      ...(await debriefExtras(stored.record.id, false)),
    });
  });

  router.get('/matches/:id/chapters', async (req, res) => {
    const stored = await ownedMatch(req, res);
    if (!stored) return;
    const saved = await roomServices().store.loadExtra(stored.record.id, 'chapters');
    // null: never edited, so the viewer detects them from the log.
    res.json({ chapters: saved === null ? null : readChapters(saved) });
  });

  router.put('/matches/:id/chapters', async (req, res) => {
    const stored = await ownedMatch(req, res);
    if (!stored) return;
    const parsed = chaptersSchema.safeParse(req.body ?? {});
    if (!parsed.success) return fail(res, 400, describeIssues(parsed.error).reason);
    const chapters = readChapters(parsed.data.chapters);
    await roomServices().store.saveExtra(stored.record.id, 'chapters', chapters);
    res.json({ chapters });
  });

  router.get('/matches/:id/annotations', async (req, res) => {
    const stored = await ownedMatch(req, res);
    if (!stored) return;
    res.json({ annotations: await roomServices().store.loadAnnotations(stored.record.id) });
  });

  router.put('/matches/:id/annotations', async (req, res) => {
    const stored = await ownedMatch(req, res);
    if (!stored) return;
    const parsed = annotationsSchema.safeParse(req.body ?? {});
    if (!parsed.success) return fail(res, 400, describeIssues(parsed.error).reason);
    await roomServices().store.saveAnnotations(stored.record.id, parsed.data.annotations);
    res.json(parsed.data);
  });

  /** A solo player's own game, proven by the seat token their browser (or resume code) holds. */
  const ownSoloGame = async (req: Request, res: Response) => {
    const code = normaliseJoinCode(String(req.params.code ?? req.body?.code ?? '').slice(0, 20));
    const token = typeof req.body?.seatToken === 'string' ? req.body.seatToken.slice(0, 100) : '';
    const record = isJoinCode(code) ? await roomServices().store.findByCode(code) : null;
    const stored = record ? await roomServices().store.loadMatch(record.id) : null;
    const seat = stored?.seats.find((s) => !s.removed && matchesHash(token, s.seatTokenHash));
    if (!stored || stored.record.config.mode !== 'solo' || !seat) {
      wrongGuess(req, res, 'no saved game matches this resume code');
      return null;
    }
    return stored;
  };

  router.post('/solo/resume', async (req, res) => {
    if (refusedGuesser(req, res)) return;
    const stored = await ownSoloGame(req, res);
    if (!stored) return;
    // A saved game whose room closed (idle, or the game ended) is brought back from the store.
    await ensureRoom(stored.record.id, stored.record.roomId);
    res.json({ roomId: stored.record.roomId, code: stored.record.code });
  });

  router.delete('/solo/:code', async (req, res) => {
    if (refusedGuesser(req, res)) return;
    const stored = await ownSoloGame(req, res);
    if (!stored) return;
    await closeRoom(stored.record.roomId);
    await roomServices().store.deleteMatch(stored.record.id);
    res.status(204).end();
  });

  registerResearchRoutes(router, { ownedMatch, fail, storedLog });
  registerPublicRoutes(router);
  router.use((_req, res) => fail(res, 404, 'no such route'));
  return router;
}

/**
 * GET /health: `rooms` counts the rooms of every process sharing the room listing (one process
 * alone: its own); `process` says what this process runs (its Colyseus process id, rooms and
 * connections), which is what a health check or a load balancer of a cluster wants.
 */
export async function health(): Promise<{
  ok: boolean;
  rooms: number;
  uptimeSeconds: number;
  process: { id: string; rooms: number; connections: number };
}> {
  const rooms = await matchMaker.query({});
  return {
    ok: true,
    rooms: rooms.length,
    uptimeSeconds: Math.round(process.uptime()),
    process: {
      id: matchMaker.processId,
      rooms: matchMaker.stats.local.roomCount,
      connections: matchMaker.stats.local.ccu,
    },
  };
}
