// One TCP connection to an MTProto target: it frames what is sent, and delivers each whole
// payload the server sends to its reader, or one fault (a TargetError) that ends it: a frame the
// transport cannot read, a transport error code (a bare negative int32), a reset, an end.
import { connect, type Socket } from "node:net";
import { TargetError } from "../../client/errors.ts";
import { createTransport, FrameError, type Transport, type TransportName, unpadded } from "./transport.ts";

/** At most this many bytes of a frame go into a message, as hex. */
export const HEX_CAP = 96;

export function hexOf(bytes: Uint8Array, cap = HEX_CAP): string {
  const hex = Buffer.from(bytes.subarray(0, cap)).toString("hex");
  return bytes.length > cap ? `${hex}… (${bytes.length} bytes)` : `${hex} (${bytes.length} bytes)`;
}

export interface ConnectionEvents {
  payload(payload: Buffer): void;
  /** Called once, when the connection can deliver nothing more. */
  fault(error: TargetError): void;
}

export class MtprotoConnection {
  private readonly transport: Transport;
  private ended: TargetError | undefined;
  private opened = false;
  bytesSent = 0;
  bytesReceived = 0;

  private constructor(
    private readonly socket: Socket,
    transport: TransportName,
    private readonly events: ConnectionEvents,
  ) {
    this.transport = createTransport(transport);
    socket.on("data", (chunk: Buffer) => this.received(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) =>
      this.fail(new TargetError("TARGET_RESET", `the connection failed: ${error.code ?? error.message}`)),
    );
    socket.on("close", () => {
      const partial = this.transport.buffered();
      this.fail(
        partial > 0
          ? new TargetError(
              "TARGET_MTPROTO_TRANSPORT_ERROR",
              `the target closed the connection inside a frame, ${partial} bytes into it`,
            )
          : new TargetError("TARGET_RESET", "the target closed the connection"),
      );
    });
  }

  /** Connects within `timeoutMs`; TARGET_UNREACHABLE or TARGET_TIMEOUT otherwise. */
  static open(
    host: string,
    port: number,
    transport: TransportName,
    timeoutMs: number,
    events: ConnectionEvents,
  ): Promise<MtprotoConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port, noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TargetError("TARGET_TIMEOUT", `no TCP connection to ${host}:${port} in ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new TargetError("TARGET_UNREACHABLE", `${host}:${port}: ${error.code ?? error.message}`));
      });
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        resolve(new MtprotoConnection(socket, transport, events));
      });
    });
  }

  get fault(): TargetError | undefined {
    return this.ended;
  }

  send(payload: Uint8Array): void {
    if (this.ended) throw this.ended;
    const framed = this.transport.frame(payload);
    const bytes = this.opened ? framed : Buffer.concat([this.transport.opening, framed]);
    this.opened = true;
    this.bytesSent += bytes.length;
    this.socket.write(bytes);
  }

  close(): void {
    this.fail(new TargetError("TARGET_RESET", "the connection was closed by the harness"), false);
    this.socket.destroy();
  }

  private received(chunk: Buffer): void {
    if (this.ended) return;
    this.bytesReceived += chunk.length;
    let frames: Buffer[];
    try {
      frames = this.transport.push(chunk);
    } catch (error) {
      const detail =
        error instanceof FrameError ? error.message : `unreadable frame (${(error as Error).message})`;
      this.fail(new TargetError("TARGET_MTPROTO_TRANSPORT_ERROR", `${detail}: ${hexOf(chunk)}`));
      return;
    }
    for (const raw of frames) {
      if (this.ended) return;
      const payload = this.transport.name === "padded" ? unpadded(raw) : raw;
      if (payload.length === 4 && payload.readInt32LE(0) < 0) {
        const code = payload.readInt32LE(0);
        this.fail(
          new TargetError("TARGET_MTPROTO_TRANSPORT_ERROR", `transport error ${code} from the server`),
        );
        return;
      }
      if (payload.length < 8) {
        this.fail(
          new TargetError(
            "TARGET_MTPROTO_TRANSPORT_ERROR",
            `a payload of ${payload.length} bytes: ${hexOf(payload)}`,
          ),
        );
        return;
      }
      this.events.payload(payload);
    }
  }

  private fail(error: TargetError, tell = true): void {
    if (this.ended) return;
    this.ended = error;
    this.socket.destroy();
    if (tell) this.events.fault(error);
  }
}
