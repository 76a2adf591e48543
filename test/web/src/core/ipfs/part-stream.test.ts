import { describe, expect, it } from "vitest";

import { IpfsPartLayoutError } from "../../../../../web/src/core/ipfs/errors.js";
import { assertPartLengths, MAX_PART_BYTES, splitIntoParts } from "../../../../../web/src/core/ipfs/part-stream.js";

function streamOf(chunks: number[][]): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let cancelled = false;
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(new Uint8Array(chunk));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

async function parts(stream: ReadableStream<Uint8Array>, lengths: number[]): Promise<number[][]> {
  const out: number[][] = [];
  for await (const part of splitIntoParts(stream, lengths)) out.push([...part]);
  return out;
}

describe("splitIntoParts", () => {
  it("cuts chunks of any size into parts of the given lengths", async () => {
    const { stream } = streamOf([[1, 2], [3, 4, 5, 6, 7], [], [8], [9, 10]]);
    expect(await parts(stream, [3, 3, 4])).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9, 10]]);
  });

  it("fails when the stream ends before the parts do", async () => {
    const { stream } = streamOf([[1, 2, 3]]);
    await expect(parts(stream, [2, 2])).rejects.toThrow("the ciphertext ended after 3 bytes, but the part lengths add up to 4");
  });

  it("fails when the stream goes on past the parts, and cancels it", async () => {
    const source = streamOf([[1, 2, 3], [4]]);
    await expect(parts(source.stream, [2])).rejects.toThrow("the ciphertext is longer than the 2 bytes its part lengths add up to");
    expect(source.cancelled()).toBe(true);
  });

  it("cancels the source when its consumer stops early", async () => {
    const source = streamOf([[1, 2], [3, 4]]);
    for await (const _part of splitIntoParts(source.stream, [2, 2])) break;
    expect(source.cancelled()).toBe(true);
  });
});

describe("assertPartLengths", () => {
  it.each([[0], [-1], [1.5], [MAX_PART_BYTES + 1]])("refuses a part of %s bytes", (length) => {
    expect(() => assertPartLengths([10, length])).toThrow(IpfsPartLayoutError);
    expect(() => assertPartLengths([10, length])).toThrow(/part 1 has length/);
  });

  it("accepts parts up to the limit", () => {
    expect(() => assertPartLengths([1, MAX_PART_BYTES])).not.toThrow();
  });
});
