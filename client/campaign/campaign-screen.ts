/**
 * "Play alone": the campaign screen. Scenarios in campaign order with their best stars, each
 * locked until the one before has a star; the difficulty and the player's name for the next
 * game; the saved games of this browser (resume, delete); and a field for a resume code from
 * another browser. Choosing a scenario opens its briefing (briefing.ts), which starts the game.
 */
import '../styles/campaign.css';
import type { Session } from '../net/session-client';
import { NAME_MAX_LENGTH } from '../../shared/protocol/messages';
import { h, languageSwitch, rememberFocus } from '../app/dom';
import { onLanguageChange, t } from '../i18n';
import { mountBriefing } from './briefing';
import { campaignEntries, entryById, text, tutorialEntry, type CampaignEntry } from './catalog';
import { bestStars, isUnlocked, previousEntry } from './progress';
import { campaignHash, type CampaignView } from './routes';
import { resumeBox, savedGamesBox } from './saves';
import { loadDifficulty, loadName, loadProgress, saveDifficulty, saveName } from './store';
import { difficultyPicker, starsNode } from './widgets';

export interface CampaignScreenHandlers {
  /** A game was started or resumed: show the play screen. */
  onPlay(session: Session): void;
  /** Back to the three doors. */
  onBack(): void;
}

