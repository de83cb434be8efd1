// The two message envelopes (core.telegram.org/mtproto/description): plaintext (auth_key_id 0,
// for the key exchange) and encrypted (MTProto 2.0). Reading one checks everything before a byte
// of it is trusted: auth_key_id, msg_key, session_id, lengths and padding; msg_id rules are the
// caller's (msg_id.ts), since a container holds more of them.
import { randomBytes } from "node:crypto";
import { TargetError } from "../../client/errors.ts";
import { hexOf } from "./connection.ts";
import { aesIgeDecrypt, aesIgeEncrypt, messageKeys, msgKeyOf } from "./crypto.ts";

export interface PlainMessage {
  msgId: bigint;
  body: Buffer;
}

export function plainMessage(msgId: bigint, body: Uint8Array): Buffer {
  const out = Buffer.alloc(20 + body.length);
  out.writeBigUInt64LE(msgId, 8);
  out.writeUInt32LE(body.length, 16);
  out.set(body, 20);
  return out;
}

export function readPlainMessage(payload: Buffer): PlainMessage {
  if (payload.length < 20)
    throw new TargetError(
      "TARGET_MTPROTO_BAD_LENGTH",
      `a plaintext message of ${payload.length} bytes: ${hexOf(payload)}`,
    );
  if (payload.readBigUInt64LE(0) !== 0n)
    throw new TargetError(
      "TARGET_MTPROTO_BAD_AUTH_KEY_ID",
      `an encrypted message (auth_key_id ${payload.subarray(0, 8).toString("hex")}) where the key exchange needs plaintext: ${hexOf(payload)}`,
    );
  const length = payload.readUInt32LE(16);
  if (length !== payload.length - 20)
    throw new TargetError(
      "TARGET_MTPROTO_BAD_LENGTH",
      `a plaintext message_length of ${length} for a ${payload.length - 20}-byte body: ${hexOf(payload)}`,
    );
  return { msgId: payload.readBigUInt64LE(8), body: payload.subarray(20) };
}

export interface SessionKeys {
  authKey: Buffer;
  authKeyId: Buffer;
  sessionId: Buffer;
}

export interface EncryptedMessage {
  salt: Buffer;
  msgId: bigint;
  seqNo: number;
  body: Buffer;
}

/** An encrypted message from the client: padding 12..1024 bytes to a multiple of 16. */
export function encryptMessage(
  keys: SessionKeys,
  salt: Buffer,
  msgId: bigint,
  seqNo: number,
  body: Uint8Array,
): Buffer {
  const unpadded = 32 + body.length;
  const padding = 12 + ((16 - ((unpadded + 12) % 16)) % 16) + 16 * Math.floor(Math.random() * 4);
  const plain = Buffer.alloc(unpadded + padding);
  salt.copy(plain, 0);
  keys.sessionId.copy(plain, 8);
  plain.writeBigUInt64LE(msgId, 16);
  plain.writeInt32LE(seqNo, 24);
  plain.writeUInt32LE(body.length, 28);
  plain.set(body, 32);
  randomBytes(padding).copy(plain, unpadded);
  const msgKey = msgKeyOf(keys.authKey, plain, "client");
  const { key, iv } = messageKeys(keys.authKey, msgKey, "client");
  return Buffer.concat([keys.authKeyId, msgKey, aesIgeEncrypt(plain, key, iv)]);
}

/** Reads a server message; a TargetError names the first check it fails and shows the frame. */
export function decryptMessage(keys: SessionKeys, payload: Buffer): EncryptedMessage {
  const frame = () => hexOf(payload);
  if (payload.readBigUInt64LE(0) === 0n)
    throw new TargetError(
      "TARGET_MTPROTO_BAD_AUTH_KEY_ID",
      `a plaintext message where an encrypted one must be: ${frame()}`,
    );
  if (!payload.subarray(0, 8).equals(keys.authKeyId))
    throw new TargetError(
      "TARGET_MTPROTO_BAD_AUTH_KEY_ID",
      `auth_key_id ${payload.subarray(0, 8).toString("hex")}, ours is ${keys.authKeyId.toString("hex")}: ${frame()}`,
    );
  const encrypted = payload.subarray(24);
  if (payload.length < 24 + 48 || encrypted.length % 16 !== 0)
    throw new TargetError(
      "TARGET_MTPROTO_BAD_LENGTH",
      `an encrypted message of ${payload.length} bytes (24 + a multiple of 16, at least 48): ${frame()}`,
    );
  const msgKey = payload.subarray(8, 24);
  const { key, iv } = messageKeys(keys.authKey, msgKey, "server");
  const plain = aesIgeDecrypt(encrypted, key, iv);
  if (!msgKeyOf(keys.authKey, plain, "server").equals(msgKey))
    throw new TargetError(
      "TARGET_MTPROTO_BAD_MSG_KEY",
      `msg_key does not match the decrypted message: ${frame()}`,
    );
  if (!plain.subarray(8, 16).equals(keys.sessionId))
    throw new TargetError(
      "TARGET_MTPROTO_BAD_SESSION_ID",
      `session_id ${plain.subarray(8, 16).toString("hex")}, ours is ${keys.sessionId.toString("hex")}`,
    );
  const length = plain.readUInt32LE(28);
  const padding = plain.length - 32 - length;
  if (length % 4 !== 0 || padding < 12 || padding > 1024)
    throw new TargetError(
      "TARGET_MTPROTO_BAD_LENGTH",
      `message_data_length ${length} in ${plain.length} bytes leaves ${padding} of padding (12..1024, length a multiple of 4)`,
    );
  return {
    salt: plain.subarray(0, 8),
    msgId: plain.readBigUInt64LE(16),
    seqNo: plain.readInt32LE(24),
    body: plain.subarray(32, 32 + length),
  };
}
