// Asserts that a codec call fails with one TlCodecError code, and where: the byte offset when
// decoding, the JSON pointer when encoding.
import assert from "node:assert/strict";
import { TlCodecError, type TlCodecErrorCode } from "../../src/tl/index.ts";

export function assertTlError(
  run: () => unknown,
  code: TlCodecErrorCode,
  where: { offset?: number; path?: string } = {},
): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof TlCodecError, String(error));
    assert.equal(error.code, code, error.message);
    if (where.offset !== undefined) assert.equal(error.offset, where.offset, error.message);
    if (where.path !== undefined) {
      assert.equal(error.path, where.path, error.message);
      assert.equal(error.offset, -1, "an encoding error has no byte offset");
    }
    return true;
  });
}
