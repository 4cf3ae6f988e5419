import type { MatchState, TownState } from '../../shared';
import { planningState, type MatchContext } from '../../shared/protocol/public';
import type { Session } from '../net/session-client';

/**
 * The state the panels read: the match context, this town in full, the others by name. It
 * changes only when a round resolves, so it is rebuilt then and not on every teammate's edit
 * (the same object also lets the panels skip work when nothing changed).
 */
export function viewStateCache(): (session: Session, own: TownState) => MatchState | null {
  let key: { raw: string; own: TownState } | null = null;
  let cached: MatchState | null = null;
  return (session, own) => {
    const raw = session.state.context;
    if (!raw) return null;
    if (key && key.raw === raw && key.own === own) return cached;
    key = { raw, own };
    cached = planningState(
      JSON.parse(raw) as MatchContext,
      own,
      session.towns().map((town) => ({ id: town.id, name: town.name })),
    );
    return cached;
  };
}
