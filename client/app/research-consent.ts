/**
 * A student's research consent (issue 15, part 5): in a research-mode class the consent text opens
 * in a dialog when the student arrives; "I consent" and "I do not consent" both let them play. A
 * line at the top of the screen keeps their answer in view, with a button to change it until the
 * match ends. The server records the answer against the seat (server/research-routes.ts).
 */
import '../styles/research.css';
import { onLanguageChange, t } from '../i18n';
import { isSoloSession } from '../campaign/mode';
import { postConsent, type ConsentStatus } from '../net/research-api';
import type { Session } from '../net/session-client';
import { h } from './dom';

type Enabled = Extract<ConsentStatus, { enabled: true }>;

export function mountResearchConsent(main: HTMLElement, session: Session): () => void {
  if (isSoloSession(session)) return () => undefined;
  let status: Enabled | null = null;
  let asked = false;
  let dialog: HTMLDialogElement | null = null;
  const text = h('span', { class: 'research-status-text', id: 'research-status-text' });
  const change = h('button', {
    type: 'button',
    class: 'btn research-change',
    id: 'research-change',
  });
  const bar = h(
    'div',
    { class: 'research-status', id: 'research-status', role: 'status', hidden: true },
    text,
    change,
  );
  main.prepend(bar);

  const render = (): void => {
    if (!status) return;
    bar.hidden = false;
    const answer = status.consent;
    text.textContent =
      answer === true
        ? t('research:consent.statusYes')
        : answer === false
          ? t('research:consent.statusNo')
          : t('research:consent.statusNone');
    if (status.ended) text.textContent += ` ${t('research:consent.ended')}`;
    change.textContent =
      answer === null ? t('research:consent.answer') : t('research:consent.change');
    change.hidden = status.ended;
  };

  const open = (): void => {
    if (!status || status.ended || dialog) return;
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const choice = (consent: boolean, key: string, cls: string): HTMLButtonElement => {
      const button = h(
        'button',
        { type: 'button', class: `btn ${cls}`, id: consent ? 'research-yes' : 'research-no' },
        t(key),
      );
      button.addEventListener('click', () => void answer(consent));
      return button;
    };
    const yes = choice(true, 'research:consent.yes', 'btn-primary');
    const no = choice(false, 'research:consent.no', '');
    const box = h(
      'dialog',
      {
        class: 'app-dialog research-dialog',
        id: 'research-dialog',
        'aria-labelledby': 'research-title',
        'aria-describedby': 'research-text',
      },
      h('h2', { id: 'research-title' }, t('research:consent.title')),
      h('p', {}, t('research:consent.intro')),
      h('div', { class: 'research-text', id: 'research-text', tabindex: 0 }, status.consentText),
      h('p', { class: 'field-hint' }, t('research:consent.either')),
      error,
      h('div', { class: 'app-dialog-actions research-actions' }, no, yes),
    );
    const close = (): void => {
      box.close();
      box.remove();
      dialog = null;
      change.focus();
    };
    const answer = async (consent: boolean): Promise<void> => {
      yes.disabled = no.disabled = true;
      error.hidden = true;
      try {
        const next = await postConsent(session.code, session.seatToken ?? '', consent);
        if (next.enabled) status = next;
        render();
        close();
      } catch (_error) {
        error.textContent = t('research:consent.failed');
        error.hidden = false;
        yes.disabled = no.disabled = false;
      }
    };
    // Escape leaves the question open: the line at the top still offers to answer.
    box.addEventListener('cancel', (event) => {
      event.preventDefault();
      close();
    });
    dialog = box;
    document.body.append(box);
    box.showModal();
    // The text first, so a screen reader or a keyboard reads it before choosing.
    box.querySelector<HTMLElement>('#research-text')?.focus();
  };
  change.addEventListener('click', open);

  const ask = (): void => {
    const token = session.seatToken;
    if (asked || !token) return;
    asked = true;
    postConsent(session.code, token)
      .then((next) => {
        if (!next.enabled) return;
        status = next;
        render();
        if (next.consent === null) open();
      })
      // Unreachable now: asked again on the next change.
      .catch(() => (asked = false));
  };
  const offChange = session.onChange(() => {
    ask();
    if (status && session.phase === 'ended' && !status.ended) {
      status = { ...status, ended: true };
      if (dialog) dialog.remove();
      dialog = null;
      render();
    }
  });
  const offLanguage = onLanguageChange(render);
  ask();
  return () => {
    offChange();
    offLanguage();
    dialog?.remove();
    bar.remove();
  };
}
