/**
 * The WebCrypto primitives the core builds on. `globalThis.crypto` is the same API in browsers and
 * Node 22, so nothing here branches on the platform.
 */
import { ownBytes } from "../bytes.js";

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api) throw new Error("WebCrypto is unavailable: the portal needs a secure context (https or localhost)");
  return api;
}

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest("SHA-256", ownBytes(data)));
}

/** HKDF-SHA-256 (RFC 5869). */
export async function hkdf(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Promise<Uint8Array> {
  const base = await subtle().importKey("raw", ownBytes(ikm), "HKDF", false, ["deriveBits"]);
  const bits = await subtle().deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: ownBytes(salt), info: ownBytes(info) },
    base,
    length * 8,
  );
  return new Uint8Array(bits);
}

export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const hmacKey = await subtle().importKey("raw", ownBytes(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await subtle().sign("HMAC", hmacKey, ownBytes(data)));
}

export async function importAesGcmKey(raw: Uint8Array, usages: KeyUsage[] = ["encrypt", "decrypt"]): Promise<CryptoKey> {
  if (raw.length !== 32) throw new RangeError(`AES-256 needs a 32-byte key, got ${raw.length}`);
  return subtle().importKey("raw", ownBytes(raw), "AES-GCM", false, usages);
}

export async function aesGcmEncrypt(key: CryptoKey, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(
    await subtle().encrypt({ name: "AES-GCM", iv: ownBytes(nonce), additionalData: ownBytes(aad) }, key, ownBytes(plaintext)),
  );
}

/** Resolves to null when authentication fails: callers turn that into their own typed error. */
export async function aesGcmDecrypt(key: CryptoKey, nonce: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(
      await subtle().decrypt({ name: "AES-GCM", iv: ownBytes(nonce), additionalData: ownBytes(aad) }, key, ownBytes(ciphertext)),
    );
  } catch {
    return null;
  }
}
