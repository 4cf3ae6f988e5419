/**
 * Research mode at class creation (issue 15, part 5): a checkbox and the consent text students
 * will read at join. The default text is the instructor's language's, until they edit it; the
 * limit is the server's (CONSENT_TEXT_MAX, sessionConfigSchema).
 */
import '../styles/research.css';
import { CONSENT_TEXT_MAX } from '../../shared/research/consent';
import { onLanguageChange, t } from '../i18n';
import { checkbox, field, fieldError, h, tx } from './dom';

export interface ResearchSetup {
  element: HTMLElement;
  /** The config's `research` part; undefined when off; null (and the field marked) when invalid. */
  read(): { consentText: string } | undefined | null;
}

export function researchSetup(): ResearchSetup {
  const toggle = checkbox(
    'setup-research',
    'research:setup.enable',
    false,
    'research:setup.enableHint',
  );
  const enabled = toggle.querySelector<HTMLInputElement>('input')!;
  const text = h('textarea', { id: 'setup-consent', rows: 8, maxlength: CONSENT_TEXT_MAX + 500 });
  const consent = field('research:setup.consentLabel', text, 'research:setup.consentHint');
  const hint = consent.wrap.querySelector<HTMLElement>('.field-hint');
  if (hint) hint.dataset.i18nVars = JSON.stringify({ max: CONSENT_TEXT_MAX });
  if (hint) hint.textContent = t('research:setup.consentHint', { max: CONSENT_TEXT_MAX });
  consent.wrap.hidden = true;
  let edited = false;
  const fill = (): void => {
    if (!edited) text.value = t('research:setup.defaultConsent');
  };
  fill();
  text.addEventListener('input', () => {
    edited = true;
    // A message about an earlier attempt goes once the text is being fixed.
    fieldError(text, consent.error, null);
  });
  enabled.addEventListener('change', () => {
    consent.wrap.hidden = !enabled.checked;
    if (enabled.checked) text.focus();
  });
  // Listens for the page's life: the setup form is built once per start screen.
  onLanguageChange(fill);
  const element = h(
    'fieldset',
    { class: 'setup-checks research-setup' },
    tx('legend', 'research:setup.legend'),
    toggle,
    consent.wrap,
  );
  return {
    element,
    read() {
      if (!enabled.checked) return undefined;
      const value = text.value.trim();
      const problem =
        value.length === 0
          ? t('research:setup.consentEmpty')
          : value.length > CONSENT_TEXT_MAX
            ? t('research:setup.consentTooLong', { max: CONSENT_TEXT_MAX, count: value.length })
            : null;
      fieldError(text, consent.error, problem);
      return problem ? null : { consentText: value };
    },
  };
}
