/**
 * What the play screen mounts beside its own parts, each in its module: the caretaker's notice
 * (issue 11), the team's reason line beside the submit button and research consent (issue 15).
 */
import type { Session } from '../net/session-client';
import { mountWhyField } from '../panel/why-field';
import { mountCaretakerNotice } from './caretaker-notice';
import { mountResearchConsent } from './research-consent';

export function mountPlayExtras(
  main: HTMLElement,
  side: HTMLElement,
  session: Session,
): () => void {
  const offCaretaker = mountCaretakerNotice(main, session);
  const offWhy = mountWhyField(side, session);
  const offResearch = mountResearchConsent(main, session);
  return () => {
    offResearch();
    offWhy();
    offCaretaker();
  };
}
