/**
 * A town's logged reasons (issue 15), as the room state carries them (TownPrivate `reasons`,
 * JSON { round, by, why }[]): for the instructor's panel and a solo player's end report.
 */
import type { Session } from './session-client';

export interface LoggedReason {
  round: number;
  by: string;
  why: string;
}

export function parseReasons(raw: string | undefined): LoggedReason[] {
  try {
    const value: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown) => {
      if (!item || typeof item !== 'object') return [];
      const { round, by, why } = item as Record<string, unknown>;
      return typeof round === 'number' && typeof why === 'string' && why
        ? [{ round, by: typeof by === 'string' ? by : '', why }]
        : [];
    });
  } catch (_error) {
    return [];
  }
}

/** The reasons a town's team gave, round by round ([] when its private state is not visible). */
export function townReasons(session: Session, townId: string): LoggedReason[] {
  return parseReasons(session.state.towns?.get(townId)?.private?.reasons);
}
