import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { concatBytes, fromHex, toHex } from "../../web/src/core/bytes.js";
import { decryptEnvelope, EnvelopeError, encryptBytes } from "../../web/src/core/envelope/index.js";
import {
  ENVELOPE_VECTORS_PATH,
  generateEnvelopeVectors,
  recordContextOf,
  renderEnvelopeVectors,
  type EnvelopeVector,
  type EnvelopeVectorFile,
} from "../../scripts/envelope-vectors.js";
import { cut, runTransform } from "../web/src/core/envelope/fixtures.js";
import { referenceAad, referenceEnvelope, referenceKeys } from "../web/src/core/envelope/reference-envelope.js";

const REGENERATE = "run `npx tsx scripts/envelope-vectors.ts` and commit docs/envelope-vectors.json";
const committedText = readFileSync(ENVELOPE_VECTORS_PATH, "utf8");
const committed = JSON.parse(committedText) as EnvelopeVectorFile;
const opening = committed.vectors.filter((vector) => vector.plaintext !== undefined);
const refused = committed.vectors.filter((vector) => vector.expectedError !== undefined);

function named(vectors: EnvelopeVector[]): [string, EnvelopeVector][] {
  return vectors.map((vector) => [vector.name, vector]);
}

async function decryptVector(vector: EnvelopeVector) {
  const transform = decryptEnvelope(fromHex(vector.dataKey), recordContextOf(vector.context), vector.fileIndex);
  const { pieces, error } = await runTransform(cut(fromHex(vector.envelope), [1000, 17, 5000]), transform);
  return { plaintext: concatBytes(...pieces), error };
}

describe("scripts/envelope-vectors", () => {
  let regenerated: string;

  beforeAll(async () => {
    regenerated = renderEnvelopeVectors(await generateEnvelopeVectors());
  });

  it("generateEnvelopeVectors matches the committed docs/envelope-vectors.json", () => {
    expect(committedText, `${path.relative(process.cwd(), ENVELOPE_VECTORS_PATH)} is stale: ${REGENERATE}`).toBe(regenerated);
  });

  it("covers the empty plaintext, hello world, several chunks and every error code", () => {
    expect(opening.some((vector) => vector.plaintext === "0x")).toBe(true);
    expect(opening.some((vector) => vector.plaintext === toHex(new TextEncoder().encode("hello world\n")))).toBe(true);
    expect(opening.some((vector) => fromHex(vector.plaintext ?? "0x").length > 2 * vector.chunkSize)).toBe(true);
    expect(new Set(refused.map((vector) => vector.expectedError))).toEqual(
      new Set(["ENVELOPE_FORMAT", "ENVELOPE_KEY_MISMATCH", "ENVELOPE_CORRUPTED", "ENVELOPE_TRUNCATED", "ENVELOPE_TRAILING_DATA"]),
    );
  });

  it.each(named(opening))("decryptEnvelope opens vector %s to its plaintext", async (_name, vector) => {
    const { plaintext, error } = await decryptVector(vector);
    expect(error).toBeUndefined();
    expect(toHex(plaintext)).toBe(vector.plaintext);
  });

  it.each(named(opening))("encryptBytes with the vector's salt reproduces vector %s exactly", async (_name, vector) => {
    const envelope = await encryptBytes(fromHex(vector.dataKey), recordContextOf(vector.context), vector.fileIndex, fromHex(vector.plaintext ?? "0x"), {
      chunkSize: vector.chunkSize,
      salt: fromHex(vector.salt),
    });
    expect(toHex(envelope)).toBe(vector.envelope);
  });

  it.each(named(opening))("the independent node:crypto implementation of the spec agrees with vector %s", (_name, vector) => {
    const dataKey = fromHex(vector.dataKey);
    const context = recordContextOf(vector.context);
    const salt = fromHex(vector.salt);
    const aad = referenceAad(context, vector.fileIndex);
    expect(toHex(aad)).toBe(vector.aad);
    const keys = referenceKeys(dataKey, salt, aad);
    expect(toHex(keys.headerKey)).toBe(vector.headerKey);
    expect(toHex(keys.payloadKey)).toBe(vector.payloadKey);
    const envelope = referenceEnvelope(dataKey, context, vector.fileIndex, fromHex(vector.plaintext ?? "0x"), vector.chunkSize, salt);
    expect(toHex(envelope)).toBe(vector.envelope);
  });

  it.each(named(refused))("decryptEnvelope refuses vector %s with its expected error and no plaintext", async (_name, vector) => {
    const { plaintext, error } = await decryptVector(vector);
    expect(error).toBeInstanceOf(EnvelopeError);
    expect((error as EnvelopeError).code).toBe(vector.expectedError);
    // Every tampered vector breaks the header or chunk 0 or 1; none of it may leak past chunk 0.
    expect(plaintext.length).toBeLessThanOrEqual(vector.chunkSize);
  });
});
