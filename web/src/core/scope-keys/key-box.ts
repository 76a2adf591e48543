/**
 * A 32-byte key encrypted under another 32-byte key: epoch links and data keys under a scope key.
 *
 * box = 0x01 ‖ AES-256-GCM(key) (32 + 16-byte tag) = 49 bytes
 *   aesKey = HKDF-SHA-256(wrapping key, salt = empty, info = label(purpose) ‖ binding), nonce = 12 zero bytes, AAD = binding
 * The binding names exactly one message (one epoch's link, one record's data key), so each derived
 * aesKey encrypts exactly one message and a fixed nonce is safe.
 */
import { concatBytes } from "../bytes.js";
import { aesGcmDecrypt, aesGcmEncrypt, hkdf, importAesGcmKey } from "../crypto/webcrypto.js";
import { label } from "../ledger-context.js";

export const KEY_BOX_VERSION = 0x01;
export const KEY_BOX_LENGTH = 1 + 32 + 16;

const ZERO_NONCE = new Uint8Array(12);
const EMPTY_SALT = new Uint8Array(0);

async function boxKeyFor(wrappingKey: Uint8Array, purpose: string, binding: Uint8Array): Promise<CryptoKey> {
  if (wrappingKey.length !== 32) throw new RangeError(`a wrapping key is 32 bytes, got ${wrappingKey.length}`);
  const raw = await hkdf(wrappingKey, EMPTY_SALT, concatBytes(label(purpose), binding), 32);
  try {
    return await importAesGcmKey(raw);
  } finally {
    raw.fill(0);
  }
}

export async function boxKey(wrappingKey: Uint8Array, key: Uint8Array, purpose: string, binding: Uint8Array): Promise<Uint8Array> {
  if (key.length !== 32) throw new RangeError(`a boxed key is 32 bytes, got ${key.length}`);
  const aesKey = await boxKeyFor(wrappingKey, purpose, binding);
  return concatBytes(Uint8Array.of(KEY_BOX_VERSION), await aesGcmEncrypt(aesKey, ZERO_NONCE, key, binding));
}

/** The boxed key, or null when `box` was not made with this key, purpose and binding, or was altered. */
export async function openKeyBox(wrappingKey: Uint8Array, box: Uint8Array, purpose: string, binding: Uint8Array): Promise<Uint8Array | null> {
  if (box.length !== KEY_BOX_LENGTH || box[0] !== KEY_BOX_VERSION) return null;
  const aesKey = await boxKeyFor(wrappingKey, purpose, binding);
  return aesGcmDecrypt(aesKey, ZERO_NONCE, box.subarray(1), binding);
}
