import { beforeAll, describe, expect, it } from "vitest";

import { concatBytes } from "../../../../../web/src/core/bytes.js";
import { decryptEnvelope } from "../../../../../web/src/core/envelope/decrypt.js";
import { encryptBytes } from "../../../../../web/src/core/envelope/small-payloads.js";
import {
  EnvelopeCorruptedError,
  EnvelopeError,
  EnvelopeFormatError,
  EnvelopeKeyMismatchError,
  EnvelopeTrailingDataError,
  EnvelopeTruncatedError,
} from "../../../../../web/src/core/envelope/errors.js";
import { HEADER_LENGTH, TAG_LENGTH } from "../../../../../web/src/core/envelope/format.js";
import type { RecordContext } from "../../../../../web/src/core/ledger-context.js";
import { CONTEXT, cut, DATA_KEY, OTHER_DATA_KEY, patternBytes, runTransform, SALT, SMALL_CHUNK } from "./fixtures.js";

const SEALED_CHUNK = SMALL_CHUNK + TAG_LENGTH;
/** Three full chunks and a short final one. */
const PLAINTEXT = patternBytes(3 * SMALL_CHUNK + 1000);
/** Four full chunks, the last of them final. */
const ALIGNED_PLAINTEXT = patternBytes(4 * SMALL_CHUNK, 3);

let envelope: Uint8Array;
let alignedEnvelope: Uint8Array;

beforeAll(async () => {
  envelope = await encryptBytes(DATA_KEY, CONTEXT, 0, PLAINTEXT, { chunkSize: SMALL_CHUNK, salt: SALT });
  alignedEnvelope = await encryptBytes(DATA_KEY, CONTEXT, 0, ALIGNED_PLAINTEXT, { chunkSize: SMALL_CHUNK, salt: SALT });
});

function chunkStart(index: number): number {
  return HEADER_LENGTH + index * SEALED_CHUNK;
}

function sealedChunk(bytes: Uint8Array, index: number): Uint8Array {
  return bytes.subarray(chunkStart(index), Math.min(bytes.length, chunkStart(index + 1)));
}

function flipBit(bytes: Uint8Array, offset: number, bit = 0): Uint8Array {
  const out = bytes.slice();
  out[offset] = (out[offset] as number) ^ (1 << bit);
  return out;
}

interface Decryption {
  plaintext: Uint8Array;
  error: unknown;
}

async function decrypt(
  bytes: Uint8Array,
  { dataKey = DATA_KEY, context = CONTEXT, fileIndex = 0, pieceSizes = [SEALED_CHUNK + 5, 77, 1] }: {
    dataKey?: Uint8Array;
    context?: RecordContext;
    fileIndex?: number;
    pieceSizes?: number[];
  } = {},
): Promise<Decryption> {
  const { pieces, error } = await runTransform(cut(bytes, pieceSizes), decryptEnvelope(dataKey, context, fileIndex));
  return { plaintext: concatBytes(...pieces), error };
}

/** The plaintext released before the failure must be exactly the chunks before `chunks`. */
function expectReleasedOnly(outcome: Decryption, source: Uint8Array, chunks: number): void {
  expect(outcome.plaintext).toEqual(source.subarray(0, chunks * SMALL_CHUNK));
}

