/**
 * The classroom transport of replay sync: the server's `replay` room (docs/protocol.md). The
 * presenter joins with the instructor key and sends `sync`; followers join with the session's
 * join code and apply the room state. Implements the viewer's SyncChannel, so the viewer does
 * not know whether it talks to another tab or to the class.
 */
import { Client, type Room } from 'colyseus.js';
import {
  readPosition,
  type ReplayPosition,
  type SyncChannel,
  type SyncContext,
  type SyncRole,
} from '../replay/sync';
import { JOIN_ERROR } from '../../shared/protocol/messages';
import { socketBase } from './api';

/** How often a waiting follower tries to join the class's replay room again. */
const FOLLOWER_RETRY_MS = 2000;

interface SyncWireState {
  round: number;
  view: string;
  townId: string;
  compare: string;
  /** Whether the class sees every town's reasons (issue 15). */
  reasons?: boolean;
  /** The debrief chapter being presented, '' for none (issue 15). */
  chapter?: string;
}

export function roomSync(role: SyncRole, context: SyncContext): SyncChannel {
  const listeners = new Set<(position: ReplayPosition) => void>();
  let room: Room | null = null;
  let closed = false;
  let pending: ReplayPosition | null = null;

  const deliver = (state: SyncWireState): void => {
    const position = readPosition({
      round: state.round,
      view: state.view,
      ...(state.townId ? { townId: state.townId } : {}),
      ...(state.compare ? { compare: state.compare.split(',') } : {}),
      ...(state.reasons ? { reasons: true } : {}),
      ...(state.chapter ? { chapter: state.chapter } : {}),
    });
    if (position) for (const listener of [...listeners]) listener(position);
  };

  const client = new Client(socketBase());
  let retry: ReturnType<typeof setTimeout> | undefined;

  const joined = (joinedRoom: Room): void => {
    if (closed) {
      void joinedRoom.leave();
      return;
    }
    room = joinedRoom;
    joinedRoom.onMessage('error', () => undefined);
    if (role === 'follower') {
      joinedRoom.onStateChange((state) => deliver(state as SyncWireState));
      // The class's room closes when everyone has left; a follower waits for the next one.
      joinedRoom.onLeave(() => {
        room = null;
        if (!closed) retry = setTimeout(connect, FOLLOWER_RETRY_MS);
      });
    }
    if (pending) joinedRoom.send('sync', pending);
  };

  function connect(): void {
    if (closed) return;
    const joining =
      role === 'presenter'
        ? client.joinOrCreate('replay', {
            matchId: context.matchId,
            instructorKey: context.instructorKey,
          })
        : client.join('replay', { matchId: context.matchId, code: context.joinCode });
    joining.then(joined, (error: unknown) => {
      // A student who opened the link before the instructor presents keeps waiting (the room
      // does not exist yet, or refuses followers until the presenter is in); a wrong code or
      // key is final, and the viewer keeps working on its own.
      const code = (error as { code?: unknown } | null)?.code;
      const final = code === JOIN_ERROR.wrongCode || role === 'presenter';
      if (!final && !closed) retry = setTimeout(connect, FOLLOWER_RETRY_MS);
    });
  }
  connect();

  return {
    publish(position) {
      pending = { ...position };
      room?.send('sync', pending);
    },
    subscribe(listener) {
      listeners.add(listener);
      if (room) deliver(room.state as SyncWireState);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(retry);
      listeners.clear();
      void room?.leave();
    },
  };
}
