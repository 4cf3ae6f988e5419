/**
 * Entry point. `?verify=…` runs the cross-engine determinism check (tests/e2e/determinism.test.ts);
 * otherwise the page resumes the session this tab was in, or shows the start screen. The play
 * and instructor screens are loaded with import() so the start screen never pulls Phaser.
 */
import './styles/app.css';
import './styles/tables.css';
import { onLanguageChange, t } from './i18n';
import { SessionError, type ProblemKind } from './net/errors';
// Types only: the session client (colyseus.js, and zod with the engine's plan schema for
// checking messages) loads when a class is joined or resumed, not with the start screen.
import type { CreatedSession, Session } from './net/session-client';
import { currentSession, loadSeat, setCurrentSession } from './net/seat-store';
import { normaliseJoinCode } from '../shared/protocol/codes';
import { mountStartScreen, type StartScreenOptions } from './app/start-screen';
import { mountElsewhere } from './app/elsewhere';
import { CAMPAIGN_EVENT, viewOfHash, type CampaignView } from './campaign/routes';

const root = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
let unmount: (() => void) | null = null;

function setTitle(): void {
  document.title = t('app:title');
}

function showStart(options: StartScreenOptions = {}): void {
  unmount?.();
  clearCampaignHash();
  unmount = mountStartScreen(
    root,
    {
      onStudent: (s) => void enter(s, null),
      onInstructor: (s, created) => void enter(s, created),
      onCampaign: () => void showCampaign({ screen: 'list' }),
    },
    options,
  );
}

/** "Play alone": the campaign screen, loaded on demand like the other screens. */
async function showCampaign(view: CampaignView): Promise<void> {
  unmount?.();
  unmount = null;
  const { mountCampaignScreen } = await import('./campaign/campaign-screen');
  unmount = mountCampaignScreen(
    root,
    { onPlay: (s) => void enter(s, null), onBack: () => showStart() },
    view,
  );
}

// The campaign layer of a solo game asks for the campaign screen (next scenario, try again…).
window.addEventListener(CAMPAIGN_EVENT, (event) => {
  forgetCurrent();
  void showCampaign((event as CustomEvent<CampaignView>).detail);
});

/** This tab no longer resumes a session on reload. */
function forgetCurrent(): void {
  setCurrentSession(null);
}

/** Problems after which the student's seat is gone from this tab. */
const FINAL: ProblemKind[] = ['removed', 'otherWindow', 'abuse'];

/** The campaign screen's address does not outlive it. */
function clearCampaignHash(): void {
  if (viewOfHash(location.hash))
    history.replaceState(null, '', location.pathname + location.search);
}

async function enter(session: Session, created: CreatedSession | null): Promise<void> {
  unmount?.();
  unmount = null;
  clearCampaignHash();
  if (session.role === 'instructor') {
    const { mountInstructorScreen } = await import('./app/instructor-screen');
    unmount = mountInstructorScreen(root, session, {
      created,
      onLeave: () => {
        void session.leave();
        forgetCurrent();
        showStart();
      },
    });
    return;
  }
  session.onStatus((status) => {
    const reason = session.closedReason;
    if (status !== 'closed' || !reason || !FINAL.includes(reason)) return;
    if (reason !== 'otherWindow') forgetCurrent();
    if (reason === 'otherWindow' && session.state.mode === 'solo') return showElsewhere();
    showStart({ notice: reason });
  });
  const { mountPlayScreen } = await import('./app/play-screen');
  const result: unknown = mountPlayScreen(root, session);
  unmount = typeof result === 'function' ? (result as () => void) : null;
}

/** A solo game moved to another tab: say so quietly and offer to play here again. */
function showElsewhere(): void {
  unmount?.();
  unmount = mountElsewhere(root, () => {
    unmount?.();
    unmount = null;
    void start();
  });
}

async function start(): Promise<void> {
  const joinParam = params.get('join');
  const joinCode = joinParam ? normaliseJoinCode(joinParam) : undefined;
  const resumable = joinCode ? loadSeat(joinCode) !== null : currentSession() !== null;
  if (resumable) {
    const status = document.createElement('p');
    status.className = 'app-loading';
    status.setAttribute('role', 'status');
    status.textContent = t('app:resume.trying');
    root.replaceChildren(status);
    try {
      const { resumeSession } = await import('./net/session-client');
      const session = await resumeSession(joinCode);
      if (session) return enter(session, null);
    } catch (error) {
      return showStart({
        notice: error instanceof SessionError ? error.kind : 'server',
        joinCode,
      });
    }
  }
  const campaign = viewOfHash(location.hash);
  if (campaign) return showCampaign(campaign);
  showStart({ joinCode });
  prefetchSessionClient(joinCode !== undefined);
}

/**
 * The start screen is interactive without the session client; fetch it while the student types
 * the code, so the join click does not wait for the download. A student who came by a join link
 * will play: fetch the play screen (with Phaser) and the town's atlas too, side by side, while
 * they type their name (a phone on school Wi-Fi, issue 16).
 */
function prefetchSessionClient(joining: boolean): void {
  const load = (): void => void import('./net/session-client').catch(() => undefined);
  if (joining) {
    load();
    void import('./app/play-screen').catch(() => undefined);
    void import('./scenes/atlas-image').then((m) => m.preloadAtlas()).catch(() => undefined);
    return;
  }
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1000);
}

/** `?replay` opens a match log file; `?replay=<matchId>` fetches it with the remembered key. */
async function showReplay(matchId: string | null): Promise<void> {
  const [{ mountReplayViewer }, { broadcastSync }, { roomSync }] = await Promise.all([
    import('./replay/viewer'),
    import('./replay/sync'),
    import('./net/replay-sync'),
  ]);
  unmount = mountReplayViewer(root, {
    matchId,
    // A log from the server syncs the class through its replay room; a file from disk syncs
    // the tabs of this browser (a projector tab and a control tab).
    syncFactory: (role, ctx) =>
      ctx.matchId && (ctx.instructorKey || ctx.joinCode)
        ? roomSync(role, ctx)
        : broadcastSync(role, ctx),
    onPlay: (s, created) => void enter(s, created ?? null),
    testMode: params.get('test') === '1',
  });
}

const verify = params.get('verify');
if (verify) {
  void import('./app/verify').then(({ runVerify }) => runVerify(root, verify));
} else if (params.has('replay')) {
  setTitle();
  onLanguageChange(setTitle);
  void showReplay(params.get('replay') || null);
} else {
  setTitle();
  onLanguageChange(setTitle);
  void start();
}
