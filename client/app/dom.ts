/**
 * Small DOM helpers for the start and instructor screens. Elements are built with textContent
 * only, never HTML. Static texts carry their translation key (`data-i18n`), so a language switch
 * re-translates a screen in place without losing what was typed into its forms.
 */
import { SessionError, type ProblemKind } from '../net/errors';
import { h, type Attrs } from '../panel/dom';
import {
  LANGUAGES,
  currentLanguage,
  onLanguageChange,
  setLanguage,
  t,
  type TranslationVars,
} from '../i18n';

// One element builder for the whole client (the panels' own).
export { h, type Attrs };

/** An element whose text is the translation of `key` and follows language switches. */
export function tx<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  key: string,
  attrs: Attrs = {},
  vars?: TranslationVars,
): HTMLElementTagNameMap[K] {
  const node = h(tag, { ...attrs, 'data-i18n': key });
  if (vars) node.dataset.i18nVars = JSON.stringify(vars);
  node.textContent = t(key, vars);
  return node;
}

/** Translate an attribute (placeholder, aria-label, title) and keep it translated. */
export function txAttr(node: Element, attr: string, key: string): void {
  const list = (node.getAttribute('data-i18n-attrs') ?? '').split(';').filter(Boolean);
  list.push(`${attr}=${key}`);
  node.setAttribute('data-i18n-attrs', list.join(';'));
  node.setAttribute(attr, t(key));
}

/** Re-apply every translation under `root` (after a language switch). */
export function translateTree(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    const vars = node.dataset.i18nVars
      ? (JSON.parse(node.dataset.i18nVars) as TranslationVars)
      : undefined;
    setText(node, t(node.dataset.i18n!, vars));
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-attrs]').forEach((node) => {
    for (const pair of node.dataset.i18nAttrs!.split(';')) {
      const [attr, key] = pair.split('=');
      if (attr && key) node.setAttribute(attr, t(key));
    }
  });
}

/** Replace text only when it changed, so screen readers do not re-announce live regions. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** English / 中文 buttons (aria-pressed), always in the header of every screen. */
export function languageSwitch(): HTMLElement {
  const group = h('div', { class: 'app-language', role: 'group' });
  txAttr(group, 'aria-label', 'app:language.label');
  const buttons = LANGUAGES.map((lang) => {
    const button = h(
      'button',
      { type: 'button', lang: lang === 'zh' ? 'zh-CN' : 'en', 'data-lang': lang },
      t(`app:language.${lang}`),
    );
    button.addEventListener('click', () => setLanguage(lang));
    return button;
  });
  const mark = (): void => {
    for (const b of buttons)
      b.setAttribute('aria-pressed', String(b.dataset.lang === currentLanguage()));
  };
  mark();
  onLanguageChange(mark);
  group.append(...buttons);
  return group;
}

export interface ConfirmOptions {
  title: string;
  body: string;
  confirm: string;
  /** Style the confirm button as destructive. */
  danger?: boolean;
}

/**
 * Ask before a destructive control. A modal <dialog> traps focus and closes on Escape; the
 * cancel button has focus first, so a stray Enter never confirms.
 */
export function confirmAction(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const cancel = h('button', { type: 'button', class: 'btn' }, t('app:dialog.cancel'));
    const ok = h(
      'button',
      { type: 'button', class: options.danger ? 'btn btn-danger' : 'btn btn-primary' },
      options.confirm,
    );
    const dialog = h(
      'dialog',
      {
        class: 'app-dialog',
        'aria-labelledby': 'confirm-title',
        'aria-describedby': 'confirm-body',
      },
      h('h2', { id: 'confirm-title' }, options.title),
      h('p', { id: 'confirm-body' }, options.body),
      h('div', { class: 'app-dialog-actions' }, cancel, ok),
    );
    const finish = (answer: boolean): void => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    cancel.addEventListener('click', () => finish(false));
    ok.addEventListener('click', () => finish(true));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/** Copy text, falling back to selecting it when the clipboard is not available (plain http). */
export async function copyText(text: string, fallbackTarget?: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallbackTarget) {
      const range = document.createRange();
      range.selectNodeContents(fallbackTarget);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    return false;
  }
}

/** Mark a form field invalid with a message linked for screen readers, or clear it. */
export function fieldError(input: HTMLElement, message: HTMLElement, text: string | null): void {
  message.textContent = text ?? '';
  message.hidden = !text;
  // A field's own hint (data-hint) stays described; the error is added in front of it.
  const ids = [text ? message.id : '', input.dataset.hint ?? ''].filter(Boolean);
  if (text) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  if (ids.length > 0) input.setAttribute('aria-describedby', ids.join(' '));
  else input.removeAttribute('aria-describedby');
}

/** Disable a button while async work runs, with a busy label. */
export async function busy<T>(
  button: HTMLButtonElement,
  label: string,
  work: () => Promise<T>,
): Promise<T> {
  const before = button.textContent;
  const key = button.dataset.i18n;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  delete button.dataset.i18n;
  button.textContent = label;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    if (key) {
      button.dataset.i18n = key;
      button.textContent = t(key);
    } else button.textContent = before;
  }
}

/** The id of the focused control inside `root`, to focus it again after a rebuild. */
export function rememberFocus(root: Element): string | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && root.contains(active) && active.id ? active.id : null;
}

// ---------------------------------------------------------------------------------------------
// Forms

let fieldCount = 0;

/** A labelled control with an optional hint and an error line, linked for screen readers. */
export function field(
  labelKey: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hintKey?: string,
): { wrap: HTMLElement; error: HTMLElement } {
  const id = control.id || `field-${++fieldCount}`;
  control.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const hint = hintKey ? tx('p', hintKey, { class: 'field-hint', id: `${id}-hint` }) : null;
  if (hint) {
    control.dataset.hint = hint.id;
    control.setAttribute('aria-describedby', hint.id);
  }
  const wrap = h(
    'div',
    { class: 'field' },
    tx('label', labelKey, { for: id }),
    control,
    hint,
    error,
  );
  return { wrap, error };
}

export function checkbox(
  id: string,
  labelKey: string,
  checked: boolean,
  hintKey: string,
): HTMLElement {
  const input = h('input', { type: 'checkbox', id, checked });
  const hint = tx('span', hintKey, { class: 'field-hint', id: `${id}-hint` });
  input.setAttribute('aria-describedby', hint.id);
  return h('div', { class: 'check' }, input, h('label', { for: id }, tx('span', labelKey), hint));
}

/** Show a problem in words that follow language switches. */
export function showProblem(target: HTMLElement, error: unknown): ProblemKind {
  const kind = error instanceof SessionError ? error.kind : 'server';
  target.dataset.i18n = `app:problem.${kind}`;
  target.textContent = t(`app:problem.${kind}`);
  target.hidden = false;
  return kind;
}

export function hideProblem(target: HTMLElement): void {
  target.hidden = true;
  delete target.dataset.i18n;
  target.textContent = '';
}
