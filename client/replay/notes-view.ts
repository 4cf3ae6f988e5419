/**
 * Annotations in the sidebar: write a note, bookmark the current round with it, see every note
 * in round order (a click jumps there) and delete one. Saving goes through the AnnotationStore
 * (server or browser); the line under the form says where the notes went.
 */
import { t } from '../i18n';
import { h, tx } from '../app/dom';
import {
  NOTE_MAX_LENGTH,
  sortAnnotations,
  type Annotation,
  type AnnotationStore,
} from './annotations';

export interface NotesPanel {
  element: HTMLElement;
  update(round: number): void;
  list(): Annotation[];
  relabel(): void;
}

export function mountNotes(
  store: AnnotationStore,
  initial: readonly Annotation[],
  yearOf: (round: number) => number,
  onJump: (round: number) => void,
  onChange: (list: Annotation[]) => void,
): NotesPanel {
  let notes = sortAnnotations(initial);
  let round = 0;
  const text = h('textarea', { id: 'replay-note-text', rows: 2, maxlength: NOTE_MAX_LENGTH });
  const label = h('label', { for: 'replay-note-text' });
  const add = h('button', {
    type: 'button',
    class: 'btn btn-primary btn-small',
    id: 'replay-note-add',
  });
  const status = h('p', {
    class: 'muted replay-note-status',
    role: 'status',
    id: 'replay-note-status',
  });
  const list = h('ol', { class: 'replay-notes', id: 'replay-notes' });
  const element = h(
    'div',
    { class: 'replay-notes-box' },
    h('div', { class: 'field' }, label, text),
    add,
    status,
    list,
  );
  let saved: 'ok' | 'failed' | null = null;

  async function save(next: Annotation[]): Promise<void> {
    notes = sortAnnotations(next);
    onChange(notes);
    render();
    try {
      await store.save(notes);
      saved = 'ok';
    } catch {
      // The browser copy is kept by the store; only the server copy is behind.
      saved = 'failed';
    }
    renderStatus();
  }

  function renderStatus(): void {
    status.textContent =
      saved === 'failed'
        ? t('replay:notes.serverFailed')
        : t(store.where === 'server' ? 'replay:notes.whereServer' : 'replay:notes.whereBrowser');
  }

  function render(): void {
    label.textContent = t('replay:notes.label', { round });
    add.textContent = t('replay:notes.add', { round });
    list.replaceChildren(
      ...notes.map((note) => {
        const jump = h(
          'button',
          { type: 'button', class: 'btn-link replay-note-jump' },
          t('replay:notes.when', { round: note.round, year: yearOf(note.round) }),
        );
        jump.addEventListener('click', () => onJump(note.round));
        const remove = h(
          'button',
          { type: 'button', class: 'btn btn-small replay-note-delete' },
          '✕',
        );
        remove.setAttribute('aria-label', t('replay:notes.delete', { round: note.round }));
        remove.addEventListener('click', () => void save(notes.filter((n) => n !== note)));
        return h(
          'li',
          { class: note.round === round ? 'replay-note-current' : '' },
          jump,
          h('span', { class: 'replay-note-text' }, note.note),
          remove,
        );
      }),
    );
    if (notes.length === 0) list.append(tx('li', 'replay:notes.none', { class: 'muted' }));
  }

  add.addEventListener('click', () => {
    const note = text.value.trim();
    if (!note) {
      text.focus();
      return;
    }
    text.value = '';
    void save([...notes, { round, note, at: Date.now() }]);
  });

  render();
  renderStatus();
  return {
    element,
    update(next) {
      if (next === round) return;
      round = next;
      render();
    },
    list: () => [...notes],
    relabel() {
      render();
      renderStatus();
    },
  };
}
