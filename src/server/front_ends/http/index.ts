// The HTTP front end: the binding of docs/binding.md on top of the wire-neutral core.
export type { HttpOptions, ServerOptions } from "./http_options.ts";
export { type RunningServer, startServer } from "./start_server.ts";
