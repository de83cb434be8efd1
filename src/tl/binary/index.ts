// The binary TL codec: TL-JSON ⇄ bytes for the API layers and the MTProto service schema.
export { createTlCodec } from "./create_codec.ts";
export type { TlCodecErrorCode, TlDecodeErrorCode, TlEncodeErrorCode } from "./errors.ts";
export { TlCodecError } from "./errors.ts";
export { layerCodec, loadMtprotoTl, mtprotoTlPath } from "./layer_codec.ts";
export { DEFAULT_MAX_DEPTH, TlReader } from "./reader.ts";
export type { TlCodec } from "./tl_codec.ts";
export type { TlCodecOptions, TlObject } from "./value_codec.ts";
export { TlWriter } from "./writer.ts";
