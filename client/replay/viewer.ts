/**
 * The replay viewer (issue 5): open a match log — dropped, picked from disk, or fetched from the
 * server with the instructor key — verify it round by round with the shared engine, then walk
 * through it (player.ts). Nothing needs a server except fetching, server-side notes and forks.
 *
 *   ?replay                         open a file
 *   ?replay=<matchId>               fetch that match with the instructor key this browser
 *                                   remembers (or one pasted in)
 *   ?replay=<matchId>&code=<CODE>   a student's link while the instructor presents: the log
 *                                   comes with the join code, and the viewer follows the class
 *
 * A reload comes back to the same log and round: the file's text and the position are kept in
 * sessionStorage (this tab only).
 */
import '../styles/panel.css';
import '../styles/replay.css';
import { LogError } from '../../shared';
import { onLanguageChange, t } from '../i18n';
import { h, languageSwitch, translateTree, tx } from '../app/dom';
import {
  browserStore,
  logIdentity,
  mergeAnnotations,
  serverStore,
  type AnnotationStore,
} from './annotations';
import type { PlayHandoff } from './fork-view';
import { loadSeat } from '../net/seat-store';
import { browserChapters, fileChapters, readOnlyChapters, serverChapters } from './chapters-store';
import { createHandle } from './handle';
import { NotJsonError, readLog, verifyLog } from './loader';
import { mountOpenScreen, type OpenScreen } from './open-screen';
import {
  ServerError,
  fetchClassLog,
  fetchServerLog,
  rememberedKey,
  type ServerMatch,
} from './server';
import { broadcastSync, readPosition, type ReplayPosition, type SyncFactory } from './sync';

export interface ViewerOptions {
  /** `?replay=<matchId>`: fetch this match from the server. */
  matchId?: string | null;
  /** Hand a forked game to the play screen (main.ts's enter). */
  onPlay?: PlayHandoff;
  /** Class sync transport; BroadcastChannel between tabs by default. */
  syncFactory?: SyncFactory;
  /** Stable pictures for screenshots (no tweens). */
  testMode?: boolean;
}

const FILE_KEY = 'clusterTowns.replay.file';
const POSITION_KEY = 'clusterTowns.replay.position';

interface RememberedFile {
  name: string;
  text: string;
}

interface RememberedPosition extends ReplayPosition {
  logId: string;
}

