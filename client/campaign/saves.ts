/**
 * The campaign screen's boxes for games already under way: the saved games of this browser
 * (resume, delete with confirmation) and the resume-code form for a game from another browser.
 */
import { busy, confirmAction, h, hideProblem } from '../app/dom';
import { t } from '../i18n';
import type { Session } from '../net/session-client';
import { entryById, text } from './catalog';
import type { SavedGame } from './progress';
import { deleteSavedGame, resumeFromCode, resumeSavedGame } from './solo';
import { loadSavedGames } from './store';
import { formatDate, showSoloProblem } from './widgets';

export interface SavesOptions {
  onPlay(session: Session): void;
  /** A game was deleted: the screen re-renders without it. */
  onDeleted(): void;
}

export interface ResumeOptions {
  onPlay(session: Session): void;
  /** What was typed survives a re-render (a language switch). */
  value(): string;
  setValue(value: string): void;
}

export function savedGamesBox(options: SavesOptions): HTMLElement {
  const games = loadSavedGames();
  const error = h('p', {
    class: 'form-error',
    role: 'alert',
    hidden: true,
    id: 'cg-saves-error',
  });
  const rows = games.map((game) => savedGameRow(game, error, options));
  return h(
    'section',
    {
      class: `cg-box cg-saves${games.length === 0 ? ' cg-saves-empty' : ''}`,
      'aria-labelledby': 'cg-saves-title',
    },
    h('h2', { id: 'cg-saves-title', tabindex: -1 }, t('campaign:saves.title')),
    rows.length > 0
      ? h('ul', { class: 'cg-save-list' }, ...rows)
      : h('p', { class: 'muted' }, t('campaign:saves.none')),
    error,
  );
}

function savedGameRow(game: SavedGame, error: HTMLElement, options: SavesOptions): HTMLElement {
  const entry = entryById(game.campaignId);
  const label = entry ? text(entry.title) : game.code;
  const resume = h(
    'button',
    { type: 'button', class: 'btn btn-primary btn-small cg-save-resume' },
    t(game.status === 'playing' ? 'campaign:saves.resume' : 'campaign:saves.view'),
  );
  const remove = h(
    'button',
    { type: 'button', class: 'btn btn-danger btn-small cg-save-delete' },
    t('campaign:saves.delete'),
  );
  resume.setAttribute('aria-label', t('campaign:saves.resumeLabel', { game: label }));
  remove.setAttribute('aria-label', t('campaign:saves.deleteLabel', { game: label }));
  resume.addEventListener('click', () => {
    hideProblem(error);
    void busy(resume, t('campaign:saves.resuming'), () => resumeSavedGame(game)).then(
      (session) => options.onPlay(session),
      (e: unknown) => showSoloProblem(error, e),
    );
  });
  remove.addEventListener('click', () => {
    void (async () => {
      const sure = await confirmAction({
        title: t('campaign:saves.confirmTitle'),
        body: t('campaign:saves.confirmBody', { game: label }),
        confirm: t('campaign:saves.delete'),
        danger: true,
      });
      if (!sure) return;
      hideProblem(error);
      try {
        await busy(remove, t('campaign:saves.deleting'), () => deleteSavedGame(game));
        options.onDeleted();
      } catch (e) {
        showSoloProblem(error, e);
      }
    })();
  });
  const status =
    game.status === 'playing'
      ? t('campaign:saves.round', { round: Math.max(1, game.round), rounds: game.rounds })
      : t(`campaign:saves.${game.status}`);
  return h(
    'li',
    { class: 'cg-save', 'data-code': game.code, 'data-round': game.round },
    h(
      'div',
      { class: 'cg-save-text' },
      h('strong', {}, label),
      h(
        'span',
        { class: 'cg-save-meta' },
        [
          status,
          game.difficulty ? t(`campaign:difficulty.${game.difficulty}.name`) : '',
          formatDate(game.updatedAt),
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
    h('div', { class: 'cg-save-actions' }, resume, remove),
  );
}

export function resumeBox(options: ResumeOptions): HTMLElement {
  const input = h('input', {
    id: 'cg-resume-input',
    class: 'cg-code-input',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 140,
    value: options.value(),
    'aria-describedby': 'cg-resume-hint',
  });
  input.addEventListener('input', () => options.setValue(input.value));
  const submit = h(
    'button',
    { type: 'submit', class: 'btn btn-primary', id: 'cg-resume-submit' },
    t('campaign:resume.submit'),
  );
  const error = h('p', {
    class: 'form-error',
    role: 'alert',
    hidden: true,
    id: 'cg-resume-error',
  });
  const form = h(
    'form',
    { class: 'cg-resume-form', novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: input.id }, t('campaign:resume.label')),
      input,
      h('p', { class: 'field-hint', id: 'cg-resume-hint' }, t('campaign:resume.hint')),
    ),
    submit,
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    hideProblem(error);
    void busy(submit, t('campaign:saves.resuming'), () => resumeFromCode(input.value)).then(
      (session) => options.onPlay(session),
      (e: unknown) => {
        showSoloProblem(error, e);
        input.focus();
      },
    );
  });
  return h(
    'section',
    { class: 'cg-box cg-resume', 'aria-labelledby': 'cg-resume-title' },
    h('h2', { id: 'cg-resume-title' }, t('campaign:resume.title')),
    form,
  );
}
