/**
 * The instructor's working list of debrief chapters (issue 15): built from the chapters the rules
 * detected and/or the ones the instructor saved, then reordered, edited, dropped, added to or
 * reset, and serialised back to EditedChapter[] (shared/debrief/extras.ts) for the server or the
 * file. Pure: no DOM, no i18n; errors are codes the view translates.
 */
import type { Chapter } from '../../shared/debrief/types';
import {
  CHAPTER_TEXT_MAX,
  MAX_EDITED_CHAPTERS,
  type EditedChapter,
} from '../../shared/debrief/extras';
import type { Citation } from '../../shared/data/citation';

/** Longest title readChapters keeps. */
export const CHAPTER_TITLE_MAX = 120;
/** The rule of a chapter the instructor wrote, with no lesson or citation of its own. */
export const CUSTOM_RULE = 'custom';

/** A chapter in the list: what is saved, plus the detected chapter its null texts come from. */
export interface WorkingChapter extends EditedChapter {
  detected: Chapter | null;
}

export type ChapterError =
  | 'titleTooLong'
  | 'findingTooLong'
  | 'questionTooLong'
  | 'findingRequired'
  | 'titleRequired'
  | 'roundsOutOfRange'
  | 'roundsReversed'
  | 'unknownTown'
  | 'noTown'
  | 'tooManyTowns'
  | 'tooManyChapters'
  | 'notFound';

export type ChapterResult =
  { ok: true; list: WorkingChapter[] } | { ok: false; error: ChapterError };

/** What the match allows: its rounds (1..rounds) and its towns. */
export interface ChapterBounds {
  rounds: number;
  towns: readonly string[];
}

const fromDetected = (chapter: Chapter): WorkingChapter => ({
  id: chapter.id,
  rule: chapter.rule,
  fromRound: chapter.fromRound,
  toRound: chapter.toRound,
  towns: [...chapter.towns],
  title: null,
  finding: null,
  question: null,
  detected: chapter,
});

/**
 * The list to show: the saved one when the instructor saved one (even empty: they dropped them
 * all), each joined to its detected chapter by id; otherwise the detected chapters as they are.
 */
export function workingChapters(
  detected: readonly Chapter[],
  saved: readonly EditedChapter[] | null,
): WorkingChapter[] {
  if (saved === null) return detected.map(fromDetected);
  const byId = new Map(detected.map((c) => [c.id, c]));
  return saved.map((c) => ({ ...c, towns: [...c.towns], detected: byId.get(c.id) ?? null }));
}

/** Back to the detected chapters, dropping every edit. */
export function resetChapters(detected: readonly Chapter[]): WorkingChapter[] {
  return detected.map(fromDetected);
}

