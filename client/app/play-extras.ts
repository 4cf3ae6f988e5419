/**
 * What the play screen mounts beside its own parts, each in its module: the caretaker's notice
 * (issue 11) and the team's reason line beside the submit button (issue 15).
 */
import type { Session } from '../net/session-client';
import { mountWhyField } from '../panel/why-field';
import { mountCaretakerNotice } from './caretaker-notice';

export function mountPlayExtras(
  main: HTMLElement,
  side: HTMLElement,
  session: Session,
): () => void {
  const offCaretaker = mountCaretakerNotice(main, session);
  const offWhy = mountWhyField(side, session);
  return () => {
    offWhy();
    offCaretaker();
  };
}
