/**
 * A student's game screen: the town (or the region) drawn by the Phaser scenes, the policy panel
 * beside it, the news, and the results of the last round with their causes. Everything shown
 * comes from the server's state; the client only validates and costs its own draft with the
 * shared engine, so what the panel says matches what the server will accept.
 */
import '../styles/panel.css';
import '../styles/play.css';
import type { MatchEvent, SharedCentre, TownState } from '../../shared';
import type { NewsItem } from '../../shared/protocol/messages';
import type { PublicTown } from '../../shared/protocol/public';
import { viewStateCache } from './view-state';
import type { PlanSection, Portfolio } from '../../shared/protocol/roles';
import { hasTranslation, localTownName, onLanguageChange, t } from '../i18n';
import { readStored, removeStored, storedKeys, writeStored } from '../net/local-store';
import type { Session } from '../net/session-client';
import type { ServerProblem } from '../net/errors';
import { h } from '../panel/dom';
import { languageSwitch } from './dom';
import { mountPolicyPanel, type PolicyPanel } from '../panel/policy-panel';
import { mountResultsPanel, type ResultsPanel } from '../panel/results-panel';
import {
  createGame,
  INDICATORS,
  type ClusterTownsGame,
  type MapProposal,
  type TownLayout,
} from '../scenes';
import { isSoloSession } from '../campaign/mode';
import { mountPlayExtras } from './play-extras';
import { mountLater } from './mount-later';
import { mountClassBanner } from './class-banner';
import { skipToPlan } from './skip-link';

type SceneView = 'town' | 'region';

interface PlayHandle {
  phase: string;
  round: number;
  townId: string | null;
  view: SceneView;
  problems: string[];
  /** Whether the town's state before the last round is known (the Before/After toggle works). */
  beforeKnown: boolean;
  /** How many other towns' positions the town scene got, to aim departing trucks. */
  positions: number;
  /** Departing convoys drawn: destination and the edge of town they leave by. */
  departures: { to: string; side: TownLayout['departures'][number]['side'] }[];
}

declare global {
  interface Window {
    __play?: PlayHandle;
  }
}

function newsLine(item: NewsItem): string {
  if (item.kind === 'round') return t('play:roundResolved', { round: item.round, year: item.year });
  const key = item.eventId ? `common:event.${item.eventId}.title` : '';
  const text = key && hasTranslation(key) ? t(key) : item.text;
  if (!item.author || item.kind === 'card') return text;
  const authorKey = `play:author.${item.author}`;
  return `${hasTranslation(authorKey) ? t(authorKey) : item.author}: ${text}`;
}

/** The town as it stood after `round` resolved rounds, with the match's centres then. */
interface RoundSnapshot {
  code: string;
  townId: string;
  round: number;
  state: TownState;
  centres?: SharedCentre[];
  savedAt: number;
}

const SNAPSHOT_PREFIX = 'clusterTowns.townRound.';
/** Sessions whose snapshots are kept; older ones are dropped so the storage stays small. */
const SNAPSHOT_SESSIONS = 3;

const snapshotKey = (code: string, townId: string, round: number): string =>
  `${SNAPSHOT_PREFIX}${code}.${townId}.${round}`;

/**
 * The town's own state round by round, in memory and in this browser's storage, so that the
 * Before/After toggle still compares with the right "before" after a reload. Storage keeps only
 * the latest two rounds of a session (the current one, and the one before it) and a few
 * sessions.
 */
function roundMemory(code: string): {
  remember(snapshot: Omit<RoundSnapshot, 'code' | 'savedAt'>): void;
  recall(townId: string, round: number): RoundSnapshot | null;
} {
  const memory = new Map<string, RoundSnapshot>();
  const prune = (keep: RoundSnapshot): void => {
    const own = `${SNAPSHOT_PREFIX}${code}.${keep.townId}.`;
    const others = new Map<string, { keys: string[]; savedAt: number }>();
    for (const key of storedKeys(SNAPSHOT_PREFIX)) {
      if (key.startsWith(own)) {
        const round = Number(key.slice(own.length));
        if (!(round === keep.round || round === keep.round - 1)) removeStored(key);
        continue;
      }
      const stored = readStored<Partial<RoundSnapshot>>(key);
      const session = `${stored?.code ?? ''}.${stored?.townId ?? ''}`;
      const entry = others.get(session) ?? { keys: [], savedAt: 0 };
      entry.keys.push(key);
      entry.savedAt = Math.max(entry.savedAt, Number(stored?.savedAt) || 0);
      others.set(session, entry);
    }
    [...others.values()]
      .sort((a, b) => b.savedAt - a.savedAt)
      .slice(SNAPSHOT_SESSIONS - 1)
      .forEach((old) => old.keys.forEach(removeStored));
  };
  return {
    remember(snapshot) {
      const key = snapshotKey(code, snapshot.townId, snapshot.round);
      const known = memory.get(key);
      if (known && known.state === snapshot.state) return;
      const full: RoundSnapshot = { ...snapshot, code, savedAt: Date.now() };
      memory.set(key, full);
      writeStored(key, full);
      prune(full);
    },
    recall(townId, round) {
      if (round < 0) return null;
      const key = snapshotKey(code, townId, round);
      const known = memory.get(key);
      if (known) return known;
      const stored = readStored<RoundSnapshot>(key);
      const valid =
        stored !== null &&
        stored.code === code &&
        stored.townId === townId &&
        stored.round === round &&
        typeof stored.state === 'object' &&
        stored.state?.id === townId;
      if (!valid) return null;
      memory.set(key, stored);
      return stored;
    },
  };
}

