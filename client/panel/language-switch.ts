/**
 * English / 中文 toggle. Two buttons with aria-pressed rather than a select, so one key press
 * switches and the choice is visible at a glance on a projector.
 */
import { LANGUAGES, currentLanguage, setLanguage, t, type Language } from '../i18n';
import { h } from './dom';

export function languageSwitch(idPrefix: string): HTMLElement {
  const labelId = `${idPrefix}language-label`;
  const buttons = LANGUAGES.map((lang: Language) => {
    const button = h(
      'button',
      {
        type: 'button',
        id: `${idPrefix}language-${lang}`,
        lang: lang === 'zh' ? 'zh-CN' : 'en',
        'aria-pressed': String(currentLanguage() === lang),
      },
      t(`common:language.${lang}`),
    );
    button.addEventListener('click', () => setLanguage(lang));
    return button;
  });
  return h(
    'div',
    { class: 'pp-language', role: 'group', 'aria-labelledby': labelId },
    h('span', { id: labelId, class: 'pp-language-label' }, t('common:language.label')),
    ...buttons,
  );
}
