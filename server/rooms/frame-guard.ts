/**
 * Frames that are not Colyseus msgpack messages close the connection (docs/protocol.md,
 * "Limits"). Colyseus itself closes on a ROOM_DATA frame whose body is not msgpack, but ignores
 * text frames, empty frames and binary frames whose first byte is no protocol code.
 */
import { Protocol, type Client } from '@colyseus/core';

const CLIENT_CODES: ReadonlySet<number> = new Set([
  Protocol.JOIN_ROOM,
  Protocol.LEAVE_ROOM,
  Protocol.ROOM_DATA,
  Protocol.ROOM_DATA_BYTES,
]);

/** Whether a WebSocket frame can be a client's Colyseus message. */
export function isProtocolFrame(data: unknown, isBinary: boolean): boolean {
  if (!isBinary || !(data instanceof Uint8Array) || data.length === 0) return false;
  return CLIENT_CODES.has(data[0]!);
}

/** Close the client's connection on its first frame that is not a protocol message. */
export function guardFrames(client: Client): void {
  client.ref.on('message', (data: unknown, isBinary: boolean) => {
    if (!isProtocolFrame(data, isBinary)) client.leave(Protocol.WS_CLOSE_WITH_ERROR);
  });
}
