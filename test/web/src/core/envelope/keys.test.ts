import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import { concatBytes } from "../../../../../web/src/core/bytes.js";
import { EnvelopeKeyMismatchError } from "../../../../../web/src/core/envelope/errors.js";
import { encodeHeaderFields, parseHeader } from "../../../../../web/src/core/envelope/format.js";
import {
  deriveEnvelopeKeyMaterial,
  envelopeAad,
  headerMac,
  openingKey,
  sealingKeys,
} from "../../../../../web/src/core/envelope/keys.js";
import { CONTEXT, DATA_KEY, OTHER_DATA_KEY, SALT } from "./fixtures.js";
import { referenceAad, referenceKeys } from "./reference-envelope.js";

describe("envelopeAad", () => {
  it("is the envelope label, the encoded record context and the big-endian file index", () => {
    for (const fileIndex of [0, 1, 0x1234, 0xffff]) {
      expect(envelopeAad(CONTEXT, fileIndex)).toEqual(new Uint8Array(referenceAad(CONTEXT, fileIndex)));
    }
    expect(envelopeAad(CONTEXT, 0).length).toBe(1 + "EHR Ledger envelope v1".length + 69 + 2);
  });
});

describe("deriveEnvelopeKeyMaterial", () => {
  it("derives the header and payload keys with HKDF-SHA-256 under their own labels", async () => {
    const aad = envelopeAad(CONTEXT, 2);
    const material = await deriveEnvelopeKeyMaterial(DATA_KEY, SALT, aad);
    const expected = referenceKeys(DATA_KEY, SALT, aad);
    expect(material.headerKey).toEqual(new Uint8Array(expected.headerKey));
    expect(material.payloadKey).toEqual(new Uint8Array(expected.payloadKey));
    expect(material.headerKey).not.toEqual(material.payloadKey);
  });
});

describe("headerMac", () => {
  it("is HMAC-SHA-256 of the header fields followed by the associated data", async () => {
    const aad = envelopeAad(CONTEXT, 0);
    const fields = encodeHeaderFields({ chunkSize: 4096, salt: SALT });
    const key = new Uint8Array(32).fill(9);
    expect(await headerMac(key, fields, aad)).toEqual(new Uint8Array(createHmac("sha256", key).update(fields).update(aad).digest()));
  });
});

describe("openingKey", () => {
  it("accepts the MAC sealingKeys made and refuses it under another key or file index", async () => {
    const fields = encodeHeaderFields({ chunkSize: 4096, salt: SALT });
    const aad = envelopeAad(CONTEXT, 0);
    const { mac } = await sealingKeys(DATA_KEY, fields, SALT, aad);
    const header = parseHeader(concatBytes(fields, mac));
    await expect(openingKey(DATA_KEY, header, aad)).resolves.toBeDefined();
    await expect(openingKey(OTHER_DATA_KEY, header, aad)).rejects.toBeInstanceOf(EnvelopeKeyMismatchError);
    await expect(openingKey(DATA_KEY, header, envelopeAad(CONTEXT, 1))).rejects.toBeInstanceOf(EnvelopeKeyMismatchError);
  });
});
