/**
 * Building blocks of the instructor's screen: titled panels, switches that mirror the server's
 * state, the once-only instructor key notice and the full-screen join code for the projector.
 */
import { t } from '../i18n';
import type { ClientMessageType, ClientMessages } from '../net/messages';
import { copyText, h, tx } from './dom';

/** A piece of the screen that redraws itself from the session. */
export interface Part {
  element: HTMLElement;
  /** Mirror the room state (called on every state change). */
  update(): void;
  /** Reword after a language switch, when `update` alone would skip unchanged data. */
  relabel?(): void;
  destroy?(): void;
}

/** Send one protocol message; false when it was refused before leaving the browser. */
export type Send = <T extends ClientMessageType>(type: T, body: ClientMessages[T]) => boolean;

export function panel(id: string, titleKey: string, ...children: HTMLElement[]): HTMLElement {
  return h(
    'section',
    { class: 'panel', id, 'aria-labelledby': `${id}-title` },
    tx('h2', titleKey, { id: `${id}-title` }),
    ...children,
  );
}

/** A checkbox styled as a switch; `set` mirrors the server's state without sending. */
export function toggle(
  id: string,
  labelKey: string,
  onChange: (on: boolean) => void,
): { element: HTMLElement; set(on: boolean): void } {
  const input = h('input', { type: 'checkbox', role: 'switch', id });
  input.addEventListener('change', () => onChange(input.checked));
  return {
    element: h('div', { class: 'switch' }, input, tx('label', labelKey, { for: id })),
    set(on) {
      if (input.checked !== on) input.checked = on;
    },
  };
}

export function keyNotice(key: string): HTMLElement {
  const value = h('code', { class: 'key-value', id: 'instructor-key' }, key);
  const copy = tx('button', 'instructor:key.copy', { type: 'button', class: 'btn' });
  const done = tx('button', 'instructor:key.done', {
    type: 'button',
    class: 'btn btn-primary',
    id: 'key-done',
  });
  const banner = h(
    'section',
    { class: 'key-banner', role: 'region', 'aria-labelledby': 'key-title' },
    tx('h2', 'instructor:key.title', { id: 'key-title' }),
    h('p', { class: 'key-row' }, value, copy),
    tx('p', 'instructor:key.warning', { class: 'key-warning' }),
    done,
  );
  copy.addEventListener('click', () => {
    void copyText(key, value).then((ok) => {
      copy.textContent = t(ok ? 'instructor:key.copied' : 'instructor:key.selectToCopy');
    });
  });
  done.addEventListener('click', () => banner.remove());
  return banner;
}

/** The join code full screen, large enough to read from the back of a classroom. */
export function projectCode(code: string, url: string): void {
  const close = tx('button', 'instructor:project.close', {
    type: 'button',
    class: 'btn btn-large',
  });
  const dialog = h(
    'dialog',
    { class: 'projector', 'aria-labelledby': 'projector-title' },
    tx('p', 'instructor:project.title', { id: 'projector-title', class: 'projector-title' }),
    h('p', { class: 'projector-code', id: 'projector-code' }, code),
    tx('p', 'instructor:project.where', { class: 'projector-where' }),
    h('p', { class: 'projector-url' }, url),
    close,
  );
  const finish = (): void => {
    dialog.close();
    dialog.remove();
  };
  close.addEventListener('click', finish);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}
