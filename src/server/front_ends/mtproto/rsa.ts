// The server's RSA key: its fingerprint as resPQ announces it, and the two ways a client may have
// encrypted p_q_inner_data with it (core.telegram.org/mtproto/auth_key): RSA_PAD (MTProto 2.0) and
// the older SHA1 scheme. Raw RSA is node:crypto's, with no padding; the schemes are unwrapped here.
import { constants, createPrivateKey, createPublicKey, type KeyObject, privateDecrypt } from "node:crypto";
import { TlWriter } from "../../../tl/index.ts";
import { aesIgeDecrypt, sha1, sha256 } from "./crypto.ts";

export interface ServerRsaKey {
  privateKey: KeyObject;
  /** The public key as PEM (SPKI), what a client is given. */
  publicPem: string;
  /** The fingerprint as a TL long (decimal string). */
  fingerprint: string;
  /** Modulus size in bytes (256 for RSA-2048). */
  size: number;
}

function tlBytes(writer: TlWriter, bytes: Buffer): void {
  writer.bytes(bytes);
}

/** The fingerprint: the lower 64 bits of SHA1 of rsa_public_key n:bytes e:bytes (bare, big-endian numbers). */
export function fingerprintOf(modulus: Buffer, exponent: Buffer): string {
  const writer = new TlWriter();
  tlBytes(writer, modulus);
  tlBytes(writer, exponent);
  const digest = sha1(writer.finish());
  return digest.readBigInt64LE(12).toString();
}

export function loadRsaKey(privatePem: string): ServerRsaKey {
  const privateKey = createPrivateKey(privatePem);
  if (privateKey.asymmetricKeyType !== "rsa") throw new TypeError("the RSA key must be an RSA private key");
  const jwk = privateKey.export({ format: "jwk" });
  const modulus = Buffer.from(jwk.n ?? "", "base64url");
  const exponent = Buffer.from(jwk.e ?? "", "base64url");
  if (modulus.length !== 256) throw new TypeError("the RSA key must be RSA-2048");
  const publicPem = createPublicKey(privateKey).export({ format: "pem", type: "pkcs1" }).toString();
  return { privateKey, publicPem, fingerprint: fingerprintOf(modulus, exponent), size: modulus.length };
}

function rawDecrypt(key: ServerRsaKey, data: Uint8Array): Buffer | undefined {
  if (data.length === 0 || data.length > key.size) return undefined;
  const block = Buffer.alloc(key.size);
  block.set(data, key.size - data.length);
  try {
    return privateDecrypt({ key: key.privateKey, padding: constants.RSA_NO_PADDING }, block);
  } catch {
    return undefined; // a value not below the modulus
  }
}

/**
 * RSA_PAD: key_aes_encrypted = temp_key_xor (32) ‖ AES-IGE(reverse(data_with_padding) ‖ SHA256(temp_key ‖
 * data_with_padding), temp_key, iv 0). Returns the 192 bytes of data_with_padding, or undefined.
 */
function unwrapRsaPad(decrypted: Buffer): Buffer | undefined {
  const tempKeyXor = decrypted.subarray(0, 32);
  const aesEncrypted = decrypted.subarray(32, 256);
  const hash = sha256(aesEncrypted);
  const tempKey = Buffer.allocUnsafe(32);
  for (let i = 0; i < 32; i += 1) tempKey[i] = (tempKeyXor[i] ?? 0) ^ (hash[i] ?? 0);
  const dataWithHash = aesIgeDecrypt(aesEncrypted, tempKey, Buffer.alloc(32));
  const dataWithPadding = Buffer.from(dataWithHash.subarray(0, 192)).reverse();
  const expected = sha256(tempKey, dataWithPadding);
  return expected.equals(dataWithHash.subarray(192, 224)) ? dataWithPadding : undefined;
}

export type RsaScheme = "rsa_pad" | "sha1";

/**
 * The plaintext of req_DH_params' encrypted_data: the inner data followed by padding, and a check
 * for the old scheme's hash once the inner data's length is known. Undefined when neither scheme fits.
 */
export function decryptInnerData(
  key: ServerRsaKey,
  encrypted: Uint8Array,
): { scheme: RsaScheme; data: Buffer; verify(length: number): boolean } | undefined {
  const decrypted = rawDecrypt(key, encrypted);
  if (!decrypted) return undefined;
  const padded = unwrapRsaPad(decrypted);
  if (padded) return { scheme: "rsa_pad", data: padded, verify: () => true };
  // SHA1 scheme: 0 ‖ SHA1(data) ‖ data ‖ padding, 255 bytes below a 256-byte modulus.
  if (decrypted[0] !== 0) return undefined;
  const hash = decrypted.subarray(1, 21);
  const data = decrypted.subarray(21);
  return {
    scheme: "sha1",
    data,
    verify: (length) => length <= data.length && sha1(data.subarray(0, length)).equals(hash),
  };
}
