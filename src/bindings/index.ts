// The wires the suite can speak, behind one interface.
export type { Binding, BindingSession, CallOptions, CallOutcome, RawJsonWire, Wire } from "./binding.ts";
export { HttpJsonBinding } from "./http_json/http_json_binding.ts";
