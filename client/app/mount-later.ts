/**
 * Mount a part of a screen whose code loads on demand (a dynamic import), so the screen can be
 * unmounted before or after it arrives: the returned function removes it either way. A part
 * that fails to load is left out; the rest of the screen works without it.
 */
export function mountLater(load: () => Promise<(() => void) | void>): () => void {
  let unmount: (() => void) | void = undefined;
  let gone = false;
  load().then(
    (off) => {
      if (gone) off?.();
      else unmount = off;
    },
    (error: unknown) => {
      console.warn('a part of the screen did not load', error);
    },
  );
  return () => {
    gone = true;
    unmount?.();
  };
}
