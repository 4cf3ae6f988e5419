/**
 * The secrets of a session: seat tokens (a student's browser keeps one to reclaim its seat after
 * a reload, a dropped connection or a restart), instructor keys and their hashes. Only hashes are
 * stored; the seat rules themselves are the session machine's (server/session/seat-rules.ts).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecret(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
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
