/**
 * The rules of a campaign entry as data: goals that must all hold at the end to win, stretch
 * goals that each add a star (stars by margin), and defeat rules that end the match early.
 * Each entry's chapter (shared/campaign/entries/) pairs its texts with its rules and with two
 * scripted plans, one that wins and one that loses, for the tests and the tutorial demo.
 */
import type { Measure } from './measures';
import type { CampaignEntry, ScriptedPlan, Text } from './types';

/** How a measured value is shown to the player. */
/** 'flag' is 1 or 0 (a policy in force or not); 'round' a round number or Infinity (none). */
export type Format = 'whole' | 'index' | 'percent' | 'round' | 'flag';

export interface Goal {
  /** What is measured, e.g. "foreign plants" / "外资工厂". */
  label: Text;
  measure: Measure;
  op: '>=' | '<=';
  target: number;
  format: Format;
}

export interface DefeatRule {
  /** Why the match is lost, shown when the rule strikes. */
  reason: Text;
  measure: Measure;
  op: '<' | '>';
  threshold: number;
  /** Consecutive rounds the condition must hold before the match is lost. */
  rounds: number;
}

export interface CampaignRules {
  /** All must hold at the end of the last round for a win (one star). */
  goals: Goal[];
  /** Each one met at the end adds a star to a win, up to three. */
  stretch: Goal[];
  /** Checked after every round; the first to strike loses the match. */
  defeats: DefeatRule[];
}

export interface CampaignChapter {
  entry: CampaignEntry;
  rules: CampaignRules;
  /**
   * Scripted plans for the player's town. `round` is the round being decided, 1 for the first
   * (state.round + 1); `current` is the plan in force (the town's `plan` in the state).
   */
  scripted: { win: ScriptedPlan; lose: ScriptedPlan };
}
