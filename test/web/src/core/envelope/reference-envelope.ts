/**
 * A second, deliberately independent implementation of docs/envelope.md on node:crypto, written
 * from the document rather than from the module: if the two ever disagree, either the code or the
 * specification is wrong.
 */
import { createCipheriv, createHmac, hkdfSync } from "node:crypto";

import type { RecordContext } from "../../../../../web/src/core/ledger-context.js";

function uint(value: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  out.writeUIntBE(value, length - Math.min(length, 6), Math.min(length, 6));
  return out;
}

function specLabel(name: string): Buffer {
  const text = Buffer.from(`EHR Ledger ${name}`, "utf8");
  return Buffer.concat([Buffer.from([text.length]), text]);
}

export function referenceAad(context: RecordContext, fileIndex: number): Buffer {
  return Buffer.concat([
    specLabel("envelope v1"),
    uint(context.chainId, 8),
    Buffer.from(context.contract.slice(2), "hex"),
    Buffer.from(context.patient.slice(2), "hex"),
    uint(context.category, 1),
    uint(context.epoch, 4),
    Buffer.from(context.recordNonce),
    uint(fileIndex, 2),
  ]);
}

export function referenceKeys(dataKey: Uint8Array, salt: Uint8Array, aad: Uint8Array): { headerKey: Buffer; payloadKey: Buffer } {
  const derive = (name: string) => Buffer.from(hkdfSync("sha256", dataKey, salt, Buffer.concat([specLabel(name), aad]), 32));
  return { headerKey: derive("header key"), payloadKey: derive("payload key") };
}

export function referenceEnvelope(
  dataKey: Uint8Array,
  context: RecordContext,
  fileIndex: number,
  plaintext: Uint8Array,
  chunkSize: number,
  salt: Uint8Array,
): Buffer {
  const aad = referenceAad(context, fileIndex);
  const { headerKey, payloadKey } = referenceKeys(dataKey, salt, aad);
  const headerFields = Buffer.concat([Buffer.from("EHRLENV\n", "ascii"), Buffer.from([1, 1, Math.log2(chunkSize), 0]), Buffer.from(salt)]);
  const mac = createHmac("sha256", headerKey).update(headerFields).update(aad).digest();
  const out = [headerFields, mac];
  const chunks = Math.max(1, Math.ceil(plaintext.length / chunkSize));
  for (let index = 0; index < chunks; index++) {
    const isFinal = index === chunks - 1;
    const nonce = Buffer.concat([uint(index, 11), Buffer.from([isFinal ? 1 : 0])]);
    const cipher = createCipheriv("aes-256-gcm", payloadKey, nonce).setAAD(aad);
    out.push(cipher.update(plaintext.subarray(index * chunkSize, (index + 1) * chunkSize)), cipher.final(), cipher.getAuthTag());
  }
  return Buffer.concat(out);
}
