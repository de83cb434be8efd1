// An mtcute client (@mtcute/node's BaseTelegramClient, the low-level one) pointed at a server on
// this machine, speaking layer 3 through the maps of mtcute_schema.ts. Everything on the wire —
// transport framing, the auth key exchange, AES-IGE, msg_key, salts, sessions, containers,
// acks, pings — is mtcute's own code; the test only hands it raw TL objects.
import type { MemoryStorage as MemoryStorageType, TelegramTransport } from "@mtcute/core";
import { addPublicKey, LogManager, parsePublicKey } from "@mtcute/core/utils.js";
import { BaseTelegramClient, MemoryStorage, PaddedIntermediatePacketCodec, TcpTransport } from "@mtcute/node";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import { loadLayerTl } from "../../src/tl/index.ts";
import { mtcuteMaps } from "./mtcute_schema.ts";

/** A TL object as mtcute holds it: `_` plus camelCase fields, `long` as Long. */
export interface MtValue {
  _: string;
  [field: string]: unknown;
}

/** Padded intermediate (0xdddddddd): mtcute's own codec over its own TCP connection. */
class PaddedTcpTransport extends TcpTransport {
  override packetCodec(): PaddedIntermediatePacketCodec {
    return new PaddedIntermediatePacketCodec();
  }
}

/**
 * The transports mtcute 0.30 ships that the reference server speaks. It also ships obfuscated
 * framing (and MTProxy fake-TLS), which the reference server does not offer; it has no abridged
 * or full codec.
 */
export const MTCUTE_TRANSPORTS: Record<string, () => TelegramTransport> = {
  intermediate: () => new TcpTransport(),
  "padded intermediate": () => new PaddedTcpTransport(),
};

const maps = mtcuteMaps(loadLayerTl(3));

// mtcute's key index is global: a key is trusted by fingerprint for every client in the process.
let keyCrypto: NodeCryptoProvider | undefined;

/**
 * Trusts the server's RSA public key (PEM, PKCS#1). `olderScheme` marks it an "old" key, for
 * which mtcute encrypts p_q_inner_data with the SHA1 scheme instead of RSA_PAD.
 */
export async function trustServerKey(publicPem: string, olderScheme = false): Promise<void> {
  addPublicKey(await cryptoProvider(), publicPem, olderScheme);
}

async function cryptoProvider(): Promise<NodeCryptoProvider> {
  if (keyCrypto === undefined) {
    keyCrypto = new NodeCryptoProvider();
    await keyCrypto.initialize();
  }
  return keyCrypto;
}

/**
 * Whether mtcute 0.30 can find this key by the fingerprint a server announces. Its index holds a
 * fingerprint as 16 hex digits, but it looks up the announced one as Long.toString(16), which
 * drops leading zeros: a key whose fingerprint is below 2^60 (1 key in 16) is never found, and
 * mtcute reports "Could not find server public key". A fault of mtcute's, not of the server's.
 */
export async function mtcuteFindsKey(publicPem: string): Promise<boolean> {
  return !parsePublicKey(await cryptoProvider(), publicPem).fingerprint.startsWith("0");
}

export interface MtcuteClient {
  client: BaseTelegramClient;
  storage: MemoryStorageType;
  /**
   * The first call: mtcute wraps it in invokeWithLayer(3, initConnection#3fc12e08(…)) by itself
   * (`overrideLayer`), so it must not carry a wrapper of its own.
   */
  first(query: MtValue): Promise<MtValue>;
  /** Any later call, wrapped in invokeWithLayer3. */
  layer3(query: MtValue): Promise<MtValue>;
  /**
   * What mtcute's own log said: the service messages it received, the calls it gzipped, and its
   * errors (the first 100).
   */
  seen: { received: Set<string>; gzipped: Set<string>; errors: string[]; recent: string[] };
  close(): Promise<void>;
}

/**
 * Longer than mtcute's own 5 s wait for a key-exchange answer, so that a server that drops one
 * shows as the error mtcute logs and the retry it makes, not as this abort racing that timer.
 */
const CALL_TIMEOUT_MS = 8_000;

/** How many of mtcute's last log lines a failed call quotes. */
const RECENT_LINES = 25;

