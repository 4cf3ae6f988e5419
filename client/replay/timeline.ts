/**
 * The timeline: play, pause, speed, step and a scrubber over every round. All of it works from
 * the keyboard: the scrubber is a native range (arrows, Home, End, Page keys), and anywhere in
 * the viewer Space plays or pauses and the arrow keys step, unless a form control has focus.
 */
import { t } from '../i18n';
import { h, tx, txAttr } from '../app/dom';

export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
/** A round per this many milliseconds at 1×. */
const BASE_INTERVAL_MS = 1200;

export interface TimelineOptions {
  rounds: number;
  yearOf(round: number): number;
  onSeek(round: number): void;
}

export interface Timeline {
  element: HTMLElement;
  /** Show the current round; `locked` while following a presenter. */
  update(round: number, locked: boolean): void;
  /** Rounds with a bookmark, marked under the scrubber. */
  setMarks(rounds: readonly number[]): void;
  pause(): void;
  /** Keyboard shortcuts for the whole viewer; returns true when the key was used. */
  handleKey(event: KeyboardEvent): boolean;
  relabel(): void;
  destroy(): void;
}

/** Media-control glyphs as SVG: the ⏮ ⏭ characters are missing from many system fonts. */
const ICONS = {
  first: 'M6 5h2v14H6zM20 5v14L9 12z',
  back: 'M18 5v14L7 12z',
  forward: 'M6 5v14l11-7z',
  last: 'M16 5h2v14h-2zM4 5v14l11-7z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
} as const;

function icon(name: keyof typeof ICONS): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'replay-icon');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

function iconButton(id: string, name: keyof typeof ICONS, labelKey: string): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: 'btn btn-small replay-step', id },
    icon(name),
  );
  txAttr(button, 'aria-label', labelKey);
  txAttr(button, 'title', labelKey);
  return button;
}

export function mountTimeline(options: TimelineOptions): Timeline {
  const { rounds } = options;
  let round = 0;
  let locked = false;
  let speed = 1;
  let timer: ReturnType<typeof setInterval> | null = null;

  const first = iconButton('replay-first', 'first', 'replay:timeline.first');
  const back = iconButton('replay-back', 'back', 'replay:timeline.back');
  const play = h('button', {
    type: 'button',
    class: 'btn btn-primary replay-play',
    id: 'replay-play',
    'aria-keyshortcuts': 'Space',
  });
  const forward = iconButton('replay-forward', 'forward', 'replay:timeline.forward');
  const last = iconButton('replay-last', 'last', 'replay:timeline.last');
  const speedSelect = h(
    'select',
    { id: 'replay-speed' },
    ...SPEEDS.map((s) => h('option', { value: String(s), selected: s === 1 }, `${s}×`)),
  );
  const scrubber = h('input', {
    type: 'range',
    id: 'replay-scrubber',
    min: 0,
    max: rounds,
    step: 1,
    value: 0,
    'aria-keyshortcuts': 'ArrowLeft ArrowRight Home End',
  });
  const where = h('output', { id: 'replay-where', for: 'replay-scrubber', class: 'replay-where' });
  const marks = h('div', { class: 'replay-marks', 'aria-hidden': 'true' });
  const element = h(
    'section',
    { class: 'replay-timeline', 'aria-labelledby': 'replay-timeline-title' },
    tx('h2', 'replay:timeline.title', { id: 'replay-timeline-title', class: 'visually-hidden' }),
    h('div', { class: 'replay-buttons' }, first, back, play, forward, last),
    h(
      'div',
      { class: 'replay-speed' },
      tx('label', 'replay:timeline.speed', { for: 'replay-speed' }),
      speedSelect,
    ),
    h(
      'div',
      { class: 'replay-scrub' },
      tx('label', 'replay:timeline.scrubber', { for: 'replay-scrubber', class: 'visually-hidden' }),
      scrubber,
      marks,
    ),
    where,
  );

  const seek = (to: number): void => {
    const target = Math.max(0, Math.min(rounds, to));
    if (target !== round) options.onSeek(target);
  };

  const stop = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    relabel();
  };

  const tick = (): void => {
    if (round >= rounds) return stop();
    options.onSeek(round + 1);
    if (round >= rounds) stop();
  };

  const start = (): void => {
    if (rounds === 0) return;
    // Playing from the end starts over, as media players do.
    if (round >= rounds) options.onSeek(0);
    if (timer !== null) clearInterval(timer);
    timer = setInterval(tick, BASE_INTERVAL_MS / speed);
    relabel();
  };

  const toggle = (): void => (timer === null ? start() : stop());

  function relabel(): void {
    const playing = timer !== null;
    play.replaceChildren(
      icon(playing ? 'pause' : 'play'),
      t(playing ? 'replay:timeline.pause' : 'replay:timeline.play'),
    );
    play.setAttribute('aria-pressed', String(playing));
    const year = options.yearOf(round);
    const text =
      round === 0
        ? t('replay:timeline.whereStart', { year, rounds })
        : t('replay:timeline.where', { round, rounds, year });
    where.textContent = text;
    scrubber.setAttribute('aria-valuetext', text);
  }

  first.addEventListener('click', () => seek(0));
  back.addEventListener('click', () => seek(round - 1));
  forward.addEventListener('click', () => seek(round + 1));
  last.addEventListener('click', () => seek(rounds));
  play.addEventListener('click', toggle);
  scrubber.addEventListener('input', () => seek(Number(scrubber.value)));
  speedSelect.addEventListener('change', () => {
    speed = Number(speedSelect.value);
    if (timer !== null) start();
  });

  /** Keys that a focused control needs for itself: typing, choosing, panning the scene. */
  const ownsKeys = (target: EventTarget | null, key: string): boolean => {
    if (!(target instanceof HTMLElement)) return false;
    if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
      return true;
    }
    if (target.closest('[role="application"], [role="tablist"]')) return true;
    // Space activates a focused button or link; arrows do nothing there, so they step.
    return key === ' ' && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
  };

  relabel();
  return {
    element,
    update(next, isLocked) {
      round = next;
      locked = isLocked;
      if (locked) stop();
      if (Number(scrubber.value) !== round) scrubber.value = String(round);
      for (const control of [first, back, play, forward, last, scrubber, speedSelect]) {
        control.disabled = locked;
      }
      first.disabled ||= round === 0;
      back.disabled ||= round === 0;
      forward.disabled ||= round === rounds;
      last.disabled ||= round === rounds;
      relabel();
    },
    setMarks(list) {
      marks.replaceChildren(
        ...[...new Set(list)].map((r) =>
          h('span', {
            class: 'replay-mark',
            style: `left: ${rounds > 0 ? (100 * r) / rounds : 0}%`,
          }),
        ),
      );
    },
    pause: stop,
    handleKey(event) {
      if (locked || event.altKey || event.ctrlKey || event.metaKey) return false;
      if (ownsKeys(event.target, event.key)) return false;
      if (event.key === ' ' || event.key === 'k') toggle();
      else if (event.key === 'ArrowLeft' || event.key === 'j') seek(round - 1);
      else if (event.key === 'ArrowRight' || event.key === 'l') seek(round + 1);
      else if (event.key === 'Home') seek(0);
      else if (event.key === 'End') seek(rounds);
      else return false;
      return true;
    },
    relabel,
    destroy: stop,
  };
}
