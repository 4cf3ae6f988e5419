/**
 * Joining classroom sessions from the browser (docs/protocol.md, "Joining the room"): create a
 * session, join with a code and a name, reopen a class with the instructor key, and resume after
 * a page reload — Colyseus' reconnection token first, then our seat token.
 */
import { Client, type Room } from 'colyseus.js';
import {
  isJoinCode,
  normaliseJoinCode,
  normaliseName,
  type SessionConfigInput,
} from '../../shared/protocol/messages';
import { followClassLanguage } from '../i18n';
import { lookupCode, postSession, socketBase, type CreatedSession } from './api';
import { SessionError, joinProblem } from './errors';
import type { WelcomeMessage } from './messages';
import {
  currentSession,
  forgetSeat,
  loadClass,
  loadSeat,
  saveClass,
  saveSeat,
  setCurrentSession,
  type InstructorRecord,
  type StudentSeatRecord,
} from './seat-store';
import { Session, type JoinedRoom } from './session';
import { exposeSession } from './test-handle';
import type { WireState } from './wire';

export { Session, type ConnectionStatus, type Announcement } from './session';
export { SessionError, problemText, type ProblemKind, type ServerProblem } from './errors';
export type { CreatedSession, ScenarioSummary } from './api';
export type { ClientMessages, ClientMessageType, ServerMessages } from './messages';
export type { PlayerView, TownPrivateView, TownView, WireState } from './wire';

const JOIN_TIMEOUT_MS = 10_000;

function newClient(): Client {
  return new Client(socketBase());
}

interface Settled extends JoinedRoom {
  welcome: WelcomeMessage | null;
}

/**
 * Wait for the room's first full state (and the welcome, when a new seat expects one). The one
 * message handler is installed here, before any message can arrive (joinById resolves in a
 * microtask, messages come in later tasks), and buffers until the Session attaches.
 */
function settle(room: Room<WireState>, needWelcome: boolean): Promise<Settled> {
  const backlog: [string, unknown][] = [];
  let sink: ((type: string, message: unknown) => void) | null = null;
  let welcome: WelcomeMessage | null = null;
  let hasState = false;
  return new Promise((resolve, reject) => {
    const done = (): void => {
      if (!hasState || (needWelcome && !welcome)) return;
      clearTimeout(timer);
      resolve({
        room,
        welcome,
        attach(next) {
          sink = next;
          for (const [type, message] of backlog.splice(0)) next(type, message);
        },
      });
    };
    const timer = setTimeout(() => {
      void room.leave(true).catch(() => undefined);
      reject(new SessionError('timeout', 'the server did not answer the join'));
    }, JOIN_TIMEOUT_MS);
    room.onMessage('*', (type, message) => {
      if (type === 'welcome') welcome = message as WelcomeMessage;
      if (sink) sink(String(type), message);
      else backlog.push([String(type), message]);
      done();
    });
    room.onStateChange.once(() => {
      hasState = true;
      done();
    });
  });
}

/** POST /api/sessions; the instructor record (with the key) is kept in this browser. */
export async function createSession(config: SessionConfigInput): Promise<CreatedSession> {
  const created = await postSession(config);
  saveClass({ ...created, title: config.title ?? '', createdAt: Date.now() });
  return created;
}

/** Join a class as a student. `code` may be typed loosely (spaces, O for 0). */
export async function joinClass(code: string, name: string, townId?: string): Promise<Session> {
  const wanted = normaliseJoinCode(code);
  if (!isJoinCode(wanted)) throw new SessionError('wrongCode', 'not a join code');
  const cleanName = normaliseName(name);
  const stored = loadSeat(wanted);
  if (stored && stored.name.toLocaleLowerCase() === cleanName.toLocaleLowerCase()) {
    // This browser already holds that student's seat: take it back rather than ask for another.
    const resumed = await resumeStudent(stored).catch(() => null);
    if (resumed) return resumed;
  }
  const found = await lookupCode(wanted);
  const client = newClient();
  let joined: Settled;
  try {
    const room = await client.joinById<WireState>(found.roomId, {
      code: found.code,
      name: cleanName,
      ...(townId ? { townId } : {}),
    });
    joined = await settle(room, true);
  } catch (error) {
    throw joinProblem(error);
  }
  const { room, welcome } = joined;
  const seat: StudentSeatRecord = {
    code: found.code,
    roomId: found.roomId,
    name: cleanName,
    reconnectionToken: room.reconnectionToken,
    seatToken: welcome?.seatToken ?? '',
    playerId: welcome?.playerId ?? '',
    townId: welcome?.townId ?? null,
    portfolios: welcome?.portfolios ?? [],
  };
  saveSeat(seat);
  setCurrentSession({ code: seat.code, role: 'student' });
  // Each person reads their own language; the class's is the default for whoever has none.
  followClassLanguage(room.state.language);
  return studentSession(client, joined, seat);
}

