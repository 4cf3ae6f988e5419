/**
 * The debrief's chapters (issue 15): a short story of the match told from its log, each chapter a
 * round range, a town or two, a finding with the match's own numbers, the lesson of the papers it
 * illustrates with its citation, and a question for the class. Plain data, in both languages.
 */
import type { Text } from '../campaign/types';
import type { Citation } from '../data/citation';
import type { Explanation, MatchEvent, MatchState } from '../engine/types';

/** The lessons a chapter can illustrate, one detection rule each (docs/debrief-chapters.md). */
export type LessonRule =
  'hollowedOut' | 'emptyBox' | 'overbuilt' | 'exportShock' | 'raceToTheBottom' | 'firstMover';

export const LESSON_RULES: readonly LessonRule[] = [
  'hollowedOut',
  'emptyBox',
  'overbuilt',
  'exportShock',
  'raceToTheBottom',
  'firstMover',
];

/** The figures a finding was computed from, by name (counts, shares 0–1, indices, M RMB). */
export type Evidence = Record<string, number | string>;

export interface Chapter {
  /** Stable id: the rule, the first town and the first round, e.g. "hollowedOut-foshan-3". */
  id: string;
  rule: LessonRule;
  /** Rounds of the match the chapter covers (as the log numbers them, 1 = the first round). */
  fromRound: number;
  toRound: number;
  /** Town ids, the main one first. */
  towns: string[];
  /** One sentence with the match's actual numbers. */
  finding: Text;
  /** The lesson of the papers, in a sentence. */
  lesson: Text;
  citation: Citation;
  question: Text;
  evidence: Evidence;
}

/**
 * A replayed match as the rules read it: `states[r]` is the state after round r (`states[0]` the
 * start), `events[r]` the events of round r (`events[0]` empty). A town's plan in effect during
 * round r is its `plan` in `states[r]`.
 */
export interface DebriefTimeline {
  states: readonly MatchState[];
  events: readonly (readonly MatchEvent[])[];
  /** `explanations[r]`: why each headline figure changed in round r (`explanations[0]` empty). */
  explanations: readonly (readonly Explanation[])[];
  /** The absolute number of the round of `states[0]` (0, or the round a forked log starts at). */
  firstRound: number;
}

/** A detection rule: the chapters it finds, or none when the numbers do not show its lesson. */
export type DetectionRule = (timeline: DebriefTimeline) => Chapter[];
