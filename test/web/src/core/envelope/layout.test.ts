import { describe, expect, it } from "vitest";

import { encryptBytes } from "../../../../../web/src/core/envelope/small-payloads.js";
import { DEFAULT_CHUNK_SIZE, HEADER_LENGTH, TAG_LENGTH } from "../../../../../web/src/core/envelope/format.js";
import { chunkCount, envelopeLength, envelopePartLengths } from "../../../../../web/src/core/envelope/layout.js";
import { CONTEXT, DATA_KEY, patternBytes, SMALL_CHUNK } from "./fixtures.js";

const MiB = 1 << 20;

describe("chunkCount", () => {
  it("counts one chunk for an empty plaintext and rounds partial chunks up", () => {
    expect([0, 1, SMALL_CHUNK, SMALL_CHUNK + 1].map((length) => chunkCount(length, SMALL_CHUNK))).toEqual([1, 1, 1, 2]);
    expect(chunkCount(3 * MiB)).toBe(3);
  });

  it("throws a RangeError for a negative or fractional length or an invalid chunk size", () => {
    expect(() => chunkCount(-1)).toThrow(RangeError);
    expect(() => chunkCount(1.5)).toThrow(RangeError);
    expect(() => chunkCount(10, 1000)).toThrow(RangeError);
  });
});

describe("envelopeLength", () => {
  it("equals the length of the envelope encryptEnvelope writes", async () => {
    for (const length of [0, 1, SMALL_CHUNK - 1, SMALL_CHUNK, SMALL_CHUNK + 1, 3 * SMALL_CHUNK + 5]) {
      const envelope = await encryptBytes(DATA_KEY, CONTEXT, 0, patternBytes(length), { chunkSize: SMALL_CHUNK });
      expect(envelopeLength(length, SMALL_CHUNK), `length ${length}`).toBe(envelope.length);
    }
  });

  it("uses 1 MiB chunks by default", () => {
    expect(envelopeLength(5 * MiB)).toBe(HEADER_LENGTH + 5 * MiB + 5 * TAG_LENGTH);
    expect(DEFAULT_CHUNK_SIZE).toBe(MiB);
  });
});

describe("envelopePartLengths", () => {
  it("puts the header and chunks 0..7 in part 0 and eight chunks in every further part", () => {
    const sealed = MiB + TAG_LENGTH;
    expect(envelopePartLengths(20 * MiB + 10)).toEqual([HEADER_LENGTH + 8 * sealed, 8 * sealed, 4 * sealed + 10 + TAG_LENGTH]);
    expect(envelopePartLengths(16 * MiB)).toEqual([HEADER_LENGTH + 8 * sealed, 8 * sealed]);
    expect(envelopePartLengths(0)).toEqual([HEADER_LENGTH + TAG_LENGTH]);
  });

  it("cuts the envelope on chunk boundaries and adds up to its length", () => {
    for (const length of [1, 7 * SMALL_CHUNK, 9 * SMALL_CHUNK + 1, 30 * SMALL_CHUNK]) {
      for (const chunksPerPart of [1, 3, 8]) {
        const parts = envelopePartLengths(length, chunksPerPart, SMALL_CHUNK);
        expect(parts.reduce((total, part) => total + part, 0)).toBe(envelopeLength(length, SMALL_CHUNK));
        expect(parts.length).toBe(Math.ceil(chunkCount(length, SMALL_CHUNK) / chunksPerPart));
        let end = 0;
        for (const part of parts.slice(0, -1)) {
          end += part;
          expect((end - HEADER_LENGTH) % (SMALL_CHUNK + TAG_LENGTH)).toBe(0);
        }
      }
    }
  });

  it("throws a RangeError for fewer than one chunk per part", () => {
    expect(() => envelopePartLengths(10, 0)).toThrow(RangeError);
  });
});
