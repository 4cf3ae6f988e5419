/**
 * Instructor annotations: a note bookmarked on a round. They are kept beside the log, never in
 * it (the log is evidence and its hash chain must not change): on the server when the log came
 * from there with an instructor key, otherwise in this browser, keyed by the log's identity, and
 * inside the file when the instructor downloads "the log with notes" (parseLog ignores the extra
 * `annotations` field, so such a file still verifies).
 */
import type { MatchLog } from '../../shared';
import { loadServerAnnotations, saveServerAnnotations, type ServerMatch } from './server';

export interface Annotation {
  round: number;
  note: string;
  /** Epoch ms when it was written. */
  at: number;
}

export const NOTE_MAX_LENGTH = 500;

/** Untrusted annotations (from a file or a server) → the valid ones, in round order. */
export function readAnnotations(value: unknown): Annotation[] {
  if (!Array.isArray(value)) return [];
  const out: Annotation[] = [];
  for (const item of value as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const { round, note, at } = item as Record<string, unknown>;
    if (!Number.isInteger(round) || (round as number) < 0 || typeof note !== 'string') continue;
    out.push({
      round: round as number,
      note: note.slice(0, NOTE_MAX_LENGTH),
      at: typeof at === 'number' && Number.isFinite(at) ? at : 0,
    });
  }
  return sortAnnotations(out);
}

export function sortAnnotations(list: readonly Annotation[]): Annotation[] {
  return [...list].sort((a, b) => a.round - b.round || a.at - b.at);
}

const identity = (a: Annotation): string => `${a.round}|${a.at}|${a.note}`;

/** Both lists without duplicates (a file downloaded with notes and reopened here holds both). */
export function mergeAnnotations(a: readonly Annotation[], b: readonly Annotation[]): Annotation[] {
  const seen = new Map<string, Annotation>();
  for (const item of [...a, ...b]) seen.set(identity(item), item);
  return sortAnnotations([...seen.values()]);
}

/** Which match a log is: its start and its last link, so an edited or longer log is another. */
export function logIdentity(log: MatchLog): string {
  const last = log.rounds.length > 0 ? log.rounds[log.rounds.length - 1].chain : 'start';
  return `${log.initialHash}.${last}`;
}

export interface AnnotationStore {
  /** Where notes go: 'server' or, without a key or when the server refuses, 'browser'. */
  readonly where: 'server' | 'browser';
  load(): Promise<Annotation[]>;
  save(list: readonly Annotation[]): Promise<void>;
}

const storageKey = (logId: string): string => `clusterTowns.replay.notes.${logId}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Private modes may refuse storage: notes then last as long as the page.
    return null;
  }
}

export function browserStore(logId: string): AnnotationStore {
  return {
    where: 'browser',
    async load() {
      const raw = storage()?.getItem(storageKey(logId));
      if (!raw) return [];
      try {
        return readAnnotations(JSON.parse(raw));
      } catch {
        return [];
      }
    },
    async save(list) {
      try {
        storage()?.setItem(storageKey(logId), JSON.stringify(list));
      } catch {
        // A full storage loses the notes of this browser only; the download still has them.
      }
    },
  };
}

/**
 * Notes on the server, for a log fetched with the instructor key. Every save also goes to the
 * browser, so a server that is down (or a route not deployed yet) loses nothing.
 */
export function serverStore(match: ServerMatch, logId: string): AnnotationStore {
  const local = browserStore(logId);
  return {
    where: 'server',
    async load() {
      const [remote, mine] = await Promise.all([
        loadServerAnnotations(match).catch(() => [] as Annotation[]),
        local.load(),
      ]);
      return mergeAnnotations(readAnnotations(remote), mine);
    },
    async save(list) {
      await local.save(list);
      await saveServerAnnotations(match, list);
    },
  };
}

/**
 * The log as a file again, with the notes (and the debrief extras it carries, such as the edited
 * chapters) added beside its own fields.
 */
export function logWithNotes(
  log: MatchLog,
  annotations: readonly Annotation[],
  extras: Record<string, unknown> = {},
): string {
  return `${JSON.stringify({ ...log, ...extras, annotations: sortAnnotations(annotations) })}\n`;
}
