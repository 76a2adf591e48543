/**
 * Sealed key wraps: a 32-byte key encrypted to one recipient's X25519 public key, bound to a
 * purpose and to the bytes that say what the key is for (see docs/key-scheme.md).
 *
 * wrap = 0x01 ‖ ephemeral public key (32) ‖ AES-256-GCM(key) (32 + 16-byte tag) = 81 bytes
 *   shared = X25519(ephemeral secret, recipient public)
 *   aesKey = HKDF-SHA-256(shared, salt = ephemeral public ‖ recipient public, info = label(purpose) ‖ binding)
 *   nonce  = 12 zero bytes, AAD = binding
 * A fresh ephemeral key per wrap makes every aesKey unique, so each encrypts exactly one message
 * and a fixed nonce is safe.
 */
import nacl from "tweetnacl";

import { concatBytes, equalBytes } from "../bytes.js";
import type { Identity } from "../identity/identity.js";
import { label } from "../ledger-context.js";
import { aesGcmDecrypt, aesGcmEncrypt, hkdf, importAesGcmKey } from "./webcrypto.js";

export const SEAL_VERSION = 0x01;
export const SEALED_KEY_LENGTH = 1 + 32 + 32 + 16;

const KEY_LENGTH = 32;
const ZERO_NONCE = new Uint8Array(12);

export class InvalidRecipientKeyError extends Error {
  readonly code = "INVALID_RECIPIENT_KEY";

  constructor() {
    super("The recipient's encryption key is not a usable X25519 public key; it must re-register its key.");
    this.name = "InvalidRecipientKeyError";
  }
}

async function wrapKey(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array, purpose: string, binding: Uint8Array) {
  const raw = await hkdf(shared, concatBytes(ephemeralPublic, recipientPublic), concatBytes(label(purpose), binding), KEY_LENGTH);
  try {
    return await importAesGcmKey(raw);
  } finally {
    raw.fill(0);
  }
}

/** An all-zero shared secret means a low-order public key: nothing secret would protect the wrap. */
function isZero(bytes: Uint8Array): boolean {
  return equalBytes(bytes, new Uint8Array(bytes.length));
}

function requireKeyLength(name: string, bytes: Uint8Array): void {
  if (bytes.length !== KEY_LENGTH) throw new RangeError(`${name} must be ${KEY_LENGTH} bytes, got ${bytes.length}`);
}

/** Seals the 32-byte `key` to `recipientPublicKey` for `purpose`, bound to `binding`. */
export async function sealKey(recipientPublicKey: Uint8Array, key: Uint8Array, purpose: string, binding: Uint8Array): Promise<Uint8Array> {
  requireKeyLength("recipient public key", recipientPublicKey);
  requireKeyLength("sealed key", key);
  const ephemeral = nacl.box.keyPair();
  const shared = nacl.scalarMult(ephemeral.secretKey, recipientPublicKey);
  ephemeral.secretKey.fill(0);
  try {
    if (isZero(shared)) throw new InvalidRecipientKeyError();
    const aesKey = await wrapKey(shared, ephemeral.publicKey, recipientPublicKey, purpose, binding);
    const ciphertext = await aesGcmEncrypt(aesKey, ZERO_NONCE, key, binding);
    return concatBytes(Uint8Array.of(SEAL_VERSION), ephemeral.publicKey, ciphertext);
  } finally {
    shared.fill(0);
  }
}

/**
 * Opens `wrap` with a recipient's key pair. Only Identity calls this, so that its secret key never
 * leaves it; everyone else goes through `openSealedKey(identity, …)`.
 */
export async function openSealedKeyWithSecret(
  secretKey: Uint8Array,
  publicKey: Uint8Array,
  wrap: Uint8Array,
  purpose: string,
  binding: Uint8Array,
): Promise<Uint8Array | null> {
  if (wrap.length !== SEALED_KEY_LENGTH || wrap[0] !== SEAL_VERSION) return null;
  const ephemeralPublic = wrap.subarray(1, 33);
  const shared = nacl.scalarMult(secretKey, ephemeralPublic);
  try {
    if (isZero(shared)) return null;
    const aesKey = await wrapKey(shared, ephemeralPublic, publicKey, purpose, binding);
    return await aesGcmDecrypt(aesKey, ZERO_NONCE, wrap.subarray(33), binding);
  } finally {
    shared.fill(0);
  }
}

/** The key sealed in `wrap`, or null when it is not for this identity, purpose and binding, or was altered. */
export function openSealedKey(identity: Identity, wrap: Uint8Array, purpose: string, binding: Uint8Array): Promise<Uint8Array | null> {
  return identity.open(wrap, purpose, binding);
}
