// Which connections have a request that reached the handler and is not over yet (its body still
// arriving or its answer not sent). An HTTP-level fault on such a connection is answered through
// that request's response, or not at all when its answer is already out; on any other connection
// (no request parsed yet) it is written raw. Only the latest response of each connection is kept
// (a connection serves its requests one after the other), and nothing is listened to per request.
import type { ServerResponse } from "node:http";

export class Exchanges {
  private readonly latest = new WeakMap<object, ServerResponse>();

  begin(res: ServerResponse): void {
    this.latest.set(res.req.socket, res);
  }

  /** The response of the connection's unfinished request, if it has one. */
  of(socket: object): ServerResponse | undefined {
    const res = this.latest.get(socket);
    return res && !(res.req.complete && res.writableFinished) ? res : undefined;
  }
}
