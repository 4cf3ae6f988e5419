/**
 * The teams' reasons, live (issue 15): each town's one-line "why", shown as soon as its mayor
 * submits it with the plan, and every resolved round's as logged, newest round first.
 */
import '../styles/why.css';
import { localTownName, t } from '../i18n';
import { parseReasons } from '../net/reasons';
import type { Session } from '../net/session-client';
import { h } from './dom';
import { panel, type Part } from './instructor-widgets';

interface Reason {
  town: string;
  name: string;
  by: string;
  why: string;
}

export function reasonsPanel(session: Session): Part {
  /** Round → town → the reason submitted with that town's plan. */
  const seen = new Map<number, Map<string, Reason>>();
  const list = h('ol', { class: 'reason-list', id: 'reason-list', reversed: true });
  const empty = h('p', { class: 'muted', id: 'reason-empty' });
  let signature = '';

  const render = (): void => {
    empty.textContent = t('instructor:reasons.empty');
    empty.hidden = seen.size > 0;
    const rounds = [...seen.keys()].sort((a, b) => b - a);
    list.replaceChildren(
      ...rounds.flatMap((round) =>
        [...seen.get(round)!.values()].map((r) =>
          h(
            'li',
            { 'data-town': r.town, 'data-round': round },
            h(
              'span',
              { class: 'reason-who' },
              t('instructor:reasons.who', {
                round,
                town: localTownName(r.town, r.name),
                by: r.by,
              }),
            ),
            h('q', { class: 'why-quote' }, r.why),
          ),
        ),
      ),
    );
  };

  const put = (round: number, reason: Reason | null, town: string): void => {
    const reasons = seen.get(round) ?? new Map<string, Reason>();
    if (reason) reasons.set(town, reason);
    else reasons.delete(town);
    if (reasons.size > 0) seen.set(round, reasons);
    else seen.delete(round);
  };

  const update = (): void => {
    session.state.towns?.forEach((town) => {
      const own = { town: town.id, name: town.name };
      // The resolved rounds' reasons, as logged (a round that resolved on its last submit never
      // showed that submit while planning; a reload finds them all again).
      for (const r of parseReasons(town.private?.reasons)) {
        put(r.round, { ...own, by: r.by, why: r.why }, town.id);
      }
      // This round's, live: submitted, or taken back when the mayor reopens the plan.
      if (session.phase !== 'planning') return;
      const why = town.submitted ? (town.private?.submittedWhy ?? '') : '';
      const by = town.private?.submittedBy ?? '';
      put(session.round, why ? { ...own, by, why } : null, town.id);
    });
    const next = JSON.stringify([...seen].map(([r, m]) => [r, [...m.values()]]));
    if (next === signature) return;
    signature = next;
    render();
  };
  render();
  return {
    element: panel('reasons', 'instructor:reasons.title', empty, list),
    update,
    relabel: render,
  };
}
