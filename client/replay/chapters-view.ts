/**
 * The Chapters tab (issue 15): the match's story chapter by chapter, "Go to" jumping the viewer
 * to a chapter's first round and town (and, when presenting, showing the class its card). The
 * instructor (a server log with the key, or any local file) may reorder, edit, drop and add
 * chapters and save them where the notes go; a follower only reads them.
 */
import type { MatchState } from '../../shared';
import type { Chapter } from '../../shared/debrief/types';
import { CHAPTER_TEXT_MAX, type EditedChapter } from '../../shared/debrief/extras';
import { currentLanguage, t } from '../i18n';
import { h, tx } from '../app/dom';
import { townName } from '../panel/labels';
import { chapterBody, chapterMeta, chapterTitle } from './chapters-card';
import {
  CHAPTER_TITLE_MAX,
  addChapter,
  chapterAt,
  dropChapter,
  editChapter,
  moveChapter,
  resetChapters,
  serialiseChapters,
  shownChapter,
  workingChapters,
  type ChapterError,
  type ChapterResult,
  type WorkingChapter,
} from './chapters-model';
import type { ChapterStore } from './chapters-store';

export interface ChaptersOptions {
  detected: readonly Chapter[];
  saved: EditedChapter[] | null;
  store: ChapterStore;
  start: MatchState;
  rounds: number;
  yearOf: (round: number) => number;
  onGo: (chapter: WorkingChapter) => void;
  /** The saved list after each save (for the download). */
  onSaved: (list: EditedChapter[]) => void;
}

export interface ChaptersPanel {
  element: HTMLElement;
  /** The chapter with this id while `round` is inside it. */
  at(id: string | undefined, round: number): WorkingChapter | null;
  find(id: string | undefined): WorkingChapter | null;
  update(round: number, presented: string | undefined): void;
  relabel(): void;
}

type Status = 'saved' | 'unsaved' | 'failed' | null;

