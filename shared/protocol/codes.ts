/**
 * The protocol's plain constants and join-code rules, with no dependency: the start screen reads
 * them (to check a typed code and explain a refusal) without loading zod and the engine that the
 * message schemas in messages.ts need. messages.ts re-exports everything here.
 */
export const PROTOCOL_VERSION = 1;

/**
 * Join codes: 6 characters of Crockford's base 32 (digits and letters without I, L, O, U), so
 * 32^6 = 2^30 codes. Look-alikes typed by a student are folded back: O→0, I and L→1.
 */
export const JOIN_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE_LENGTH = 6;

/**
 * A solo game's seat token is also what its player copies to another device (the resume code,
 * issue 14): 10 characters of the same alphabet, 50 bits, so the whole code reads
 * `ABC123-K7Q2M-9X4TZ` with no O/0 or l/I to confuse. Wrong guesses share the join-code limit
 * (server/rate-limit.ts). Class seats keep their 128-bit tokens, which nobody types.
 */
export const RESUME_TOKEN_LENGTH = 10;

export function isResumeToken(input: string): boolean {
  return (
    input.length === RESUME_TOKEN_LENGTH && [...input].every((c) => JOIN_CODE_ALPHABET.includes(c))
  );
}

export const NAME_MAX_LENGTH = 24;
export const ANNOUNCEMENT_MAX_LENGTH = 280;

/** Normalise what a student typed as a join code: upper case, no spaces or dashes. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isJoinCode(input: string): boolean {
  return (
    input.length === JOIN_CODE_LENGTH && [...input].every((c) => JOIN_CODE_ALPHABET.includes(c))
  );
}

/**
 * Display names: trimmed, inner whitespace collapsed, invisible format characters (zero-width
 * spaces and joiners, direction marks) removed so "Ana" and "Ana\u200b" are the same name;
 * 1–24 printable characters.
 */
export function normaliseName(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Close and join-refusal codes of the classroom room, for plain-words errors in the client. */
export const JOIN_ERROR = {
  wrongCode: 4101,
  locked: 4102,
  full: 4103,
  nameTaken: 4104,
  removed: 4105,
  invalid: 4106,
  ended: 4107,
  /** Too many wrong join codes from this address: wait a minute. */
  tooManyGuesses: 4108,
} as const;

/** Close codes the server uses when it disconnects a client. */
export const CLOSE_CODE = { removed: 4201, abuse: 4202, ended: 4203 } as const;
