/**
 * The campaign in order: six chapters from the Open Door of 1980 to Go West, each a scenario
 * with its briefing, rules and scripted plans (shared/campaign/entries/). Finishing one with at
 * least one star unlocks the next.
 */
import { blockEconomyChapter } from './entries/block-economy';
import { exportCrashChapter } from './entries/export-crash';
import { foshanChapter } from './entries/foshan-crossroads';
import { goWestChapter } from './entries/go-west';
import { imbeddingChapter } from './entries/imbedding-clusters';
import { openDoorChapter } from './entries/open-door';
import type { CampaignChapter } from './rules';
import type { CampaignEntry } from './types';

export const CHAPTERS: readonly CampaignChapter[] = [
  openDoorChapter,
  blockEconomyChapter,
  imbeddingChapter,
  foshanChapter,
  exportCrashChapter,
  goWestChapter,
];

export const CAMPAIGN: CampaignEntry[] = CHAPTERS.map((c) => c.entry);

export function findCampaignEntry(id: string): CampaignEntry | undefined {
  return CAMPAIGN.find((e) => e.id === id);
}

/** The chapter (rules and scripted plans) of a campaign entry; throws for an unknown id. */
export function chapterOf(id: string): CampaignChapter {
  const chapter = CHAPTERS.find((c) => c.entry.id === id);
  if (!chapter) throw new Error(`unknown campaign entry "${id}"`);
  return chapter;
}
