/**
 * Where the instructor's edited chapters are kept (issue 15), as the notes are (annotations.ts):
 * on the server for a log fetched with the instructor key (PUT /api/matches/:id/chapters, which
 * the log download carries), in this browser keyed by the log's identity for a local file, and
 * nowhere for a student following the class (read only: the chapters come with the class log).
 */
import { readChapters, type EditedChapter } from '../../shared/debrief/extras';
import { serverBase } from '../net/api';
import { ServerError, type ServerMatch } from './server';

export interface ChapterStore {
  readonly where: 'server' | 'browser' | 'readOnly';
  /** The saved list, or null when none was saved (the detected chapters are shown). */
  load(): Promise<EditedChapter[] | null>;
  /** Saves; rejects with the server's reason when it refuses. */
  save(list: readonly EditedChapter[]): Promise<void>;
}

const storageKey = (logId: string): string => `clusterTowns.replay.chapters.${logId}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** A local file's chapters: this browser's copy, else the ones the file carries. */
export function browserChapters(logId: string, fromFile: EditedChapter[] | null): ChapterStore {
  return {
    where: 'browser',
    async load() {
      const raw = storage()?.getItem(storageKey(logId));
      if (!raw) return fromFile;
      try {
        return readChapters(JSON.parse(raw));
      } catch {
        return fromFile;
      }
    },
    async save(list) {
      const store = storage();
      if (!store) throw new Error('this browser keeps no local storage');
      store.setItem(storageKey(logId), JSON.stringify(list));
    },
  };
}

const chaptersUrl = (match: ServerMatch): string =>
  `${serverBase()}/api/matches/${encodeURIComponent(match.matchId)}/chapters`;

async function call(url: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (error) {
    throw new ServerError((error as Error).message, 0);
  }
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  if (!res.ok) {
    const reason = typeof body?.error === 'string' ? body.error : res.statusText;
    throw new ServerError(reason || `HTTP ${res.status}`, res.status);
  }
  return body;
}

/** The server's chapters of a match fetched with the instructor key. */
export function serverChapters(match: ServerMatch, fromFile: EditedChapter[] | null): ChapterStore {
  const headers = { authorization: `Bearer ${match.instructorKey}` };
  return {
    where: 'server',
    async load() {
      try {
        const body = (await call(chaptersUrl(match), { headers })) as { chapters?: unknown };
        return body?.chapters === null || body?.chapters === undefined
          ? null
          : readChapters(body.chapters);
      } catch {
        // The log download carries the same list; use it when the route does not answer.
        return fromFile;
      }
    },
    async save(list) {
      await call(chaptersUrl(match), {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ chapters: list }),
      });
    },
  };
}

/** A follower's chapters: what the class log carries; never saved. */
export function readOnlyChapters(fromFile: EditedChapter[] | null): ChapterStore {
  return {
    where: 'readOnly',
    load: async () => fromFile,
    save: async () => {
      throw new Error('read only');
    },
  };
}

/** The chapters a log file carries beside its rounds (null when it carries none). */
export function fileChapters(log: unknown): EditedChapter[] | null {
  const value = (log as { chapters?: unknown } | null)?.chapters;
  return Array.isArray(value) ? readChapters(value) : null;
}
