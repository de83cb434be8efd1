// The one place that picks a wire: the run's settings to the Binding the session and the steps
// use (TL-JSON over HTTP, or MTProto over TCP).
import type { ClientOptions, Transcript } from "../client/index.ts";
import type { Binding } from "./binding.ts";
import { HttpJsonBinding } from "./http_json/http_json_binding.ts";
import { MtprotoBinding } from "./mtproto/mtproto_binding.ts";
import type { TransportName } from "./mtproto/transport.ts";

export interface BindingSettings {
  wire?: "http-json" | "mtproto";
  mtproto?: { rsaPublicKeyPem: string; transport: TransportName };
}

export function createBinding(
  settings: BindingSettings,
  client: ClientOptions,
  transcript: Transcript,
): Binding {
  if (settings.wire !== "mtproto") return new HttpJsonBinding(client, transcript);
  if (!settings.mtproto) throw new TypeError("the MTProto wire needs the target's RSA public key");
  return new MtprotoBinding(
    {
      target: client.target,
      rsaPublicKeyPem: settings.mtproto.rsaPublicKeyPem,
      transport: settings.mtproto.transport,
      ...(client.timeoutMs !== undefined ? { timeoutMs: client.timeoutMs } : {}),
      ...(client.scope ? { scope: client.scope } : {}),
    },
    transcript,
  );
}
