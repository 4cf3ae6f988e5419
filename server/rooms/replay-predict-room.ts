/**
 * The replay room's "predict, then reveal" messages (issue 15): validated with zod, applied with
 * the pure rules of replay-predictions.ts, then published to the class. Generated questions are
 * rebuilt from the stored log on the server (the presenter names one by its menu id), so neither
 * a question nor its right answer can be forged; the answers are saved as the match's
 * 'predictions' extra at every reveal, so downloads and the research export carry them.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@colyseus/core';
import { z } from 'zod';
import { describeIssues } from '../../shared/protocol/messages';
import {
  correctAnswer,
  englishText,
  freeQuestion,
  menuId,
  questionMenu,
  FREE_OPTION_MAX,
  FREE_OPTIONS_MAX,
  FREE_TEXT_MAX,
  type AskedQuestion,
} from '../../shared/debrief/questions';
import { answer, ask, reveal, type Outcome, type PredictionSession } from './replay-predictions';
import type { ReplayAuth, ReplayRoom } from './replay-room';

export const PREDICT_MESSAGES: readonly string[] = [
  'predict.ask',
  'predict.answer',
  'predict.reveal',
];

export const askSchema = z.union([
  z
    .object({ round: z.number().int().min(1).max(1000), menuId: z.string().min(1).max(120) })
    .strict(),
  z
    .object({
      round: z.number().int().min(1).max(1000),
      free: z
        .object({
          text: z.string().trim().min(1).max(FREE_TEXT_MAX),
          options: z
            .array(z.string().trim().min(1).max(FREE_OPTION_MAX))
            .min(2)
            .max(FREE_OPTIONS_MAX),
          marked: z
            .number()
            .int()
            .min(0)
            .max(FREE_OPTIONS_MAX - 1)
            .optional(),
        })
        .strict(),
    })
    .strict(),
]);
export const answerSchema = z
  .object({ id: z.string().min(1).max(40), option: z.number().int().min(0).max(20) })
  .strict();
export const revealSchema = z.object({ id: z.string().min(1).max(40) }).strict();

/** What the class sees of the open question: before the reveal, never its right answer. */
export interface PredictionView {
  id: string;
  question: AskedQuestion;
  revealed?: { correct: number[]; counts: number[] };
}

export function predictionView(session: PredictionSession): PredictionView | null {
  const open = session.open;
  if (!open) return null;
  if (!open.revealed) {
    const { marked: _marked, ...question } = open.question;
    return { id: open.id, question };
  }
  const { correct, counts: c } = open.revealed;
  return { id: open.id, question: open.question, revealed: { correct, counts: c } };
}

function fail(client: Client, type: string, code: string, reason: string): void {
  client.send('error', { code, type, reason });
}

export async function predictMessage(
  room: ReplayRoom,
  client: Client,
  actor: ReplayAuth,
  type: string,
  message: unknown,
): Promise<void> {
  const apply = (outcome: Outcome): boolean => {
    if (!outcome.ok) {
      fail(client, type, outcome.code, outcome.reason);
      return false;
    }
    room.predictions = outcome.session;
    return true;
  };
  if (type === 'predict.answer') {
    const parsed = answerSchema.safeParse(message ?? {});
    if (!parsed.success) {
      client.send('error', { code: 'invalid', type, ...describeIssues(parsed.error) });
      return;
    }
    if (apply(answer(room.predictions, actor, parsed.data.id, parsed.data.option, Date.now()))) {
      client.send('predict.answered', { id: parsed.data.id, option: parsed.data.option });
      // Only the count is shared before the reveal, never who chose what.
      room.state.answered = room.predictions.answers.size;
      room.broadcastPatch();
    }
    return;
  }
  if (!actor.presenter) {
    fail(client, type, 'forbidden', 'only the presenter asks and reveals');
    return;
  }
  if (type === 'predict.ask') {
    const parsed = askSchema.safeParse(message ?? {});
    if (!parsed.success) {
      client.send('error', { code: 'invalid', type, ...describeIssues(parsed.error) });
      return;
    }
    const data = parsed.data;
    let question: AskedQuestion | null;
    if ('free' in data) {
      question = freeQuestion(data.round, data.free.text, data.free.options, data.free.marked);
    } else {
      const log = await room.loadLog();
      question = log
        ? (questionMenu(log, data.round).find((q) => menuId(q) === data.menuId) ?? null)
        : null;
    }
    if (!question) {
      fail(client, type, 'unknownQuestion', 'no such question for that round');
      return;
    }
    const id = randomUUID().slice(0, 12);
    if (apply(ask(room.predictions, actor, question, id, Date.now()))) room.publishPrediction();
    return;
  }
  const parsed = revealSchema.safeParse(message ?? {});
  if (!parsed.success) {
    client.send('error', { code: 'invalid', type, ...describeIssues(parsed.error) });
    return;
  }
  const open = room.predictions.open;
  if (!open || open.id !== parsed.data.id || open.revealed) {
    // The rules say why (no question, another one, already revealed).
    apply(reveal(room.predictions, actor, parsed.data.id, [], { text: '', options: [] }, 0));
    return;
  }
  const log = await room.loadLog();
  if (!log) {
    fail(client, type, 'noLog', 'the match log is not available');
    return;
  }
  const names = Object.fromEntries(log.towns.map((t) => [t.id, t.name]));
  const q = open.question;
  const stored = {
    text: englishText(q.text, names),
    options: q.options.map((o) => englishText(o, names)),
  };
  const correct = correctAnswer(q, log);
  if (!apply(reveal(room.predictions, actor, open.id, correct, stored, Date.now()))) return;
  room.publishPrediction();
  await room.savePredictions();
}
