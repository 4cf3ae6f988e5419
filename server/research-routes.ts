/**
 * Research mode's routes (issue 15, part 5; docs/research-export.md). Students answer the consent
 * text with the seat token their browser keeps (so nobody answers for another seat); the
 * instructor sees the counts and downloads the export as one zip. The rules are shared:
 * consent scope and CSVs in shared/research/, the record's shape in shared/debrief/extras.ts.
 *
 *   POST /api/research/consent             { code, seatToken, consent? } → the text and this seat's answer
 *   GET  /api/matches/:id/research/consent (instructor key)      → counts
 *   GET  /api/matches/:id/research         (instructor key)      → application/zip
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { readPredictions, readResearch, type ResearchRecord } from '../shared/debrief/extras';
import { describeIssues, normaliseJoinCode } from '../shared/protocol/messages';
import { consentCounts, latestConsent, type RosterSeat } from '../shared/research/consent';
import { ResearchExportError, researchExport } from '../shared/research/export';
import { matchesHash } from './rooms/seats';
import { roomServices } from './services';
import type { StoredMatch } from './store/match-store';
import type { MatchLog } from '../shared/engine/match-log';

const hmac = (key: string, message: string): string =>
  createHmac('sha256', key).update(message).digest('hex');

/** At class creation: the consent text, no answers yet, and the match's secret salt. */
export async function startResearch(matchId: string, consentText: string): Promise<void> {
  const store = roomServices().store;
  const record: ResearchRecord = { enabled: true, consentText, participants: [] };
  await store.saveExtra(matchId, 'research', record);
  await store.saveExtra(matchId, 'researchSalt', randomBytes(32).toString('hex'));
}

/** The match's salt; made now for a match that somehow has none (it is then kept). */
async function saltOf(matchId: string): Promise<string> {
  const store = roomServices().store;
  const saved = await store.loadExtra(matchId, 'researchSalt');
  if (typeof saved === 'string' && /^[0-9a-f]{32,}$/.test(saved)) return saved;
  const salt = randomBytes(32).toString('hex');
  await store.saveExtra(matchId, 'researchSalt', salt);
  return salt;
}

/** Every seat that played a town: the export's roster (ids only; names stay in the store). */
export function rosterOf(stored: StoredMatch): RosterSeat[] {
  return stored.seats
    .filter((s) => s.townId !== null)
    .map((s) => ({ participant: s.playerId, townId: s.townId! }));
}

const consentSchema = z
  .object({
    code: z.string().min(1).max(20),
    seatToken: z.string().min(1).max(100),
    consent: z.boolean().optional(),
  })
  .strict();

/**
 * One answer at a time per match in this process, so two students answering together do not
 * overwrite each other's read-modify-write of the record.
 */
const queues = new Map<string, Promise<unknown>>();
function serially<T>(matchId: string, job: () => Promise<T>): Promise<T> {
  const next = (queues.get(matchId) ?? Promise.resolve()).then(job, job);
  const settled = next.catch(() => undefined);
  queues.set(matchId, settled);
  void settled.then(() => {
    if (queues.get(matchId) === settled) queues.delete(matchId);
  });
  return next;
}

type ConsentAnswer = { status: number; error: string } | { status: 200; body: ConsentStatus };

/** What a student's browser learns: research mode's text and this seat's answer. */
export type ConsentStatus =
  | { enabled: false }
  | { enabled: true; consentText: string; consent: boolean | null; ended: boolean };

const ended = (stored: StoredMatch) => stored.finished || stored.phase.phase === 'ended';

/** What the routes borrow from server/http.ts (its one auth rule and its error shape). */
export interface ResearchRouteHelpers {
  ownedMatch: (req: Request, res: Response) => Promise<StoredMatch | null>;
  fail: (res: Response, status: number, error: string) => void;
  storedLog: (stored: StoredMatch) => MatchLog;
}

export function registerResearchRoutes(
  router: Router,
  { ownedMatch, fail, storedLog }: ResearchRouteHelpers,
): void {
  router.post('/research/consent', async (req, res) => {
    const parsed = consentSchema.safeParse(req.body ?? {});
    if (!parsed.success) return fail(res, 400, describeIssues(parsed.error).reason);
    const { seatToken, consent } = parsed.data;
    const store = roomServices().store;
    const found = await store.findByCode(normaliseJoinCode(parsed.data.code));
    if (!found) return fail(res, 404, 'no seat of this class has this token');
    const matchId = found.id;
    const answer = await serially(matchId, async (): Promise<ConsentAnswer> => {
      const stored = await store.loadMatch(matchId);
      const seat = stored?.seats.find((s) => !s.removed && matchesHash(seatToken, s.seatTokenHash));
      if (!stored || !seat) return { status: 404, error: 'no seat of this class has this token' };
      const record = readResearch(await store.loadExtra(matchId, 'research'));
      if (!record) return { status: 200, body: { enabled: false } };
      if (consent !== undefined) {
        if (ended(stored)) return { status: 409, error: 'the match has ended: consent is final' };
        if (!seat.townId) return { status: 409, error: 'join a town first' };
        const others = record.participants.filter((p) => p.participant !== seat.playerId);
        const mine = { participant: seat.playerId, townId: seat.townId, consent, at: Date.now() };
        record.participants = [...others, mine];
        await store.saveExtra(matchId, 'research', record);
      }
      const mine = latestConsent(record).get(seat.playerId);
      return {
        status: 200,
        body: {
          enabled: true,
          consentText: record.consentText,
          consent: mine ? mine.consent : null,
          ended: ended(stored),
        },
      };
    });
    if ('error' in answer) return fail(res, answer.status, answer.error);
    res.json(answer.body);
  });

  router.get('/matches/:id/research/consent', async (req, res) => {
    const stored = await ownedMatch(req, res);
    if (!stored) return;
    const record = readResearch(await roomServices().store.loadExtra(stored.record.id, 'research'));
    if (!record) return res.json({ enabled: false });
    res.json({ enabled: true, ...consentCounts(record, rosterOf(stored)) });
  });

  router.get('/matches/:id/research', async (req, res) => {
    const stored = await ownedMatch(req, res);
    if (!stored) return;
    const store = roomServices().store;
    const matchId = stored.record.id;
    const research = readResearch(await store.loadExtra(matchId, 'research'));
    let files;
    try {
      files = researchExport({
        matchKey: matchId,
        log: storedLog(stored),
        research,
        predictions: readPredictions(await store.loadExtra(matchId, 'predictions')),
        roster: rosterOf(stored),
        salt: research ? await saltOf(matchId) : '',
        hmac,
      });
    } catch (error) {
      if (error instanceof ResearchExportError) return fail(res, 409, error.message);
      return fail(res, 500, `the stored log does not replay: ${(error as Error).message}`);
    }
    // A fixed timestamp: the same match and salt give the same bytes.
    const mtime = new Date(Date.UTC(2000, 0, 1));
    const zip = zipSync(
      Object.fromEntries(files.map((f) => [f.name, [strToU8(f.text), { mtime }]])),
    );
    res.set('Content-Type', 'application/zip');
    // The file name carries no join code: the code names the class.
    res.set('Content-Disposition', 'attachment; filename="cluster-towns-research.zip"');
    res.send(Buffer.from(zip));
  });
}
