/**
 * Where each tutorial step points on the play screen (client/app/play-screen.ts ids), and
 * what a step waits for when the screen cannot show its part yet (the policy panel exists
 * only while planning; the results only after a round).
 */
import type { Session } from '../net/session-client';
import type { TutorialStep } from './progress';

export type StepWait = 'planning' | 'results';

function visible(node: HTMLElement | null): node is HTMLElement {
  return !!node && node.getClientRects().length > 0;
}

/** On a phone the policy panel is a closed drawer until its bar is pressed. */
function panelOr(target: HTMLElement | null): HTMLElement | null {
  const panel = document.querySelector<HTMLElement>('#play-policy .pp');
  const toggle = document.querySelector<HTMLElement>('#pp-drawer-toggle');
  if (panel?.dataset.open !== 'true' && visible(toggle)) return toggle;
  return target;
}

export function stepTarget(step: TutorialStep): HTMLElement | null {
  switch (step) {
    case 'pan':
      return document.querySelector('#play-scene');
    case 'control':
      return panelOr(document.querySelector('#play-policy .pp-sections'));
    case 'budget':
      return panelOr(document.querySelector('#pp-budget-meter'));
    case 'submit':
      return panelOr(document.querySelector('#pp-submit'));
    case 'why':
      return document.querySelector('.rp .why');
    case 'done':
      return document.querySelector<HTMLElement>('.play-continue:not([hidden])');
  }
}

export function stepWaiting(step: TutorialStep, session: Session): StepWait | null {
  const planning = session.phase === 'planning' || session.phase === 'briefing';
  if ((step === 'control' || step === 'budget' || step === 'submit') && !planning)
    return 'planning';
  if (step === 'why' && !document.querySelector('.rp .why')) return 'results';
  return null;
}
