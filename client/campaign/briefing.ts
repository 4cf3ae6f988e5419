/**
 * A scenario's briefing: the situation, the historical facts with their citations, the
 * objectives, what wins and what loses. "Start" creates the solo session on the server and
 * takes the scenario's town (solo.ts); the player then lands on the play screen.
 */
import { NAME_MAX_LENGTH } from '../../shared/protocol/messages';
import { busy, h, hideProblem } from '../app/dom';
import type { Session } from '../net/session-client';
import { t } from '../i18n';
import { text, townLabel, type CampaignEntry } from './catalog';
import { citeNode } from './cite';
import { SOLO_TIMERS, startSoloGame } from './solo';
import { loadDifficulty, saveDifficulty } from './store';
import { difficultyPicker, showSoloProblem } from './widgets';

export interface BriefingOptions {
  name(): string;
  setName(name: string): void;
  onBack(): void;
  onPlay(session: Session): void;
}

export function mountBriefing(entry: CampaignEntry, options: BriefingOptions): HTMLElement {
  const back = h(
    'button',
    { type: 'button', class: 'btn btn-link cg-back', id: 'cg-back' },
    t('campaign:briefing.back'),
  );
  back.addEventListener('click', options.onBack);

  const facts = entry.facts.map((fact) =>
    h('li', { class: 'cg-fact' }, h('p', {}, text(fact.text)), citeNode(fact.citation)),
  );
  const objectives = entry.objectives.map((objective) => h('li', {}, text(objective)));

  const nameInput = h('input', {
    id: 'cg-brief-name',
    autocomplete: 'nickname',
    maxlength: NAME_MAX_LENGTH,
    value: options.name(),
    placeholder: t('campaign:defaultName'),
  });
  nameInput.addEventListener('input', () => options.setName(nameInput.value));
  let difficulty = loadDifficulty();
  // No round timer unless the player wants one (issue 6).
  const timer = h(
    'select',
    { id: 'cg-timer', 'aria-describedby': 'cg-timer-hint' },
    ...SOLO_TIMERS.map((seconds) =>
      h(
        'option',
        { value: seconds, selected: seconds === 0 },
        seconds === 0
          ? t('campaign:briefing.timer.none')
          : t('campaign:briefing.timer.minutes', { count: seconds / 60 }),
      ),
    ),
  );
  const start = h(
    'button',
    { type: 'button', class: 'btn btn-primary btn-large', id: 'cg-start' },
    t('campaign:briefing.start'),
  );
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true, id: 'cg-start-error' });
  start.addEventListener('click', () => {
    hideProblem(error);
    void busy(start, t('campaign:briefing.starting'), () =>
      startSoloGame(entry, difficulty, nameInput.value, Number(timer.value) || 0),
    ).then(options.onPlay, (e: unknown) => showSoloProblem(error, e));
  });

  return h(
    'article',
    { class: 'cg-briefing', 'data-entry': entry.id, 'aria-labelledby': 'cg-brief-title' },
    back,
    h(
      'header',
      { class: 'cg-brief-head' },
      h(
        'p',
        { class: 'cg-kicker' },
        [
          t('campaign:briefing.kicker', { order: entry.order }),
          entry.tutorial ? t('campaign:list.tutorialBadge') : '',
          t('campaign:briefing.town', { town: townLabel(entry) }),
          t('campaign:list.rounds', { count: entry.rounds }),
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      h('h2', { id: 'cg-brief-title', tabindex: -1 }, text(entry.title)),
      h('p', { class: 'cg-situation' }, text(entry.situation)),
    ),
    h(
      'div',
      { class: 'cg-brief-grid' },
      h(
        'section',
        { class: 'cg-box cg-facts', 'aria-labelledby': 'cg-facts-title' },
        h('h3', { id: 'cg-facts-title' }, t('campaign:briefing.facts')),
        h('p', { class: 'field-hint' }, t('campaign:briefing.factsHint')),
        h('ul', { class: 'cg-fact-list' }, ...facts),
      ),
      h(
        'div',
        { class: 'cg-brief-side' },
        h(
          'section',
          { class: 'cg-box cg-objectives', 'aria-labelledby': 'cg-objectives-title' },
          h('h3', { id: 'cg-objectives-title' }, t('campaign:briefing.objectives')),
          h('ul', {}, ...objectives),
          // The one-liners name themselves ("Win: …", "Defeat: …"); the colour tells them apart.
          h('p', { class: 'cg-win' }, text(entry.victoryText)),
          h('p', { class: 'cg-lose' }, text(entry.defeatText)),
        ),
        h(
          'section',
          { class: 'cg-box cg-launch', 'aria-labelledby': 'cg-launch-title' },
          h('h3', { id: 'cg-launch-title' }, t('campaign:briefing.ready')),
          h(
            'div',
            { class: 'field' },
            h('label', { for: nameInput.id }, t('campaign:settings.name')),
            nameInput,
          ),
          difficultyPicker(difficulty, (level) => {
            difficulty = level;
            saveDifficulty(level);
          }),
          h(
            'div',
            { class: 'field' },
            h('label', { for: timer.id }, t('campaign:briefing.timer.label')),
            timer,
            h('p', { class: 'field-hint', id: 'cg-timer-hint' }, t('campaign:briefing.timer.hint')),
          ),
          entry.tutorial
            ? h('p', { class: 'field-hint' }, t('campaign:briefing.tutorialNote'))
            : null,
          start,
          error,
        ),
      ),
    ),
  );
}
