/**
 * The secrets of a session: seat tokens (a student's browser keeps one to reclaim its seat after
 * a reload, a dropped connection or a restart), instructor keys and their hashes. Only hashes are
 * stored; the seat rules themselves are the session machine's (server/session/seat-rules.ts).
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { JOIN_CODE_ALPHABET, RESUME_TOKEN_LENGTH } from '../../shared/protocol/codes';

export function newSecret(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** A solo game's seat token, short enough to type (shared/protocol/codes.ts). */
export function newResumeToken(): string {
  let token = '';
  for (let i = 0; i < RESUME_TOKEN_LENGTH; i++) {
    token += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  }
  return token;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Constant-time comparison of a presented secret with a stored SHA-256 hash. */
export function matchesHash(secret: string, hash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