export function mountCampaignScreen(
  root: HTMLElement,
  handlers: CampaignScreenHandlers,
  initial: CampaignView = { screen: 'list' },
): () => void {
  let view: CampaignView = initial;
  let name = loadName();
  let resumeInput = '';
  const main = h('main', { id: 'main', class: 'cg-main' });
  const back = h('button', { type: 'button', class: 'btn', id: 'cg-home' });
  const title = h('h1', {});
  const tagline = h('p', { class: 'tagline' });
  const screen = h(
    'div',
    { class: 'app-shell cg-screen' },
    h(
      'header',
      { class: 'app-header' },
      h('div', { class: 'brand' }, title, tagline),
      h('div', { class: 'cg-header-tools' }, back, languageSwitch()),
    ),
    main,
  );
  root.replaceChildren(screen);
  back.addEventListener('click', () => handlers.onBack());

  const show = (next: CampaignView, focus = true): void => {
    view = next;
    history.replaceState(null, '', `${location.pathname}${location.search}${campaignHash(next)}`);
    render(focus);
  };

  function render(focus: boolean): void {
    title.textContent = t('campaign:title');
    tagline.textContent = t('campaign:tagline');
    back.textContent = t('campaign:home');
    const entry = view.screen === 'briefing' ? entryById(view.entryId) : null;
    if (entry && isUnlocked(campaignEntries(), loadProgress(), entry.id)) {
      main.replaceChildren(
        mountBriefing(entry, {
          name: () => name,
          setName: (value) => {
            name = value;
            saveName(value);
          },
          onBack: () => show({ screen: 'list' }),
          onPlay: handlers.onPlay,
        }),
      );
    } else {
      view = { screen: 'list' };
      main.replaceChildren(listView());
    }
    if (focus) main.querySelector<HTMLElement>('h2[tabindex]')?.focus();
  }

  // ---- the list ------------------------------------------------------------------------------
  function listView(): HTMLElement {
    const entries = campaignEntries();
    const progress = loadProgress();
    const cards = entries.map((entry) => scenarioCard(entry, progress));
    const tutorial = tutorialEntry();
    const tutorialButton = tutorial
      ? h(
          'button',
          { type: 'button', class: 'btn', id: 'cg-tutorial' },
          t('campaign:tutorialButton'),
        )
      : null;
    tutorialButton?.addEventListener('click', () =>
      show({ screen: 'briefing', entryId: tutorial!.id }),
    );
    const won = entries.filter((e) => bestStars(progress, e.id) > 0).length;
    return h(
      'div',
      { class: 'cg-list' },
      h(
        'section',
        { class: 'cg-intro', 'aria-labelledby': 'cg-heading' },
        h('h2', { id: 'cg-heading', tabindex: -1 }, t('campaign:list.heading')),
        h('p', {}, t('campaign:list.intro')),
        h(
          'p',
          { class: 'cg-progress' },
          t('campaign:list.progress', { won, total: entries.length }),
        ),
        tutorialButton,
      ),
      h(
        'div',
        { class: 'cg-columns' },
        h(
          'section',
          { class: 'cg-scenarios-box', 'aria-labelledby': 'cg-scenarios-title' },
          h('h2', { id: 'cg-scenarios-title' }, t('campaign:list.scenarios')),
          h('ol', { class: 'cg-scenarios' }, ...cards),
        ),
        h(
          'div',
          { class: 'cg-aside' },
          settingsBox(),
          savedGamesBox({
            onPlay: handlers.onPlay,
            onDeleted: () => {
              render(false);
              main.querySelector<HTMLElement>('#cg-saves-title')?.focus();
            },
          }),
          resumeBox({
            onPlay: handlers.onPlay,
            value: () => resumeInput,
            setValue: (value: string) => (resumeInput = value),
          }),
        ),
      ),
    );
  }

  function scenarioCard(entry: CampaignEntry, progress: ReturnType<typeof loadProgress>) {
    const open = isUnlocked(campaignEntries(), progress, entry.id);
    const stars = bestStars(progress, entry.id);
    const before = previousEntry(campaignEntries(), entry.id);
    const action = open
      ? h(
          'button',
          { type: 'button', class: 'btn btn-primary cg-open', id: `cg-open-${entry.id}` },
          t(stars > 0 ? 'campaign:list.replay' : 'campaign:list.open'),
        )
      : h(
          'p',
          { class: 'cg-locked-text' },
          t('campaign:list.locked', { previous: before ? text(before.title) : '' }),
        );
    if (action instanceof HTMLButtonElement)
      action.addEventListener('click', () => show({ screen: 'briefing', entryId: entry.id }));
    return h(
      'li',
      {
        class: `cg-card${open ? '' : ' cg-card-locked'}`,
        'data-entry': entry.id,
        'data-locked': String(!open),
      },
      h(
        'div',
        { class: 'cg-card-head' },
        h('span', { class: 'cg-order', 'aria-hidden': 'true' }, String(entry.order)),
        h('h3', {}, text(entry.title)),
        starsNode(stars),
      ),
      h(
        'p',
        { class: 'cg-card-meta' },
        [
          entry.tutorial ? t('campaign:list.tutorialBadge') : '',
          t('campaign:list.rounds', { count: entry.rounds }),
          open ? '' : t('campaign:list.lockedBadge'),
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      h('p', { class: 'cg-card-text' }, text(entry.situation)),
      action,
    );
  }

  // ---- name and difficulty ---------------------------------------------------------------------
  function settingsBox(): HTMLElement {
    const input = h('input', {
      id: 'cg-name',
      autocomplete: 'nickname',
      maxlength: NAME_MAX_LENGTH,
      value: name,
      placeholder: t('campaign:defaultName'),
    });
    input.addEventListener('input', () => {
      name = input.value;
      saveName(name);
    });
    return h(
      'section',
      { class: 'cg-box cg-settings', 'aria-labelledby': 'cg-settings-title' },
      h('h2', { id: 'cg-settings-title' }, t('campaign:settings.title')),
      h(
        'div',
        { class: 'field' },
        h('label', { for: input.id }, t('campaign:settings.name')),
        input,
      ),
      difficultyPicker(loadDifficulty(), saveDifficulty),
    );
  }

  render(true);
  const offLanguage = onLanguageChange(() => {
    const focused = rememberFocus(main);
    render(false);
    if (focused) document.getElementById(focused)?.focus();
  });
  return () => {
    offLanguage();
    screen.remove();
  };
}
