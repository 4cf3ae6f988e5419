/**
 * The contract of the self-guided campaign (issue 6), shared by the engine-side rules in
 * shared/campaign/ and the client screens: scenarios with briefings, victory and defeat,
 * star ratings, the advisor's hints and the glossary. Texts are given in both languages.
 */
import type { Citation } from '../data/citation';
import type { TownPlan } from '../engine/types';

export type Lang = 'en' | 'zh';
export type Text = Record<Lang, string>;

export interface CitedFact {
  text: Text;
  citation: Citation;
}

export interface CampaignEntry {
  /** Campaign id, e.g. 'open-door'. */
  id: string;
  /** Position in the campaign: finishing entry n with at least one star unlocks n + 1. */
  order: number;
  /** The scenario played (shared/data/scenarios/) and the player's town in it. */
  scenarioId: string;
  playerTown: string;
  rounds: number;
  title: Text;
  /** The situation in two or three sentences. */
  situation: Text;
  /** Historical facts with their citations (paper and section; the quote occurs in the paper). */
  facts: CitedFact[];
  /** The objectives as shown to the player. */
  objectives: Text[];
  /** One line each: what wins and what loses (the rules are in victory/defeat below). */
  victoryText: Text;
  defeatText: Text;
  /** What happened historically, for the end report, with citations. */
  history: CitedFact[];
  /** Whether this entry runs the interface tutorial. */
  tutorial: boolean;
}

export type OutcomeStatus = 'playing' | 'won' | 'lost';

export interface Outcome {
  status: OutcomeStatus;
  /** 0 when lost or still playing; 1–3 when won. */
  stars: number;
  /** Why, in both languages (e.g. "Pollution stayed under 40 while firms grew"). */
  reasons: Text[];
}

export interface AdvisorHint {
  /** The mechanism named (e.g. 'emptyBox', 'raceToTheBottom'). */
  mechanism: string;
  text: Text;
  citation: Citation;
}

export interface GlossaryEntry {
  id: string;
  term: Text;
  definition: Text;
  source: Citation;
}

/** A scripted plan for tests: given the round and the town's current plan, return the next. */
export type ScriptedPlan = (round: number, current: TownPlan) => TownPlan;
