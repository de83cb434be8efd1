// The front ends: each turns its wire into calls of the core (dispatch.ts) and back.
export * from "./http/index.ts";
export * from "./mtproto/index.ts";
