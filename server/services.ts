/**
 * What rooms need from the process: the match store and the secret that proves a room was
 * created by our own HTTP route rather than by a client's matchmaking call. Set once per server
 * by createGameServer (server/app.ts). When several processes share Redis, the secret comes from
 * the environment (CLUSTER_SECRET), because a room may be created by another process's route,
 * and the cluster coordinator decides which process runs which session.
 */
import type { ClusterCoordinator } from './cluster';
import { GuessLimiter, type CounterPresence } from './rate-limit';
import { newSecret } from './rooms/seats';
import type { MatchStore } from './store/match-store';

export interface RoomServices {
  store: MatchStore;
  internalSecret: string;
  /** Called when a room fails in a way it cannot recover from (logged, never thrown). */
  log: (message: string) => void;
  /** Wrong join codes per address: one allowance for HTTP and WebSocket, shared via presence. */
  guesses: GuessLimiter;
  /** Session locks across processes (REDIS_URL), or null for one process. */
  cluster: ClusterCoordinator | null;
}

export interface ServiceOptions {
  /** The inter-process secret; a random one per process when not clustered. */
  internalSecret?: string;
  /** Shared counters for the guess limits (Colyseus's presence). */
  presence?: CounterPresence | null;
  cluster?: ClusterCoordinator | null;
}

let services: RoomServices | null = null;

export function setRoomServices(
  store: MatchStore,
  log: (message: string) => void,
  options: ServiceOptions = {},
): RoomServices {
  services = {
    store,
    internalSecret: options.internalSecret ?? newSecret(24),
    log,
    guesses: new GuessLimiter(options.presence ?? null),
    cluster: options.cluster ?? null,
  };
  return services;
}

export function roomServices(): RoomServices {
  if (!services)
    throw new Error('room services are not set: start the server with createGameServer');
  return services;
}
