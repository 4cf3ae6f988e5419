/**
 * Tells a town's students what the caretaker could not keep when it played their town (issue
 * 11): a standing policy that no longer fitted the budget was dropped, and the round resolved
 * rather than stalling the class. Private to the town, like its explanations.
 */
import type { CaretakerDrop } from '../../shared';
import { onLanguageChange, t } from '../i18n';
import type { Session } from '../net/session-client';
import { h } from '../panel/dom';

function dropsOf(raw: string | undefined): CaretakerDrop[] {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as CaretakerDrop[]) : [];
  } catch (_error) {
    return [];
  }
}

export function mountCaretakerNotice(column: HTMLElement, session: Session): () => void {
  const element = h('p', { class: 'play-caretaker', id: 'play-caretaker', role: 'status' });
  element.hidden = true;
  column.prepend(element);
  const render = (): void => {
    const townId = session.townId;
    const drops = dropsOf(townId ? session.state.towns?.get(townId)?.private?.caretaker : '');
    element.hidden = drops.length === 0;
    const items = drops.map((d) => t(`play:caretaker.item.${d.path}`, { defaultValue: d.path }));
    element.textContent =
      drops.length === 0 ? '' : t('play:caretaker.dropped', { items: items.join(', ') });
  };
  const offChange = session.onChange(render);
  const offLanguage = onLanguageChange(render);
  render();
  return () => {
    offChange();
    offLanguage();
    element.remove();
  };
}
