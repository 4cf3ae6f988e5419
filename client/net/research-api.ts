/**
 * Research mode's HTTP routes for the browser (server/research-routes.ts): a student's consent
 * (proved by the seat token the browser keeps) and the instructor's counts and zip export (the
 * key in a header, never in the URL).
 */
import { postJson, request } from './api';

export type ConsentStatus =
  | { enabled: false }
  | { enabled: true; consentText: string; consent: boolean | null; ended: boolean };

export type ConsentCounts =
  { enabled: false } | { enabled: true; consented: number; declined: number; unanswered: number };

/** This seat's research status; with `consent`, records the answer first. */
export async function postConsent(
  code: string,
  seatToken: string,
  consent?: boolean,
): Promise<ConsentStatus> {
  const body = { code, seatToken, ...(consent === undefined ? {} : { consent }) };
  return (await (await postJson('/api/research/consent', body)).json()) as ConsentStatus;
}

const auth = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

export async function fetchConsentCounts(matchId: string, key: string): Promise<ConsentCounts> {
  const path = `/api/matches/${encodeURIComponent(matchId)}/research/consent`;
  return (await (await request(path, auth(key))).json()) as ConsentCounts;
}

/** Fetch the research zip and save it as a file. */
export async function downloadResearchZip(matchId: string, key: string): Promise<void> {
  const path = `/api/matches/${encodeURIComponent(matchId)}/research`;
  const blob = await (await request(path, auth(key))).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'cluster-towns-research.zip';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start reading the blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
