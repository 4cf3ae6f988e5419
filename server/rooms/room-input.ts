/**
 * A client's message as a session command, or the error that refuses it: rate limit, size,
 * role, message type and schema. Nothing here changes the session; the machine decides.
 */
import {
  INSTRUCTOR_PREFIX,
  describeIssues,
  instructorMessages,
  studentMessages,
  type ErrorMessage,
  type InstructorMessageType,
  type StudentMessageType,
} from '../../shared/protocol/messages';
import type { ServerMessages, ServerMessageType } from '../../shared/protocol/wire-messages';
import type { ClientRateLimiter } from '../rate-limit';
import type { Command, InstructorCommand, StudentCommand } from '../session/types';

export const MAX_MESSAGE_JSON = 8 * 1024;

export interface Sender {
  playerId: string | null;
  instructor: boolean;
  limiter: ClientRateLimiter;
}

export type Translation =
  | { kind: 'command'; command: Command }
  | { kind: 'error'; error: ErrorMessage }
  | { kind: 'abuse' }
  | { kind: 'pong' };

function sizeOf(message: unknown): number {
  try {
    return JSON.stringify(message ?? null).length;
  } catch (_error) {
    return Infinity;
  }
}

export function translate(
  sender: Sender,
  type: string,
  message: unknown,
  now: number,
): Translation {
  const error = (code: ErrorMessage['code'], reason: string, extra = {}): Translation => ({
    kind: 'error',
    error: { code, type, reason, ...extra },
  });
  const verdict = sender.limiter.check(now);
  if (verdict === 'abuse') return { kind: 'abuse' };
  if (verdict === 'limited') return error('rateLimited', 'too many messages: slow down');
  if (sizeOf(message) > MAX_MESSAGE_JSON) {
    return error('tooLarge', `message over ${MAX_MESSAGE_JSON} bytes`);
  }
  if (type.startsWith(INSTRUCTOR_PREFIX)) {
    const action = type.slice(INSTRUCTOR_PREFIX.length);
    if (!sender.instructor) return error('forbidden', 'only the instructor can do that');
    if (!Object.hasOwn(instructorMessages, action)) {
      return error('unknownMessage', `unknown control "${action}"`);
    }
    const parsed = instructorMessages[action as InstructorMessageType].safeParse(message ?? {});
    if (!parsed.success) return error('invalid', '', describeIssues(parsed.error));
    const command = { action, payload: parsed.data } as InstructorCommand;
    return { kind: 'command', command: { type: 'instructor', now, ...command } };
  }
  if (!Object.hasOwn(studentMessages, type)) {
    return error('unknownMessage', `unknown message "${type}"`);
  }
  const parsed = studentMessages[type as StudentMessageType].safeParse(message ?? {});
  if (!parsed.success) return error('invalid', '', describeIssues(parsed.error));
  if (type === 'ping') return { kind: 'pong' };
  if (!sender.playerId) return error('forbidden', 'you have no town in this session');
  const studentCommand = { type, ...(parsed.data as object) } as StudentCommand;
  return {
    kind: 'command',
    command: { type: 'student', now, playerId: sender.playerId, message: studentCommand },
  };
}

/** Send a server message with the body its type requires (shared/protocol/wire-messages.ts). */
export function send<K extends ServerMessageType>(
  to: { send(type: string, message: unknown): void } | undefined,
  type: K,
  body: ServerMessages[K],
): void {
  to?.send(type, body);
}

/** Broadcast a server message to every client of a room, typed like `send`. */
export function broadcast<K extends ServerMessageType>(
  room: { broadcast(type: string, message: unknown): void },
  type: K,
  body: ServerMessages[K],
): void {
  room.broadcast(type, body);
}
