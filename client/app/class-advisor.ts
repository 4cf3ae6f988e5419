/**
 * The advisor's hints in a class (issue 6 brought them to solo play first). Loaded after the
 * play screen with the campaign's texts it quotes (client/app/play-screen.ts).
 */
import type { AdvisorHint } from '../../shared/campaign/types';
import { advisorBox } from '../campaign/advisor';
import { advisorEnabled, setAdvisorEnabled } from '../campaign/store';
import { onLanguageChange } from '../i18n';
import type { Session } from '../net/session-client';

/**
 * In a class, the advisor's hints (private to the town, like its explanations) sit under the
 * scene as in solo play; the student can hide them, remembered across sessions.
 */
export function mountClassAdvisor(column: HTMLElement, session: Session): () => void {
  const box = advisorBox(() => {
    setAdvisorEnabled(false);
    render();
  });
  column.insertBefore(box.element, column.querySelector('.play-news-box'));
  const render = (): void => {
    const townId = session.townId;
    const raw = townId ? session.state.towns?.get(townId)?.private?.advisor : '';
    let hints: AdvisorHint[] = [];
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      if (Array.isArray(parsed)) hints = (parsed as AdvisorHint[]).slice(0, 3);
    } catch (_error) {
      hints = [];
    }
    box.update(hints, session.resolvedRounds, advisorEnabled());
  };
  const offChange = session.onChange(render);
  const offLanguage = onLanguageChange(render);
  render();
  return () => {
    offChange();
    offLanguage();
    box.element.remove();
  };
}
