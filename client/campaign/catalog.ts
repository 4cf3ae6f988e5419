/**
 * The campaign as the client shows it: the shared entries in campaign order, their texts in
 * the player's language, and which entry a running solo game plays.
 */
import { CAMPAIGN, GLOSSARY, findCampaignEntry, townName } from '../../shared/campaign';
import { SCENARIOS } from '../../shared/data/scenarios';
import type { CampaignEntry, GlossaryEntry, Text } from '../../shared/campaign/types';
import { currentLanguage, hasTranslation, t } from '../i18n';
import { sortEntries } from './progress';

export type { CampaignEntry, GlossaryEntry, Text };

/** A shared text in the current language (English when a translation is missing). */
export function text(value: Text): string {
  return value[currentLanguage()] || value.en;
}

export function campaignEntries(): CampaignEntry[] {
  return sortEntries(CAMPAIGN);
}

export function entryById(id: string): CampaignEntry | null {
  return findCampaignEntry(id) ?? null;
}

export function glossary(): GlossaryEntry[] {
  const lang = currentLanguage();
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  return [...GLOSSARY].sort((a, b) => collator.compare(text(a.term), text(b.term)));
}

/** The first tutorial entry: where a newcomer starts. */
export function tutorialEntry(): CampaignEntry | null {
  return campaignEntries().find((e) => e.tutorial) ?? null;
}

/** A town's display name: common.json's translation, else the scenario's own name. */
export function townLabel(entry: CampaignEntry): string {
  const key = `common:town.${entry.playerTown}`;
  if (hasTranslation(key)) return t(key);
  const scenario = SCENARIOS.find((s) => s.id === entry.scenarioId);
  const town = scenario?.towns.find((x) => x.id === entry.playerTown);
  return town ? text(townName(town.id, town.name)) : entry.playerTown;
}

/**
 * The entry a solo game plays: the one the server names, else the one this browser started,
 * else the entry whose scenario and town match (a game resumed by code from elsewhere).
 */
export function entryOfGame(
  campaignId: string | null,
  scenarioId: string,
  townId: string | null,
): CampaignEntry | null {
  const named = campaignId ? entryById(campaignId) : null;
  if (named) return named;
  return (
    campaignEntries().find((e) => e.scenarioId === scenarioId && e.playerTown === townId) ??
    campaignEntries().find((e) => e.scenarioId === scenarioId) ??
    null
  );
}
