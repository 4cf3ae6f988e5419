/**
 * The self-guided campaign (issue 6): entries with briefings, victory and defeat rules, stars,
 * the advisor and the glossary, in both languages. The client, the server and the tests import
 * from here.
 */
import { chapterOf } from './entries';
import type { CampaignEntry, ScriptedPlan } from './types';

export type * from './types';
export { CAMPAIGN, CHAPTERS, chapterOf, findCampaignEntry } from './entries';
export { evaluateOutcome } from './outcome';
export { advisorHints, MAX_HINTS } from './advisor';
export { ADVISOR_CITATIONS } from './advisor-hints';
export { GLOSSARY, REQUIRED_TERMS } from './glossary';
export type { CampaignChapter, CampaignRules, DefeatRule, Format, Goal } from './rules';
export type { Measure } from './measures';
export { SECTOR_NAMES, townName } from './text';

/**
 * A plan that wins the entry against the computer towns (the tutorial demo plays it). Called
 * with the round being decided (1 for the first) and the plan in force.
 */
export function scriptedWin(entry: CampaignEntry): ScriptedPlan {
  return chapterOf(entry.id).scripted.win;
}

/** A plan that loses the entry, showing the mistake the papers describe. */
export function scriptedLose(entry: CampaignEntry): ScriptedPlan {
  return chapterOf(entry.id).scripted.lose;
}
