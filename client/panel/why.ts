/**
 * The "Why?" disclosure next to every number (DESIGN §5: every number explained in one click).
 * A real button with aria-expanded toggling a region right after it: Enter or Space opens it,
 * and the explanation is read next in reading order.
 */
import { t } from '../i18n';
import { h } from './dom';

export interface Why {
  button: HTMLButtonElement;
  region: HTMLElement;
}

export function why(id: string, what: string, explain: () => Node[], expanded: Set<string>): Why {
  const region = h('div', { class: 'why-region', id: `${id}-why`, hidden: true });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'why',
      id: `${id}-why-button`,
      'aria-expanded': 'false',
      'aria-controls': region.id,
      'aria-label': t('results:whyLabel', { what }),
    },
    t('results:why'),
  );
  const set = (open: boolean): void => {
    // Built on opening, so a panel with a hundred numbers stays cheap to render.
    if (open && region.childElementCount === 0) region.replaceChildren(...explain());
    region.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) expanded.add(id);
    else expanded.delete(id);
  };
  button.addEventListener('click', () => set(region.hidden));
  if (expanded.has(id)) set(true);
  return { button, region };
}
