/**
 * Navigation between the play screen and the campaign screen. The campaign layer lives inside
 * the play screen, which does not know the app's router (client/main.ts); it asks for a screen
 * with a window event instead, and main.ts listens.
 */

/** Which campaign view to show: the list of scenarios, or one scenario's briefing. */
export type CampaignView = { screen: 'list' } | { screen: 'briefing'; entryId: string };

export const CAMPAIGN_EVENT = 'clustertowns:campaign';

export function requestCampaign(view: CampaignView): void {
  window.dispatchEvent(new CustomEvent<CampaignView>(CAMPAIGN_EVENT, { detail: view }));
}

/** The campaign screen is addressed by the URL hash, so a reload stays there. */
export function campaignHash(view: CampaignView): string {
  return view.screen === 'briefing' ? `#campaign/${encodeURIComponent(view.entryId)}` : '#campaign';
}

export function viewOfHash(hash: string): CampaignView | null {
  if (hash === '#campaign') return { screen: 'list' };
  const match = /^#campaign\/(.+)$/.exec(hash);
  return match ? { screen: 'briefing', entryId: decodeURIComponent(match[1]) } : null;
}
