/** Small DOM helpers for the panels: elements are built with textContent only, never HTML. */

type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Create an element; `true` attributes are set empty, `false`/null/undefined are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** Set or clear an attribute from a nullable value. */
export function setAttr(node: Element, name: string, value: string | null): void {
  if (value === null) node.removeAttribute(name);
  else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Replace text only when it changed, so screen readers do not re-announce live regions. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** The element that has focus inside `root`, if any. */
export function focusedWithin(root: Element): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && root.contains(active) ? active : null;
}

export interface FocusMemory {
  id: string;
  selection: [number, number] | null;
}

/** Remember the focused control (and caret) before part of the panel is rebuilt. */
export function rememberFocus(root: Element): FocusMemory | null {
  const active = focusedWithin(root);
  if (!active || !active.id) return null;
  let selection: [number, number] | null = null;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
    try {
      if (active.selectionStart !== null && active.selectionEnd !== null) {
        selection = [active.selectionStart, active.selectionEnd];
      }
    } catch {
      // Number inputs have no selection API; the caret simply goes to the end.
    }
  }
  return { id: active.id, selection };
}

/** Put focus back on the same control after a rebuild, or on a fallback if it is gone. */
export function restoreFocus(memory: FocusMemory | null, fallbackIds: string[] = []): void {
  if (!memory) return;
  for (const id of [memory.id, ...fallbackIds]) {
    const node = document.getElementById(id);
    if (!(node instanceof HTMLElement) || node.hasAttribute('disabled')) continue;
    node.focus({ preventScroll: true });
    if (
      id === memory.id &&
      memory.selection &&
      (node instanceof HTMLTextAreaElement ||
        (node instanceof HTMLInputElement && node.type === 'text'))
    ) {
      node.setSelectionRange(memory.selection[0], memory.selection[1]);
    }
    return;
  }
}
