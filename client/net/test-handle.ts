/**
 * `window.__session`: a plain, serialisable snapshot of the live session for end-to-end tests
 * and for looking at a class from the browser console. It holds no secrets (no instructor key,
 * no seat or reconnection token).
 */
import type { NewsItem, Phase } from '../../shared/protocol/messages';
import type { Portfolio } from '../../shared/protocol/roles';
import type { Session } from './session';

export interface SessionSnapshot {
  role: 'student' | 'instructor';
  code: string;
  status: string;
  closedReason: string | null;
  phase: Phase;
  round: number;
  rounds: number;
  year: number;
  paused: boolean;
  deadline: number;
  remainingMs: number;
  locked: boolean;
  diplomacy: boolean;
  caretaker: boolean;
  playerId: string | null;
  townId: string | null;
  portfolios: Portfolio[];
  players: { id: string; name: string; townId: string; connected: boolean }[];
  towns: { id: string; name: string; human: boolean; members: number; submitted: boolean }[];
  news: NewsItem[];
  announcements: string[];
  errors: { code: string; type: string; reason: string }[];
  acks: string[];
}

declare global {
  interface Window {
    __session?: SessionSnapshot;
  }
}

function snapshot(session: Session, errors: SessionSnapshot['errors'], acks: string[]) {
  const s = session.state;
  return {
    role: session.role,
    code: session.code,
    status: session.status,
    closedReason: session.closedReason,
    phase: session.phase,
    round: session.round,
    rounds: s.rounds ?? 0,
    year: s.year ?? 0,
    paused: Boolean(s.paused),
    deadline: s.deadline ?? 0,
    remainingMs: s.remainingMs ?? 0,
    locked: Boolean(s.locked),
    diplomacy: Boolean(s.diplomacy),
    caretaker: Boolean(s.caretaker),
    playerId: session.playerId,
    townId: session.townId,
    portfolios: session.portfolios,
    players: session.players().map(({ id, name, townId, connected }) => ({
      id,
      name,
      townId,
      connected,
    })),
    towns: session.towns().map(({ id, name, human, members, submitted }) => ({
      id,
      name,
      human,
      members,
      submitted,
    })),
    news: session.news(),
    announcements: session.announcements.map((a) => a.text),
    errors: [...errors],
    acks: [...acks],
  } satisfies SessionSnapshot;
}

export function exposeSession(session: Session): void {
  if (typeof window === 'undefined') return;
  const errors: SessionSnapshot['errors'] = [];
  const acks: string[] = [];
  const update = (): void => {
    window.__session = snapshot(session, errors, acks);
  };
  session.on('error', (e) => {
    errors.push({ code: e.code, type: e.type, reason: e.reason });
    update();
  });
  session.on('ack', (a) => {
    acks.push(a.type);
    update();
  });
  session.onChange(update);
  update();
}