/** Move the chapter at `index` one place up (-1) or down (+1); unchanged at either end. */
export function moveChapter(
  list: readonly WorkingChapter[],
  index: number,
  by: -1 | 1,
): WorkingChapter[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

export function dropChapter(list: readonly WorkingChapter[], id: string): WorkingChapter[] {
  return list.filter((c) => c.id !== id);
}

/** The instructor's texts; an empty or blank text means "the detected text" (null). */
export interface ChapterTexts {
  title: string;
  finding: string;
  question: string;
}

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function textError(texts: ChapterTexts): ChapterError | null {
  if (texts.title.trim().length > CHAPTER_TITLE_MAX) return 'titleTooLong';
  if (texts.finding.trim().length > CHAPTER_TEXT_MAX) return 'findingTooLong';
  if (texts.question.trim().length > CHAPTER_TEXT_MAX) return 'questionTooLong';
  return null;
}

/** Edit a chapter's texts; a detected chapter falls back to its own text where one is blank. */
export function editChapter(
  list: readonly WorkingChapter[],
  id: string,
  texts: ChapterTexts,
): ChapterResult {
  const target = list.find((c) => c.id === id);
  if (!target) return { ok: false, error: 'notFound' };
  const error = textError(texts);
  if (error) return { ok: false, error };
  // A custom chapter has no detected text to fall back on.
  if (!target.detected && !texts.title.trim()) return { ok: false, error: 'titleRequired' };
  if (!target.detected && !texts.finding.trim()) return { ok: false, error: 'findingRequired' };
  const next: WorkingChapter = {
    ...target,
    title: blankToNull(texts.title),
    finding: blankToNull(texts.finding),
    question: blankToNull(texts.question),
  };
  return { ok: true, list: list.map((c) => (c.id === id ? next : c)) };
}

export interface ChapterDraft extends ChapterTexts {
  fromRound: number;
  toRound: number;
  towns: string[];
}

/** The first problem of a custom chapter, or null. */
export function draftError(
  draft: ChapterDraft,
  bounds: ChapterBounds,
  count: number,
): ChapterError | null {
  if (count >= MAX_EDITED_CHAPTERS) return 'tooManyChapters';
  const whole = (n: number) => Number.isInteger(n) && n >= 1 && n <= bounds.rounds;
  if (!whole(draft.fromRound) || !whole(draft.toRound)) return 'roundsOutOfRange';
  if (draft.toRound < draft.fromRound) return 'roundsReversed';
  if (draft.towns.length === 0) return 'noTown';
  if (draft.towns.length > 4) return 'tooManyTowns';
  if (draft.towns.some((t) => !bounds.towns.includes(t))) return 'unknownTown';
  if (!draft.title.trim()) return 'titleRequired';
  if (!draft.finding.trim()) return 'findingRequired';
  return textError(draft);
}

/** Add the instructor's own chapter at the end, with an id no other chapter has. */
export function addChapter(
  list: readonly WorkingChapter[],
  draft: ChapterDraft,
  bounds: ChapterBounds,
): ChapterResult {
  const error = draftError(draft, bounds, list.length);
  if (error) return { ok: false, error };
  const taken = new Set(list.map((c) => c.id));
  let n = 1;
  while (taken.has(`${CUSTOM_RULE}-${n}`)) n++;
  const chapter: WorkingChapter = {
    id: `${CUSTOM_RULE}-${n}`,
    rule: CUSTOM_RULE,
    fromRound: draft.fromRound,
    toRound: draft.toRound,
    towns: [...new Set(draft.towns)],
    title: draft.title.trim(),
    finding: draft.finding.trim(),
    question: blankToNull(draft.question),
    detected: null,
  };
  return { ok: true, list: [...list, chapter] };
}

/** The list as the server and the file keep it. */
export function serialiseChapters(list: readonly WorkingChapter[]): EditedChapter[] {
  return list.slice(0, MAX_EDITED_CHAPTERS).map((c) => ({
    id: c.id,
    rule: c.rule,
    fromRound: c.fromRound,
    toRound: c.toRound,
    towns: [...c.towns],
    title: c.title,
    finding: c.finding,
    question: c.question,
  }));
}

export type Lang = 'en' | 'zh';

/** What a reader sees of a chapter in their language; `title` null means "the rule's name". */
export interface ShownChapter {
  title: string | null;
  finding: string;
  lesson: string | null;
  citation: Citation | null;
  question: string | null;
}

/** The instructor's text where they wrote one, else the detected text in the reader's language. */
export function shownChapter(chapter: WorkingChapter, lang: Lang): ShownChapter {
  const d = chapter.detected;
  return {
    title: chapter.title,
    finding: chapter.finding ?? d?.finding[lang] ?? '',
    lesson: d ? d.lesson[lang] : null,
    citation: d ? d.citation : null,
    question: chapter.question ?? d?.question[lang] ?? null,
  };
}

/** The chapter a presenter stays on while moving inside its rounds, else none. */
export function chapterAt(
  list: readonly WorkingChapter[],
  id: string | undefined,
  round: number,
): WorkingChapter | null {
  const chapter = id ? list.find((c) => c.id === id) : undefined;
  return chapter && round >= chapter.fromRound && round <= chapter.toRound ? chapter : null;
}
