/**
 * The rules of "predict, then reveal" in the class replay (issue 15), apart from the room so they
 * can be tested alone: the presenter asks one question at a time, each follower answers once per
 * identity (and may change it until the reveal), the presenter reveals (answers freeze, the class
 * sees the distribution and the right option), then plays the round. Every refused message
 * changes nothing and says why.
 */
import type {
  PredictionAnswer,
  PredictionQuestion,
  PredictionRecord,
} from '../../shared/debrief/extras';
import type { AskedQuestion } from '../../shared/debrief/questions';

export interface OpenQuestion {
  id: string;
  question: AskedQuestion;
  askedAt: number;
  /** Set at reveal: the right options and the frozen count per option. */
  revealed?: { correct: number[]; counts: number[]; at: number };
}

export interface PredictionSession {
  open: OpenQuestion | null;
  /** The open question's answers by participant (the last one given counts). */
  answers: ReadonlyMap<string, PredictionAnswer>;
  /** Revealed questions and their answers, for the store. */
  record: PredictionRecord;
}

export type PredictionErrorCode =
  'forbidden' | 'questionOpen' | 'noQuestion' | 'unknownQuestion' | 'invalidOption' | 'revealed';

export type Outcome =
  | { ok: true; session: PredictionSession }
  | { ok: false; code: PredictionErrorCode; reason: string };

export interface Actor {
  presenter: boolean;
  /** The follower's identity: a seat's player id or the id its browser keeps. */
  participant: string;
  townId?: string;
}

export function emptySession(
  record: PredictionRecord = { questions: [], answers: [] },
): PredictionSession {
  return { open: null, answers: new Map(), record };
}

const refuse = (code: PredictionErrorCode, reason: string): Outcome => ({
  ok: false,
  code,
  reason,
});

/** The presenter asks; only while no question waits for its reveal. */
export function ask(
  session: PredictionSession,
  actor: Actor,
  question: AskedQuestion,
  id: string,
  now: number,
): Outcome {
  if (!actor.presenter) return refuse('forbidden', 'only the presenter asks questions');
  if (session.open && !session.open.revealed) {
    return refuse('questionOpen', 'reveal the open question before asking another');
  }
  return {
    ok: true,
    session: { ...session, open: { id, question, askedAt: now }, answers: new Map() },
  };
}

/** A follower answers the open question (again, to change it) until the reveal. */
export function answer(
  session: PredictionSession,
  actor: Actor,
  questionId: string,
  option: number,
  now: number,
): Outcome {
  if (actor.presenter) return refuse('forbidden', 'the presenter does not answer');
  const open = session.open;
  if (!open) return refuse('noQuestion', 'no question is open');
  if (open.id !== questionId) return refuse('unknownQuestion', `no open question "${questionId}"`);
  if (open.revealed) return refuse('revealed', 'the answers are already revealed');
  if (!Number.isInteger(option) || option < 0 || option >= open.question.options.length) {
    return refuse('invalidOption', `option must be 0 to ${open.question.options.length - 1}`);
  }
  const answers = new Map(session.answers);
  answers.set(actor.participant, {
    question: open.id,
    participant: actor.participant,
    ...(actor.townId ? { townId: actor.townId } : {}),
    option,
    at: now,
  });
  return { ok: true, session: { ...session, answers } };
}

/** How many answers each option has. */
export function counts(session: PredictionSession): number[] {
  const out = (session.open?.question.options ?? []).map(() => 0);
  for (const a of session.answers.values()) out[a.option] += 1;
  return out;
}

/**
 * The presenter reveals: answers freeze and the question, its right options (computed by the
 * caller from the log) and the answers join the record.
 */
export function reveal(
  session: PredictionSession,
  actor: Actor,
  questionId: string,
  correct: number[],
  stored: { text: string; options: string[] },
  now: number,
): Outcome {
  if (!actor.presenter) return refuse('forbidden', 'only the presenter reveals');
  const open = session.open;
  if (!open) return refuse('noQuestion', 'no question is open');
  if (open.id !== questionId) return refuse('unknownQuestion', `no open question "${questionId}"`);
  if (open.revealed) return refuse('revealed', 'the answers are already revealed');
  const q = open.question;
  const record: PredictionQuestion = {
    id: open.id,
    round: q.round,
    kind: q.kind,
    text: stored.text,
    ...(q.indicator ? { indicator: q.indicator } : {}),
    ...(q.townId ? { townId: q.townId } : {}),
    options: stored.options,
    correct,
    askedAt: open.askedAt,
    revealedAt: now,
  };
  return {
    ok: true,
    session: {
      ...session,
      open: { ...open, revealed: { correct, counts: counts(session), at: now } },
      record: {
        questions: [...session.record.questions, record],
        answers: [...session.record.answers, ...session.answers.values()],
      },
    },
  };
}
