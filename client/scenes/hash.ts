/** FNV-1a: a stable 32-bit hash for deterministic "variety" (no Math.random anywhere). */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function clamp01(v: number): number {
  return Math.max(0, Math.min(1, v));
}