describe("decryptEnvelope", () => {
  it("decrypts whatever the input piece sizes", async () => {
    for (const pieceSizes of [[1], [3, 4096, 5], [SEALED_CHUNK], [HEADER_LENGTH, SEALED_CHUNK], [Number.MAX_SAFE_INTEGER]]) {
      const outcome = await decrypt(envelope, { pieceSizes });
      expect(outcome.error, `pieces ${pieceSizes.join(",")}`).toBeUndefined();
      expect(outcome.plaintext).toEqual(PLAINTEXT);
    }
  });

  it("emits one piece per chunk and never an empty piece", async () => {
    const empty = await encryptBytes(DATA_KEY, CONTEXT, 0, new Uint8Array(0), { chunkSize: SMALL_CHUNK });
    expect((await runTransform([empty], decryptEnvelope(DATA_KEY, CONTEXT, 0))).pieces).toEqual([]);
    const { pieces } = await runTransform(cut(envelope, [999]), decryptEnvelope(DATA_KEY, CONTEXT, 0));
    expect(pieces.map((piece) => piece.length)).toEqual([SMALL_CHUNK, SMALL_CHUNK, SMALL_CHUNK, 1000]);
  });

  describe("header", () => {
    it.each([
      ["magic", 0, 0, "magic"],
      ["magic", 7, 1, "magic"],
      ["version", 8, 1, "version"],
      ["algorithm", 9, 1, "algorithm"],
      ["chunk size out of range", 10, 4, "chunk-size"],
      ["reserved", 11, 0, "reserved"],
    ] as const)("fails with EnvelopeFormatError when the %s byte is changed", async (_name, offset, bit, problem) => {
      const outcome = await decrypt(flipBit(envelope, offset, bit));
      expect(outcome.error).toBeInstanceOf(EnvelopeFormatError);
      expect((outcome.error as EnvelopeFormatError).problem).toBe(problem);
      expect((outcome.error as EnvelopeFormatError).code).toBe("ENVELOPE_FORMAT");
      expect(outcome.plaintext.length).toBe(0);
    });

    it("fails with EnvelopeKeyMismatchError when the chunk size, a salt bit or a MAC bit is flipped", async () => {
      // 2^12 → 2^13 is still a valid chunk size, so only the MAC can catch it.
      const flips = [[10, 0], ...Array.from({ length: 64 }, (_, i) => [12 + i, i % 8])] as [number, number][];
      for (const [offset, bit] of flips) {
        const outcome = await decrypt(flipBit(envelope, offset, bit));
        expect(outcome.error, `byte ${offset}`).toBeInstanceOf(EnvelopeKeyMismatchError);
        expect(outcome.plaintext.length).toBe(0);
      }
    });

    it("fails with EnvelopeFormatError (short header) when the input ends inside the header", async () => {
      for (const length of [0, 1, 8, 44, HEADER_LENGTH - 1]) {
        const outcome = await decrypt(envelope.subarray(0, length));
        expect(outcome.error, `length ${length}`).toBeInstanceOf(EnvelopeFormatError);
        expect((outcome.error as EnvelopeFormatError).problem).toBe("short-header");
        expect((outcome.error as Error).message).toContain(`after ${length} byte(s)`);
      }
    });
  });

  describe("binding", () => {
    const otherContexts: Record<string, RecordContext> = {
      "record nonce": { ...CONTEXT, recordNonce: flipBit(CONTEXT.recordNonce, 15) },
      patient: { ...CONTEXT, patient: "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc" },
      category: { ...CONTEXT, category: 2 },
      epoch: { ...CONTEXT, epoch: 3 },
      contract: { ...CONTEXT, contract: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512" },
      "chain id": { ...CONTEXT, chainId: 1 },
    };

    it.each(Object.entries(otherContexts))("fails with EnvelopeKeyMismatchError for another %s", async (_name, context) => {
      const outcome = await decrypt(envelope, { context });
      expect(outcome.error).toBeInstanceOf(EnvelopeKeyMismatchError);
      expect((outcome.error as EnvelopeError).code).toBe("ENVELOPE_KEY_MISMATCH");
      expect(outcome.plaintext.length).toBe(0);
    });

    it("fails with EnvelopeKeyMismatchError for another file index of the same record", async () => {
      const outcome = await decrypt(envelope, { fileIndex: 1 });
      expect(outcome.error).toBeInstanceOf(EnvelopeKeyMismatchError);
    });

    it("fails with EnvelopeKeyMismatchError for a wrong data key", async () => {
      const outcome = await decrypt(envelope, { dataKey: OTHER_DATA_KEY });
      expect(outcome.error).toBeInstanceOf(EnvelopeKeyMismatchError);
      expect(outcome.plaintext.length).toBe(0);
    });

    it("fails with EnvelopeCorruptedError at chunk 0 when the header comes from another envelope of the same file", async () => {
      const other = await encryptBytes(DATA_KEY, CONTEXT, 0, PLAINTEXT, { chunkSize: SMALL_CHUNK });
      const outcome = await decrypt(concatBytes(other.subarray(0, HEADER_LENGTH), envelope.subarray(HEADER_LENGTH)));
      expect(outcome.error).toBeInstanceOf(EnvelopeCorruptedError);
      expect((outcome.error as EnvelopeCorruptedError).chunkIndex).toBe(0);
      expect(outcome.plaintext.length).toBe(0);
    });
  });

  describe("chunks", () => {
    it("fails with EnvelopeCorruptedError at the right chunk for a flipped bit anywhere in any chunk, releasing only earlier chunks", async () => {
      const offsets = new Set<number>();
      for (let chunk = 0; chunk < 4; chunk++) {
        const start = chunkStart(chunk);
        const end = Math.min(envelope.length, chunkStart(chunk + 1));
        for (const offset of [start, start + 1, end - TAG_LENGTH - 1, end - TAG_LENGTH, end - 1]) offsets.add(offset);
      }
      for (let offset = HEADER_LENGTH; offset < envelope.length; offset += 397) offsets.add(offset);
      for (const offset of offsets) {
        const chunk = Math.floor((offset - HEADER_LENGTH) / SEALED_CHUNK);
        const outcome = await decrypt(flipBit(envelope, offset, offset % 8));
        expect(outcome.error, `byte ${offset}`).toBeInstanceOf(EnvelopeCorruptedError);
        expect((outcome.error as EnvelopeCorruptedError).chunkIndex, `byte ${offset}`).toBe(chunk);
        expect((outcome.error as EnvelopeError).code).toBe("ENVELOPE_CORRUPTED");
        expectReleasedOnly(outcome, PLAINTEXT, chunk);
      }
    });

    it("fails with EnvelopeCorruptedError at the first swapped position when two chunks are swapped", async () => {
      for (const [a, b] of [[0, 1], [1, 2], [2, 3]] as const) {
        const parts = [0, 1, 2, 3].map((index) => sealedChunk(envelope, index));
        [parts[a], parts[b]] = [parts[b] as Uint8Array, parts[a] as Uint8Array];
        const outcome = await decrypt(concatBytes(envelope.subarray(0, HEADER_LENGTH), ...parts));
        expect(outcome.error, `swap ${a} ${b}`).toBeInstanceOf(EnvelopeCorruptedError);
        expect((outcome.error as EnvelopeCorruptedError).chunkIndex).toBe(a);
        expectReleasedOnly(outcome, PLAINTEXT, a);
      }
    });

    it("fails with EnvelopeCorruptedError when a chunk is duplicated or dropped", async () => {
      const [c0, c1, c2, c3] = [0, 1, 2, 3].map((index) => sealedChunk(envelope, index)) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
      const header = envelope.subarray(0, HEADER_LENGTH);
      const duplicated = await decrypt(concatBytes(header, c0, c1, c1, c2, c3));
      expect((duplicated.error as EnvelopeCorruptedError).chunkIndex).toBe(2);
      expectReleasedOnly(duplicated, PLAINTEXT, 2);
      const dropped = await decrypt(concatBytes(header, c0, c2, c3));
      expect(dropped.error).toBeInstanceOf(EnvelopeCorruptedError);
      expect((dropped.error as EnvelopeCorruptedError).chunkIndex).toBe(1);
    });

    it("fails with EnvelopeCorruptedError for a chunk taken from another envelope under the same key and record", async () => {
      const other = await encryptBytes(DATA_KEY, CONTEXT, 0, PLAINTEXT, { chunkSize: SMALL_CHUNK });
      const spliced = concatBytes(envelope.subarray(0, chunkStart(1)), sealedChunk(other, 1), envelope.subarray(chunkStart(2)));
      const outcome = await decrypt(spliced);
      expect((outcome.error as EnvelopeCorruptedError).chunkIndex).toBe(1);
      expectReleasedOnly(outcome, PLAINTEXT, 1);
    });
  });

  describe("truncation", () => {
    it("fails with EnvelopeTruncatedError when cut exactly at any chunk boundary, releasing only the chunks before the held one", async () => {
      for (const source of [
        { bytes: envelope, plaintext: PLAINTEXT, boundaries: [0, 1, 2, 3] },
        { bytes: alignedEnvelope, plaintext: ALIGNED_PLAINTEXT, boundaries: [0, 1, 2, 3] },
      ]) {
        for (const chunks of source.boundaries) {
          const outcome = await decrypt(source.bytes.subarray(0, chunkStart(chunks)));
          expect(outcome.error, `after ${chunks} chunks`).toBeInstanceOf(EnvelopeTruncatedError);
          expect((outcome.error as EnvelopeTruncatedError).chunksAuthenticated).toBe(chunks);
          expect((outcome.error as EnvelopeError).code).toBe("ENVELOPE_TRUNCATED");
          // The last whole chunk authenticated but is withheld: it was never known to be final.
          expectReleasedOnly(outcome, source.plaintext, Math.max(0, chunks - 1));
        }
      }
    });

    it("fails with EnvelopeTruncatedError when fewer bytes than a tag are left of the next chunk", async () => {
      for (const chunks of [1, 2, 3]) {
        for (const extra of [1, TAG_LENGTH - 1, TAG_LENGTH]) {
          const outcome = await decrypt(envelope.subarray(0, chunkStart(chunks) + extra));
          expect(outcome.error, `${chunks} chunks + ${extra}`).toBeInstanceOf(EnvelopeTruncatedError);
          expect((outcome.error as EnvelopeTruncatedError).chunksAuthenticated).toBe(chunks);
          expectReleasedOnly(outcome, PLAINTEXT, chunks);
        }
      }
    });

    it("fails with EnvelopeCorruptedError when cut inside a chunk, which looks like an altered final chunk", async () => {
      for (let length = chunkStart(0) + TAG_LENGTH + 1; length < envelope.length; length += 211) {
        if ((length - HEADER_LENGTH) % SEALED_CHUNK <= TAG_LENGTH) continue;
        const chunk = Math.floor((length - HEADER_LENGTH) / SEALED_CHUNK);
        const outcome = await decrypt(envelope.subarray(0, length));
        expect(outcome.error, `length ${length}`).toBeInstanceOf(EnvelopeCorruptedError);
        expect((outcome.error as EnvelopeCorruptedError).chunkIndex).toBe(chunk);
        expectReleasedOnly(outcome, PLAINTEXT, chunk);
      }
    });

    it("fails with EnvelopeTruncatedError when only the header is left", async () => {
      const outcome = await decrypt(envelope.subarray(0, HEADER_LENGTH));
      expect(outcome.error).toBeInstanceOf(EnvelopeTruncatedError);
      expect((outcome.error as EnvelopeTruncatedError).chunksAuthenticated).toBe(0);
    });
  });

  describe("trailing data", () => {
    it("fails with EnvelopeTrailingDataError when a chunk or a byte follows a full-length final chunk, withholding that chunk", async () => {
      for (const extra of [sealedChunk(alignedEnvelope, 1), new Uint8Array(1), alignedEnvelope.subarray(0, HEADER_LENGTH)]) {
        const outcome = await decrypt(concatBytes(alignedEnvelope, extra));
        expect(outcome.error, `${extra.length} extra bytes`).toBeInstanceOf(EnvelopeTrailingDataError);
        expect((outcome.error as EnvelopeTrailingDataError).finalChunkIndex).toBe(3);
        expect((outcome.error as EnvelopeError).code).toBe("ENVELOPE_TRAILING_DATA");
        expectReleasedOnly(outcome, ALIGNED_PLAINTEXT, 3);
      }
    });

    it("fails with EnvelopeCorruptedError when a chunk follows a short final chunk, which no longer lies on a chunk boundary", async () => {
      const outcome = await decrypt(concatBytes(envelope, sealedChunk(envelope, 1)));
      expect(outcome.error).toBeInstanceOf(EnvelopeCorruptedError);
      expect((outcome.error as EnvelopeCorruptedError).chunkIndex).toBe(3);
      expectReleasedOnly(outcome, PLAINTEXT, 3);
    });
  });

  it("rejects invalid arguments at once with a RangeError", () => {
    expect(() => decryptEnvelope(new Uint8Array(16), CONTEXT, 0)).toThrow(RangeError);
    expect(() => decryptEnvelope(DATA_KEY, CONTEXT, 70000)).toThrow(RangeError);
  });
});