export function mountPlayScreen(root: HTMLElement, session: Session): () => void {
  const testMode = new URLSearchParams(location.search).get('test') === '1';
  const handle: PlayHandle = {
    phase: session.phase,
    round: session.round,
    townId: session.townId,
    view: 'town',
    problems: [],
    beforeKnown: false,
    positions: 0,
    departures: [],
  };
  window.__play = handle;

  const title = h('h1', { class: 'play-title' });
  const phaseLine = h('p', { class: 'play-phase', id: 'play-phase', role: 'status' });
  const roles = h('p', { class: 'play-roles' });
  const connection = h('span', { class: 'play-connection', role: 'status' });
  const townButton = h('button', { type: 'button', 'aria-pressed': 'true' });
  const regionButton = h('button', { type: 'button', 'aria-pressed': 'false' });
  const beforeButton = h('button', { type: 'button', id: 'play-before' });
  const afterButton = h('button', { type: 'button', id: 'play-after' });
  const indicatorLabel = h('label', { for: 'play-indicator' });
  const indicator = h('select', { id: 'play-indicator' });
  for (const key of INDICATORS) indicator.append(h('option', { value: key }, key));
  const continueButton = h('button', { type: 'button', class: 'play-continue', hidden: true });
  const reopenButton = h('button', { type: 'button', class: 'play-reopen', hidden: true });
  const problem = h('p', { class: 'play-problem', role: 'alert' });
  const skip = skipToPlan();
  const header = h(
    'header',
    { class: 'play-header' },
    skip,
    h('div', { class: 'play-heading' }, title, phaseLine, roles),
    h(
      'div',
      { class: 'play-tools' },
      townButton,
      regionButton,
      beforeButton,
      afterButton,
      indicatorLabel,
      indicator,
      continueButton,
      reopenButton,
      connection,
      // Each person's language, in the header of every screen (issue 14).
      languageSwitch(),
    ),
    problem,
  );
  const sceneBox = h('div', { class: 'play-scene', id: 'play-scene' });
  const newsTitle = h('h2', { class: 'play-news-title' });
  const newsList = h('ul', { class: 'play-news', 'aria-live': 'polite' });
  const resultsTitle = h('h2', { class: 'play-results-title' });
  const resultsBox = h('div', { class: 'play-results', id: 'play-results' });
  const side = h('aside', { class: 'ct-side', id: 'play-policy' });
  const main = h(
    'div',
    { class: 'ct-main' },
    sceneBox,
    h('section', { class: 'play-news-box' }, newsTitle, newsList),
    h('section', { class: 'play-results-box' }, resultsTitle, resultsBox),
  );
  const layout = h('main', { class: 'ct-layout' }, main, side);
  // Pause, a new announcement, the last 30 s of planning: not to be missed (issue 14).
  const banner = mountClassBanner(session);
  const shell = h('div', { class: 'ct-app play-app' }, header, banner.element, layout);
  root.replaceChildren(shell);

  const game: ClusterTownsGame = createGame(sceneBox, { testMode });
  const viewState = viewStateCache();
  let view: SceneView = 'town';
  let panel: PolicyPanel | null = null;
  let results: ResultsPanel | null = null;
  let shownDetail: TownState | null = null;
  let shownFigures = '';
  const rounds = roundMemory(session.code);

  const myTown = (): TownState | null =>
    session.townId ? (session.privateOf(session.townId)?.detail ?? null) : null;

  /** Every town's name in the current language, for the header and the scenes' labels. */
  const townNames = (): Record<string, string> =>
    Object.fromEntries(session.towns().map((town) => [town.id, localTownName(town.id, town.name)]));

  const figuresOf = (): PublicTown[] =>
    session
      .towns()
      .map((town) => town.figures)
      .filter((f): f is PublicTown => f !== null);

  /** The Before/After toggle works only when the town's previous state is known. */
  let firstRound = true;
  function setBeforeKnown(known: boolean, first = firstRound): void {
    handle.beforeKnown = known;
    firstRound = first;
    const why = known ? '' : t(firstRound ? 'play:beforeNone' : 'play:beforeUnknown');
    for (const button of [beforeButton, afterButton]) {
      button.disabled = !known;
      button.style.opacity = known ? '' : '0.5';
      button.style.cursor = known ? '' : 'not-allowed';
      if (known) {
        button.removeAttribute('title');
        button.removeAttribute('aria-description');
      } else {
        button.title = why;
        button.setAttribute('aria-description', why);
      }
    }
    if (!known) game.showView('after');
  }

  const proposals = (): MapProposal[] =>
    [
      ...session.proposals().map((p) => ({ from: p.from, to: p.to, kind: p.kind })),
      ...session
        .news()
        .filter((n) => n.kind === 'statement' && n.townId)
        .slice(-5)
        .map((n) => ({ from: n.townId!, to: [], kind: 'statement', text: n.text })),
    ] as MapProposal[];

  function drawScene(force = false): void {
    const detail = myTown();
    if (view === 'town') {
      const townId = session.townId;
      if (!detail || !townId || (!force && detail === shownDetail)) return;
      shownDetail = detail;
      // Resolved rounds as this state knows them: its history arrives with it.
      const round = session.privateOf(townId)?.history.length ?? 0;
      const centres = viewState(session, detail)?.centres;
      rounds.remember({ townId, round, state: detail, centres });
      const previous = rounds.recall(townId, round - 1);
      setBeforeKnown(previous !== null, round === 0);
      const positions = figuresOf().map((f) => ({ id: f.id, geo: f.geo }));
      const layout = game.showTown(
        detail,
        previous?.state,
        session.lastEvents() as MatchEvent[],
        townNames(),
        {
          towns: positions,
          ...(centres ? { centres } : {}),
          ...(centres && previous?.centres ? { centresBefore: previous.centres } : {}),
        },
      );
      handle.positions = positions.filter((p) => p.id !== townId).length;
      handle.departures = layout.departures.map((d) => ({ to: d.to, side: d.side }));
      return;
    }
    const figures = figuresOf();
    const shownProposals = proposals();
    // Redrawn when the figures, the round, or the diplomacy on the map change.
    const key = JSON.stringify([figures.map((f) => [f.id, f.gdp]), session.round, shownProposals]);
    if (!force && key === shownFigures) return;
    shownFigures = key;
    game.showRegion(figures, session.lastEvents() as MatchEvent[], shownProposals);
  }

  function setView(next: SceneView): void {
    view = next;
    handle.view = next;
    townButton.setAttribute('aria-pressed', String(next === 'town'));
    regionButton.setAttribute('aria-pressed', String(next === 'region'));
    beforeButton.hidden = next !== 'town';
    afterButton.hidden = next !== 'town';
    indicator.hidden = next !== 'region';
    indicatorLabel.hidden = next !== 'region';
    sceneBox.setAttribute(
      'aria-label',
      t(next === 'town' ? 'play:sceneLabel' : 'play:regionLabel'),
    );
    drawScene(true);
  }

  function renderPanels(): void {
    const townId = session.townId;
    const detail = myTown();
    const mine = townId ? session.privateOf(townId) : null;
    if (!townId || !detail || !mine?.draft) return;
    const state = viewState(session, detail);
    if (!state) return;
    const submitted = session.town(townId)?.submitted ?? false;
    const deadline = session.state.deadline > 0 ? session.state.deadline : null;
    const portfolios = session.portfolios as readonly Portfolio[];
    if (!panel) {
      panel = mountPolicyPanel(side, {
        state,
        townId,
        draft: mine.draft,
        portfolios,
        deadline,
        submitted,
        submittable: session.phase === 'planning',
        onChange: (section: PlanSection, value: unknown) => {
          session.send('draft', { section, value } as never);
        },
        onSubmit: () => {
          session.send('submit', { round: session.round });
        },
      });
    } else {
      const submittable = session.phase === 'planning';
      panel.update({ state, draft: mine.draft, portfolios, deadline, submitted, submittable });
    }
    const history = mine.history;
    if (history.length === 0) {
      resultsBox.replaceChildren(h('p', {}, t('play:resultsWaiting')));
      results?.destroy();
      results = null;
      return;
    }
    const options = {
      state,
      townId,
      events: session.lastEvents() as MatchEvent[],
      explanations: mine.explanations,
      history,
    };
    if (!results) {
      resultsBox.replaceChildren();
      results = mountResultsPanel(resultsBox, options);
    } else results.update(options);
  }

  function renderHeader(): void {
    skip.textContent = t('play:skipToPlan');
    const townId = session.townId;
    const mine = townId ? session.town(townId) : null;
    const phase = session.phase;
    title.textContent = mine && townId ? localTownName(townId, mine.name) : session.code;
    phaseLine.textContent =
      phase === 'waiting'
        ? t('play:waitingStart')
        : phase === 'ended'
          ? t('play:ended')
          : t('play:phaseLine', {
              phase: t(`instructor:phase.${phase}`),
              round: session.round,
              rounds: session.state.rounds,
              year: session.state.year,
            });
    const portfolios = session.portfolios;
    const objectives = townId ? session.privateOf(townId)?.briefing : undefined;
    const own = portfolios.map((p) => t(`common:portfolioShort.${p}`)).join(', ');
    const goal = portfolios.map((p) => objectives?.[p]).find((o) => o !== undefined);
    roles.textContent = [
      own ? t('play:roles', { roles: own }) : '',
      goal ? t('play:objective', { objective: t(`play:objectiveMetric.${goal.metric}`) }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
    connection.textContent = t(`play:connection.${session.status}`);
    const solo = session.state.mode === 'solo';
    continueButton.hidden = !(solo && phase === 'results');
    continueButton.textContent = t(
      session.round >= session.state.rounds ? 'play:finish' : 'play:continue',
    );
    const submittedBy = townId ? session.privateOf(townId)?.submittedBy : '';
    reopenButton.hidden = !(phase === 'planning' && submittedBy && portfolios.includes('mayor'));
    const news = session.news().slice(-6).reverse();
    newsList.replaceChildren(
      ...(news.length > 0
        ? news.map((item) => h('li', { class: `news-${item.kind}` }, newsLine(item)))
        : [h('li', {}, t('play:noNews'))]),
    );
    resultsTitle.textContent =
      session.resolvedRounds > 0
        ? t('play:resultsTitle', { round: session.resolvedRounds })
        : t('play:resultsTitleNone');
    // The plan can be edited only while the round is being planned.
    const planning = phase === 'briefing' || phase === 'planning';
    side.hidden = !planning;
    layout.classList.toggle('play-no-panel', !planning);
    handle.phase = phase;
    handle.round = session.round;
    handle.townId = townId;
  }

  function renderLabels(): void {
    townButton.textContent = t('play:viewTown');
    regionButton.textContent = t('play:viewRegion');
    beforeButton.textContent = t('play:before');
    afterButton.textContent = t('play:after');
    indicatorLabel.textContent = t('play:indicator');
    reopenButton.textContent = t('play:reopen');
    newsTitle.textContent = t('play:news');
    for (const option of indicator.options) {
      const key = `common:metric.${option.value}`;
      option.textContent = hasTranslation(key) ? t(key) : t('play:indicatorScore');
    }
  }

  const render = (): void => {
    renderHeader();
    renderPanels();
    drawScene();
  };

  townButton.addEventListener('click', () => setView('town'));
  regionButton.addEventListener('click', () => setView('region'));
  beforeButton.addEventListener('click', () => game.showView('before'));
  afterButton.addEventListener('click', () => game.showView('after'));
  indicator.addEventListener('change', () => game.setIndicator(indicator.value));
  continueButton.addEventListener('click', () =>
    session.send('continue', { round: session.round }),
  );
  reopenButton.addEventListener('click', () => session.send('unsubmit', { round: session.round }));
  const offError = session.on('error', ((p: ServerProblem) => {
    // In the reader's language by the error's code; the server's English words on hover.
    const text = t('play:problem', { reason: p.text });
    problem.textContent = text;
    problem.title = p.reason;
    handle.problems.push(text);
  }) as never);
  const offChange = session.onChange(render);
  const offStatus = session.onStatus(() => renderHeader());
  const offLanguage = onLanguageChange(() => {
    renderLabels();
    renderHeader();
    renderPanels();
    // Town names and the scenes' words change with the language: draw again.
    drawScene(true);
    setBeforeKnown(handle.beforeKnown);
  });
  renderLabels();
  setView('town');
  render();
  // Solo games get the campaign on top: advisor, glossary, tutorial, end report (issue 6); a
  // class gets the advisor's hints. Both load once the scene is running, so a phone draws the
  // town without first downloading the campaign's texts (issue 16).
  const offCampaign = mountLater(async () => {
    await game.ready;
    if (!isSoloSession(session))
      return (await import('./class-advisor')).mountClassAdvisor(main, session);
    return (await import('../campaign/layer')).mountCampaignLayer(shell, session);
  });
  const offCaretaker = mountPlayExtras(main, side, session);

  return () => {
    offCampaign?.();
    offCaretaker();
    banner.destroy();
    offError();
    offChange();
    offStatus();
    offLanguage();
    panel?.destroy();
    results?.destroy();
    game.destroy();
    shell.remove();
    delete window.__play;
  };
}
