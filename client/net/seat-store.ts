/**
 * What the browser remembers so that a reload or a dropped Wi-Fi never costs a seat (DESIGN §5):
 * per join code, the student's seat (Colyseus reconnection token first, our seat token second)
 * or the instructor's key; and which session this tab was in, to resume it on start.
 */
import { browserStorage, readStored, writeStored } from './local-store';
import type { Portfolio } from '../../shared/protocol/roles';

export type SessionRole = 'student' | 'instructor';

export interface StudentSeatRecord {
  code: string;
  roomId: string;
  name: string;
  /** `room.reconnectionToken` ("roomId:token"), valid while the server keeps the seat open. */
  reconnectionToken: string;
  /** Our own seat token from `welcome`; reclaims the seat after the first one expired. */
  seatToken: string;
  playerId: string;
  townId: string | null;
  portfolios: Portfolio[];
  /** A solo game's instructor key, so the game can be paced without an instructor. */
  soloKey?: string;
}

export interface InstructorRecord {
  code: string;
  roomId: string;
  instructorKey: string;
  matchId: string;
  title: string;
  createdAt: number;
}

interface CurrentSession {
  code: string;
  role: SessionRole;
}

const PREFIX = 'clusterTowns.';
const seatKey = (code: string): string => `${PREFIX}seat.${code}`;
const classKey = (code: string): string => `${PREFIX}class.${code}`;
const CURRENT = `${PREFIX}current`;

export function loadSeat(code: string): StudentSeatRecord | null {
  return readStored<StudentSeatRecord>(seatKey(code));
}

export function saveSeat(seat: StudentSeatRecord): void {
  writeStored(seatKey(seat.code), seat);
}

export function forgetSeat(code: string): void {
  browserStorage()?.removeItem(seatKey(code));
}

export function loadClass(code: string): InstructorRecord | null {
  return readStored<InstructorRecord>(classKey(code));
}

export function saveClass(record: InstructorRecord): void {
  writeStored(classKey(record.code), record);
}

export function forgetClass(code: string): void {
  browserStorage()?.removeItem(classKey(code));
}

/** Classes this browser created or reopened, newest first. */
export function listClasses(): InstructorRecord[] {
  const store = browserStorage();
  if (!store) return [];
  const out: InstructorRecord[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(`${PREFIX}class.`)) continue;
    const record = readStored<InstructorRecord>(key);
    if (record?.instructorKey) out.push(record);
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

export function currentSession(): CurrentSession | null {
  return readStored<CurrentSession>(CURRENT);
}

export function setCurrentSession(value: CurrentSession | null): void {
  if (value) writeStored(CURRENT, value);
  else browserStorage()?.removeItem(CURRENT);
}