export function mountChapters(options: ChaptersOptions): ChaptersPanel {
  const { store, start } = options;
  const editable = store.where !== 'readOnly';
  let list = workingChapters(options.detected, options.saved);
  let editing = false;
  let editingId: string | null = null;
  let round = 0;
  let presented: string | undefined;
  let status: Status = null;
  let failure = '';
  let error: { code: ChapterError } | null = null;

  const editToggle = h('button', {
    type: 'button',
    class: 'btn btn-small',
    id: 'chapters-edit',
    hidden: !editable,
  });
  const listElement = h('ol', { class: 'chapters-list', id: 'replay-chapters' });
  const errorLine = h('p', { class: 'field-error', id: 'chapters-error', role: 'alert' });
  const statusLine = h('p', { class: 'muted', id: 'chapters-status', role: 'status' });
  const saveButton = tx('button', 'chapters:save', {
    type: 'button',
    class: 'btn btn-primary btn-small',
    id: 'chapters-save',
  });
  const resetButton = tx('button', 'chapters:reset', {
    type: 'button',
    class: 'btn btn-small',
    id: 'chapters-reset',
  });
  const addBox = h('div', { class: 'chapters-add' });
  let clearAddForm = (): void => undefined;
  const editBar = h('div', { class: 'chapters-actions' }, saveButton, resetButton);
  const element = h(
    'div',
    { class: 'chapters-panel' },
    h('div', { class: 'chapters-head' }, tx('p', 'chapters:intro', { class: 'muted' }), editToggle),
    listElement,
    errorLine,
    addBox,
    editBar,
    statusLine,
  );

  function apply(result: ChapterResult): boolean {
    if (!result.ok) {
      // Only the error line changes: what the instructor typed stays in the form.
      error = { code: result.error };
      renderError();
      return false;
    }
    list = result.list;
    error = null;
    status = 'unsaved';
    editingId = null;
    render();
    return true;
  }

  function change(next: WorkingChapter[]): void {
    apply({ ok: true, list: next });
  }

  async function save(): Promise<void> {
    const out = serialiseChapters(list);
    try {
      await store.save(out);
      status = 'saved';
      options.onSaved(out);
    } catch (e) {
      status = 'failed';
      failure = (e as Error).message;
    }
    renderStatus();
  }

  function button(cls: string, textKey: string, labelKey: string, vars: object): HTMLButtonElement {
    const b = h('button', { type: 'button', class: `btn btn-small ${cls}` }, t(textKey));
    b.setAttribute('aria-label', t(labelKey, vars as Record<string, string | number>));
    return b;
  }

  function editForm(chapter: WorkingChapter): HTMLElement {
    const shown = shownChapter({ ...chapter, finding: null, question: null }, currentLanguage());
    const id = (f: string) => `chapter-edit-${f}`;
    const title = h('input', {
      id: id('title'),
      maxlength: CHAPTER_TITLE_MAX,
      value: chapter.title ?? '',
      placeholder: chapter.detected ? t(`chapters:rule.${chapter.detected.rule}`) : '',
    });
    const finding = h('textarea', { id: id('finding'), rows: 3, maxlength: CHAPTER_TEXT_MAX });
    finding.value = chapter.finding ?? '';
    finding.placeholder = chapter.detected ? shown.finding : '';
    const question = h('textarea', { id: id('question'), rows: 2, maxlength: CHAPTER_TEXT_MAX });
    question.value = chapter.question ?? '';
    question.placeholder = shown.question ?? '';
    const applyButton = tx('button', 'chapters:apply', {
      type: 'button',
      class: 'btn btn-primary btn-small',
      id: 'chapter-edit-apply',
    });
    const cancel = tx('button', 'chapters:cancel', { type: 'button', class: 'btn btn-small' });
    applyButton.addEventListener('click', () =>
      apply(
        editChapter(list, chapter.id, {
          title: title.value,
          finding: finding.value,
          question: question.value,
        }),
      ),
    );
    cancel.addEventListener('click', () => {
      editingId = null;
      render();
    });
    return h(
      'div',
      { class: 'chapter-form' },
      labelled('chapters:field.title', title),
      labelled('chapters:field.finding', finding),
      labelled('chapters:field.question', question),
      chapter.detected ? tx('p', 'chapters:field.blankKeeps', { class: 'field-hint' }) : null,
      h('div', { class: 'chapters-actions' }, applyButton, cancel),
    );
  }

  function item(chapter: WorkingChapter, index: number): HTMLElement {
    const n = index + 1;
    const title = chapterTitle(chapter);
    const go = button('chapter-go', 'chapters:goTo', 'chapters:goToLabel', { n, title });
    go.addEventListener('click', () => options.onGo(chapter));
    const body = editing && editingId === chapter.id ? [editForm(chapter)] : chapterBody(chapter);
    const tools: HTMLElement[] = [go];
    if (editing) {
      const up = button('chapter-up', 'chapters:up', 'chapters:upLabel', { n });
      const down = button('chapter-down', 'chapters:down', 'chapters:downLabel', { n });
      const edit = button('chapter-edit', 'chapters:editOne', 'chapters:editLabel', { n });
      const drop = button('chapter-drop', 'chapters:drop', 'chapters:dropLabel', { n });
      up.disabled = index === 0;
      down.disabled = index === list.length - 1;
      up.addEventListener('click', () => change(moveChapter(list, index, -1)));
      down.addEventListener('click', () => change(moveChapter(list, index, 1)));
      edit.addEventListener('click', () => {
        editingId = chapter.id;
        render();
        document.getElementById('chapter-edit-title')?.focus();
      });
      drop.addEventListener('click', () => change(dropChapter(list, chapter.id)));
      tools.push(up, down, edit, drop);
    }
    const current =
      chapter.id === presented || (round >= chapter.fromRound && round <= chapter.toRound);
    return h(
      'li',
      { class: `chapter${current ? ' chapter-current' : ''}`, 'data-chapter': chapter.id },
      h('h3', {}, `${n}. ${title}`),
      h('p', { class: 'chapter-meta' }, chapterMeta(chapter, start, options.yearOf)),
      ...body,
      h('div', { class: 'chapter-tools' }, ...tools),
    );
  }

  function addForm(): HTMLElement {
    clearAddForm = () => {
      for (const box of towns) box.checked = false;
      for (const field of [title, finding, question]) field.value = '';
    };
    const number = (id: string, value: number) =>
      h('input', {
        id,
        type: 'number',
        min: 1,
        max: options.rounds,
        step: 1,
        value,
        inputmode: 'numeric',
      });
    const from = number('chapter-new-from', 1);
    const to = number('chapter-new-to', 1);
    const towns = start.towns.map((town) =>
      h('input', { type: 'checkbox', id: `chapter-new-town-${town.id}`, value: town.id }),
    );
    const title = h('input', { id: 'chapter-new-title', maxlength: CHAPTER_TITLE_MAX });
    const finding = h('textarea', {
      id: 'chapter-new-finding',
      rows: 3,
      maxlength: CHAPTER_TEXT_MAX,
    });
    const question = h('textarea', {
      id: 'chapter-new-question',
      rows: 2,
      maxlength: CHAPTER_TEXT_MAX,
    });
    const add = tx('button', 'chapters:add', {
      type: 'button',
      class: 'btn btn-small',
      id: 'chapter-new-add',
    });
    add.addEventListener('click', () => {
      const ok = apply(
        addChapter(
          list,
          {
            fromRound: Number(from.value),
            toRound: Number(to.value),
            towns: towns.filter((b) => b.checked).map((b) => b.value),
            title: title.value,
            finding: finding.value,
            question: question.value,
          },
          { rounds: options.rounds, towns: start.towns.map((x) => x.id) },
        ),
      );
      if (!ok) return;
      clearAddForm();
      document.getElementById('chapters-save')?.focus();
    });
    return h(
      'fieldset',
      { class: 'chapter-form' },
      tx('legend', 'chapters:addTitle'),
      h(
        'div',
        { class: 'chapter-rounds' },
        labelled('chapters:field.from', from),
        labelled('chapters:field.to', to),
      ),
      h(
        'fieldset',
        { class: 'chapter-towns' },
        tx('legend', 'chapters:field.towns'),
        ...towns.map((box) =>
          h('label', { class: 'chapter-town' }, box, ' ', townName(start, box.value)),
        ),
      ),
      labelled('chapters:field.title', title),
      labelled('chapters:field.finding', finding),
      labelled('chapters:field.question', question),
      add,
    );
  }

  function renderStatus(): void {
    statusLine.textContent =
      status === 'failed'
        ? t('chapters:status.failed', { reason: failure })
        : status === 'unsaved'
          ? t('chapters:status.unsaved')
          : status === 'saved'
            ? t(
                store.where === 'server'
                  ? 'chapters:status.savedServer'
                  : 'chapters:status.savedBrowser',
              )
            : editable
              ? ''
              : t('chapters:status.readOnly');
  }

  function renderError(): void {
    errorLine.textContent = error
      ? t(`chapters:error.${error.code}`, { rounds: options.rounds })
      : '';
    errorLine.hidden = !error;
  }

  function render(): void {
    const focused = document.activeElement;
    const focusKey =
      focused instanceof HTMLElement && listElement.contains(focused)
        ? {
            chapter: focused.closest('li')?.dataset.chapter ?? '',
            cls: focused.className.split(' ').find((c) => c.startsWith('chapter-')) ?? '',
          }
        : null;
    editToggle.textContent = t(editing ? 'chapters:doneEditing' : 'chapters:edit');
    editToggle.setAttribute('aria-pressed', String(editing));
    listElement.replaceChildren(...list.map(item));
    if (list.length === 0) listElement.append(tx('li', 'chapters:none', { class: 'muted' }));
    renderError();
    editBar.hidden = !editing;
    addBox.hidden = !(editing && editingId === null);
    renderStatus();
    // A reorder rebuilds the list: keep the focus on the same chapter's same button.
    if (focusKey) {
      const li = listElement.querySelector(`li[data-chapter="${CSS.escape(focusKey.chapter)}"]`);
      const target = focusKey.cls ? li?.querySelector<HTMLElement>(`.${focusKey.cls}`) : null;
      if (target && !(target as HTMLButtonElement).disabled) target.focus();
      else li?.querySelector<HTMLElement>('.chapter-go')?.focus();
    }
  }

  editToggle.addEventListener('click', () => {
    editing = !editing;
    // A new chapter starts at the round on screen.
    const here = String(Math.max(1, Math.min(round, options.rounds)));
    for (const id of ['chapter-new-from', 'chapter-new-to']) {
      const input = addBox.querySelector<HTMLInputElement>(`#${id}`);
      if (input) input.value = here;
    }
    editingId = null;
    error = null;
    render();
  });
  saveButton.addEventListener('click', () => void save());
  resetButton.addEventListener('click', () => change(resetChapters(options.detected)));

  addBox.append(addForm());
  render();
  return {
    element,
    at: (id, r) => chapterAt(list, id, r),
    find: (id) => list.find((c) => c.id === id) ?? null,
    update(nextRound, nextPresented) {
      if (nextRound === round && nextPresented === presented) return;
      round = nextRound;
      presented = nextPresented;
      // Do not rebuild a form the instructor is typing in.
      if (!editing) render();
    },
    relabel: render,
  };
}

function labelled(key: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, tx('label', key, { for: control.id }), control);
}
