/**
 * The team's one-line reason for its plan, beside the submit button (issue 15): optional, at
 * most 200 characters, shared by the team like the draft (any member edits it, everyone sees the
 * last saved text), submitted by the mayor with the plan. Once submitted it is read-only until
 * the mayor reopens the plan. The line is sent when it is committed (Enter or leaving the field,
 * which a click on Submit does first), so the server always has it before the submit.
 */
import '../styles/why.css';
import { WHY_MAX_LENGTH } from '../../shared/engine/match-log';
import { onLanguageChange, t } from '../i18n';
import type { Session } from '../net/session-client';
import { h, setText } from './dom';

export function mountWhyField(root: HTMLElement, session: Session): () => void {
  const input = h('input', {
    type: 'text',
    id: 'pp-why',
    maxlength: WHY_MAX_LENGTH,
    autocomplete: 'off',
    'aria-describedby': 'pp-why-hint',
  });
  const label = h('label', { for: input.id });
  const hint = h('p', { class: 'why-hint', id: 'pp-why-hint' });
  const field = h('div', { class: 'why-field', id: 'pp-why-field' }, label, input, hint);
  /** The text the server last showed: only a change of it replaces what is in the field. */
  let shown = '';

  const commit = (): void => {
    const text = input.value.trim();
    if (text === shown || input.readOnly) return;
    session.send('why', { text });
  };
  input.addEventListener('change', commit);
  input.addEventListener('input', () => renderHint());

  function renderHint(): void {
    const submitted = Boolean(session.townId && session.town(session.townId)?.submitted);
    setText(
      hint,
      submitted
        ? t('play:why.submitted')
        : t('play:why.hint', { count: input.value.length, max: WHY_MAX_LENGTH }),
    );
  }

  const render = (): void => {
    const townId = session.townId;
    const footer = root.querySelector('.pp-footer');
    const submit = footer?.querySelector('.pp-submit');
    if (!footer || !submit || !townId) return;
    if (field.parentElement !== footer) footer.insertBefore(field, submit);
    const wire = session.state.towns?.get(townId)?.private;
    const submitted = session.town(townId)?.submitted ?? false;
    const open = session.phase === 'planning' || session.phase === 'briefing';
    const server = (submitted ? wire?.submittedWhy : wire?.why) ?? '';
    input.readOnly = submitted || !open;
    // Another member's edit shows at once, unless this member is typing in the field.
    if (server !== shown || input.readOnly) {
      shown = server;
      if (document.activeElement !== input || input.readOnly) input.value = server;
    }
    setText(label, t('play:why.label'));
    input.placeholder = t('play:why.placeholder');
    renderHint();
  };
  const offChange = session.onChange(render);
  const offLanguage = onLanguageChange(render);
  render();
  return () => {
    offChange();
    offLanguage();
    field.remove();
  };
}
