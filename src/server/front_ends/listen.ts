// What every front end does alike: check where it is asked to listen, listen there, and say the
// address it got (an IPv6 host in brackets, as URLs write it).
import type { AddressInfo, Server } from "node:net";
import { checkOption } from "../check_option.ts";

export function checkListenOptions(host: unknown, port: unknown): void {
  checkOption(
    host === undefined || (typeof host === "string" && host !== ""),
    "host must be a non-empty string",
  );
  checkOption(
    port === undefined || (Number.isInteger(port) && (port as number) >= 0 && (port as number) <= 65535),
    "port must be an integer from 0 to 65535",
  );
}

/** Listens (rejecting on a listen error) and returns the port given and the host as a URL writes it. */
export async function listenOn(
  server: Server,
  port: number,
  host: string,
): Promise<{ host: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return { host: host.includes(":") ? `[${host}]` : host, port: address.port };
}
