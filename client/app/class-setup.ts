/**
 * "Run a class": the instructor's session settings (sessionConfigSchema in
 * shared/protocol/messages.ts) and the button that creates the class and opens it.
 */
import type { SessionConfigInput } from '../../shared/protocol/messages';
import { currentLanguage, hasTranslation, t } from '../i18n';
import type { ScenarioSummary } from '../net/api';

import { busy, checkbox, field, fieldError, h, hideProblem, showProblem, tx } from './dom';
import type { StartScreenHandlers } from './start-screen';
import { researchSetup } from './research-setup';

const PLANNING_MINUTES = [0, 1, 2, 3, 5, 8, 10, 15, 20];

function scenarioSummary(s: ScenarioSummary): string {
  const key = `app:scenario.${s.id}.summary`;
  return hasTranslation(key) ? t(key) : s.summary;
}

export interface SetupForm {
  section: HTMLElement;
  heading: HTMLElement;
  refresh(): void;
}

/** The instructor's session settings (sessionConfigSchema) and the create button. */
export function setupForm(
  selects: HTMLSelectElement[],
  scenarios: () => ScenarioSummary[],
  handlers: StartScreenHandlers,
  back: () => void,
): SetupForm {
  const title = h('input', { id: 'setup-title', maxlength: 60, autocomplete: 'off' });
  const scenario = h('select', { id: 'setup-scenario' });
  selects.push(scenario);
  const summary = h('p', {
    class: 'scenario-summary',
    id: 'setup-scenario-summary',
    'aria-live': 'polite',
  });
  const towns = h('input', {
    id: 'setup-towns',
    type: 'number',
    min: 2,
    max: 40,
    inputmode: 'numeric',
  });
  const rounds = h('input', {
    id: 'setup-rounds',
    type: 'number',
    min: 1,
    max: 60,
    inputmode: 'numeric',
  });
  const planning = h('select', { id: 'setup-planning' });
  const teamSize = h(
    'select',
    { id: 'setup-team' },
    ...[1, 2, 3, 4, 5].map((n) => h('option', { value: n, selected: n === 5 }, String(n))),
  );
  const language = h('select', { id: 'setup-language' });
  const visibility = h('select', { id: 'setup-visibility' });
  const heading = tx('h2', 'app:setup.title', { tabindex: -1, id: 'setup-heading' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const create = tx('button', 'app:setup.submit', {
    type: 'submit',
    class: 'btn btn-primary btn-large',
  });
  const backButton = tx('button', 'app:setup.back', { type: 'button', class: 'btn' });
  backButton.addEventListener('click', back);
  const research = researchSetup();
  const scenarioField = field('app:setup.scenario', scenario);
  scenarioField.wrap.append(summary);

  const form = h(
    'form',
    { class: 'setup-form', novalidate: true },
    h(
      'div',
      { class: 'setup-grid' },
      scenarioField.wrap,
      field('app:setup.classTitle', title, 'app:setup.classTitleHint').wrap,
      field('app:setup.towns', towns, 'app:setup.townsHint').wrap,
      field('app:setup.rounds', rounds).wrap,
      field('app:setup.planning', planning, 'app:setup.planningHint').wrap,
      field('app:setup.teamSize', teamSize, 'app:setup.teamSizeHint').wrap,
      field('app:setup.language', language).wrap,
      field('app:setup.visibility', visibility).wrap,
    ),
    h(
      'fieldset',
      { class: 'setup-checks' },
      tx('legend', 'app:setup.rules'),
      checkbox('setup-bots', 'app:setup.bots', true, 'app:setup.botsHint'),
      checkbox('setup-caretaker', 'app:setup.caretaker', true, 'app:setup.caretakerHint'),
      checkbox('setup-diplomacy', 'app:setup.diplomacy', true, 'app:setup.diplomacyHint'),
    ),
    research.element,
    h('div', { class: 'form-actions' }, backButton, create),
    error,
  );
  const section = h('section', { class: 'setup', 'aria-labelledby': heading.id }, heading, form);

  const selectedScenario = (): ScenarioSummary | undefined =>
    scenarios().find((s) => s.id === scenario.value);
  let lastScenario = '';
  const refresh = (): void => {
    const s = selectedScenario();
    summary.textContent = s ? scenarioSummary(s) : t('app:setup.loadingScenarios');
    if (s && s.id !== lastScenario) {
      // A new scenario brings its own region and length; keep what the instructor typed otherwise.
      towns.value = String(s.towns);
      rounds.value = String(s.defaultRounds);
      lastScenario = s.id;
    }
    const keep = (select: HTMLSelectElement, fallback: string) => select.value || fallback;
    const plan = keep(planning, '5');
    planning.replaceChildren(
      ...PLANNING_MINUTES.map((m) =>
        h(
          'option',
          { value: m, selected: String(m) === plan },
          m === 0 ? t('app:setup.noTimer') : t('app:setup.minutes', { count: m }),
        ),
      ),
    );
    // The class language follows the interface until the instructor picks one.
    const lang = language.dataset.chosen ? language.value : currentLanguage();
    language.replaceChildren(
      h('option', { value: 'en', selected: lang === 'en' }, t('app:language.en')),
      h('option', { value: 'zh', selected: lang === 'zh' }, t('app:language.zh')),
    );
    const vis = keep(visibility, 'private');
    visibility.replaceChildren(
      h('option', { value: 'private', selected: vis === 'private' }, t('app:setup.private')),
      h('option', { value: 'public', selected: vis === 'public' }, t('app:setup.public')),
    );
  };
  scenario.addEventListener('change', refresh);
  language.addEventListener('change', () => (language.dataset.chosen = 'yes'));
  refresh();

  const checked = (id: string): boolean =>
    form.querySelector<HTMLInputElement>(`#${id}`)?.checked ?? false;
  const whole = (input: HTMLInputElement, min: number, max: number): number | null => {
    const n = Number(input.value);
    return Number.isInteger(n) && n >= min && n <= max ? n : null;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      hideProblem(error);
      const townCount = whole(towns, 2, 40);
      const roundCount = whole(rounds, 1, 60);
      fieldError(
        towns,
        form.querySelector('#setup-towns-error')!,
        townCount === null ? t('app:setup.townsInvalid') : null,
      );
      fieldError(
        rounds,
        form.querySelector('#setup-rounds-error')!,
        roundCount === null ? t('app:setup.roundsInvalid') : null,
      );
      if (townCount === null) return towns.focus();
      if (roundCount === null) return rounds.focus();
      const researchConfig = research.read();
      if (researchConfig === null)
        return form.querySelector<HTMLElement>('#setup-consent')?.focus();
      const config: SessionConfigInput = {
        scenarioId: scenario.value,
        towns: townCount,
        rounds: roundCount,
        planningSeconds: Number(planning.value) * 60,
        teamSize: Number(teamSize.value),
        bots: checked('setup-bots'),
        caretaker: checked('setup-caretaker'),
        diplomacy: checked('setup-diplomacy'),
        language: language.value === 'zh' ? 'zh' : 'en',
        visibility: visibility.value === 'public' ? 'public' : 'private',
        ...(title.value.trim() ? { title: title.value.trim().slice(0, 60) } : {}),
        ...(researchConfig ? { research: researchConfig } : {}),
      };
      try {
        const { session, created } = await busy(create, t('app:setup.creating'), async () => {
          const { createSession, joinAsInstructor } = await import('../net/session-client');
          const made = await createSession(config);
          return {
            session: await joinAsInstructor(made.roomId, made.instructorKey),
            created: made,
          };
        });
        handlers.onInstructor(session, created);
      } catch (e) {
        showProblem(error, e);
      }
    })();
  });
  return { section, heading, refresh };
}
