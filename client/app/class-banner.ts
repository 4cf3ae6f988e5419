/**
 * The class's state that a student must not miss (issue 14): a banner over the play screen while
 * the class is paused (and by whom), for a new announcement until the student dismisses it (it
 * stays in the news), and for the last 30 seconds of planning with a countdown. Each banner is a
 * live region, so screen readers announce it when it appears.
 *
 * The instructor's screen mounts the same banners as a preview ("what students see").
 */
import type { NewsItem } from '../../shared/protocol/messages';
import { onLanguageChange, t } from '../i18n';
import { readStored, writeStored } from '../net/local-store';
import type { Session } from '../net/session-client';
import { h } from './dom';

/** Planning seconds left from which the countdown banner shows. */
export const LAST_SECONDS = 30;

export interface BannerState {
  paused: boolean;
  /** Who paused: the instructor in a class, the player in a solo game. */
  pausedBy: 'instructor' | 'player';
  /** The newest announcement the student has not dismissed. */
  announcement: { key: string; text: string } | null;
  /** Whole seconds of planning left while under LAST_SECONDS, else null. */
  lastSeconds: number | null;
}

/** An announcement's identity: when it was made (the news keeps it across reloads). */
const announcementKey = (item: NewsItem): string => `${item.at}`;

const dismissedKey = (code: string): string => `clusterTowns.dismissed.${code}`;

/** What the banners show for a session at `now`; pure, for the unit tests. */
export function bannerState(
  session: Pick<Session, 'phase' | 'state' | 'news' | 'timeLeftMs'>,
  dismissed: readonly string[],
  now: number,
): BannerState {
  const news = session.news();
  let announcement: BannerState['announcement'] = null;
  for (let i = news.length - 1; i >= 0; i--) {
    const item = news[i];
    if (item.kind !== 'announcement') continue;
    const key = announcementKey(item);
    if (!dismissed.includes(key)) announcement = { key, text: item.text };
    break;
  }
  const left = session.phase === 'planning' ? session.timeLeftMs(now) : null;
  const paused = Boolean(session.state.paused) && session.phase !== 'ended';
  return {
    paused,
    pausedBy: session.state.mode === 'solo' ? 'player' : 'instructor',
    announcement,
    lastSeconds:
      !paused && left !== null && left <= LAST_SECONDS * 1000 ? Math.ceil(left / 1000) : null,
  };
}

export interface ClassBanner {
  element: HTMLElement;
  destroy(): void;
}

export function mountClassBanner(session: Session, options: { preview?: boolean } = {}) {
  const readDismissed = (): string[] => {
    const stored = readStored<unknown>(dismissedKey(session.code));
    return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
  };
  let dismissed = options.preview ? [] : readDismissed();
  const pause = h('p', { class: 'cb-banner cb-pause', role: 'status', 'aria-live': 'polite' });
  const announceText = h('p', { class: 'cb-text' });
  const dismiss = h('button', { type: 'button', class: 'cb-dismiss' });
  const announce = h(
    'div',
    { class: 'cb-banner cb-announce', role: 'status', 'aria-live': 'polite' },
    announceText,
    dismiss,
  );
  const clock = h('p', { class: 'cb-banner cb-clock', role: 'timer', 'aria-live': 'assertive' });
  const element = h('div', { class: 'cb', id: options.preview ? 'cb-preview' : 'cb' });
  const none = h('p', { class: 'cb-none' });
  if (options.preview) element.append(h('p', { class: 'cb-preview-label' }));
  element.append(pause, announce, clock);
  if (options.preview) element.append(none);
  let shown: BannerState | null = null;

  const render = (): void => {
    const state = bannerState(session, dismissed, Date.now());
    const label = element.querySelector('.cb-preview-label');
    if (label) label.textContent = t('play:banner.preview');
    pause.hidden = !state.paused;
    pause.textContent = state.paused ? t(`play:banner.paused.${state.pausedBy}`) : '';
    announce.hidden = !state.announcement;
    announceText.textContent = state.announcement
      ? t('play:banner.announcement', { text: state.announcement.text })
      : '';
    dismiss.textContent = t('play:banner.dismiss');
    dismiss.hidden = Boolean(options.preview);
    clock.hidden = state.lastSeconds === null;
    // The live region speaks on the first appearance and every 10 s, not every second.
    const speak =
      state.lastSeconds !== null && (shown?.lastSeconds == null || state.lastSeconds % 10 === 0);
    clock.setAttribute('aria-live', speak ? 'assertive' : 'off');
    clock.textContent =
      state.lastSeconds === null ? '' : t('play:banner.lastSeconds', { count: state.lastSeconds });
    const quiet = !state.paused && !state.announcement && state.lastSeconds === null;
    none.hidden = !quiet;
    none.textContent = t('play:banner.none');
    element.hidden =
      !state.paused && !state.announcement && state.lastSeconds === null && !options.preview;
    shown = state;
  };
  dismiss.addEventListener('click', () => {
    if (!shown?.announcement) return;
    dismissed = [...dismissed, shown.announcement.key].slice(-50);
    writeStored(dismissedKey(session.code), dismissed);
    render();
  });
  const offChange = session.onChange(render);
  const offLanguage = onLanguageChange(render);
  // The countdown needs a tick; once a second is plenty and costs nothing between renders.
  const timer = window.setInterval(() => {
    if (session.phase === 'planning' || shown?.lastSeconds != null) render();
  }, 1000);
  render();
  return {
    element,
    destroy: () => {
      offChange();
      offLanguage();
      window.clearInterval(timer);
      element.remove();
    },
  } satisfies ClassBanner;
}
