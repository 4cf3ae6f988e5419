/**
 * Plain-words errors. The server answers with numbers (join refusal codes, close codes, HTTP
 * statuses) and stable `error` codes; the client maps each to one kind, translated at display
 * time so a language switch also changes the message already on screen.
 */
import { CLOSE_CODE, JOIN_ERROR } from '../../shared/protocol/codes';
import type { ErrorMessage } from '../../shared/protocol/messages';
import { hasTranslation, t } from '../i18n';

export type ProblemKind =
  | 'wrongCode'
  | 'wrongKey'
  | 'locked'
  | 'full'
  | 'nameTaken'
  | 'removed'
  | 'invalid'
  | 'ended'
  | 'tooManyGuesses'
  | 'tooManySessions'
  | 'badConfig'
  | 'sessionGone'
  | 'otherWindow'
  | 'abuse'
  | 'offline'
  | 'timeout'
  | 'server';

export class SessionError extends Error {
  constructor(
    readonly kind: ProblemKind,
    /** The server's own words (English), kept for logs and as a detail line. */
    readonly detail = '',
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
    this.name = 'SessionError';
  }

  /** The message for people, in the current language. */
  text(): string {
    return problemText(this.kind);
  }
}

export function problemText(kind: ProblemKind): string {
  return t(`app:problem.${kind}`);
}

/** An HTTP status of one of our routes. */
export function httpProblem(status: number, path: string): ProblemKind {
  const joining = path.startsWith('/api/join');
  if (status === 404) return joining ? 'wrongCode' : 'sessionGone';
  if (status === 429) return joining ? 'tooManyGuesses' : 'tooManySessions';
  if (status === 401 || status === 403) return 'wrongKey';
  if (status === 400) return path.startsWith('/api/sessions') ? 'badConfig' : 'invalid';
  return 'server';
}

const JOIN_KINDS: Record<number, ProblemKind> = {
  [JOIN_ERROR.wrongCode]: 'wrongCode',
  [JOIN_ERROR.locked]: 'locked',
  [JOIN_ERROR.full]: 'full',
  [JOIN_ERROR.nameTaken]: 'nameTaken',
  [JOIN_ERROR.removed]: 'removed',
  [JOIN_ERROR.invalid]: 'invalid',
  [JOIN_ERROR.ended]: 'ended',
  [JOIN_ERROR.tooManyGuesses]: 'tooManyGuesses',
};

/** Colyseus' own matchmaking codes for a room that no longer exists or a stale token. */
const GONE_CODES = new Set([4210, 4211, 4212, 4213, 4214, 4216]);

/** Turn whatever colyseus.js or fetch threw while joining into a SessionError. */
export function joinProblem(error: unknown, asInstructor = false): SessionError {
  if (error instanceof SessionError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'number') {
    const kind = JOIN_KINDS[code];
    if (kind === 'wrongCode' && asInstructor) return new SessionError('wrongKey', message);
    if (kind) return new SessionError(kind, message);
    if (GONE_CODES.has(code)) return new SessionError('sessionGone', message);
    if (code >= 500 || code === 0) return new SessionError('server', message);
  }
  if (error instanceof TypeError || /network|fetch|connect|ECONNREFUSED/i.test(message)) {
    return new SessionError('offline', message);
  }
  return new SessionError('server', message);
}

/** Why the server closed our connection, or null when it may simply be retried. */
export function closeProblem(code: number, reason = ''): ProblemKind | null {
  if (code === CLOSE_CODE.removed)
    return /another window/i.test(reason) ? 'otherWindow' : 'removed';
  if (code === CLOSE_CODE.abuse) return 'abuse';
  if (code === CLOSE_CODE.ended) return 'ended';
  return null;
}

/** Codes of a refused message: the server's, plus one for a message the client could not send. */
export type MessageProblemCode = ErrorMessage['code'] | 'offline';

/** A refusal of one message (`error` from the server) in plain words, with the server's reason. */
export interface ServerProblem extends Omit<ErrorMessage, 'code'> {
  code: MessageProblemCode;
  /** Translated headline. */
  text: string;
}

export function serverProblem(
  message: Omit<ErrorMessage, 'code'> & { code: MessageProblemCode },
): ServerProblem {
  const key = `app:serverError.${message.code}`;
  return { ...message, text: t(hasTranslation(key, 'en') ? key : 'app:serverError.unknown') };
}
