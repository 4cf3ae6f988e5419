/**
 * "Skip to the policy plan": the play screen's first Tab stop, hidden until focused, which moves
 * focus past the scene and the results into the plan (issue 14: enforcement took 60 presses).
 */
import { h } from './dom';

export function skipToPlan(): HTMLAnchorElement {
  const skip = h('a', { href: '#play-policy', class: 'play-skip', id: 'play-skip' });
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    document
      .querySelector<HTMLElement>(
        '#play-policy :is(button, a, input, select, summary):not([disabled])',
      )
      ?.focus();
  });
  return skip;
}