/**
 * mtcute 0.30 keeps the auth key g_ab in as few bytes as the number needs (bigint.toBytes with no
 * length), so in 1 exchange of 256 its key is 255 bytes where the docs' auth_key is 256, and the
 * server's new_nonce_hash1 (computed from the 256-byte key) does not match its own: it logs this
 * error and makes another key on a new connection. gramjs 2.26.22 has the same fault
 * (Helpers.getByteArray). The only error an mtcute client here may log.
 */
export const MTCUTE_KNOWN_FAULT = "Step 4: invalid nonce hash from server";

/** mtcute's errors, less the known fault of its own: what the server caused. */
export const serverFaults = (mt: MtcuteClient) =>
  mt.seen.errors.filter((line) => !line.includes(MTCUTE_KNOWN_FAULT));

/** The method a call names, under its invokeWithLayer wrapper. */
function callName(message: MtValue): string {
  const inner = message.query;
  return typeof inner === "object" && inner !== null && "_" in inner
    ? `${message._}(${String(inner._)})`
    : message._;
}

export function mtcuteClient(port: number, transport: () => TelegramTransport): MtcuteClient {
  const dc = { id: 2, ipAddress: "127.0.0.1", port };
  const storage = new MemoryStorage();
  const client = new BaseTelegramClient({
    apiId: 1,
    apiHash: "tl-conformance",
    storage,
    defaultDcs: { main: dc, media: dc },
    transport: transport(),
    overrideLayer: 3,
    readerMap: maps.readerMap,
    writerMap: maps.writerMap,
    // No flood waiter, no retries: a fault of the server shows as the error it is.
    network: { middlewares: [] },
    // No updates manager: it expects a modern layer's updates.getState and getDifference. Not
    // `disableUpdates`, which wraps every call in invokeWithoutUpdates, a later layer's method.
    updates: false,
    // Up to three immediate reconnections, then none: mtcute makes a new auth key after a
    // failed exchange only by reconnecting (see MTCUTE_KNOWN_FAULT), and a server fault must
    // end the test, not loop.
    reconnectionStrategy: (state) => (state.consequentFails < 3 ? 0 : false),
  });
  // mtcute's debug log, read by its format strings (the version is pinned). mtcute has already
  // put the logger's prefix and its %l, %h and %j arguments into the format; %s and %d ones are
  // still in `args`.
  const seen = {
    received: new Set<string>(),
    gzipped: new Set<string>(),
    errors: [] as string[],
    recent: [] as string[],
  };
  const started = performance.now();
  client.log.mgr.level = LogManager.DEBUG;
  client.log.mgr.handler = (_color, level, _tag, format, args) => {
    seen.recent.push(
      `+${(performance.now() - started).toFixed(0)} ms ${format} ${args.join(" ")}`.slice(0, 300),
    );
    if (seen.recent.length > RECENT_LINES) seen.recent.shift();
    if (level === LogManager.ERROR && seen.errors.length < 100)
      seen.errors.push(`${format} ${args.join(" ")}`);
    else if (format.includes("received %s (msg_id: ")) seen.received.add(String(args[0]));
    else if (format.endsWith("gzipped %s (%db -> %db)")) seen.gzipped.add(String(args[0]));
  };
  let declared = false;
  const call = async (message: MtValue): Promise<MtValue> => {
    // mtcute's call() is typed by its modern schema; these are layer-3 objects its maps serialize.
    // An abort signal, not mtcute's `timeout` option: mtcute 0.30 leaves that timer running after
    // the answer, which holds the process open; AbortSignal.timeout's timer does not.
    const sent = performance.now();
    try {
      const result = await client.call(message as never, {
        abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      return result as unknown as MtValue;
    } catch (error) {
      // An abort is a DOMException, which node:test prints as {}: say what was called, for how
      // long, and what mtcute was doing.
      const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const waited = (performance.now() - sent).toFixed(0);
      throw new Error(
        `mtcute's ${callName(message)} failed after ${waited} ms with ${name}; mtcute's last log lines:\n${seen.recent.join("\n")}`,
        { cause: error },
      );
    }
  };
  return {
    client,
    storage,
    seen,
    first(query) {
      if (declared) throw new Error("first() is for the first call only");
      declared = true;
      return call(query);
    },
    layer3(query) {
      if (!declared) throw new Error("the first call declares the layer through mtcute: use first()");
      return call({ _: "invokeWithLayer3", query });
    },
    close: () => client.destroy(),
  };
}
