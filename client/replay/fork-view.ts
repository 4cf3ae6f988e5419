/**
 * "What if…? Continue from this round": the player's name and one button. The server is asked
 * for a solo game forked at the current round; a refusal is shown in its own words.
 */
import type { MatchLog } from '../../shared';
import { NAME_MAX_LENGTH, normaliseName } from '../../shared/protocol/messages';
import { t } from '../i18n';
import { busy, h } from '../app/dom';
import { SessionError, problemText, type Session } from '../net/session-client';
import { forkAndJoin } from './fork';
import { ServerError } from './server';

export interface ForkPanel {
  element: HTMLElement;
  update(round: number, year: number): void;
  relabel(): void;
}

/** Hand the joined game to the play screen; by default the page reopens on the seat. */
export type PlayHandoff = (session: Session) => void;

export function mountFork(log: MatchLog, onPlay: PlayHandoff | undefined): ForkPanel {
  let round = 0;
  let year = 0;
  const intro = h('p', { class: 'muted', id: 'replay-fork-intro' });
  const nameLabel = h('label', { for: 'replay-fork-name' });
  const name = h('input', {
    id: 'replay-fork-name',
    autocomplete: 'nickname',
    maxlength: NAME_MAX_LENGTH,
  });
  const button = h('button', {
    type: 'button',
    class: 'btn btn-primary',
    id: 'replay-fork',
    'aria-describedby': 'replay-fork-intro',
  });
  const error = h('p', {
    class: 'form-error',
    role: 'alert',
    id: 'replay-fork-error',
    hidden: true,
  });
  const element = h(
    'div',
    { class: 'replay-fork' },
    intro,
    h('div', { class: 'field' }, nameLabel, name),
    button,
    error,
  );

  const show = (text: string): void => {
    error.textContent = text;
    error.hidden = false;
  };

  button.addEventListener('click', () => {
    error.hidden = true;
    const player = normaliseName(name.value);
    if (!player) {
      show(t('replay:fork.nameMissing'));
      name.focus();
      return;
    }
    const at = round;
    void busy(button, t('replay:fork.starting'), () => forkAndJoin(log, at, player))
      .then((session) => {
        if (onPlay) onPlay(session);
        else location.assign(`${location.pathname}?join=${encodeURIComponent(session.code)}`);
      })
      .catch((e: unknown) => {
        if (e instanceof ServerError) show(t('replay:fork.refused', { reason: e.message }));
        else if (e instanceof SessionError) show(problemText(e.kind));
        else show(t('replay:fork.refused', { reason: String(e) }));
      });
  });

  function relabel(): void {
    intro.textContent = t('replay:fork.intro', { round, year });
    nameLabel.textContent = t('replay:fork.name');
    button.textContent = t('replay:fork.button');
  }

  relabel();
  return {
    element,
    update(nextRound, nextYear) {
      if (nextRound === round && nextYear === year) return;
      round = nextRound;
      year = nextYear;
      relabel();
    },
    relabel,
  };
}
