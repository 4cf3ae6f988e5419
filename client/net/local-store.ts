/**
 * This browser's memory (localStorage) as JSON. Storage can be missing, refused (private modes,
 * sandboxed frames) or full: then the game works on without remembering, never fails.
 */

export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The parsed value under `key`, or null when absent or not JSON (callers check its shape). */
export function readStored<T = unknown>(key: string): T | null {
  const raw = browserStorage()?.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    browserStorage()?.setItem(key, JSON.stringify(value));
  } catch {
    // A full storage loses the memory, never the game.
  }
}

export function removeStored(key: string): void {
  try {
    browserStorage()?.removeItem(key);
  } catch {
    // Nothing to do: a storage that refuses removal keeps a stale value, never breaks the game.
  }
}

/** Every stored key that starts with `prefix`. */
export function storedKeys(prefix: string): string[] {
  const storage = browserStorage();
  if (!storage) return [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    return [];
  }
  return keys;
}
