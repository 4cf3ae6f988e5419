/**
 * The policy panel's section menu (issue 14: reaching environmental enforcement took 60 Tab
 * presses). One link per plan section at the top of the panel; following one moves focus into
 * that section (its first control that can be used, else its heading), so any section is a few
 * key presses away. The links are ordinary in-page links, so screen readers list them too.
 */
import type { PlanSection } from '../../shared/protocol/roles';
import { t } from '../i18n';
import { h } from './dom';

const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

export interface SectionMenu {
  element: HTMLElement;
  relabel(): void;
}

export function sectionMenu(prefix: string, sections: readonly PlanSection[]): SectionMenu {
  const links = sections.map((section) => {
    const target = `${prefix}section-${section}`;
    const link = h('a', { href: `#${target}`, id: `${prefix}goto-${section}`, class: 'pp-goto' });
    link.addEventListener('click', (event) => {
      const box = document.getElementById(target);
      if (!box) return;
      event.preventDefault();
      const heading = box.querySelector<HTMLElement>('h3');
      const first = firstTabStop(box);
      const focus = first ?? heading;
      if (focus === heading) heading?.setAttribute('tabindex', '-1');
      focus?.focus();
      focus?.scrollIntoView({ block: 'nearest' });
    });
    return { section, link };
  });
  const element = h(
    'nav',
    { class: 'pp-menu', 'aria-labelledby': `${prefix}menu-label` },
    h('span', { class: 'pp-menu-label', id: `${prefix}menu-label` }),
    h('ul', {}, ...links.map(({ link }) => h('li', {}, link))),
  );
  const relabel = (): void => {
    element.querySelector('.pp-menu-label')!.textContent = t('panel:menu.label');
    for (const { section, link } of links) link.textContent = t(`panel:menu.${section}`);
  };
  relabel();
  return { element, relabel };
}

/** The first control Tab would reach in `box`: in a radio group, the checked radio. */
function firstTabStop(box: HTMLElement): HTMLElement | null {
  for (const el of box.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) {
      const group = box.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${el.name}"]`);
      if ([...group].some((r) => r.checked)) continue;
    }
    return el;
  }
  return null;
}
