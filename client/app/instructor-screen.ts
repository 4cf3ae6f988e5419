/**
 * The instructor's screen (DESIGN §1: "one screen that shows every town, controls that only
 * they hold, debrief charts, an export of the whole match"). The server stays the authority:
 * controls send requests, the screen redraws from the state that comes back, and refusals
 * appear in the log. The parts live in instructor-*.ts; this file composes them.
 */
import { formatClock, onLanguageChange, t } from '../i18n';
import { downloadMatchFile, type MatchFileKind } from '../net/api';
import { SessionError, problemText } from '../net/errors';
import { FigureHistory } from '../net/figure-history';
import type { CreatedSession, Session } from '../net/session-client';
import type { Debrief } from './debrief';
import { mountClassBanner } from './class-banner';
import { busy, confirmAction, h, languageSwitch, setText, translateTree, tx } from './dom';
import { announcePanel, cardPanel, pacingPanel } from './instructor-controls';
import { activityLog } from './instructor-log';
import { reasonsPanel } from './instructor-reasons';
import { researchPanel } from './research-panel';
import { townReasons } from '../net/reasons';
import { studentsPanel, townGrid } from './instructor-roster';
import { keyNotice, panel, projectCode, type Part, type Send } from './instructor-widgets';

export interface InstructorScreenOptions {
  /** Set right after the class was created: the key is shown once, with a warning. */
  created: CreatedSession | null;
  onLeave(): void;
}

/** Title, join code, phase, round and timer: what the class should see on the projector. */
function header(session: Session, joinUrl: string, onLeave: () => void): Part {
  const title = h('h1', { class: 'ins-title', id: 'class-title' });
  const phase = h('span', { class: 'phase-pill', id: 'phase-label' });
  const round = h('span', { id: 'round-label' });
  const timer = h('span', { class: 'ins-timer', id: 'timer', role: 'timer' });
  const conn = h('span', { class: 'conn', id: 'connection', role: 'status' });
  const project = tx('button', 'instructor:header.project', {
    type: 'button',
    class: 'btn',
    id: 'project-code',
  });
  const leave = tx('button', 'instructor:header.leave', { type: 'button', class: 'btn' });
  project.addEventListener('click', () => projectCode(session.code, joinUrl));
  leave.addEventListener('click', () => {
    void confirmAction({
      title: t('instructor:confirm.leaveTitle'),
      body: t('instructor:confirm.leaveBody'),
      confirm: t('instructor:header.leave'),
    }).then((ok) => ok && onLeave());
  });
  const element = h(
    'header',
    { class: 'app-header ins-header' },
    h('div', { class: 'brand' }, tx('p', 'app:title', { class: 'brand-small' }), title),
    h(
      'div',
      { class: 'ins-code' },
      tx('span', 'instructor:header.code', { class: 'ins-code-label' }),
      h('strong', { class: 'code-big', id: 'class-code' }, session.code),
      h('span', { class: 'ins-join-url' }, joinUrl),
    ),
    h('div', { class: 'ins-phase' }, phase, round, timer),
    conn,
    h('div', { class: 'header-actions' }, project, languageSwitch(), leave),
  );
  const tick = (): void => {
    const left = session.timeLeftMs();
    const paused = session.state.paused;
    if (left === null)
      setText(timer, t(paused ? 'instructor:timer.paused' : 'instructor:timer.none'));
    else if (paused) setText(timer, t('instructor:timer.pausedLeft', { time: formatClock(left) }));
    else setText(timer, formatClock(left));
    timer.dataset.state = paused
      ? 'paused'
      : left !== null && left <= 30_000
        ? 'urgent'
        : 'running';
  };
  // The timer counts down between patches; the server only sends the deadline.
  const interval = setInterval(tick, 250);
  return {
    element,
    update() {
      const s = session.state;
      setText(title, s.title || t('instructor:header.untitled'));
      setText(phase, t(`instructor:phase.${session.phase}`));
      phase.dataset.phase = session.phase;
      setText(
        round,
        t('instructor:header.round', { round: session.round, rounds: s.rounds, year: s.year }),
      );
      const closed = session.status === 'closed';
      setText(
        conn,
        closed
          ? problemText(session.closedReason ?? 'offline')
          : t(`instructor:connection.${session.status}`),
      );
      conn.dataset.status = session.status;
      tick();
    },
    destroy: () => clearInterval(interval),
  };
}

