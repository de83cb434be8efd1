// A body's bytes → the JSON value, strictly: bytes that are not UTF-8 are refused, where a lenient
// decoder would store U+FFFD in their place.
import { badRequest } from "../../rpc_error.ts";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

export function decodeBody(raw: Buffer): unknown {
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    throw badRequest("INPUT_REQUEST_INVALID", "the body is not UTF-8");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("INPUT_REQUEST_INVALID", "the body is not JSON");
  }
}
