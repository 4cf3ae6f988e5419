/**
 * The advisor: after each round, up to three hints drawn from the engine's explanations, each
 * naming its mechanism and the paper behind it. The player can switch it off (remembered); a
 * header button switches it back on.
 */
import type { AdvisorHint } from '../../shared/campaign/types';
import { h } from '../app/dom';
import { hasTranslation, t } from '../i18n';
import { glossary, text } from './catalog';
import { citeNode } from './cite';

/** A mechanism's name: our label, a glossary term of the same id, or the id in words. */
export function mechanismName(id: string): string {
  const key = `campaign:mechanism.${id}`;
  if (hasTranslation(key)) return t(key);
  const term = glossary().find((g) => g.id === id);
  if (term) return text(term.term);
  const words = id.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface AdvisorBox {
  element: HTMLElement;
  update(hints: readonly AdvisorHint[], round: number, enabled: boolean): void;
}

export function advisorBox(onHide: () => void): AdvisorBox {
  const title = h('h2', { class: 'cg-advisor-title', id: 'cg-advisor-title' });
  const hide = h('button', { type: 'button', class: 'cg-advisor-hide', id: 'cg-advisor-hide' });
  const list = h('ol', { class: 'cg-advisor-list' });
  const element = h(
    'section',
    {
      class: 'cg-advisor',
      id: 'cg-advisor',
      'aria-labelledby': title.id,
      'aria-live': 'polite',
      hidden: true,
    },
    h('div', { class: 'cg-advisor-head' }, title, hide),
    list,
  );
  hide.addEventListener('click', onHide);
  let shown = '';
  return {
    element,
    update(hints, round, enabled) {
      element.hidden = !enabled || hints.length === 0;
      title.textContent = t('campaign:advisor.title', { round });
      hide.textContent = t('campaign:advisor.hide');
      // Rebuilt only when the hints or the language change, so the live region speaks once.
      const key = JSON.stringify([t('campaign:advisor.title', { round }), hints]);
      if (key === shown) return;
      shown = key;
      list.replaceChildren(
        ...hints.map((hint) =>
          h(
            'li',
            { class: 'cg-hint', 'data-mechanism': hint.mechanism },
            h('span', { class: 'cg-mechanism' }, mechanismName(hint.mechanism)),
            h('p', { class: 'cg-hint-text' }, text(hint.text)),
            citeNode(hint.citation),
          ),
        ),
      );
    },
  };
}
