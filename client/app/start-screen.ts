/**
 * The start screen: three doors (DESIGN §1 users). "Join a class" is the student's path and
 * must take under 30 s, so its form is open from the start; "Run a class" sets up a session for
 * the instructor; "Play alone" opens the campaign of scenarios against computer towns.
 */
import {
  NAME_MAX_LENGTH,
  isJoinCode,
  normaliseJoinCode,
  normaliseName,
} from '../../shared/protocol/codes';
import { hasTranslation, onLanguageChange, t } from '../i18n';
import { fetchOpenSessions, fetchScenarios, type ScenarioSummary } from '../net/api';
import { SessionError, type ProblemKind } from '../net/errors';
import { listClasses } from '../net/seat-store';
import type { CreatedSession, Session } from '../net/session-client';
import { setupForm } from './class-setup';
import {
  busy,
  field,
  fieldError,
  h,
  hideProblem,
  languageSwitch,
  showProblem,
  translateTree,
  tx,
} from './dom';

export interface StartScreenHandlers {
  onStudent(session: Session): void;
  onInstructor(session: Session, created: CreatedSession | null): void;
  /** "Play alone" opens the campaign screen. */
  onCampaign(): void;
}

export interface StartScreenOptions {
  /** Why the last session could not be resumed, shown above the doors. */
  notice?: ProblemKind;
  /** A code from a `?join=` link, filled in. */
  joinCode?: string;
}

export function scenarioTitle(s: { id: string; title: string }): string {
  const key = `app:scenario.${s.id}.title`;
  return hasTranslation(key) ? t(key) : s.title;
}

export function mountStartScreen(
  root: HTMLElement,
  handlers: StartScreenHandlers,
  options: StartScreenOptions = {},
): () => void {
  let scenarios: ScenarioSummary[] = [];
  const scenarioSelects: HTMLSelectElement[] = [];

  // --- Join a class ------------------------------------------------------------------------
  const codeInput = h('input', {
    id: 'join-code',
    class: 'code-input',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 12,
    required: true,
    value: options.joinCode ?? '',
  });
  const nameInput = h('input', {
    id: 'join-name',
    autocomplete: 'nickname',
    maxlength: NAME_MAX_LENGTH,
    required: true,
  });
  const code = field('app:join.code', codeInput, 'app:join.codeHint');
  const name = field('app:join.name', nameInput, 'app:join.nameHint');
  const joinButton = tx('button', 'app:join.submit', { type: 'submit', class: 'btn btn-primary' });
  const joinError = h('p', { class: 'form-error', role: 'alert', id: 'join-error', hidden: true });
  const joinForm = h(
    'form',
    { class: 'door-form', novalidate: true },
    code.wrap,
    name.wrap,
    joinButton,
    joinError,
  );
  // Public sessions (an instructor chose "public"): listed so a player can pick one instead of
  // typing its code. Classroom sessions are private and never appear here.
  const openList = h('ul', { class: 'open-sessions-list', id: 'open-sessions' });
  const openBlock = h(
    'div',
    { class: 'open-sessions', hidden: true },
    tx('h3', 'app:join.openTitle'),
    openList,
  );
  joinForm.append(openBlock);
  void fetchOpenSessions()
    .then((sessions) => {
      openList.replaceChildren(
        ...sessions.map((open) => {
          const pick = h(
            'button',
            { type: 'button', class: 'btn btn-small', 'data-code': open.code },
            t('app:join.openPick', { title: open.title || open.scenarioId, code: open.code }),
          );
          pick.addEventListener('click', () => {
            codeInput.value = open.code;
            fieldError(codeInput, code.error, null);
            nameInput.focus();
          });
          return h('li', {}, pick);
        }),
      );
      openBlock.hidden = sessions.length === 0;
    })
    .catch(() => undefined);
  codeInput.addEventListener('input', () => {
    // Echo what the server will read: upper case, no spaces, O→0, I/L→1.
    const caret = codeInput.selectionStart;
    codeInput.value = codeInput.value.toUpperCase();
    if (caret !== null) codeInput.setSelectionRange(caret, caret);
  });
  joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitJoin();
  });
  async function submitJoin(): Promise<void> {
    hideProblem(joinError);
    const joinCode = normaliseJoinCode(codeInput.value);
    const playerName = normaliseName(nameInput.value);
    fieldError(codeInput, code.error, isJoinCode(joinCode) ? null : t('app:join.codeInvalid'));
    fieldError(nameInput, name.error, playerName ? null : t('app:join.nameMissing'));
    if (!isJoinCode(joinCode)) return codeInput.focus();
    if (!playerName) return nameInput.focus();
    try {
      const session = await busy(joinButton, t('app:join.joining'), () =>
        import('../net/session-client').then((c) => c.joinClass(joinCode, playerName)),
      );
      handlers.onStudent(session);
    } catch (error) {
      const kind = showProblem(joinError, error);
      (kind === 'nameTaken' ? nameInput : codeInput).focus();
    }
  }

  // --- Run a class ---------------------------------------------------------------------------
  const setupButton = tx('button', 'app:run.open', { type: 'button', class: 'btn btn-primary' });
  const reopen = reopenBlock(handlers);
  // After class: open a match log file in the replay viewer (issue 5).
  const replayLink = tx('a', 'app:run.openLog', {
    href: '?replay',
    class: 'btn btn-link',
    id: 'open-log',
  });
  const runDoor = h('div', { class: 'door-body' }, setupButton, reopen, replayLink);

  // --- Play alone: the campaign screen (client/campaign) --------------------------------------
  const soloButton = tx('button', 'campaign:door.open', {
    type: 'button',
    class: 'btn btn-primary',
    id: 'solo-open',
  });
  soloButton.addEventListener('click', () => handlers.onCampaign());
  const soloBody = h(
    'div',
    { class: 'door-body' },
    tx('p', 'campaign:door.text', { class: 'door-text' }),
    soloButton,
  );

  const door = (id: string, titleKey: string, textKey: string, body: HTMLElement): HTMLElement =>
    h(
      'section',
      { class: 'door', id, 'aria-labelledby': `${id}-title` },
      tx('h2', titleKey, { id: `${id}-title` }),
      tx('p', textKey, { class: 'door-text' }),
      body,
    );
  const notice = h('p', { class: 'notice', role: 'status', hidden: !options.notice });
  if (options.notice) showProblem(notice, new SessionError(options.notice));
  const scenarioError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const doors = h(
    'div',
    { class: 'doors' },
    door('door-join', 'app:join.title', 'app:join.text', joinForm),
    door('door-run', 'app:run.title', 'app:run.text', runDoor),
    door('door-solo', 'app:solo.title', 'app:solo.text', soloBody),
  );
  const setup = setupForm(
    scenarioSelects,
    () => scenarios,
    handlers,
    () => showDoors(),
  );
  setup.section.hidden = true;

  const main = h(
    'main',
    { id: 'main', class: 'start-main' },
    notice,
    scenarioError,
    doors,
    setup.section,
  );
  const screen = h(
    'div',
    { class: 'app-shell start-screen' },
    h(
      'header',
      { class: 'app-header' },
      h(
        'div',
        { class: 'brand' },
        tx('h1', 'app:title'),
        tx('p', 'app:tagline', { class: 'tagline' }),
      ),
      languageSwitch(),
    ),
    main,
  );
  root.replaceChildren(screen);

  function showDoors(): void {
    setup.section.hidden = true;
    doors.hidden = false;
    setupButton.focus();
  }
  setupButton.addEventListener('click', () => {
    doors.hidden = true;
    setup.section.hidden = false;
    setup.heading.focus();
  });

  function fillScenarios(): void {
    for (const select of scenarioSelects) {
      const chosen = select.value;
      select.replaceChildren(
        ...scenarios.map((s) =>
          h('option', { value: s.id, selected: s.id === chosen }, scenarioTitle(s)),
        ),
      );
    }
    setup.refresh();
  }
  void fetchScenarios().then(
    (list) => {
      scenarios = list;
      fillScenarios();
    },
    (error: unknown) => showProblem(scenarioError, error),
  );

  const offLanguage = onLanguageChange(() => {
    translateTree(screen);
    fillScenarios();
  });
  if (!options.joinCode) codeInput.focus();
  else nameInput.focus();
  return () => {
    offLanguage();
    screen.remove();
  };
}

