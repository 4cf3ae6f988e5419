/**
 * A solo game opened in a second tab moves there quietly (issue 14): this tab says where the
 * game went and offers to bring it back ("Play here" resumes it, which in turn moves the other
 * tab here). A class gets the start screen's notice instead, since a student with two windows on
 * one seat is worth telling.
 */
import { onLanguageChange, t } from '../i18n';
import { h } from './dom';

export function mountElsewhere(root: HTMLElement, onPlayHere: () => void): () => void {
  const text = h('p', { id: 'elsewhere-text' });
  const button = h('button', { type: 'button', id: 'elsewhere-play', class: 'btn btn-primary' });
  const box = h(
    'section',
    { class: 'app-shell app-elsewhere', role: 'status', 'aria-live': 'polite' },
    text,
    button,
  );
  const label = (): void => {
    text.textContent = t('app:elsewhere.text');
    button.textContent = t('app:elsewhere.playHere');
  };
  button.addEventListener('click', onPlayHere);
  label();
  const off = onLanguageChange(label);
  root.replaceChildren(box);
  button.focus();
  return () => {
    off();
    box.remove();
  };
}
