/**
 * The interface tutorial on the real play screen (issue 6): pan the town, change a control in
 * the policy panel, read the budget meter, submit, read the results and open a "why?". A card
 * says what to do and the part of the screen concerned is outlined; each step completes when
 * the player really does it (or presses Next). Non-modal, so the screen stays usable; Escape
 * skips; the step reached is remembered per game, so a reload resumes it.
 */
import { h } from '../app/dom';
import { onLanguageChange, t } from '../i18n';
import type { Session } from '../net/session-client';
import {
  TUTORIAL_START,
  TUTORIAL_STEPS,
  completeTutorialStep,
  skipTutorial,
  tutorialStep,
  type TutorialState,
  type TutorialStep,
} from './progress';
import { loadTutorial, restartTutorial, saveTutorial } from './store';
import { stepTarget, stepWaiting } from './tutorial-targets';

const PAN_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'a', 'd', 'w', 's']);
/** Pointer travel (px) that counts as a drag rather than a click. */
const DRAG_PX = 12;
/** What the card should not hide besides its target: submitting, moving on, the tools. */
const KEEP_CLEAR = '#pp-submit, .play-continue:not([hidden]), .play-tools';

interface Corner {
  vertical: 'top' | 'bottom';
  horizontal: 'left' | 'right';
}
const CORNERS: Corner[] = [
  { vertical: 'bottom', horizontal: 'left' },
  { vertical: 'bottom', horizontal: 'right' },
  { vertical: 'top', horizontal: 'left' },
  { vertical: 'top', horizontal: 'right' },
];

function overlap(rect: DOMRect, left: number, top: number, width: number, height: number): number {
  const x = Math.max(0, Math.min(rect.right, left + width) - Math.max(rect.left, left));
  const y = Math.max(0, Math.min(rect.bottom, top + height) - Math.max(rect.top, top));
  return x * y;
}

/** Steps the player counts: "done" is the closing card. */
const COUNTED = TUTORIAL_STEPS.length - 1;

export interface Tutorial {
  /** Start again from the first step (the header's Tutorial button). */
  restart(): void;
  /** Re-check the session after a state change (submission, results). */
  refresh(): void;
  destroy(): void;
}

