import { describe, expect, it } from "vitest";

import { concatBytes, utf8 } from "../../../../../web/src/core/bytes.js";
import {
  InvalidRecipientKeyError,
  openSealedKey,
  SEAL_VERSION,
  SEALED_KEY_LENGTH,
  sealKey,
} from "../../../../../web/src/core/crypto/seal.js";
import { randomBytes } from "../../../../../web/src/core/crypto/webcrypto.js";
import { Identity } from "../../../../../web/src/core/identity/identity.js";

const recipient = new Identity("0x70997970c51812dc3a010c7d01b50e20d4dc79c8", randomBytes(32));
const stranger = new Identity("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", randomBytes(32));
const purpose = "scope key wrap";
const binding = utf8("patient 1, category 2, epoch 3");

describe("sealKey", () => {
  it("produces version 1 wraps of 81 bytes", async () => {
    const wrap = await sealKey(recipient.publicKey, randomBytes(32), purpose, binding);
    expect(wrap).toHaveLength(SEALED_KEY_LENGTH);
    expect(SEALED_KEY_LENGTH).toBe(81);
    expect(wrap[0]).toBe(SEAL_VERSION);
  });

  it("uses a fresh ephemeral key for every wrap, even of the same key", async () => {
    const key = randomBytes(32);
    const [a, b] = await Promise.all([sealKey(recipient.publicKey, key, purpose, binding), sealKey(recipient.publicKey, key, purpose, binding)]);
    expect(a.subarray(1, 33)).not.toEqual(b.subarray(1, 33));
    expect(a.subarray(33)).not.toEqual(b.subarray(33));
  });

  it("refuses a low-order recipient key (all-zero shared secret) with InvalidRecipientKeyError", async () => {
    await expect(sealKey(new Uint8Array(32), randomBytes(32), purpose, binding)).rejects.toThrow(InvalidRecipientKeyError);
  });

  it("refuses keys and recipients that are not 32 bytes", async () => {
    await expect(sealKey(recipient.publicKey, randomBytes(16), purpose, binding)).rejects.toThrow(RangeError);
    await expect(sealKey(randomBytes(33), randomBytes(32), purpose, binding)).rejects.toThrow(RangeError);
  });
});

describe("openSealedKey", () => {
  it("returns the sealed key to its recipient", async () => {
    const key = randomBytes(32);
    const wrap = await sealKey(recipient.publicKey, key, purpose, binding);
    expect(await openSealedKey(recipient, wrap, purpose, binding)).toEqual(key);
  });

  it("returns null for another recipient", async () => {
    const wrap = await sealKey(recipient.publicKey, randomBytes(32), purpose, binding);
    expect(await openSealedKey(stranger, wrap, purpose, binding)).toBeNull();
  });

  it("returns null for another binding", async () => {
    const wrap = await sealKey(recipient.publicKey, randomBytes(32), purpose, binding);
    expect(await openSealedKey(recipient, wrap, purpose, utf8("patient 1, category 2, epoch 4"))).toBeNull();
    expect(await openSealedKey(recipient, wrap, purpose, concatBytes(binding, Uint8Array.of(0)))).toBeNull();
  });

  it("returns null for another purpose", async () => {
    const wrap = await sealKey(recipient.publicKey, randomBytes(32), purpose, binding);
    expect(await openSealedKey(recipient, wrap, "epoch link", binding)).toBeNull();
  });

  it("returns null when any single bit of the wrap is flipped", async () => {
    const wrap = await sealKey(recipient.publicKey, randomBytes(32), purpose, binding);
    const opened = await Promise.all(
      Array.from({ length: wrap.length }, (_, index) => {
        const tampered = wrap.slice();
        tampered[index] = (tampered[index] as number) ^ (1 << (index % 8));
        return openSealedKey(recipient, tampered, purpose, binding);
      }),
    );
    expect(opened.filter((key) => key !== null)).toEqual([]);
  });

  it("returns null for a truncated or extended wrap, or an unknown version", async () => {
    const wrap = await sealKey(recipient.publicKey, randomBytes(32), purpose, binding);
    const versioned = wrap.slice();
    versioned[0] = 2;
    for (const bad of [wrap.subarray(0, 80), concatBytes(wrap, Uint8Array.of(0)), versioned]) {
      expect(await openSealedKey(recipient, bad, purpose, binding)).toBeNull();
    }
  });

  it("returns null for a wrap whose ephemeral key is of low order", async () => {
    const wrap = await sealKey(recipient.publicKey, randomBytes(32), purpose, binding);
    wrap.fill(0, 1, 33);
    expect(await openSealedKey(recipient, wrap, purpose, binding)).toBeNull();
  });
});
