// The MTProto front end's TCP server over node:net, on a ServerState it may share with the HTTP
// front end (the core knows neither wire).
import { createServer, type Server } from "node:net";
import type { ServerState } from "../../state.ts";
import { listenOn } from "../listen.ts";
import { Connection } from "./connection.ts";
import { warmUpDh } from "./dh.ts";
import { FrontEnd } from "./front_end.ts";
import { warmUpPq } from "./handshake.ts";
import { type MtprotoOptions, resolveMtprotoOptions } from "./mtproto_options.ts";
import { FrameCodec, transportError } from "./transport.ts";

export interface RunningMtprotoServer {
  /** `tcp://host:port`. */
  url: string;
  port: number;
  /** The server's public RSA key, PEM: what a client is given. */
  rsaPublicKeyPem: string;
  /** The fingerprint resPQ announces, as a TL long (decimal). */
  rsaFingerprint: string;
  /** Auth keys the server holds now. */
  authKeyCount(): number;
  connectionCount(): number;
  close(): Promise<void>;
}

export async function startMtprotoServer(
  state: ServerState,
  input?: MtprotoOptions,
): Promise<RunningMtprotoServer> {
  const options = resolveMtprotoOptions(input);
  const front = new FrontEnd(state, options);
  warmUpDh();
  warmUpPq();
  const server: Server = createServer((socket) => {
    socket.on("error", () => socket.destroy());
    if (front.connections.size >= options.maxConnections) {
      // The transport is not known yet: the error goes out in the intermediate framing's shape.
      const frame = new FrameCodec(4);
      frame.kind = "intermediate";
      socket.end(frame.encode(transportError(-429)));
      setTimeout(() => socket.destroy(), 500).unref();
      return;
    }
    front.connections.add(new Connection(front, socket));
  });
  const { host, port } = await listenOn(server, options.port, options.host);
  return {
    url: `tcp://${host}:${port}`,
    port,
    rsaPublicKeyPem: front.rsa.publicPem,
    rsaFingerprint: front.rsa.fingerprint,
    authKeyCount: () => front.keys.size,
    connectionCount: () => front.connections.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const connection of [...front.connections]) connection.destroy();
      }),
  };
}
