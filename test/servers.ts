// Ways to start a reference server that differs from the default one, for the mutant servers
// (test/mutants: servers that break a rule) and the variant servers (test/variants: servers that
// choose differently where the binding lets them): by hooks, by options, or behind a proxy.
import {
  type ServerHooks,
  type ServerOptions,
  type ServerState,
  startMtprotoServer,
  startServer,
  type TlObject,
} from "../src/server/index.ts";
import { type ProxyRule, startProxy } from "./mutants/proxy.ts";
import { everyObject } from "./mutants/rewrite.ts";

/**
 * A started target. `state` is there when the target is the reference server's core itself (by
 * hooks or options), so its MTProto front end can serve the same state; a target behind a JSON
 * proxy has none: its deviation lives on the TL-JSON wire.
 */
export interface StartedTarget {
  url: string;
  close(): Promise<void>;
  state?: ServerState;
}

export type StartTarget = () => Promise<StartedTarget>;

/** An MTProto front end on a started target's core (tcp:// URL and the public key to trust). */
export interface MtprotoTarget {
  url: string;
  rsaPublicKeyPem: string;
  close(): Promise<void>;
}

/** The MTProto front end on the target's own state, or undefined for a target behind a JSON proxy. */
export async function overMtproto(started: StartedTarget): Promise<MtprotoTarget | undefined> {
  if (!started.state) return undefined;
  const front = await startMtprotoServer(started.state);
  return {
    url: front.url,
    rsaPublicKeyPem: front.rsaPublicKeyPem,
    close: async () => {
      await front.close();
      await started.close();
    },
  };
}

/** A reference server with some hooks replaced (fresh hook state per start). */
export function hooked(hooks: () => Partial<ServerHooks>, options: ServerOptions = {}): StartTarget {
  return () => startServer({ ...options, hooks: hooks() });
}

/** A reference server behind a proxy that decides what the client gets for each request. */
export function proxied(rule: ProxyRule): StartTarget {
  return proxiedFresh(() => rule);
}

/** The same, with a rule made afresh for every start: a rule that keeps state keeps it per server. */
export function proxiedFresh(makeRule: () => ProxyRule): StartTarget {
  return async () => {
    const upstream = await startServer();
    const proxy = await startProxy(upstream.url, makeRule());
    return {
      url: proxy.url,
      close: async () => {
        await proxy.close();
        await upstream.close();
      },
    };
  };
}

/** A reference server whose every answer has `edit` applied to its TL objects (on a copy). */
export function rewriting(edit: (o: TlObject) => void): StartTarget {
  return hooked(() => ({ response: (body) => everyObject(body, edit) }));
}