/** The match log and CSV (fetched with the key in a header), and the debrief button. */
function downloadsPanel(session: Session, openDebrief: () => void): Part {
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const button = (id: string, key: string): HTMLButtonElement =>
    tx('button', key, { type: 'button', class: 'btn', id });
  const log = button('download-log', 'instructor:downloads.log');
  const csv = button('download-csv', 'instructor:downloads.csv');
  const debrief = button('debrief-open', 'instructor:debrief.open');
  const download = (kind: MatchFileKind, target: HTMLButtonElement): void => {
    error.hidden = true;
    const { matchId, instructorKey } = session;
    if (!matchId || !instructorKey) return;
    void busy(target, t('instructor:downloads.preparing'), () =>
      downloadMatchFile(matchId, kind, instructorKey, `cluster-towns-${session.code}`),
    ).catch((e: unknown) => {
      error.textContent = problemText(e instanceof SessionError ? e.kind : 'server');
      error.hidden = false;
    });
  };
  log.addEventListener('click', () => download('log', log));
  csv.addEventListener('click', () => download('csv', csv));
  debrief.addEventListener('click', openDebrief);
  // The replay viewer, and the link students open to follow it while the instructor presents.
  const replay = tx('a', 'instructor:downloads.replay', {
    class: 'btn',
    id: 'replay-open',
    href: `?replay=${encodeURIComponent(session.matchId ?? '')}`,
    target: '_blank',
  });
  const followUrl = `${location.origin}${location.pathname}?replay=${encodeURIComponent(
    session.matchId ?? '',
  )}&code=${session.code}`;
  const follow = h(
    'p',
    { class: 'replay-follow' },
    tx('span', 'instructor:downloads.followLink'),
    ' ',
    h('code', { id: 'replay-follow-link' }, followUrl),
  );
  return {
    element: panel(
      'downloads',
      'instructor:downloads.title',
      h('div', { class: 'control-row' }, log, csv, debrief, replay),
      follow,
      error,
    ),
    update() {
      debrief.disabled = session.resolvedRounds < 1 && session.phase !== 'ended';
    },
  };
}

export function mountInstructorScreen(
  root: HTMLElement,
  session: Session,
  options: InstructorScreenOptions,
): () => void {
  const send: Send = (type, body) => session.send(type, body);
  const joinUrl = `${location.origin}/?join=${session.code}`;

  // --- Debrief: figures are collected all match long; the charts load on demand -------------
  const figures = new FigureHistory(session.matchId ?? '');
  let figuresKey = '';
  let debrief: Debrief | null = null;
  let loading = false;
  const debriefSlot = h('div', { class: 'debrief-slot' });
  const openDebrief = async (): Promise<void> => {
    if (debrief) return debrief.element.scrollIntoView({ block: 'start' });
    if (loading) return;
    loading = true;
    debriefSlot.replaceChildren(tx('p', 'instructor:debrief.loading', { role: 'status' }));
    try {
      const { mountDebrief } = await import('./debrief');
      debrief = mountDebrief(figures, (id) => townReasons(session, id));
      debriefSlot.replaceChildren(debrief.element);
    } finally {
      loading = false;
    }
  };
  const recordFigures = (): void => {
    // Figures change only when a round resolves (or towns fill), so skip every other patch.
    const key = `${session.resolvedRounds}|${session.state.stateHash}|${session.towns().length}`;
    if (key === figuresKey) return;
    figuresKey = key;
    if (figures.record(session)) debrief?.update();
  };

  const top = header(session, joinUrl, options.onLeave);
  const main = [
    pacingPanel(session, send),
    townGrid(session),
    reasonsPanel(session),
    studentsPanel(session, send),
  ];
  // What students see now (the same banners, as a preview; issue 14).
  const preview = mountClassBanner(session, { preview: true });
  const side = [
    cardPanel(send),
    announcePanel(send),
    downloadsPanel(session, () => void openDebrief()),
    researchPanel(session),
    activityLog(session),
  ];
  const parts = [top, ...main, ...side];
  const screen = h(
    'div',
    { class: 'app-shell instructor-screen' },
    top.element,
    options.created ? keyNotice(options.created.instructorKey) : null,
    h(
      'main',
      { id: 'main', class: 'ins-body' },
      h('div', { class: 'ins-main' }, ...main.map((p) => p.element), debriefSlot),
      h('aside', { class: 'ins-side' }, preview.element, ...side.map((p) => p.element)),
    ),
  );
  root.replaceChildren(screen);

  const render = (): void => {
    for (const part of parts) part.update();
    recordFigures();
    if (session.phase === 'ended' && !debrief) void openDebrief();
  };
  const offChange = session.onChange(render);
  const offEnded = session.on('ended', () => void openDebrief());
  const offLanguage = onLanguageChange(() => {
    translateTree(screen);
    for (const part of parts) part.relabel?.();
    render();
  });
  render();
  return () => {
    offChange();
    offEnded();
    offLanguage();
    for (const part of parts) part.destroy?.();
    preview.destroy();
    debrief?.destroy();
    screen.remove();
  };
}
