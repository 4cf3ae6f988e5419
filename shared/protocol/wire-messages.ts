/**
 * Typed message maps of the protocol (docs/protocol.md, "Messages"): what a client may send,
 * with bodies as the shared zod schemas accept them, and what the server sends back. One
 * definition: the room sends through `ServerMessages`, the client reads through it (issue 11).
 */
import type { z } from 'zod';
import type {
  ErrorMessage,
  InstructorMessageType,
  StudentMessageType,
  instructorMessages,
  studentMessages,
} from './messages';
import type { PlanSection, Portfolio } from './roles';

export type ClientMessages = {
  [K in StudentMessageType]: z.input<(typeof studentMessages)[K]>;
} & {
  [K in InstructorMessageType as `instructor:${K}`]: z.input<(typeof instructorMessages)[K]>;
};
export type ClientMessageType = keyof ClientMessages;

export interface WelcomeMessage {
  instructor: boolean;
  code: string;
  matchId?: string;
  playerId?: string;
  /** Only on a new seat: the token that reclaims it later. */
  seatToken?: string;
  townId?: string | null;
  portfolios?: Portfolio[];
}

export interface ServerMessages {
  welcome: WelcomeMessage;
  seat: { townId: string | null; portfolios: Portfolio[] };
  /** `why`: the team's reason line (issue 15), not a plan section. */
  draftSaved: { section: PlanSection | 'why'; version: number };
  submitted: { round: number; townId: string };
  announcement: { text: string };
  ack: { type: string };
  error: ErrorMessage;
  pong: Record<string, never>;
  ended: { matchId: string };
}
export type ServerMessageType = keyof ServerMessages;
