/**
 * The instructor's working list of debrief chapters (issue 15): built from detected and saved
 * chapters, reordered, edited, dropped, added to and reset, with clear errors that change nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Chapter } from '../../shared/debrief/types';
import { LESSON_CITATIONS } from '../../shared/debrief/citations';
import { CHAPTER_TEXT_MAX, MAX_EDITED_CHAPTERS, readChapters } from '../../shared/debrief/extras';
import {
  addChapter,
  chapterAt,
  dropChapter,
  editChapter,
  moveChapter,
  resetChapters,
  serialiseChapters,
  shownChapter,
  workingChapters,
  type ChapterDraft,
} from '../../client/replay/chapters-model';
import { fileChapters } from '../../client/replay/chapters-store';
import { logWithNotes } from '../../client/replay/annotations';
import { readPosition } from '../../client/replay/sync';

const text = (en: string) => ({ en, zh: `${en}（中）` });
const detected = (id: string, rule: Chapter['rule'], from: number, to: number): Chapter => ({
  id,
  rule,
  fromRound: from,
  toRound: to,
  towns: ['foshan'],
  finding: text(`finding ${id}`),
  lesson: text(`lesson ${id}`),
  citation: LESSON_CITATIONS[rule],
  question: text(`question ${id}`),
  evidence: {},
});
const DETECTED = [
  detected('hollowedOut-foshan-2', 'hollowedOut', 2, 5),
  detected('overbuilt-foshan-3', 'overbuilt', 3, 6),
  detected('firstMover-foshan-4', 'firstMover', 4, 8),
];
const bounds = { rounds: 10, towns: ['foshan', 'shunde'] };
const draft = (patch: Partial<ChapterDraft> = {}): ChapterDraft => ({
  fromRound: 2,
  toRound: 3,
  towns: ['shunde'],
  title: 'Shunde holds',
  finding: 'Shunde kept its firms.',
  question: 'Why?',
  ...patch,
});

describe('working chapters', () => {
  it('starts from the detected chapters with null texts when nothing was saved', () => {
    const list = workingChapters(DETECTED, null);
    expect(list.map((c) => c.id)).toEqual(DETECTED.map((c) => c.id));
    expect(list.every((c) => c.title === null && c.finding === null && c.detected)).toBe(true);
  });

  it('takes the saved list (order, edits, drops) and joins each to its detected chapter', () => {
    const saved = [
      { ...serialiseChapters(workingChapters(DETECTED, null))[2], title: 'First mover' },
      serialiseChapters(workingChapters(DETECTED, null))[0],
    ];
    const list = workingChapters(DETECTED, saved);
    expect(list.map((c) => c.id)).toEqual(['firstMover-foshan-4', 'hollowedOut-foshan-2']);
    expect(list[0].title).toBe('First mover');
    expect(list[0].detected?.id).toBe('firstMover-foshan-4');
    expect(workingChapters(DETECTED, [])).toEqual([]);
  });

  it('moves a chapter up and down and ignores moves past either end', () => {
    const list = workingChapters(DETECTED, null);
    expect(moveChapter(list, 1, -1).map((c) => c.id)[0]).toBe('overbuilt-foshan-3');
    expect(moveChapter(list, 1, 1).map((c) => c.id)[2]).toBe('overbuilt-foshan-3');
    expect(moveChapter(list, 0, -1)).toEqual(list);
    expect(moveChapter(list, 2, 1)).toEqual(list);
  });

  it('drops and resets', () => {
    const list = dropChapter(workingChapters(DETECTED, null), 'overbuilt-foshan-3');
    expect(list).toHaveLength(2);
    expect(resetChapters(DETECTED)).toEqual(workingChapters(DETECTED, null));
  });

  it('edits texts; blank means the detected text; too long is refused and changes nothing', () => {
    const list = workingChapters(DETECTED, null);
    const edited = editChapter(list, 'overbuilt-foshan-3', {
      title: ' The airport ',
      finding: '',
      question: 'Was it worth it?',
    });
    expect(edited.ok).toBe(true);
    if (!edited.ok) return;
    const chapter = edited.list[1];
    expect(chapter).toMatchObject({
      title: 'The airport',
      finding: null,
      question: 'Was it worth it?',
    });
    expect(shownChapter(chapter, 'zh').finding).toBe('finding overbuilt-foshan-3（中）');
    expect(shownChapter(chapter, 'zh').question).toBe('Was it worth it?');
    const long = 'x'.repeat(CHAPTER_TEXT_MAX + 1);
    expect(
      editChapter(list, 'overbuilt-foshan-3', { title: '', finding: long, question: '' }),
    ).toEqual({ ok: false, error: 'findingTooLong' });
    expect(editChapter(list, 'nope', { title: '', finding: '', question: '' })).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect(list[1].finding).toBeNull();
  });

  it('adds a custom chapter with a fresh id and refuses a bad one with its reason', () => {
    const list = workingChapters(DETECTED, null);
    const added = addChapter(list, draft(), bounds);
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const custom = added.list[3];
    expect(custom).toMatchObject({ id: 'custom-1', rule: 'custom', towns: ['shunde'] });
    expect(shownChapter(custom, 'en')).toEqual({
      title: 'Shunde holds',
      finding: 'Shunde kept its firms.',
      lesson: null,
      citation: null,
      question: 'Why?',
    });
    const again = addChapter(added.list, draft(), bounds);
    expect(again.ok && again.list[4].id).toBe('custom-2');
    const cases: [Partial<ChapterDraft>, string][] = [
      [{ fromRound: 0 }, 'roundsOutOfRange'],
      [{ toRound: 11 }, 'roundsOutOfRange'],
      [{ fromRound: 4, toRound: 3 }, 'roundsReversed'],
      [{ towns: [] }, 'noTown'],
      [{ towns: ['atlantis'] }, 'unknownTown'],
      [{ title: ' ' }, 'titleRequired'],
      [{ finding: '' }, 'findingRequired'],
      [{ question: 'q'.repeat(CHAPTER_TEXT_MAX + 1) }, 'questionTooLong'],
    ];
    for (const [patch, error] of cases) {
      expect(addChapter(list, draft(patch), bounds)).toEqual({ ok: false, error });
    }
    const full = Array.from({ length: MAX_EDITED_CHAPTERS }, () => list[0]);
    expect(addChapter(full, draft(), bounds)).toEqual({ ok: false, error: 'tooManyChapters' });
  });

  it('a custom chapter cannot lose its title or finding', () => {
    const added = addChapter([], draft(), bounds);
    if (!added.ok) throw new Error('not added');
    expect(editChapter(added.list, 'custom-1', { title: '', finding: 'f', question: '' })).toEqual({
      ok: false,
      error: 'titleRequired',
    });
  });

  it('serialises to what readChapters keeps unchanged', () => {
    const added = addChapter(workingChapters(DETECTED, null), draft(), bounds);
    if (!added.ok) throw new Error('not added');
    const saved = serialiseChapters(added.list);
    expect(readChapters(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    expect(saved[0]).not.toHaveProperty('detected');
  });

  it('keeps the presented chapter only while the round is inside it', () => {
    const list = workingChapters(DETECTED, null);
    expect(chapterAt(list, 'overbuilt-foshan-3', 4)?.id).toBe('overbuilt-foshan-3');
    expect(chapterAt(list, 'overbuilt-foshan-3', 7)).toBeNull();
    expect(chapterAt(list, undefined, 4)).toBeNull();
  });
});

describe('chapters beside the log and in the synced position', () => {
  it('a file carries its chapters; a file without them has none (the viewer detects them)', () => {
    const list = serialiseChapters(workingChapters(DETECTED, null));
    const log = { version: 4 } as unknown as Parameters<typeof logWithNotes>[0];
    const text = logWithNotes(log, [], { chapters: list });
    expect(fileChapters(JSON.parse(text))).toEqual(list);
    expect(fileChapters(JSON.parse(logWithNotes(log, [])))).toBeNull();
    expect(fileChapters({ chapters: [] })).toEqual([]);
    expect(readPosition({ round: 2, view: 'town', chapter: 'custom-1' })?.chapter).toBe('custom-1');
    expect(readPosition({ round: 2, view: 'town', chapter: 'x'.repeat(81) })).not.toHaveProperty(
      'chapter',
    );
    expect(readPosition({ round: 2, view: 'town', chapter: 7 })).not.toHaveProperty('chapter');
  });
});
