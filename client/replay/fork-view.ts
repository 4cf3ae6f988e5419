/**
 * "What if…? Continue from this round": the player's name and one button. The server is asked
 * for a solo game forked at the current round; a refusal is shown in its own words.
 */
import type { MatchLog } from '../../shared';
import { NAME_MAX_LENGTH, normaliseName } from '../../shared/protocol/messages';
import { t } from '../i18n';
import { busy, h } from '../app/dom';
import type { CreatedSession } from '../net/api';
import { SessionError, problemText, type Session } from '../net/session-client';
import { forkAndJoin, forkAsClass } from './fork';
import { ServerError } from './server';

export interface ForkPanel {
  element: HTMLElement;
  update(round: number, year: number): void;
  relabel(): void;
}

/**
 * Hand the joined game to the play screen (or, for a class, the instructor screen with the new
 * session's key); by default the page reopens on the seat.
 */
export type PlayHandoff = (session: Session, created?: CreatedSession) => void;

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
  const classButton = h('button', {
    type: 'button',
    class: 'btn',
    id: 'replay-fork-class',
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
    classButton,
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
    // The what-if opens in a new tab, so the replay stays where it was (issue 14). The tab is
    // opened now, within the click, since browsers block a window opened after a request; the
    // game resumes there from the seat this tab just took.
    const tab = window.open('', '_blank');
    void busy(button, t('replay:fork.starting'), () => forkAndJoin(log, at, player))
      .then((session) => {
        const url = `${location.pathname}?join=${encodeURIComponent(session.code)}`;
        if (tab) tab.location.href = url;
        else if (onPlay) onPlay(session);
        else location.assign(url);
      })
      .catch((e: unknown) => {
        tab?.close();
        refused(e);
      });
  });

  const refused = (e: unknown): void => {
    if (e instanceof ServerError) show(t('replay:fork.refused', { reason: e.message }));
    else if (e instanceof SessionError) show(problemText(e.kind));
    else show(t('replay:fork.refused', { reason: String(e) }));
  };

  // The instructor's "what if" for the whole class: a classroom session from this round.
  classButton.addEventListener('click', () => {
    error.hidden = true;
    const at = round;
    void busy(classButton, t('replay:fork.starting'), () => forkAsClass(log, at))
      .then(({ session, created }) => {
        if (onPlay) onPlay(session, created);
        else location.assign(location.pathname);
      })
      .catch(refused);
  });

  function relabel(): void {
    intro.textContent = t('replay:fork.intro', { round, year });
    nameLabel.textContent = t('replay:fork.name');
    button.textContent = t('replay:fork.button');
    classButton.textContent = t('replay:fork.classButton');
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
