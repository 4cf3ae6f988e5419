/**
 * The viewer once a log is verified: the timeline on top, the town scene or regional map with
 * its tools, tabs for decisions and explanations, the side-by-side comparison and the charts,
 * and a sidebar with key moments, notes, class sync and the what-if fork. One position (round,
 * view, town) drives everything; moving it updates the cheap parts at once and redraws the rest
 * on the next animation frame, so playing at 8× or dragging the scrubber never queues work.
 */
import type { MatchState } from '../../shared';
import { onLanguageChange, t } from '../i18n';
import { h, languageSwitch, translateTree, tx, txAttr } from '../app/dom';
import { townName } from '../panel/labels';
import { INDICATORS } from '../scenes';
import { buildChapters } from '../../shared/debrief';
import type { EditedChapter } from '../../shared/debrief/extras';
import { logWithNotes, type Annotation, type AnnotationStore } from './annotations';
import { mountChapterCard } from './chapters-card';
import type { ChapterStore } from './chapters-store';
import { mountChapters } from './chapters-view';
import { mountCharts } from './charts';
import { mountCompare } from './compare';
import { mountDecisions } from './decisions-view';
import { mountFork, type PlayHandoff } from './fork-view';
import type { ReplayHandle } from './handle';
import { keyMoments } from './key-moments';
import type { VerifiedReplay } from './loader';
import { momentPosition, mountMoments } from './moments-view';
import { mountNotes } from './notes-view';
import { mountStage } from './stage';
import type { ReplayPosition, SyncContext, SyncFactory } from './sync';
import { mountSync, type SyncMode } from './sync-view';
import { mountPredict } from './predict-view';
import { mountTabs } from './tabs';
import { mountTimeline } from './timeline';
import { mountWhatIf } from './what-if-view';
import { rememberedKey } from './server';

export interface PlayerOptions {
  replay: VerifiedReplay;
  store: AnnotationStore;
  annotations: Annotation[];
  /** Where the edited debrief chapters are kept, and the list saved there (null: none). */
  chapterStore: ChapterStore;
  savedChapters: EditedChapter[] | null;
  syncFactory: SyncFactory;
  syncContext: SyncContext;
  handle: ReplayHandle;
  testMode: boolean;
  /** Where to start (a reload comes back to the same place). */
  initial?: Partial<ReplayPosition>;
  /** Called on every move, to remember the place across a reload. */
  onMove?: (position: ReplayPosition) => void;
  onPlay?: PlayHandoff;
  /** Follow the presenter from the start (a student's replay link). */
  autoFollow?: boolean;
  onOpenAnother: () => void;
  /** File name or "match … on the server", shown in the header. */
  source: string;
}

