/**
 * A town's reason for its plan in a round (issue 15, match log version 4): the one line its team
 * wrote and its mayor submitted, shown beside that town's decisions in the replay and the
 * debrief. Nothing is shown when the team gave none, or the log predates reasons.
 */
import '../styles/why.css';
import type { SubmissionNote } from '../../shared';
import { t } from '../i18n';
import { h } from '../app/dom';

/** The reason submitted with a town's plan, if any (the last submission of the round counts). */
export function reasonOf(submissions: readonly SubmissionNote[], townId: string): string | null {
  const mine = submissions.filter((s) => s.town === townId && s.why);
  return mine.at(-1)?.why ?? null;
}

/**
 * The reason as a quotation under its heading; `hidden` (the instructor keeps other towns'
 * reasons from the class) says so instead of quoting it.
 */
export function reasonBlock(
  submissions: readonly SubmissionNote[],
  townId: string,
  hidden = false,
): HTMLElement | null {
  const why = reasonOf(submissions, townId);
  if (!why) return null;
  return h(
    'div',
    { class: 'replay-why', id: 'replay-why' },
    h('h4', {}, t('replay:why.title')),
    hidden
      ? h('p', { class: 'muted' }, t('replay:why.hidden'))
      : h('blockquote', { class: 'why-quote' }, why),
  );
}
