// Closing a connection without losing the answer just written on it. Closing a socket that still
// has unread input makes the kernel send a reset, which can reach the client before the answer
// and make it lose the answer. So the write side is closed first, input keeps being read and
// dropped for a while, and only then is the socket destroyed.
import type { Duplex } from "node:stream";

const LINGER_MS = 1_000;
const lingering = new WeakSet<Duplex>();

export function closeGently(socket: Duplex): void {
  if (lingering.has(socket)) return;
  lingering.add(socket);
  socket.end();
  socket.resume();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
