/**
 * The round's countdown. role="timer" is not announced every second (its live region is off);
 * the remaining time is read when a player reaches it.
 */
import { formatClock, t } from '../i18n';
import { h, setText } from './dom';

export interface Countdown {
  element: HTMLElement;
  setDeadline(deadline: number | null): void;
  /** Re-read texts after a language switch. */
  render(): void;
  destroy(): void;
}

export function countdown(idPrefix: string, now: () => number = Date.now): Countdown {
  let deadline: number | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  const element = h('p', { class: 'pp-timer', id: `${idPrefix}timer`, role: 'timer' });
  const render = (): void => {
    element.setAttribute('aria-label', t('panel:timer.label'));
    if (deadline === null) {
      setText(element, t('panel:timer.none'));
      element.dataset.state = 'none';
      return;
    }
    const left = deadline - now();
    setText(
      element,
      left > 0 ? t('panel:timer.left', { time: formatClock(left) }) : t('panel:timer.expired'),
    );
    element.dataset.state = left <= 0 ? 'expired' : left <= 30_000 ? 'urgent' : 'running';
  };
  const stop = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  return {
    element,
    setDeadline(next) {
      deadline = next;
      stop();
      if (next !== null) timer = setInterval(render, 1000);
      render();
    },
    render,
    destroy: stop,
  };
}