function section(id: string, titleKey: string, ...children: HTMLElement[]): HTMLElement {
  return h(
    'section',
    { class: 'replay-card', 'aria-labelledby': id },
    tx('h2', titleKey, { id }),
    ...children,
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start reading the blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function mountPlayer(root: HTMLElement, options: PlayerOptions): () => void {
  const { replay, handle } = options;
  const { log, states, results } = replay;
  const rounds = states.length - 1;
  const start = states[0];
  const townIds = start.towns.map((town) => town.id);
  const clampRound = (r: number): number => Math.max(0, Math.min(rounds, Math.round(r)));
  const knownTown = (id: string | undefined): string | null =>
    id && start.towns.some((t) => t.id === id) ? id : null;
  const yearOf = (round: number): number =>
    round === 0 ? start.year : (log.rounds[round - 1]?.year ?? states[round - 1].year);

  const knownTowns = (ids: readonly string[] | undefined): string[] | null =>
    ids ? ids.filter((id) => knownTown(id) !== null).slice(0, 4) : null;

  let position: ReplayPosition = {
    round: clampRound(options.initial?.round ?? 0),
    view: options.initial?.view === 'region' ? 'region' : 'town',
    townId: knownTown(options.initial?.townId) ?? townIds[0],
    compare: knownTowns(options.initial?.compare) ?? townIds.slice(0, 2),
  };
  if (options.initial?.chapter) position.chapter = options.initial.chapter;
  let indicator = 'gdp';
  // What the download adds beside the log: the edited chapters, once there are some.
  let savedChapters = options.savedChapters;
  let annotations = options.annotations;
  let frame = 0;

  // --- Header and timeline ------------------------------------------------------------------
  const title = h('h1', {});
  const tagline = h('p', { class: 'tagline', id: 'replay-verified' });
  const openAnother = tx('button', 'replay:openAnother', {
    type: 'button',
    class: 'btn btn-small',
  });
  const downloadButton = tx('button', 'replay:downloadWithNotes', {
    type: 'button',
    class: 'btn btn-small',
    id: 'replay-download',
  });
  const timeline = mountTimeline({ rounds, yearOf, onSeek: (round) => go({ round }) });

  // --- Stage and its tools --------------------------------------------------------------------
  const townButton = tx('button', 'replay:view.town', {
    type: 'button',
    class: 'btn btn-small',
    id: 'replay-view-town',
  });
  const regionButton = tx('button', 'replay:view.region', {
    type: 'button',
    class: 'btn btn-small',
    id: 'replay-view-region',
  });
  const townSelect = h(
    'select',
    { id: 'replay-town' },
    ...townIds.map((id) => h('option', { value: id })),
  );
  const indicatorSelect = h('select', { id: 'replay-indicator' });
  const indicatorField = h(
    'span',
    { class: 'replay-tool' },
    tx('label', 'replay:view.indicator', { for: 'replay-indicator' }),
    indicatorSelect,
  );
  const beforeButton = tx('button', 'replay:view.before', {
    type: 'button',
    class: 'btn btn-small',
  });
  const afterButton = tx('button', 'replay:view.after', { type: 'button', class: 'btn btn-small' });
  // A labelled region: a div may not carry aria-label without a role (axe, issue 14).
  const sceneBox = h('div', { class: 'replay-stage', id: 'replay-stage', role: 'region' });
  txAttr(sceneBox, 'aria-label', 'replay:view.sceneLabel');
  const tools = h(
    'div',
    { class: 'replay-stage-tools' },
    h('div', { class: 'replay-toggle', role: 'group' }, townButton, regionButton),
    h(
      'span',
      { class: 'replay-tool' },
      tx('label', 'replay:view.chooseTown', { for: 'replay-town' }),
      townSelect,
    ),
    indicatorField,
    h('span', { class: 'replay-tool replay-before-after' }, beforeButton, afterButton),
  );

  // --- Tabs -------------------------------------------------------------------------------------
  const decisions = mountDecisions();
  const compare = mountCompare(start, position.compare ?? [], (ids) => go({ compare: ids }));
  const charts = mountCharts(states, yearOf);
  const chapters = mountChapters({
    detected: buildChapters(log),
    saved: savedChapters,
    store: options.chapterStore,
    start,
    rounds,
    yearOf,
    // "Go to": the chapter's first round and main town; a presenter's class sees its card.
    onGo: (chapter) =>
      go({
        round: chapter.fromRound,
        view: 'town',
        townId: chapter.towns[0],
        chapter: chapter.id,
      }),
    onSaved: (list) => (savedChapters = list),
  });
  const chapterCard = mountChapterCard(start, yearOf);
  const whatIf = mountWhatIf(replay, rememberedKey);
  const tabs = mountTabs(
    [
      { id: 'decisions', labelKey: 'replay:tab.decisions', panel: decisions.element },
      { id: 'compare', labelKey: 'replay:tab.compare', panel: compare.element },
      { id: 'charts', labelKey: 'replay:tab.charts', panel: charts.element },
      { id: 'chapters', labelKey: 'chapters:tab', panel: chapters.element },
      { id: 'whatif', labelKey: 'whatif:tab', panel: whatIf.element },
    ],
    'replay:tab.label',
    () => schedule(),
  );

  // --- Sidebar ----------------------------------------------------------------------------------
  const moments = mountMoments(
    keyMoments({ states, events: results.map((r) => r?.events ?? []) }),
    states[rounds],
    yearOf,
    (moment) => go(momentPosition(moment, position.townId ?? townIds[0])),
  );
  const notes = mountNotes(
    options.store,
    annotations,
    yearOf,
    (round) => go({ round }),
    (list) => {
      annotations = list;
      handle.annotations = list;
      timeline.setMarks(list.map((a) => a.round));
    },
  );
  const ownTown = knownTown(options.syncContext.ownTownId);
  const sync = mountSync(
    options.syncFactory,
    options.syncContext,
    () => ({ ...position }),
    // Following with "my town": the presenter's round, the follower's own town in full.
    (remote) =>
      go(
        sync.mine() && ownTown
          ? { ...remote, view: 'town', townId: ownTown, compare: undefined }
          : remote,
        true,
      ),
    (mode) => onSyncMode(mode),
  );
  const fork = mountFork(log, options.onPlay);
  // Predict, then reveal (issue 15): ask about the next round, reveal, then play it.
  const predict = mountPredict(
    log,
    rounds,
    (id) => townName(states[position.round], id),
    (round) => go({ round }),
  );

  const side = h(
    'aside',
    { class: 'replay-side' },
    section('replay-moments-title', 'replay:moment.title', moments.element),
    section('replay-notes-title', 'replay:notes.title', notes.element),
    section('replay-sync-title', 'replay:sync.title', sync.element),
    predict.element,
    section('replay-fork-title', 'replay:fork.title', fork.element),
  );
  const mainColumn = h(
    'div',
    { class: 'replay-left' },
    tools,
    chapterCard.element,
    sceneBox,
    tabs.list,
    ...tabs.panels,
  );
  const shell = h(
    'div',
    { class: 'app-shell replay-app' },
    h(
      'header',
      { class: 'app-header' },
      h('div', {}, title, tagline),
      h('div', { class: 'header-actions' }, openAnother, downloadButton, languageSwitch()),
    ),
    timeline.element,
    h('main', { class: 'replay-main' }, mainColumn, side),
  );
  root.replaceChildren(shell);
  // Phaser sizes its canvas from its parent: create it once the parent is in the page.
  const stage = mountStage(sceneBox, options.testMode);

  // --- Moving -----------------------------------------------------------------------------------
  function locked(): boolean {
    return sync.mode() === 'following';
  }

  function go(next: Partial<ReplayPosition>, remote = false): void {
    if (locked() && !remote) {
      // A follower may still pick towns to compare for itself; the rest is the presenter's.
      if (next.compare) position = { ...position, compare: knownTowns(next.compare)! };
      schedule();
      return;
    }
    const round = clampRound(next.round ?? position.round);
    // A presenter stays on a chapter while moving inside its rounds; a follower shows the
    // presenter's (issue 15).
    const chapter = remote
      ? next.chapter
      : (next.chapter ?? chapters.at(position.chapter, round)?.id);
    position = {
      round,
      view: next.view ?? position.view,
      townId: knownTown(next.townId) ?? position.townId,
      compare: knownTowns(next.compare) ?? position.compare,
      ...(chapter ? { chapter } : {}),
    };
    if (remote && next.compare) compare.setSelected(position.compare ?? []);
    timeline.update(position.round, locked());
    Object.assign(handle, { round: position.round, view: position.view, townId: position.townId });
    sync.moved(position);
    predict.moved(position.round);
    options.onMove?.(position);
    schedule();
  }

  function onSyncMode(mode: SyncMode): void {
    handle.sync = mode;
    handle.mine = sync.mine();
    predict.connect(
      sync.predict(),
      mode === 'presenting' ? 'presenter' : mode === 'alone' ? null : 'follower',
    );
    const lock = mode === 'following';
    for (const control of [townButton, regionButton, townSelect]) control.disabled = lock;
    timeline.update(position.round, lock);
    schedule();
  }

  function schedule(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  }

  function render(): void {
    const { round, view } = position;
    const townId = position.townId ?? townIds[0];
    const state: MatchState = states[round];
    const previous = round > 0 ? states[round - 1] : null;
    stage.show({ state, previous, events: results[round]?.events ?? [], view, townId, indicator });
    townButton.setAttribute('aria-pressed', String(view === 'town'));
    regionButton.setAttribute('aria-pressed', String(view === 'region'));
    indicatorField.hidden = view !== 'region';
    beforeButton.parentElement!.hidden = view !== 'town';
    townSelect.value = townId;
    charts.setHighlighted([townId, ...(position.compare ?? [])]);
    const tab = tabs.active();
    if (tab === 'decisions') {
      const hideReason = (id: string) => sync.hidesReason(id);
      decisions.update({ log, states, results, round, townId, yearOf, hideReason });
    } else if (tab === 'compare') compare.update(state, previous, yearOf(round));
    else if (tab === 'whatif') whatIf.update(round, townId);
    else if (tab === 'charts') {
      charts.attach();
      charts.setRound(round);
    }
    chapterCard.show(chapters.find(position.chapter));
    chapters.update(round, position.chapter);
    moments.update(round);
    notes.update(round);
    fork.update(round, yearOf(round));
  }

  function relabelHeader(): void {
    title.textContent = t('replay:title', { scenario: t(`app:scenario.${log.scenarioId}.title`) });
    tagline.textContent = t('replay:verified', {
      rounds,
      towns: townIds.length,
      ms: Math.round(replay.verifyMs),
      source: options.source,
    });
    for (const option of townSelect.options) option.textContent = townName(start, option.value);
    indicatorSelect.replaceChildren(
      ...INDICATORS.map((key) =>
        h(
          'option',
          { value: key, selected: key === indicator },
          key === 'score' ? t('replay:figure.score') : t(`common:metric.${key}`),
        ),
      ),
    );
  }

  townButton.addEventListener('click', () => go({ view: 'town' }));
  regionButton.addEventListener('click', () => go({ view: 'region' }));
  townSelect.addEventListener('change', () => go({ townId: townSelect.value }));
  indicatorSelect.addEventListener('change', () => {
    indicator = indicatorSelect.value;
    schedule();
  });
  beforeButton.addEventListener('click', () => stage.showView('before'));
  afterButton.addEventListener('click', () => stage.showView('after'));
  openAnother.addEventListener('click', options.onOpenAnother);
  downloadButton.addEventListener('click', () =>
    download(
      `cluster-towns-${log.scenarioId}-${log.initialHash.slice(0, 8)}-notes.json`,
      logWithNotes(log, annotations, savedChapters ? { chapters: savedChapters } : {}),
    ),
  );
  const onKey = (event: KeyboardEvent): void => {
    if (timeline.handleKey(event)) event.preventDefault();
  };
  shell.addEventListener('keydown', onKey);
  const offLanguage = onLanguageChange(() => {
    translateTree(shell);
    relabelHeader();
    timeline.relabel();
    compare.relabel();
    charts.relabel();
    chapters.relabel();
    chapterCard.relabel();
    whatIf.relabel();
    moments.relabel();
    notes.relabel();
    sync.relabel();
    predict.relabel();
    fork.relabel();
    schedule();
  });

  Object.assign(handle, {
    status: 'ready',
    rounds,
    hashes: replay.hashes,
    annotations,
    verifyMs: replay.verifyMs,
  });
  relabelHeader();
  timeline.setMarks(annotations.map((a) => a.round));
  go(position);
  onSyncMode('alone');
  if (options.autoFollow) sync.follow();

  return () => {
    if (frame) cancelAnimationFrame(frame);
    offLanguage();
    timeline.destroy();
    sync.destroy();
    predict.destroy();
    decisions.destroy();
    charts.destroy();
    whatIf.destroy();
    stage.destroy();
    shell.remove();
  };
}
