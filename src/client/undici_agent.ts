// undici's Agent, loaded by itself. undici's index loads every part of undici (fetch, WebSocket,
// the caches, cookies, and through them Node's own bundled copy of undici): ~50 ms per process
// against ~16 ms for the Agent alone, paid by a run and again by each of its worker processes (a
// remote target gets 16). undici 7 has no "exports" map, so its Agent module loads by path; should
// a later version move it, the index is the fallback, and only the start-up is slower.
import { createRequire } from "node:module";
import type { Agent as UndiciAgent } from "undici";

const require = createRequire(import.meta.url);

function loadAgent(): typeof UndiciAgent {
  try {
    return require("undici/lib/dispatcher/agent.js") as typeof UndiciAgent;
  } catch {
    return (require("undici") as typeof import("undici")).Agent;
  }
}

export const Agent = loadAgent();
export type Agent = UndiciAgent;