/** Classes this browser runs (key remembered), and a form to reopen one with code and key. */
function reopenBlock(handlers: StartScreenHandlers): HTMLElement {
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const open = async (button: HTMLButtonElement, code: string, key: string): Promise<void> => {
    hideProblem(error);
    try {
      const session = await busy(button, t('app:run.opening'), () =>
        import('../net/session-client').then((c) => c.joinAsInstructor(code, key)),
      );
      handlers.onInstructor(session, null);
    } catch (e) {
      showProblem(error, e);
    }
  };
  const known = listClasses().slice(0, 5);
  const list = h('ul', { class: 'class-list' });
  for (const record of known) {
    const button = h(
      'button',
      { type: 'button', class: 'btn btn-link' },
      `${record.code}${record.title ? ` · ${record.title}` : ''}`,
    );
    button.addEventListener('click', () => void open(button, record.code, record.instructorKey));
    // One click from the instructor's list of classes to the replay of that match (issue 5).
    const replay = tx('a', 'app:run.replayClass', {
      href: `?replay=${encodeURIComponent(record.matchId)}`,
      class: 'btn btn-link',
    });
    list.append(h('li', {}, button, ' ', replay));
  }
  const codeInput = h('input', {
    id: 'reopen-code',
    class: 'code-input',
    autocomplete: 'off',
    autocapitalize: 'characters',
    maxlength: 12,
  });
  const keyInput = h('input', {
    id: 'reopen-key',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 100,
  });
  const submit = tx('button', 'app:run.reopenSubmit', { type: 'submit', class: 'btn' });
  const form = h(
    'form',
    { class: 'door-form', novalidate: true },
    field('app:run.reopenCode', codeInput).wrap,
    field('app:run.reopenKey', keyInput).wrap,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (codeInput.value.trim() && keyInput.value.trim())
      void open(submit, codeInput.value, keyInput.value);
  });
  return h(
    'details',
    { class: 'reopen', open: known.length > 0 },
    tx('summary', 'app:run.reopen'),
    known.length > 0 ? list : null,
    form,
    error,
  );
}
