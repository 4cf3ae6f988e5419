/** Small pieces shared by the campaign screens: stars, the difficulty choice, dates. */
import { h, showProblem } from '../app/dom';
import { SessionError } from '../net/errors';
import { currentLanguage, hasTranslation, t } from '../i18n';
import { DIFFICULTIES, MAX_STARS, type Difficulty } from './progress';

/** Stars as a picture (★★☆) with words for screen readers. */
export function starsNode(stars: number, extraClass = ''): HTMLElement {
  const shown = '★'.repeat(stars) + '☆'.repeat(Math.max(0, MAX_STARS - stars));
  return h(
    'span',
    {
      class: `cg-stars ${extraClass}`.trim(),
      role: 'img',
      'aria-label': t('campaign:stars', { count: stars, max: MAX_STARS }),
      'data-stars': stars,
    },
    shown,
  );
}

/** Three radio cards; the choice applies to the next game started. */
export function difficultyPicker(
  value: Difficulty,
  onChange: (difficulty: Difficulty) => void,
): HTMLFieldSetElement {
  const options = DIFFICULTIES.map((level) => {
    const input = h('input', {
      type: 'radio',
      name: 'cg-difficulty',
      id: `cg-difficulty-${level}`,
      value: level,
      checked: level === value,
    });
    input.addEventListener('change', () => {
      if (input.checked) onChange(level);
    });
    return h(
      'label',
      { class: 'cg-level', for: input.id },
      input,
      h(
        'span',
        { class: 'cg-level-text' },
        h('strong', {}, t(`campaign:difficulty.${level}.name`)),
        h('span', { class: 'cg-level-hint' }, t(`campaign:difficulty.${level}.hint`)),
      ),
    );
  });
  return h(
    'fieldset',
    { class: 'cg-difficulty' },
    h('legend', {}, t('campaign:difficulty.legend')),
    ...options,
  );
}

export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(currentLanguage() === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(ms));
}

/** A problem in words for the campaign (solo wording first, the app's general one otherwise). */
export function showSoloProblem(target: HTMLElement, error: unknown): void {
  showProblem(target, error);
  const kind = error instanceof SessionError ? error.kind : 'server';
  const key = `campaign:problem.${kind}`;
  if (hasTranslation(key, 'en')) {
    target.dataset.i18n = key;
    target.textContent = t(key);
  }
}
