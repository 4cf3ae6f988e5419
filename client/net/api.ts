/**
 * The game server's HTTP routes (docs/protocol.md, "HTTP"), typed for the browser. Every
 * failure becomes a SessionError whose kind the UI translates into plain words.
 */
import type { SessionConfigInput } from '../../shared/protocol/messages';
import { SessionError, httpProblem } from './errors';

/** What POST /api/sessions returns; the instructor key is shown once and never stored hashed. */
export interface CreatedSession {
  code: string;
  instructorKey: string;
  matchId: string;
  roomId: string;
}

/** One entry of GET /api/scenarios. */
export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  startYear: number;
  roundYears: number;
  defaultRounds: number;
  towns: number;
}

let base: string | null = null;

/**
 * The server's origin. The client is normally served by the game server itself (or a dev
 * server that proxies to it), so the page's own origin is right; `?server=` overrides it.
 */
export function serverBase(): string {
  if (base) return base;
  const fromQuery =
    typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('server');
  base = (fromQuery ?? (typeof location === 'undefined' ? '' : location.origin)).replace(/\/$/, '');
  return base;
}

export function setServerBase(url: string): void {
  base = url.replace(/\/$/, '');
}

/** The WebSocket endpoint colyseus.js connects to. */
export function socketBase(): string {
  return serverBase().replace(/^http/, 'ws');
}

export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${serverBase()}${path}`, init);
  } catch (error) {
    throw new SessionError('offline', (error as Error).message);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new SessionError(httpProblem(res.status, path), body?.error ?? res.statusText);
  }
  return res;
}

export function postJson(path: string, body: unknown): Promise<Response> {
  return request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function postSession(config: SessionConfigInput): Promise<CreatedSession> {
  return (await (await postJson('/api/sessions', config)).json()) as CreatedSession;
}

/** Find the live room of a join code (the server folds look-alike characters). */
export async function lookupCode(code: string): Promise<{ roomId: string; code: string }> {
  return (await (await postJson('/api/join', { code })).json()) as {
    roomId: string;
    code: string;
  };
}

export async function fetchScenarios(): Promise<ScenarioSummary[]> {
  return (await (await request('/api/scenarios')).json()) as ScenarioSummary[];
}

/** A public session anyone may join (GET /api/sessions/open: what the lobby lists). */
export interface OpenSession {
  code: string;
  title: string;
  scenarioId: string;
  people: number;
}

export async function fetchOpenSessions(): Promise<OpenSession[]> {
  return (await (await request('/api/sessions/open')).json()) as OpenSession[];
}

export type MatchFileKind = 'log' | 'csv';

/**
 * Download the match log (JSON) or CSV. The key travels in a header, never in the URL, so it
 * does not end up in browser history or server logs; the body is then saved as a file.
 */
export async function downloadMatchFile(
  matchId: string,
  kind: MatchFileKind,
  instructorKey: string,
  fileStem: string,
): Promise<void> {
  const res = await request(`/api/matches/${encodeURIComponent(matchId)}/${kind}`, {
    headers: { authorization: `Bearer ${instructorKey}` },
  });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileStem}.${kind === 'log' ? 'json' : 'csv'}`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start reading the blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
