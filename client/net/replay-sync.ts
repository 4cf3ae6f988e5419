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
import { socketBase } from './api';

interface SyncWireState {
  round: number;
  view: string;
  townId: string;
  compare: string;
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
    });
    if (position) for (const listener of [...listeners]) listener(position);
  };

  const client = new Client(socketBase());
  const joining =
    role === 'presenter'
      ? client.joinOrCreate('replay', {
          matchId: context.matchId,
          instructorKey: context.instructorKey,
        })
      : client.join('replay', { matchId: context.matchId, code: context.joinCode });
  joining.then(
    (joined) => {
      if (closed) {
        void joined.leave();
        return;
      }
      room = joined;
      joined.onMessage('error', () => undefined);
      if (role === 'follower') joined.onStateChange((state) => deliver(state as SyncWireState));
      if (pending) joined.send('sync', pending);
    },
    () => {
      // Not presenting yet, or a wrong code: the viewer keeps working on its own.
    },
  );

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
      listeners.clear();
      void room?.leave();
    },
  };
}