export function mountTutorial(
  shell: HTMLElement,
  session: Session,
  options: { autoStart: boolean; onFinish(skipped: boolean): void },
): Tutorial {
  const code = session.code;
  // A game resumed in another browser has no tutorial state there: it starts the tutorial only
  // if no round has been played yet (issue 14); the button still restarts it on request.
  const fresh = session.resolvedRounds === 0 && session.round <= 1;
  let state: TutorialState | null =
    loadTutorial(code) ?? (options.autoStart && fresh ? restartTutorial(code) : null);
  let lastPhase = session.phase;
  let spotted: HTMLElement | null = null;
  let shownStep: TutorialStep | null = null;

  const count = h('p', { class: 'cg-tut-count' });
  const title = h('h2', { class: 'cg-tut-title', id: 'cg-tut-title', tabindex: -1 });
  const body = h('p', { class: 'cg-tut-text', id: 'cg-tut-text' });
  const wait = h('p', { class: 'cg-tut-wait', id: 'cg-tut-wait' });
  const focusMap = h('button', { type: 'button', class: 'cg-tut-btn', id: 'cg-tut-map' });
  const next = h('button', { type: 'button', class: 'cg-tut-btn cg-tut-next', id: 'cg-tut-next' });
  const skip = h('button', { type: 'button', class: 'cg-tut-btn cg-tut-skip', id: 'cg-tut-skip' });
  const live = h('p', { class: 'cg-visually-hidden', 'aria-live': 'polite', id: 'cg-tut-live' });
  const card = h(
    'section',
    {
      class: 'cg-tutorial',
      id: 'cg-tutorial',
      'aria-labelledby': title.id,
      'aria-describedby': body.id,
      hidden: true,
    },
    count,
    title,
    body,
    wait,
    h('div', { class: 'cg-tut-actions' }, focusMap, next, skip),
  );
  shell.append(card, live);

  const save = (next: TutorialState): void => {
    state = next;
    saveTutorial(code, next);
    render();
  };
  const complete = (step: TutorialStep): void => {
    if (state && tutorialStep(state) === step) save(completeTutorialStep(state, step));
  };

  function spot(target: HTMLElement | null): void {
    if (spotted === target) return;
    spotted?.classList.remove('cg-spot');
    spotted = target;
    if (!target) return;
    target.classList.add('cg-spot');
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /**
   * Put the card in the screen corner where it hides least of the target, and then least of
   * the controls the player needs next (submit, the header tools); ties go to the bottom left.
   */
  function place(): void {
    const box = card.getBoundingClientRect();
    const width = window.innerWidth;
    const height = window.innerHeight;
    const important = [spotted, ...shell.querySelectorAll<HTMLElement>(KEEP_CLEAR)]
      .filter((node): node is HTMLElement => !!node)
      .map((node, i) => ({ rect: node.getBoundingClientRect(), weight: i === 0 ? 4 : 1 }));
    let best: Corner = CORNERS[0];
    let bestCost = Infinity;
    for (const corner of CORNERS) {
      const left = corner.horizontal === 'left' ? 0 : width - box.width;
      const top = corner.vertical === 'top' ? 0 : height - box.height;
      const cost = important.reduce(
        (sum, { rect, weight }) => sum + weight * overlap(rect, left, top, box.width, box.height),
        0,
      );
      if (cost < bestCost) [best, bestCost] = [corner, cost];
    }
    card.dataset.vertical = best.vertical;
    card.dataset.horizontal = best.horizontal;
  }

  function render(): void {
    const step = state ? tutorialStep(state) : null;
    card.hidden = step === null;
    if (step === null) {
      spot(null);
      shownStep = null;
      return;
    }
    const index = TUTORIAL_STEPS.indexOf(step);
    const waiting = stepWaiting(step, session);
    count.textContent =
      step === 'done'
        ? t('campaign:tutorial.finished')
        : t('campaign:tutorial.count', { step: index + 1, steps: COUNTED });
    title.textContent = t(`campaign:tutorial.${step}.title`);
    body.textContent = t(`campaign:tutorial.${step}.text`);
    wait.textContent = waiting ? t(`campaign:tutorial.wait.${waiting}`) : '';
    wait.hidden = !waiting;
    focusMap.hidden = step !== 'pan';
    focusMap.textContent = t('campaign:tutorial.focusMap');
    next.textContent = t(step === 'done' ? 'campaign:tutorial.finish' : 'campaign:tutorial.next');
    skip.hidden = step === 'done';
    skip.textContent = t('campaign:tutorial.skip');
    card.dataset.step = step;
    spot(waiting ? null : stepTarget(step));
    place();
    if (shownStep !== step) {
      live.textContent = `${count.textContent}: ${title.textContent}. ${body.textContent}`;
      // The first card and the closing card take focus; in between the player is busy with
      // the screen itself, so the change is announced rather than focus taken away.
      if (shownStep === null || step === 'done' || step === 'budget') title.focus();
      shownStep = step;
    }
  }

  // ---- what the player does ------------------------------------------------------------------
  const scene = (): HTMLElement | null => shell.querySelector('#play-scene');
  let dragFrom: { x: number; y: number } | null = null;
  const onKey = (event: KeyboardEvent): void => {
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (PAN_KEYS.has(key) && scene()?.contains(event.target as Node)) complete('pan');
  };
  const onPointerDown = (event: PointerEvent): void => {
    dragFrom = scene()?.contains(event.target as Node)
      ? { x: event.clientX, y: event.clientY }
      : null;
  };
  const onPointerMove = (event: PointerEvent): void => {
    if (!dragFrom) return;
    if (Math.hypot(event.clientX - dragFrom.x, event.clientY - dragFrom.y) >= DRAG_PX) {
      dragFrom = null;
      complete('pan');
    }
  };
  const onPointerUp = (): void => {
    dragFrom = null;
  };
  const onEdit = (event: Event): void => {
    const target = event.target as Element | null;
    if (target?.closest('#play-policy .pp-sections')) complete('control');
  };
  const onClick = (event: MouseEvent): void => {
    if ((event.target as Element | null)?.closest('.rp .why')) complete('why');
  };
  const onEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || card.hidden || document.querySelector('dialog[open]')) return;
    // Escape in the phone drawer closes the drawer (policy-panel.ts), not the tutorial.
    if ((event.target as Element | null)?.closest?.('.pp')) return;
    skipNow();
  };
  function skipNow(): void {
    if (!state) return;
    const wasDone = tutorialStep(state) === 'done';
    save(skipTutorial(state));
    options.onFinish(!wasDone);
  }

  shell.addEventListener('keydown', onKey);
  shell.addEventListener('pointerdown', onPointerDown);
  window.addEventListener('pointermove', onPointerMove);
  window.addEventListener('pointerup', onPointerUp);
  shell.addEventListener('change', onEdit);
  shell.addEventListener('input', onEdit);
  shell.addEventListener('click', onClick);
  document.addEventListener('keydown', onEscape);
  let placing = 0;
  const onViewport = (): void => {
    if (placing || card.hidden) return;
    placing = requestAnimationFrame(() => {
      placing = 0;
      place();
    });
  };
  window.addEventListener('resize', onViewport);
  // Capture: the results column scrolls on its own, and scroll events do not bubble.
  document.addEventListener('scroll', onViewport, true);

  focusMap.addEventListener('click', () =>
    scene()?.querySelector<HTMLElement>('.ct-scene')?.focus(),
  );
  next.addEventListener('click', () => {
    const step = state ? tutorialStep(state) : null;
    if (!step) return;
    if (step === 'done') skipNow();
    else complete(step);
  });
  skip.addEventListener('click', skipNow);
  const offLanguage = onLanguageChange(() => {
    shownStep = state ? tutorialStep(state) : null;
    render();
  });

  render();
  return {
    restart() {
      state = restartTutorial(code);
      shownStep = null;
      render();
    },
    refresh() {
      const phase = session.phase;
      const step = state ? tutorialStep(state) : null;
      const submitted =
        phase !== lastPhase &&
        lastPhase === 'planning' &&
        (phase === 'resolution' || phase === 'results' || phase === 'ended');
      lastPhase = phase;
      // Submitting while still on an earlier panel step counts for those steps too; after a
      // reload on the submit step, the round already in results means it was done.
      if (step === 'control' || step === 'budget' || step === 'submit') {
        if (submitted || (step === 'submit' && (phase === 'results' || phase === 'ended')))
          save(completeTutorialStep(state ?? TUTORIAL_START, 'submit'));
      }
      render();
    },
    destroy() {
      offLanguage();
      spot(null);
      shell.removeEventListener('keydown', onKey);
      shell.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('pointermove', onPointerMove);
      window.removeEventListener('pointerup', onPointerUp);
      shell.removeEventListener('change', onEdit);
      shell.removeEventListener('input', onEdit);
      shell.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onEscape);
      window.removeEventListener('resize', onViewport);
      document.removeEventListener('scroll', onViewport, true);
      cancelAnimationFrame(placing);
      card.remove();
      live.remove();
    },
  };
}
