/**
 * What rooms need from the process: the match store and the secret that proves a room was
 * created by our own HTTP route rather than by a client's matchmaking call. Set once per server
 * by createGameServer (server/app.ts).
 */
import { GuessLimiter } from './rate-limit';
import { newSecret } from './rooms/seats';
import type { MatchStore } from './store/match-store';

export interface RoomServices {
  store: MatchStore;
  internalSecret: string;
  /** Called when a room fails in a way it cannot recover from (logged, never thrown). */
  log: (message: string) => void;
  /** Wrong join codes per address, for joins that reach a room directly (a listed room id). */
  guesses: GuessLimiter;
}

let services: RoomServices | null = null;

export function setRoomServices(store: MatchStore, log: (message: string) => void): RoomServices {
  services = { store, internalSecret: newSecret(24), log, guesses: new GuessLimiter() };
  return services;
}

export function roomServices(): RoomServices {
  if (!services)
    throw new Error('room services are not set: start the server with createGameServer');
  return services;
}
