/**
 * The instructor's research panel (issue 15, part 5): in a research-mode class, how many students
 * consented so far and the one-click research export (a zip of CSVs with pseudonymous ids;
 * docs/research-export.md). Hidden for classes without research mode.
 */
import '../styles/research.css';
import { t } from '../i18n';
import { SessionError, problemText } from '../net/errors';
import { downloadResearchZip, fetchConsentCounts, type ConsentCounts } from '../net/research-api';
import type { Session } from '../net/session-client';
import { busy, h, tx } from './dom';
import { panel, type Part } from './instructor-widgets';

/** Consent answers arrive over HTTP, not in the room state: the counts are asked for this often. */
const REFRESH_MS = 3000;

export function researchPanel(session: Session): Part {
  const counts = h('p', { class: 'research-counts', id: 'research-counts', 'aria-live': 'polite' });
  const exportButton = tx('button', 'research:panel.export', {
    type: 'button',
    class: 'btn',
    id: 'research-export',
  });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const element = panel('research', 'research:panel.title', counts, exportButton, error);
  element.hidden = true;
  let last: ConsentCounts | null = null;

  const render = (): void => {
    if (!last?.enabled) return;
    element.hidden = false;
    counts.textContent = t('research:panel.counts', {
      consented: last.consented,
      declined: last.declined,
      unanswered: last.unanswered,
    });
  };
  const refresh = (): void => {
    const { matchId, instructorKey } = session;
    if (!matchId || !instructorKey || last?.enabled === false) return;
    fetchConsentCounts(matchId, instructorKey)
      .then((next) => {
        last = next;
        render();
      })
      // A missed refresh is retried on the next tick.
      .catch(() => undefined);
  };
  exportButton.addEventListener('click', () => {
    const { matchId, instructorKey } = session;
    if (!matchId || !instructorKey) return;
    error.hidden = true;
    void busy(exportButton, t('research:panel.preparing'), () =>
      downloadResearchZip(matchId, instructorKey),
    ).catch((e: unknown) => {
      const reason = e instanceof SessionError ? problemText(e.kind) : String(e);
      error.textContent = t('research:panel.failed', { reason });
      error.hidden = false;
    });
  });
  const interval = setInterval(refresh, REFRESH_MS);
  refresh();
  return {
    element,
    update: () => undefined,
    relabel: render,
    destroy: () => clearInterval(interval),
  };
}
