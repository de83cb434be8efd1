// The wires the suite can speak, behind one interface.
export type { Binding, BindingSession, CallOptions, CallOutcome, RawJsonWire, Wire } from "./binding.ts";
export { type BindingSettings, createBinding } from "./create_binding.ts";
export { HttpJsonBinding } from "./http_json/http_json_binding.ts";
export { MtprotoBinding, type MtprotoBindingOptions } from "./mtproto/mtproto_binding.ts";
