/**
 * The game server's match routes the viewer uses, with the instructor key in a header (never in
 * the URL, so it stays out of history and server logs): the stored log and its annotations.
 */
import { serverBase } from '../net/api';
import { listClasses } from '../net/seat-store';

export interface ServerMatch {
  matchId: string;
  instructorKey: string;
}

/** A refusal from the server, with its own words when it gave some. */
export class ServerError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The instructor key this browser remembers for a match (classes it created or reopened). */
export function rememberedKey(matchId: string): string | null {
  return listClasses().find((c) => c.matchId === matchId)?.instructorKey ?? null;
}

async function call(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${serverBase()}${path}`, init);
  } catch (error) {
    throw new ServerError((error as Error).message, 0);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
    const reason = typeof body?.error === 'string' ? body.error : res.statusText;
    throw new ServerError(reason || `HTTP ${res.status}`, res.status);
  }
  return res;
}

const matchPath = (match: ServerMatch, what: string): string =>
  `/api/matches/${encodeURIComponent(match.matchId)}/${what}`;

const auth = (match: ServerMatch): Record<string, string> => ({
  authorization: `Bearer ${match.instructorKey}`,
});

/** The stored log's text (parsed and verified by the caller like any file). */
export async function fetchServerLog(match: ServerMatch): Promise<string> {
  return (await call(matchPath(match, 'log'), { headers: auth(match) })).text();
}

/**
 * A student's copy of a replay the instructor is presenting: the log (with the instructor's
 * notes in `annotations`), proven by the session's join code instead of the key.
 */
export async function fetchClassLog(matchId: string, code: string): Promise<string> {
  const path = `/api/replay/${encodeURIComponent(matchId)}/log?code=${encodeURIComponent(code)}`;
  return (await call(path, {})).text();
}

export async function loadServerAnnotations(match: ServerMatch): Promise<unknown> {
  const res = await call(matchPath(match, 'annotations'), { headers: auth(match) });
  const body = (await res.json()) as { annotations?: unknown } | unknown[];
  return Array.isArray(body) ? body : body?.annotations;
}

export async function saveServerAnnotations(
  match: ServerMatch,
  annotations: readonly { round: number; note: string; at: number }[],
): Promise<void> {
  await call(matchPath(match, 'annotations'), {
    method: 'PUT',
    headers: { ...auth(match), 'content-type': 'application/json' },
    body: JSON.stringify({ annotations }),
  });
}

/** POST a JSON body; returns the parsed answer. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}
