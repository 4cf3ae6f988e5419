/**
 * One Tab stop for a group of checkboxes (issue 14: fewer key presses). Tab enters the group
 * on the box last used; arrow keys, Home and End move between boxes; Space ticks, as in any
 * checkbox. Each box keeps its own label and state for screen readers.
 */
const NEXT = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

export function rovingFocus(items: readonly HTMLInputElement[], start = 0): void {
  let active = Math.min(Math.max(0, start), items.length - 1);
  const activate = (index: number): void => {
    active = index;
    items.forEach((item, i) => (item.tabIndex = i === index ? 0 : -1));
  };
  activate(active);
  items.forEach((item, i) => {
    item.addEventListener('focus', () => activate(i));
    item.addEventListener('keydown', (event) => {
      let next: number | null = null;
      if (NEXT.has(event.key)) next = (i + 1) % items.length;
      else if (PREVIOUS.has(event.key)) next = (i - 1 + items.length) % items.length;
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = items.length - 1;
      if (next === null) return;
      event.preventDefault();
      activate(next);
      items[next].focus();
    });
  });
}
