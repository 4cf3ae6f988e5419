/**
 * The glossary (SEZ, ETDZ, specialised town, embeddedness, Marshallian district, …): every
 * shared GLOSSARY entry with its definition and source, in a modal dialog that closes on
 * Escape and gives focus back to the button that opened it.
 */
import { h } from '../app/dom';
import { onLanguageChange, t } from '../i18n';
import { glossary, text } from './catalog';
import { citeNode } from './cite';

export function openGlossary(opener: HTMLElement | null): void {
  const title = h('h2', { id: 'cg-glossary-title' });
  const filter = h('input', { type: 'search', id: 'cg-glossary-filter', autocomplete: 'off' });
  const filterLabel = h('label', { for: filter.id });
  const list = h('dl', { class: 'cg-glossary-list' });
  const close = h('button', { type: 'button', class: 'btn', id: 'cg-glossary-close' });
  const dialog = h(
    'dialog',
    { class: 'app-dialog cg-dialog cg-glossary', 'aria-labelledby': title.id },
    h('div', { class: 'cg-dialog-head' }, title, close),
    h('div', { class: 'field cg-glossary-filter' }, filterLabel, filter),
    list,
  );

  const render = (): void => {
    title.textContent = t('campaign:glossary.title');
    filterLabel.textContent = t('campaign:glossary.filter');
    close.textContent = t('campaign:glossary.close');
    const wanted = filter.value.trim().toLocaleLowerCase();
    const entries = glossary().filter(
      (g) =>
        !wanted ||
        `${text(g.term)} ${g.term.en} ${text(g.definition)}`.toLocaleLowerCase().includes(wanted),
    );
    list.replaceChildren(
      ...entries.flatMap((g) => [
        h('dt', { id: `cg-term-${g.id}` }, text(g.term)),
        h(
          'dd',
          {},
          h('p', {}, text(g.definition)),
          h('div', { class: 'cg-source' }, t('campaign:glossary.source'), ' ', citeNode(g.source)),
        ),
      ]),
    );
    if (entries.length === 0) list.append(h('p', { class: 'muted' }, t('campaign:glossary.none')));
  };

  const offLanguage = onLanguageChange(render);
  const finish = (): void => {
    offLanguage();
    dialog.close();
    dialog.remove();
    opener?.focus();
  };
  filter.addEventListener('input', render);
  close.addEventListener('click', finish);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    finish();
  });
  render();
  document.body.append(dialog);
  dialog.showModal();
  filter.focus();
}
