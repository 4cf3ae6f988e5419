/**
 * The classroom transport of replay sync: the server's `replay` room (docs/protocol.md). The
 * presenter joins with the instructor key and sends `sync`; followers join with the session's
 * join code and apply the room state. Implements the viewer's SyncChannel, so the viewer does
 * not know whether it talks to another tab or to the class.
 */
import { Client, type Room } from 'colyseus.js';
import {
  readPosition,
  type PredictChannel,
  type PredictUpdate,
  type PredictWireView,
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
  followers?: number;
  questionId?: string;
  answered?: number;
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

  // Predict, then reveal (issue 15): the open question, counts and this browser's answer.
  const predictListeners = new Set<(update: PredictUpdate) => void>();
  let predictState: PredictUpdate = {
    view: null,
    answered: 0,
    followers: 0,
    mine: null,
    error: null,
  };
  const updatePredict = (patch: Partial<PredictUpdate>): void => {
    predictState = { ...predictState, ...patch };
    for (const listener of [...predictListeners]) listener(predictState);
  };

  const client = new Client(socketBase());
  let retry: ReturnType<typeof setTimeout> | undefined;

  const joined = (joinedRoom: Room): void => {
    if (closed) {
      void joinedRoom.leave();
      return;
    }
    room = joinedRoom;
    joinedRoom.onMessage('error', (error: { type?: unknown; reason?: unknown }) => {
      if (typeof error?.type === 'string' && error.type.startsWith('predict.')) {
        updatePredict({ error: typeof error.reason === 'string' ? error.reason : 'refused' });
      }
    });
    joinedRoom.onMessage('predict', (view: PredictWireView) => {
      const fresh = view.id !== predictState.view?.id;
      updatePredict({ view, error: null, ...(fresh ? { mine: null } : {}) });
    });
    joinedRoom.onMessage('predict.answered', (ack: { id?: unknown; option?: unknown }) => {
      if (ack.id === predictState.view?.id && typeof ack.option === 'number') {
        updatePredict({ mine: ack.option, error: null });
      }
    });
    joinedRoom.onStateChange((state) => {
      const wire = state as SyncWireState;
      if (wire.answered !== predictState.answered || wire.followers !== predictState.followers) {
        updatePredict({ answered: wire.answered ?? 0, followers: wire.followers ?? 0 });
      }
    });
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
        : client.join('replay', {
            matchId: context.matchId,
            code: context.joinCode,
            participant: participantId(),
            ...(context.ownTownId ? { townId: context.ownTownId } : {}),
          });
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

  const predict: PredictChannel = {
    ask: (body) => room?.send('predict.ask', body),
    answer: (id, option) => room?.send('predict.answer', { id, option }),
    reveal: (id) => room?.send('predict.reveal', { id }),
    onUpdate(listener) {
      predictListeners.add(listener);
      listener(predictState);
      return () => predictListeners.delete(listener);
    },
  };

  return {
    predict,
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
      predictListeners.clear();
      void room?.leave();
    },
  };
}

const PARTICIPANT_KEY = 'clusterTowns.participant';

/**
 * The id this browser answers predictions with (never a name): kept so a reload does not count
 * twice. Private modes without storage get a fresh one per page.
 */
function participantId(): string {
  const fresh = (): string => `b-${crypto.randomUUID().slice(0, 18)}`;
  try {
    const saved = localStorage.getItem(PARTICIPANT_KEY);
    if (saved) return saved;
    const id = fresh();
    localStorage.setItem(PARTICIPANT_KEY, id);
    return id;
  } catch {
    return fresh();
  }
}
