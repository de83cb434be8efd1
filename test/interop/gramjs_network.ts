// gramjs's whole network stack (the `telegram` package 2.26.22) over our schema: its connection
// classes frame the bytes (ConnectionTCPFull with its seqno and CRC32, ConnectionTCPAbridged),
// its MTProtoSender makes the auth key, encrypts, packs containers, acks, follows
// new_session_created and bad_server_salt and matches rpc_result to requests, and its TL classes,
// rebuilt from schema/layer3.tl and schema/mtproto.tl (test/tl/gramjs_rebuild.ts), serialize the
// calls and read the answers. Nothing of ours is on that path.
//
// test/server/mtproto/gramjs_client.ts drives gramjs's key exchange and message crypto over TCP
// framing of its own, with our codec for the bodies; this module adds what that one leaves out.
// Load it once per process, before anything else of gramjs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { mtprotoTlPath } from "../../src/tl/index.ts";
import { layerTlPath } from "../../src/tl/layers.ts";
import { type GramObject, rebuildGramjs, replaceModule } from "../tl/gramjs_rebuild.ts";

const require = createRequire(import.meta.url);

// Service lines gramjs parses by hand (tl/core: RPCResult, GZIPPacked, MessageContainer, its
// TLMessage): a generated class for one of them would shadow gramjs's own reader.
const PARSED_BY_GRAMJS = new Set(["rpc_result", "gzip_packed", "msg_container", "message", "msg_copy"]);

const serviceText = readFileSync(mtprotoTlPath(), "utf8")
  .split("\n")
  .filter((line) => !PARSED_BY_GRAMJS.has(line.split(/[#\s]/, 1)[0] ?? ""))
  .join("\n");
export const gramjs = rebuildGramjs(readFileSync(layerTlPath(3), "utf8"), serviceText);
// gramjs's message state reads `helpers` from the package's entry module, whose other exports
// (the high-level TelegramClient) build modern-layer objects at load; only `helpers` is kept.
replaceModule("telegram/index.js", { helpers: require("telegram/Helpers.js") });

// gramjs is CommonJS; each piece is given the shape used here.
interface GramLogger {
  setLevel(level: string): void;
}
type ConnectionClass = new (params: {
  ip: string;
  port: number;
  dcId: number;
  loggers: GramLogger;
  socket: unknown;
  testServers: boolean;
}) => unknown;
interface GramSender {
  connect(connection: unknown, force: boolean): Promise<boolean>;
  send(request: GramObject): Promise<unknown>;
  disconnect(): Promise<void>;
}
type SenderClass = new (authKey: undefined, options: Record<string, unknown>) => GramSender;

const { MTProtoSender } = require("telegram/network/MTProtoSender.js") as { MTProtoSender: SenderClass };
const { ConnectionTCPFull } = require("telegram/network/connection/TCPFull.js") as {
  ConnectionTCPFull: ConnectionClass;
};
const { ConnectionTCPAbridged } = require("telegram/network/connection/TCPAbridged.js") as {
  ConnectionTCPAbridged: ConnectionClass;
};
const { PromisedNetSockets } = require("telegram/extensions/PromisedNetSockets.js") as {
  PromisedNetSockets: unknown;
};
const { Logger } = require("telegram/extensions/Logger.js") as {
  Logger: new (level: string) => GramLogger;
};
const { RPCError } = require("telegram/errors/RPCBaseErrors.js") as {
  RPCError: new (...args: never[]) => Error & { code: number; errorMessage: string };
};

export { RPCError };

/** The transports gramjs ships that the reference server speaks (obfuscated is not required). */
export const GRAMJS_CONNECTIONS: Record<string, ConnectionClass> = {
  ConnectionTCPFull,
  ConnectionTCPAbridged,
};

const logger = new Logger("none");

/** A gramjs TL object of our schema: `gramObject("auth.sendCode", { phoneNumber, … })`. */
export function gramObject(name: string, fields: Record<string, unknown> = {}): GramObject {
  const Class = gramjs.classOf(name);
  if (Class === undefined) throw new Error(`gramjs built no class for ${name}`);
  return new Class(fields);
}

/** A request at layer 3: `query` inside invokeWithLayer3. */
export const layer3 = (query: GramObject) => gramObject("invokeWithLayer3", { query });

export interface GramjsConnection {
  call(request: GramObject): Promise<GramObject>;
  close(): Promise<void>;
}

/** Connects gramjs's MTProtoSender to 127.0.0.1:`port` and creates an auth key there. */
export async function gramjsConnect(port: number, Connection: ConnectionClass): Promise<GramjsConnection> {
  const sender = new MTProtoSender(undefined, {
    logger,
    // Three tries at the auth key: gramjs, like mtcute, keeps g_ab in as few bytes as it needs, so
    // 1 exchange in 256 ends in a 255-byte key whose new_nonce_hash1 it cannot match.
    retries: 3,
    delay: 10,
    autoReconnect: false,
    connectTimeout: 5,
    isMainSender: true,
    dcId: 2,
    // The few fields of a TelegramClient the sender reads.
    client: { _errorHandler: undefined, networkSocket: PromisedNetSockets },
    securityChecks: true,
    _exportedSenderPromises: new Map(),
  });
  const connection = new Connection({
    ip: "127.0.0.1",
    port,
    dcId: 2,
    loggers: logger,
    socket: PromisedNetSockets,
    testServers: false,
  });
  if (!(await sender.connect(connection, false))) {
    await sender.disconnect();
    throw new Error("gramjs could not connect and create an auth key");
  }
  return {
    call: async (request) => (await sender.send(request)) as GramObject,
    close: () => sender.disconnect(),
  };
}
