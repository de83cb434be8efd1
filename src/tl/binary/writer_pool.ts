// Encoding reuses one writer, so a typical encode allocates only its result.
import type { TlCodecOptions } from "./value_codec.ts";
import { TlWriter } from "./writer.ts";

// One writer serves every encode in turn; a nested encode (from a getter on the value) makes its own.
let spare: TlWriter | undefined = new TlWriter();
const KEEP_AT_MOST = 1 << 20;

/** Runs `write` on a free writer and returns a copy of what it wrote. */
export function withWriter(options: TlCodecOptions | undefined, write: (w: TlWriter) => void): Uint8Array {
  const w = spare ?? new TlWriter();
  spare = undefined;
  w.reset(options);
  try {
    write(w);
    return w.finish();
  } finally {
    if (w.capacity <= KEEP_AT_MOST) spare = w;
  }
}
