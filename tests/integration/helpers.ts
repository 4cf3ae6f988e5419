/**
 * Helpers for integration tests: a real game server (in this process or a child process) and
 * real colyseus.js clients. Nothing of our own server or store is mocked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { createGameServer, type GameServer } from '../../server/app';
import type { TownPlan } from '../../shared/index';
import type { SessionConfigInput } from '../../shared/protocol/messages';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'cluster-towns-'));
}

export async function startServer(dataDir = tempDataDir()): Promise<GameServer> {
  return createGameServer({ port: 0, host: '127.0.0.1', dataDir, log: () => undefined });
}

export interface Session {
  code: string;
  instructorKey: string;
  matchId: string;
  roomId: string;
}

export async function createSession(base: string, config: SessionConfigInput): Promise<Session> {
  const res = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
  if (res.status !== 201) throw new Error(`create failed ${res.status}: ${await res.text()}`);
  return (await res.json()) as Session;
}

/** A joined client with every message it received, by type. */
export interface Joined {
  room: Room;
  messages: Map<string, unknown[]>;
  welcome: { playerId?: string; seatToken?: string; townId?: string; portfolios?: string[] };
}

function record(room: Room): Map<string, unknown[]> {
  const messages = new Map<string, unknown[]>();
  room.onMessage('*', (type, message) => {
    const key = String(type);
    messages.set(key, [...(messages.get(key) ?? []), message]);
  });
  return messages;
}

async function welcomed(room: Room, messages: Map<string, unknown[]>): Promise<Joined> {
  await waitFor(() => (messages.get('welcome')?.length ?? 0) > 0, 'welcome message');
  return { room, messages, welcome: messages.get('welcome')![0] as Joined['welcome'] };
}

export async function joinInstructor(base: string, session: Session): Promise<Joined> {
  const client = new Client(base.replace('http', 'ws'));
  const room = await client.joinById(session.roomId, { instructorKey: session.instructorKey });
  return welcomed(room, record(room));
}

export async function joinStudent(
  base: string,
  code: string,
  options: { name?: string; seatToken?: string; townId?: string },
): Promise<Joined> {
  const res = await fetch(`${base}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (res.status !== 200) throw new Error(`join lookup failed ${res.status}: ${await res.text()}`);
  const { roomId } = (await res.json()) as { roomId: string };
  const client = new Client(base.replace('http', 'ws'));
  const room = await client.joinById(roomId, { code, ...options });
  return welcomed(room, record(room));
}

/**
 * Wait until `predicate` holds: checked on every turn of the event loop (after each message the
 * clients receive), and after `poll` for what only a request can observe (e.g. /health).
 */
export async function waitFor(
  predicate: () => boolean,
  what: string,
  timeoutMs = 10_000,
  poll?: () => Promise<void>,
): Promise<void> {
  const start = Date.now();
  if (poll) await poll();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
    if (poll) await poll();
  }
}

/**
 * A barrier: the server answers a ping after every command it received before it, and a
 * connection delivers in order, so once the pong is in, every patch those commands caused is.
 */
export async function settled(j: Joined): Promise<void> {
  const before = countOf(j, 'pong');
  j.room.send('ping', {});
  await waitFor(() => countOf(j, 'pong') > before, 'the server answered a ping');
}

/** `settled` for a bare colyseus.js room (a reconnection, say). */
export async function settledRoom(room: Room): Promise<void> {
  let answered = false;
  const off = room.onMessage('pong', () => (answered = true));
  room.send('ping', {});
  await waitFor(() => answered, 'the server answered a ping');
  off();
}

export function lastOf<T>(joined: Joined, type: string): T | undefined {
  const list = joined.messages.get(type);
  return list ? (list[list.length - 1] as T) : undefined;
}

export function countOf(joined: Joined, type: string): number {
  return joined.messages.get(type)?.length ?? 0;
}

export interface WirePlayer {
  id: string;
  name: string;
  townId: string;
  portfolios: string;
  connected: boolean;
}

export interface WireTown {
  id: string;
  name: string;
  figures: string;
  human: boolean;
  bot: string;
  members: number;
  connected: number;
  submitted: boolean;
  private?: Record<string, string | number>;
}

export interface WireState {
  phase: string;
  round: number;
  year: number;
  deadline: number;
  remainingMs: number;
  paused: boolean;
  locked: boolean;
  diplomacy: boolean;
  towns: Map<string, WireTown>;
  players: Map<string, WirePlayer>;
  news: string[];
  lastEvents: string;
  stateHash: string;
}

/** The room state as colyseus.js decoded it (through schema reflection). */
export function stateOf(joined: Joined): WireState {
  return joined.room.state as WireState;
}

/** Send an instructor control and wait for its acknowledgement; an error message throws. */
/** What the instructor's "Advance now" sends: the phase and round it is confirmed for. */
export function advanceBody(j: Joined): { phase: string; round: number } {
  const state = stateOf(j);
  return { phase: String(state.phase), round: Number(state.round) };
}

export async function ackOf(j: Joined, type: string, body: unknown = {}): Promise<void> {
  const before = countOf(j, 'ack');
  const errors = countOf(j, 'error');
  j.room.send(type, body);
  await waitFor(() => countOf(j, 'ack') > before || countOf(j, 'error') > errors, `ack of ${type}`);
  if (countOf(j, 'error') > errors) throw new Error(JSON.stringify(lastOf(j, 'error')));
}

/** The team's shared draft plan of a town, as its members see it. */
export function draftOf(j: Joined, townId: string): TownPlan {
  return JSON.parse(String(stateOf(j).towns.get(townId)!.private!.draft)) as TownPlan;
}

/**
 * What a crash must not lose (restart and failover tests): Ana's Dongguan submits strict
 * enforcement with a green subsidy of 7; Bo's Shunde leaves an unsubmitted draft with a 30 % land
 * discount. Resolves once the server has acknowledged both.
 */
export async function submitAndLeaveDraft(ana: Joined, bo: Joined): Promise<void> {
  const plan = draftOf(ana, 'dongguan');
  ana.room.send('draft', {
    section: 'environment',
    value: { ...plan.environment, enforcement: 'strict', greenSubsidy: 7 },
  });
  await waitFor(() => draftOf(ana, 'dongguan').environment.greenSubsidy === 7, 'draft');
  ana.room.send('submit', { round: 1 });
  await waitFor(() => countOf(ana, 'submitted') === 1, 'submission acknowledged');
  bo.room.send('draft', {
    section: 'preferential',
    value: { ...draftOf(bo, 'shunde').preferential, landDiscount: 0.3 },
  });
  await waitFor(() => countOf(bo, 'draftSaved') === 1, 'Bo’s draft saved');
}

/** After the crash: the same round, Dongguan's plan still submitted, Shunde's draft kept. */
export async function expectSubmittedAndDraftKept(ana: Joined, bo: Joined): Promise<void> {
  if (ana.welcome.townId !== 'dongguan' || bo.welcome.townId !== 'shunde') {
    throw new Error(`seats changed towns: ${ana.welcome.townId}, ${bo.welcome.townId}`);
  }
  await waitFor(() => stateOf(ana).phase === 'planning', 'planning again');
  await waitFor(() => stateOf(ana).towns.get('dongguan')?.private?.draft !== undefined, 'state');
  const round = stateOf(ana).round;
  const submitted = stateOf(ana).towns.get('dongguan')!.submitted;
  const discount = draftOf(bo, 'shunde').preferential.landDiscount;
  if (round !== 1 || !submitted || discount !== 0.3) {
    throw new Error(`lost: round ${round}, submitted ${submitted}, land discount ${discount}`);
  }
}