function session(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function remember(key: string, value: unknown): void {
  try {
    session()?.setItem(key, JSON.stringify(value));
  } catch {
    // Too large for this tab's storage: a reload then asks for the file again.
  }
}

function recall<T>(key: string): T | null {
  try {
    const raw = session()?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** The error screen's words for a failure: the engine's message, and the round it names. */
function describeFailure(error: unknown): { message: string; round: number | null } {
  if (error instanceof LogError) return { message: error.message, round: error.round };
  if (error instanceof NotJsonError)
    return { message: t('replay:error.notJson', { detail: error.message }), round: null };
  if (error instanceof ServerError)
    return { message: t('replay:error.server', { reason: error.message }), round: null };
  return { message: String((error as Error)?.message ?? error), round: null };
}

export function mountReplayViewer(root: HTMLElement, options: ViewerOptions = {}): () => void {
  const handle = createHandle();
  // The player brings Phaser and chart.js: fetch it in the background, so the drop zone is ready
  // at once and the verifier (shared engine only) is not slowed by compiling them.
  const player = import('./player');
  const syncFactory = options.syncFactory ?? broadcastSync;
  const joinCode = new URLSearchParams(location.search).get('code') ?? undefined;
  /** How often a student's class link asks again whether the instructor presents. */
  const PRESENTER_POLL_MS = 3000;
  let unmountPlayer: (() => void) | null = null;
  let loading: AbortController | null = null;

  const header = h(
    'header',
    { class: 'app-header' },
    h(
      'div',
      {},
      tx('h1', 'replay:open.title'),
      tx('p', 'replay:open.tagline', { class: 'tagline' }),
    ),
    h(
      'div',
      { class: 'header-actions' },
      tx('a', 'replay:open.back', { href: './', class: 'btn btn-small' }),
      languageSwitch(),
    ),
  );
  const openFile = (file: File): void => {
    const started = performance.now();
    void file.text().then(
      (text) => load(text, file.name, null, false, started),
      (error: unknown) => fail(error, file.name),
    );
  };
  const open: OpenScreen = mountOpenScreen({
    onFile: openFile,
    onKey: (key) => {
      if (options.matchId) void fromServer({ matchId: options.matchId, instructorKey: key });
    },
  });
  const shell = h(
    'div',
    { class: 'app-shell replay-app' },
    header,
    h('main', { class: 'replay-open' }, open.element),
  );
  const offLanguage = onLanguageChange(() => translateTree(shell));
  // A file dropped anywhere opens it, rather than the browser leaving the viewer to show it.
  const onDragOver = (event: DragEvent): void => event.preventDefault();
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) openFile(file);
  };
  root.addEventListener('dragover', onDragOver);
  root.addEventListener('drop', onDrop);

  function showOpen(): void {
    unmountPlayer?.();
    unmountPlayer = null;
    root.replaceChildren(shell);
  }

  function fail(error: unknown, source: string | null = null): void {
    const { message, round } = describeFailure(error);
    Object.assign(handle, { status: 'error', error: message, errorRound: round });
    open.showError(message, round, source);
    showOpen();
  }

  async function load(
    text: string,
    source: string,
    match: ServerMatch | null,
    follow = false,
    started = performance.now(),
  ): Promise<void> {
    loading?.abort();
    const controller = new AbortController();
    loading = controller;
    showOpen();
    Object.assign(handle, { status: 'loading', error: null, errorRound: null, hashes: [] });
    open.clearError();
    try {
      const log = readLog(text);
      const replay = await verifyLog(log, {
        signal: controller.signal,
        onProgress: (done, total) => open.progress(done, total),
      });
      const logId = logIdentity(log);
      const store: AnnotationStore = match ? serverStore(match, logId) : browserStore(logId);
      const annotations = mergeAnnotations(replay.fileAnnotations, await store.load());
      // The instructor's chapters (issue 15): edited on the server or in this browser; a
      // follower reads the ones the class log carries.
      const inFile = fileChapters(log);
      const chapterStore = match
        ? serverChapters(match, inFile)
        : follow
          ? readOnlyChapters(inFile)
          : browserChapters(logId, inFile);
      const savedChapters = await chapterStore.load();
      if (controller.signal.aborted) return;
      if (!match) remember(FILE_KEY, { name: source, text } satisfies RememberedFile);
      const saved = recall<RememberedPosition>(POSITION_KEY);
      const { mountPlayer } = await player;
      if (controller.signal.aborted) return;
      open.progress(null, 0);
      root.replaceChildren();
      unmountPlayer = mountPlayer(root, {
        replay,
        store,
        annotations,
        chapterStore,
        savedChapters,
        syncFactory,
        syncContext: {
          logId,
          // A student's class link has no key, but the match id still names the class's
          // replay room (without it the viewer would fall back to syncing browser tabs).
          matchId: match?.matchId ?? (follow ? (options.matchId ?? undefined) : undefined),
          instructorKey: match?.instructorKey,
          joinCode,
          // The town this browser played in the class, if it did (its saved seat).
          ownTownId: joinCode ? (loadSeat(joinCode)?.townId ?? undefined) : undefined,
        },
        handle,
        testMode: options.testMode ?? false,
        initial: saved?.logId === logId ? (readPosition(saved) ?? undefined) : undefined,
        onMove: (position) => remember(POSITION_KEY, { ...position, logId }),
        onPlay: options.onPlay,
        autoFollow: follow,
        onOpenAnother: () => {
          session()?.removeItem(FILE_KEY);
          Object.assign(handle, { status: 'idle', rounds: 0, hashes: [] });
          open.clearError();
          showOpen();
        },
        source,
      });
      handle.loadMs = performance.now() - started;
    } catch (error) {
      if (controller.signal.aborted) return;
      open.progress(null, 0);
      fail(error, source);
    }
  }

  async function fromServer(match: ServerMatch): Promise<void> {
    open.clearError();
    open.status(t('replay:open.fetching', { match: match.matchId }));
    try {
      const text = await fetchServerLog(match);
      open.status('');
      await load(text, t('replay:open.fromServer', { match: match.matchId }), match);
    } catch (error) {
      open.status('');
      // A wrong or forgotten key: let the instructor paste the right one.
      open.askKey(true);
      fail(error);
    }
  }

  let waitingForPresenter: ReturnType<typeof setTimeout> | undefined;

  async function asFollower(matchId: string, code: string): Promise<void> {
    open.status(t('replay:open.fetching', { match: matchId }));
    try {
      const text = await fetchClassLog(matchId, code);
      open.status('');
      open.waiting(null);
      await load(text, t('replay:open.classReplay'), null, true);
    } catch (error) {
      // 409: the code is right but the instructor has not started presenting yet (the log is
      // shared only while presenting). Students often open the link first: wait and try again.
      if (error instanceof ServerError && error.status === 409) {
        Object.assign(handle, { status: 'waiting' });
        open.status('');
        open.waiting(t('replay:open.waitingForPresenter'));
        waitingForPresenter = setTimeout(() => void asFollower(matchId, code), PRESENTER_POLL_MS);
        return;
      }
      open.status('');
      open.waiting(null);
      fail(error);
    }
  }

  showOpen();
  if (options.matchId) {
    const key = rememberedKey(options.matchId);
    if (key) void fromServer({ matchId: options.matchId, instructorKey: key });
    else if (joinCode) void asFollower(options.matchId, joinCode);
    else {
      open.askKey(true);
      open.status(t('replay:open.noKey', { match: options.matchId }));
    }
  } else {
    const file = recall<RememberedFile>(FILE_KEY);
    if (file?.text) void load(file.text, file.name, null);
  }

  return () => {
    loading?.abort();
    clearTimeout(waitingForPresenter);
    offLanguage();
    root.removeEventListener('dragover', onDragOver);
    root.removeEventListener('drop', onDrop);
    unmountPlayer?.();
    shell.remove();
    delete window.__replay;
  };
}
