/**
 * Whether a session is a solo game (the room state's `mode`, server/rooms/classroom-state.ts).
 * Kept apart from solo.ts so the class play screen can ask without loading the campaign.
 */
import type { Session } from '../net/session-client';

export function isSoloSession(session: Session): boolean {
  return session.state.mode === 'solo';
}
