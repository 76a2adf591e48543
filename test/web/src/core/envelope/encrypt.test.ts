import { describe, expect, it } from "vitest";

import { decryptEnvelope } from "../../../../../web/src/core/envelope/decrypt.js";
import { encryptEnvelope } from "../../../../../web/src/core/envelope/encrypt.js";
import { DEFAULT_CHUNK_SIZE, HEADER_LENGTH, TAG_LENGTH } from "../../../../../web/src/core/envelope/format.js";
import { chunkCount } from "../../../../../web/src/core/envelope/layout.js";
import { concatBytes } from "../../../../../web/src/core/bytes.js";
import { CONTEXT, cut, DATA_KEY, patternBytes, runTransform, SALT, SMALL_CHUNK } from "./fixtures.js";
import { referenceEnvelope } from "./reference-envelope.js";

const SIZES = [0, 1, SMALL_CHUNK - 1, SMALL_CHUNK, SMALL_CHUNK + 1, 3 * SMALL_CHUNK + 17, 5 * SMALL_CHUNK];
const PIECE_PATTERNS: Record<string, number[]> = {
  "one piece": [Number.MAX_SAFE_INTEGER],
  "single bytes and odd sizes": [1, 7, 4095, 5000, 13, 8192],
  "chunk-sized pieces": [SMALL_CHUNK],
  "pieces larger than two chunks": [2 * SMALL_CHUNK + 3],
};

async function encrypt(plaintext: Uint8Array, pieceSizes: number[], chunkSize = SMALL_CHUNK) {
  return runTransform(cut(plaintext, pieceSizes), encryptEnvelope(DATA_KEY, CONTEXT, 0, { chunkSize, salt: SALT }));
}

describe("encryptEnvelope", () => {
  it.each(Object.entries(PIECE_PATTERNS))("round-trips every size through decryptEnvelope when fed %s", async (_name, pieceSizes) => {
    for (const size of SIZES) {
      const plaintext = patternBytes(size);
      const { pieces, error } = await encrypt(plaintext, pieceSizes);
      expect(error).toBeUndefined();
      const decrypted = await runTransform(cut(concatBytes(...pieces), [1000, 3, 9000]), decryptEnvelope(DATA_KEY, CONTEXT, 0));
      expect(decrypted.error, `size ${size}`).toBeUndefined();
      expect(concatBytes(...decrypted.pieces), `size ${size}`).toEqual(plaintext);
    }
  });

  it("emits the header as one piece, then one piece per sealed chunk, whatever the input pieces", async () => {
    for (const size of SIZES) {
      const { pieces } = await encrypt(patternBytes(size), [1, 7, 4095, 5000]);
      const expected = [HEADER_LENGTH];
      const chunks = chunkCount(size, SMALL_CHUNK);
      for (let i = 0; i < chunks; i++) expected.push(Math.min(SMALL_CHUNK, size - i * SMALL_CHUNK) + TAG_LENGTH);
      expect(pieces.map((piece) => piece.length), `size ${size}`).toEqual(expected);
    }
  });

  it("produces exactly the bytes of the independent implementation of docs/envelope.md", async () => {
    for (const size of SIZES) {
      const plaintext = patternBytes(size, 7);
      const { pieces } = await runTransform(
        [plaintext],
        encryptEnvelope(DATA_KEY, { ...CONTEXT, chainId: 11155111, category: 5, epoch: 70000 }, 3, { chunkSize: SMALL_CHUNK, salt: SALT }),
      );
      const expected = referenceEnvelope(DATA_KEY, { ...CONTEXT, chainId: 11155111, category: 5, epoch: 70000 }, 3, plaintext, SMALL_CHUNK, SALT);
      expect(concatBytes(...pieces), `size ${size}`).toEqual(new Uint8Array(expected));
    }
  });

  it("uses 1 MiB chunks by default and round-trips a multi-chunk file with them", async () => {
    const plaintext = patternBytes(2 * DEFAULT_CHUNK_SIZE + 12345);
    const { pieces } = await runTransform(cut(plaintext, [300_000]), encryptEnvelope(DATA_KEY, CONTEXT, 0));
    expect(pieces.map((piece) => piece.length)).toEqual([HEADER_LENGTH, DEFAULT_CHUNK_SIZE + TAG_LENGTH, DEFAULT_CHUNK_SIZE + TAG_LENGTH, 12345 + TAG_LENGTH]);
    const decrypted = await runTransform(pieces, decryptEnvelope(DATA_KEY, CONTEXT, 0));
    expect(decrypted.error).toBeUndefined();
    expect(concatBytes(...decrypted.pieces)).toEqual(plaintext);
  });

  it("draws a fresh random salt for every envelope when none is given", async () => {
    const plaintext = patternBytes(100);
    const first = await runTransform([plaintext], encryptEnvelope(DATA_KEY, CONTEXT, 0));
    const second = await runTransform([plaintext], encryptEnvelope(DATA_KEY, CONTEXT, 0));
    expect(first.pieces[0]).not.toEqual(second.pieces[0]);
    expect(first.pieces[1]).not.toEqual(second.pieces[1]);
  });

  it("stops accepting input while nobody reads, holding about one chunk", async () => {
    const transform = encryptEnvelope(DATA_KEY, CONTEXT, 0, { chunkSize: SMALL_CHUNK, salt: SALT });
    const writer = transform.writable.getWriter();
    const plaintext = patternBytes(20 * SMALL_CHUNK);
    let accepted = 0;
    const writes = cut(plaintext, [SMALL_CHUNK]).map((piece) => writer.write(piece).then(() => accepted++));
    const closed = writer.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(accepted).toBeLessThanOrEqual(3);

    const reader = transform.readable.getReader();
    const out: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) out.push(read.value);
    await Promise.all([...writes, closed]);
    expect(accepted).toBe(20);
    expect(concatBytes(...out)).toEqual(new Uint8Array(referenceEnvelope(DATA_KEY, CONTEXT, 0, plaintext, SMALL_CHUNK, SALT)));
  });

  it("rejects invalid arguments at once with a RangeError naming the problem", () => {
    expect(() => encryptEnvelope(DATA_KEY.subarray(1), CONTEXT, 0)).toThrow(/data key is 32 bytes, got 31/);
    for (const chunkSize of [2048, 3000, 2 ** 25, 0]) {
      expect(() => encryptEnvelope(DATA_KEY, CONTEXT, 0, { chunkSize })).toThrow(/chunk size must be a power of two/);
    }
    expect(() => encryptEnvelope(DATA_KEY, CONTEXT, 0, { salt: new Uint8Array(16) })).toThrow(/salt must be 32 bytes/);
    for (const fileIndex of [-1, 65536, 1.5]) {
      expect(() => encryptEnvelope(DATA_KEY, CONTEXT, fileIndex)).toThrow(/file index must be an integer from 0 to 65535/);
    }
    expect(() => encryptEnvelope(DATA_KEY, { ...CONTEXT, recordNonce: new Uint8Array(15) }, 0)).toThrow(/record nonce must be 16 bytes/);
  });

  it("errors the stream with a TypeError when written something other than bytes", async () => {
    const { error } = await runTransform(["text" as unknown as Uint8Array], encryptEnvelope(DATA_KEY, CONTEXT, 0));
    expect(error).toBeInstanceOf(TypeError);
  });
});
