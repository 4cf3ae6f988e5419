/** The protocol's message maps live in shared/protocol/wire-messages.ts, shared with the server. */
export type {
  ClientMessages,
  ClientMessageType,
  ServerMessages,
  ServerMessageType,
  WelcomeMessage,
} from '../../shared/protocol/wire-messages';
