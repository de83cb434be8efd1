// Which connections have a request that reached the handler and is not over yet (its body still
// arriving or its answer not sent). An HTTP-level fault on such a connection is answered through
// that request's response, or not at all when its answer is already out; on any other connection
// (no request parsed yet) it is written raw.
import type { IncomingMessage, ServerResponse } from "node:http";

export class Exchanges {
  private readonly open = new WeakMap<object, ServerResponse>();

  begin(req: IncomingMessage, res: ServerResponse): void {
    const socket = req.socket;
    this.open.set(socket, res);
    const over = () => {
      if (req.complete && res.writableFinished && this.open.get(socket) === res) this.open.delete(socket);
    };
    req.once("end", over);
    res.once("finish", over);
  }

  /** The response of the connection's unfinished request, if it has one. */
  of(socket: object): ServerResponse | undefined {
    return this.open.get(socket);
  }
}
