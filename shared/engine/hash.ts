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

/**
 * 64-bit FNV-1a over UTF-16 code units, as 16 hex digits. The 64-bit state is two signed 32-bit
 * halves, and the multiplication by the prime 2^40 + 0x1b3 is split so that every step is an
 * exact integer operation (16-bit × 0x1b3 products stay far below 2^53): the same digits in every
 * JavaScript engine, about twice as fast as four 16-bit limbs with floating-point carries.
 */
export function fnv1a64(text: string): string {
  let lo = 0x84222325 | 0; // offset basis cbf29ce4 84222325
  let hi = 0xcbf29ce4 | 0;
  for (let i = 0; i < text.length; i++) {
    lo ^= text.charCodeAt(i);
    // lo × 0x1b3 as two 16-bit products; the part above bit 32 carries into hi.
    const low16 = (lo & 0xffff) * 0x1b3;
    const high16 = (lo >>> 16) * 0x1b3 + (low16 >>> 16);
    const nextLo = (high16 << 16) | (low16 & 0xffff);
    // hi × 0x1b3 + carry + the 2^40 term (lo shifted 8 bits into hi), modulo 2^32.
    hi = (Math.imul(hi, 0x1b3) + (high16 >>> 16) + (lo << 8)) | 0;
    lo = nextLo;
  }
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  return hex(hi) + hex(lo);
}

export function hashState(value: unknown): string {
  return fnv1a64(canonicalJson(value));
}
