/**
 * Class sync: the instructor presents a replay and the students' viewers follow. The viewer only
 * knows this small interface; the transport behind it is swappable. Here: a BroadcastChannel
 * between tabs of one browser (a projector tab and a control tab, and the tests). The classroom
 * transport is a Colyseus `replay` room: the presenter joins with `{ matchId, instructorKey }`
 * and sends `sync` messages; followers join with the session's code and receive them.
 */
import type { AskedQuestion } from '../../shared/debrief/questions';

export type ReplayView = 'town' | 'region';

/** Where a viewer is: what a presenter publishes and a follower applies. */
export interface ReplayPosition {
  round: number;
  view: ReplayView;
  townId?: string;
  /** Towns shown side by side (2 to 4), when the presenter compares. */
  compare?: string[];
  /**
   * The presenter lets the class see every town's reasons (issue 15); without it a follower sees
   * only its own town's.
   */
  reasons?: boolean;
  /** The debrief chapter being presented (issue 15): followers see its card above the scene. */
  chapter?: string;
}

export interface SyncChannel {
  /** Presenter: announce the current position (on every change). */
  publish(position: ReplayPosition): void;
  /**
   * Follower: receive positions. The last known position is delivered soon after subscribing,
   * so a student who opens the replay late lands where the class is. Returns an unsubscribe.
   */
  subscribe(listener: (position: ReplayPosition) => void): () => void;
  close(): void;
  /** Predict, then reveal (issue 15), when the transport carries it. */
  predict?: PredictChannel;
}

export type SyncRole = 'presenter' | 'follower';

/** Which replay a channel is for, and what a server transport needs to join its room. */
export interface SyncContext {
  /** The log's identity (logIdentity): viewers of the same match share a channel. */
  logId: string;
  /** Present when the log came from the server. */
  matchId?: string;
  /** The presenter's key (instructors only). */
  instructorKey?: string;
  /** The session's join code, for followers (from the `?code=` of the replay link). */
  joinCode?: string;
  /** The town this browser played in that class (its saved seat), for "my town" (issue 15). */
  ownTownId?: string;
}

/** Opens a channel for one replay. May connect in the background; publish must not throw. */
export type SyncFactory = (role: SyncRole, context: SyncContext) => SyncChannel;

/** A position from the wire, or null when it is not one (the transport is not trusted). */
export function readPosition(value: unknown): ReplayPosition | null {
  if (!value || typeof value !== 'object') return null;
  const { round, view, townId, compare, reasons, chapter } = value as Record<string, unknown>;
  if (!Number.isInteger(round) || (round as number) < 0) return null;
  if (view !== 'town' && view !== 'region') return null;
  if (townId !== undefined && (typeof townId !== 'string' || townId.length > 40)) return null;
  const towns =
    Array.isArray(compare) &&
    compare.length <= 4 &&
    compare.every((id) => typeof id === 'string' && id.length <= 40)
      ? (compare as string[])
      : undefined;
  return {
    round: round as number,
    view,
    ...(townId !== undefined ? { townId } : {}),
    ...(towns ? { compare: towns } : {}),
    ...(reasons === true ? { reasons: true } : {}),
    ...(typeof chapter === 'string' && chapter && chapter.length <= 80 ? { chapter } : {}),
  };
}

type Message = { type: 'position'; position: unknown } | { type: 'ask' };

/**
 * Tabs of this browser showing the same log. A newcomer asks where the class is; the presenter
 * answers with its last position.
 */
export function broadcastSync(role: SyncRole, context: SyncContext): SyncChannel {
  const channel = new BroadcastChannel(`clusterTowns.replay.${context.logId}`);
  const listeners = new Set<(position: ReplayPosition) => void>();
  let last: ReplayPosition | null = null;
  channel.onmessage = (event: MessageEvent<Message>) => {
    const message = event.data;
    if (message?.type === 'ask') {
      if (role === 'presenter' && last) channel.postMessage({ type: 'position', position: last });
      return;
    }
    if (message?.type !== 'position' || role !== 'follower') return;
    const position = readPosition(message.position);
    if (!position) return;
    for (const listener of [...listeners]) listener(position);
  };
  return {
    publish(position) {
      last = { ...position };
      channel.postMessage({ type: 'position', position: last } satisfies Message);
    },
    subscribe(listener) {
      listeners.add(listener);
      channel.postMessage({ type: 'ask' } satisfies Message);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel.close();
    },
  };
}

/** What a viewer knows of the class's open prediction question (issue 15). */
export interface PredictUpdate {
  /** The open question as the server published it (replay-predict-room.ts PredictionView). */
  view: PredictWireView | null;
  /** How many answered, and how many follow. */
  answered: number;
  followers: number;
  /** This follower's accepted answer to the open question, if any. */
  mine: number | null;
  /** The last refusal of a prediction message, if any. */
  error: string | null;
}

export interface PredictWireView {
  id: string;
  question: AskedQuestion;
  revealed?: { correct: number[]; counts: number[] };
}

/** Predict, then reveal: only the class transport (the server's room) carries it. */
export interface PredictChannel {
  ask(body: { round: number; menuId: string } | { round: number; free: FreeAsk }): void;
  answer(id: string, option: number): void;
  reveal(id: string): void;
  /** Listen to changes; the current state is delivered at once. Returns an unsubscribe. */
  onUpdate(listener: (update: PredictUpdate) => void): () => void;
}

export interface FreeAsk {
  text: string;
  options: string[];
  marked?: number;
}
