// An rpc_error answer. The HTTP status equals error_code (docs/binding.md), so throwing one of
// these anywhere in a handler is the whole error path.
import type { RefusalBody } from "./hooks.ts";

export class RpcError extends Error {
  override name = "RpcError";

  constructor(
    readonly errorCode: 400 | 401 | 403 | 404 | 413 | 420 | 500,
    readonly errorMessage: string,
    detail?: string,
  ) {
    super(detail ? `${errorMessage}: ${detail}` : errorMessage);
  }

  toTl(): RefusalBody {
    return { _: "rpc_error", error_code: this.errorCode, error_message: this.errorMessage };
  }
}

export const badRequest = (message: string, detail?: string) => new RpcError(400, message, detail);
