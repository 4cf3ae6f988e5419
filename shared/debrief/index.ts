/**
 * The debrief's chapters (issue 15): the match log replayed and read by one detection rule per
 * lesson of the papers; each rule returns its strongest case or nothing when the numbers do not
 * show the lesson (docs/debrief-chapters.md). Pure and deterministic: the same log gives the same
 * chapters in Node and in every browser.
 */
import type { MatchLog } from '../engine/match-log';
import { emptyBox } from './empty-box';
import { exportShock } from './export-shock';
import { firstMover } from './first-mover';
import { hollowedOut } from './hollowed-out';
import { overbuilt } from './overbuilt';
import { raceToTheBottom } from './race-to-the-bottom';
import { debriefTimeline } from './timeline';
import {
  LESSON_RULES,
  type Chapter,
  type DebriefTimeline,
  type DetectionRule,
  type LessonRule,
} from './types';

export type { Chapter, DebriefTimeline, DetectionRule, Evidence, LessonRule } from './types';
export { LESSON_RULES } from './types';
export { debriefTimeline } from './timeline';
export { LESSON_CITATIONS } from './citations';
export { EMPTY_BOX } from './empty-box';
export { EXPORT_SHOCK } from './export-shock';
export { FIRST_MOVER } from './first-mover';
export { HOLLOWED_OUT } from './hollowed-out';
export { OVERBUILT } from './overbuilt';
export { RACE_TO_THE_BOTTOM } from './race-to-the-bottom';

/** At most this many chapters: a short story for the end of a class. */
export const MAX_CHAPTERS = 6;

export const DETECTION_RULES: Record<LessonRule, DetectionRule> = {
  hollowedOut,
  emptyBox,
  overbuilt,
  exportShock,
  raceToTheBottom,
  firstMover,
};

const byRound = (a: Chapter, b: Chapter): number =>
  a.fromRound - b.fromRound ||
  a.toRound - b.toRound ||
  LESSON_RULES.indexOf(a.rule) - LESSON_RULES.indexOf(b.rule) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The chapters of a replayed match, sorted by round, at most MAX_CHAPTERS. */
export function chaptersOf(timeline: DebriefTimeline): Chapter[] {
  const all = LESSON_RULES.flatMap((rule) => DETECTION_RULES[rule](timeline));
  return all.sort(byRound).slice(0, MAX_CHAPTERS);
}

/** The chapters of a match log (replayed and verified: throws its LogError when it does not). */
export function buildChapters(log: MatchLog): Chapter[] {
  return chaptersOf(debriefTimeline(log));
}