function reopenStudent(seat: StudentSeatRecord) {
  return async (client: Client): Promise<Settled> => {
    let room: Room<WireState>;
    try {
      room = await client.reconnect<WireState>(seat.reconnectionToken);
    } catch {
      // The server no longer holds the connection open (long outage, restart): use the seat,
      // looking the code up again if the class's room had closed (the server reopens it).
      const options = { code: seat.code, seatToken: seat.seatToken };
      try {
        room = await client.joinById<WireState>(seat.roomId, options);
      } catch {
        room = await client.joinById<WireState>((await lookupCode(seat.code)).roomId, options);
      }
    }
    return settle(room, false);
  };
}

function studentSession(client: Client, joined: JoinedRoom, seat: StudentSeatRecord): Session {
  const session = new Session('student', client, joined, reopenStudent(seat), seat, null);
  exposeSession(session);
  return session;
}

async function resumeStudent(seat: StudentSeatRecord): Promise<Session> {
  const client = newClient();
  let joined: Settled;
  try {
    joined = await reopenStudent(seat)(client);
  } catch (error) {
    const problem = joinProblem(error);
    // A refusal is final (removed, ended, session gone); a network failure is worth a retry.
    if (problem.kind !== 'offline' && problem.kind !== 'timeout') forgetSeat(seat.code);
    throw problem;
  }
  setCurrentSession({ code: seat.code, role: 'student' });
  return studentSession(client, joined, seat);
}

/** Reopen a class as its instructor, from its join code or its room id. */
export async function joinAsInstructor(
  roomIdOrCode: string,
  instructorKey: string,
): Promise<Session> {
  const asCode = normaliseJoinCode(roomIdOrCode);
  const byCode = isJoinCode(asCode);
  const known = byCode ? loadClass(asCode) : null;
  const key = instructorKey.trim();
  const client = newClient();
  let joined: Settled;
  let roomId: string;
  try {
    // Looked up every time: a class whose room closed (ended, idle) is reopened by the lookup.
    roomId = byCode ? (await lookupCode(asCode)).roomId : roomIdOrCode.trim();
    joined = await settle(await client.joinById<WireState>(roomId, { instructorKey: key }), true);
  } catch (error) {
    throw joinProblem(error, true);
  }
  const { room, welcome } = joined;
  const record: InstructorRecord = {
    code: welcome?.code ?? asCode,
    roomId,
    instructorKey: key,
    matchId: welcome?.matchId ?? known?.matchId ?? '',
    title: room.state.title ?? '',
    createdAt: known?.createdAt ?? Date.now(),
  };
  saveClass(record);
  setCurrentSession({ code: record.code, role: 'instructor' });
  const reopen = async (c: Client): Promise<Settled> =>
    settle(await c.joinById<WireState>(roomId, { instructorKey: key }), false);
  const session = new Session('instructor', client, joined, reopen, null, record);
  exposeSession(session);
  return session;
}

/**
 * Resume the session this tab was in before a reload, or the seat of a `?join=CODE` link.
 * Resolves null when there is nothing to resume; rejects with a SessionError when the server
 * refused (the stale record is then forgotten).
 */
export async function resumeSession(joinCode?: string): Promise<Session | null> {
  const wanted = joinCode ? normaliseJoinCode(joinCode) : null;
  const current = currentSession();
  const code = wanted ?? current?.code;
  if (!code) return null;
  if (!wanted && current?.role === 'instructor') {
    const record = loadClass(code);
    if (!record) return null;
    try {
      return await joinAsInstructor(record.roomId, record.instructorKey);
    } catch (error) {
      if (error instanceof SessionError && error.kind !== 'offline') setCurrentSession(null);
      throw error;
    }
  }
  const seat = loadSeat(code);
  if (!seat) return null;
  try {
    return await resumeStudent(seat);
  } catch (error) {
    if (error instanceof SessionError && error.kind !== 'offline') setCurrentSession(null);
    throw error;
  }
}

/** Stop resuming: the start screen shows next time. Seats and classes stay remembered. */
export function forgetCurrent(): void {
  setCurrentSession(null);
}
