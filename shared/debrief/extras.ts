/**
 * What a debrief adds beside a match log (issue 15), outside its hash chain like the instructor's
 * annotations: the instructor's edited chapters, the class's predictions in the class replay, and
 * the research-mode record (who consented). The log is evidence and never changes after a match;
 * these are the class's work on it, so the store keeps them apart (`match_extras`) and a
 * download adds them as top-level fields that `parseLog` ignores (docs/match-log.md, "Debrief
 * extras"). One source of truth for their shapes: the server, the viewer and the research export
 * all read them with the readers below, which keep only what is valid.
 */

/**
 * The kinds of extras the store keeps per match, one JSON document each. 'researchSalt' is the
 * research export's per-match secret (shared/research/export.ts): the server keeps it and never
 * sends, exports or downloads it, so pseudonyms cannot be recomputed from names or ids.
 */
export type ExtraKind = 'chapters' | 'predictions' | 'research' | 'researchSalt';
export const EXTRA_KINDS: readonly ExtraKind[] = [
  'chapters',
  'predictions',
  'research',
  'researchSalt',
];

export const CHAPTER_TEXT_MAX = 600;
export const MAX_EDITED_CHAPTERS = 20;

/**
 * A chapter as the instructor kept it: detected ones carry their rule and citation key; an
 * instructor's own chapter has `rule: 'custom'`. Texts are plain strings in the language the
 * instructor wrote them in; `null` texts mean "the detected text, in the reader's language".
 */
export interface EditedChapter {
  id: string;
  rule: string;
  fromRound: number;
  toRound: number;
  towns: string[];
  title: string | null;
  finding: string | null;
  question: string | null;
}

export type PredictionKind = 'town' | 'direction' | 'range' | 'free';

/** A question the presenter asked before playing round `round` (answered from round - 1). */
export interface PredictionQuestion {
  id: string;
  /** The round whose result the question is about (the class sees round - 1 while answering). */
  round: number;
  kind: PredictionKind;
  /** The question as the class read it (the presenter's language), e.g. "Which town …?". */
  text: string;
  /** A generated question's recipe (indicator and town), so the answer can be checked. */
  indicator?: string;
  townId?: string;
  /** Answer options as shown (town names, "dirtier / cleaner", ranges, free options). */
  options: string[];
  /** Indexes of the right options, fixed at reveal from the log (empty for opinion questions). */
  correct: number[];
  askedAt: number;
  revealedAt?: number;
}

export interface PredictionAnswer {
  question: string;
  /**
   * Who answered: the class seat's player id when the student followed with a saved seat (so
   * research consent can be checked), else a random id this browser keeps. Never a name.
   */
  participant: string;
  /** The student's town in the class, when known from the seat. */
  townId?: string;
  option: number;
  at: number;
}

export interface PredictionRecord {
  questions: PredictionQuestion[];
  answers: PredictionAnswer[];
}

/** Research mode (issue 5 of the debrief): the consent text shown at join and each answer. */
export interface ResearchRecord {
  enabled: boolean;
  /** The consent text as the students saw it. */
  consentText: string;
  participants: ResearchParticipant[];
}

export interface ResearchParticipant {
  /** The class seat's player id (stable for the match; not a seat token, never exported). */
  participant: string;
  townId: string;
  consent: boolean;
  at: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, max: number): string | null =>
  typeof v === 'string' ? v.slice(0, max) : null;
const round = (v: unknown): number | null =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1000 ? (v as number) : null;
const time = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const ids = (v: unknown, max: number): string[] =>
  Array.isArray(v)
    ? v
        .filter((x): x is string => typeof x === 'string')
        .map((x) => x.slice(0, 40))
        .slice(0, max)
    : [];

/** Untrusted chapters (a file, a request) → the valid ones, in the order given. */
export function readChapters(value: unknown): EditedChapter[] {
  if (!Array.isArray(value)) return [];
  const out: EditedChapter[] = [];
  for (const item of value.slice(0, MAX_EDITED_CHAPTERS)) {
    if (!isObject(item)) continue;
    const id = str(item.id, 80);
    const rule = str(item.rule, 40);
    const from = round(item.fromRound);
    const to = round(item.toRound);
    if (!id || !rule || from === null || to === null || to < from) continue;
    out.push({
      id,
      rule,
      fromRound: from,
      toRound: to,
      towns: ids(item.towns, 4),
      title: str(item.title, 120),
      finding: str(item.finding, CHAPTER_TEXT_MAX),
      question: str(item.question, CHAPTER_TEXT_MAX),
    });
  }
  return out;
}

const KINDS: readonly PredictionKind[] = ['town', 'direction', 'range', 'free'];

/** Untrusted predictions → the valid questions and the answers that match one of them. */
export function readPredictions(value: unknown): PredictionRecord {
  const questions: PredictionQuestion[] = [];
  const answers: PredictionAnswer[] = [];
  if (!isObject(value)) return { questions, answers };
  for (const item of Array.isArray(value.questions) ? value.questions.slice(0, 200) : []) {
    if (!isObject(item)) continue;
    const id = str(item.id, 40);
    const r = round(item.round);
    const kind = KINDS.find((k) => k === item.kind);
    const text = str(item.text, 300);
    const options = Array.isArray(item.options)
      ? item.options.filter((o): o is string => typeof o === 'string').map((o) => o.slice(0, 80))
      : [];
    if (!id || r === null || !kind || !text || options.length < 2 || options.length > 8) continue;
    const correct = Array.isArray(item.correct)
      ? item.correct.filter((i): i is number => Number.isInteger(i) && i >= 0 && i < options.length)
      : [];
    questions.push({
      id,
      round: r,
      kind,
      text,
      ...(typeof item.indicator === 'string' ? { indicator: item.indicator.slice(0, 40) } : {}),
      ...(typeof item.townId === 'string' ? { townId: item.townId.slice(0, 40) } : {}),
      options,
      correct,
      askedAt: time(item.askedAt),
      ...(typeof item.revealedAt === 'number' ? { revealedAt: time(item.revealedAt) } : {}),
    });
  }
  const known = new Map(questions.map((q) => [q.id, q]));
  for (const item of Array.isArray(value.answers) ? value.answers.slice(0, 20_000) : []) {
    if (!isObject(item)) continue;
    const question = str(item.question, 40);
    const participant = str(item.participant, 80);
    const q = question ? known.get(question) : undefined;
    if (!q || !participant || !Number.isInteger(item.option)) continue;
    const option = item.option as number;
    if (option < 0 || option >= q.options.length) continue;
    answers.push({
      question: q.id,
      participant,
      ...(typeof item.townId === 'string' ? { townId: item.townId.slice(0, 40) } : {}),
      option,
      at: time(item.at),
    });
  }
  return { questions, answers };
}

/** Untrusted research record → a valid one, or null when there is none. */
export function readResearch(value: unknown): ResearchRecord | null {
  if (!isObject(value) || value.enabled !== true) return null;
  const participants: ResearchParticipant[] = [];
  for (const item of Array.isArray(value.participants) ? value.participants : []) {
    if (!isObject(item)) continue;
    const participant = str(item.participant, 80);
    const townId = str(item.townId, 40);
    if (!participant || townId === null || typeof item.consent !== 'boolean') continue;
    participants.push({ participant, townId, consent: item.consent, at: time(item.at) });
  }
  return { enabled: true, consentText: str(value.consentText, 4000) ?? '', participants };
}
