/**
 * Canonical state hash. Keys are sorted and numbers printed by JSON.stringify, whose
 * shortest-round-trip formatting of doubles is fixed by the ECMAScript spec, so Node and every
 * browser produce the same text and therefore the same hash.
 */

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error(`non-finite number in state: ${String(value)}`);
    }
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits (two 32-bit halves via Math.imul). */
export function fnv1a64(text: string): string {
  // 64-bit FNV offset basis cbf29ce484222325, prime 100000001b3, split into 16-bit limbs.
  let h0 = 0x2325,
    h1 = 0x8422,
    h2 = 0x9ce4,
    h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i);
    // multiply (h3,h2,h1,h0) by prime (0x0000,0x0100,0x0000,0x01b3) modulo 2^64
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3 + h0 * 0x100;
    const t3 = h3 * 0x1b3 + h1 * 0x100;
    h0 = t0 & 0xffff;
    const c1 = t1 + (t0 >>> 16);
    h1 = c1 & 0xffff;
    const c2 = t2 + Math.floor(c1 / 65536);
    h2 = c2 & 0xffff;
    h3 = (t3 + Math.floor(c2 / 65536)) & 0xffff;
  }
  const hex = (n: number): string => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

export function hashState(value: unknown): string {
  return fnv1a64(canonicalJson(value));
}
