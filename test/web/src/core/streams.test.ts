import { describe, expect, it } from "vitest";

import { readAllBytes, streamOfBytes } from "../../../../web/src/core/streams.js";

function streamOf(pieces: readonly Uint8Array[], onCancel: () => void = () => undefined): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[next++];
      if (piece === undefined) controller.close();
      else controller.enqueue(piece);
    },
    cancel: onCancel,
  });
}

describe("readAllBytes", () => {
  it("readAllBytes of several chunks returns them joined in order", async () => {
    const bytes = await readAllBytes(streamOf([Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3)]));
    expect([...bytes]).toEqual([1, 2, 3]);
  });

  it("readAllBytes of exactly maxBytes returns them all", async () => {
    const limit = { maxBytes: 3, tooLong: () => new Error("too long") };
    expect([...(await readAllBytes(streamOf([Uint8Array.of(1, 2), Uint8Array.of(3)]), limit))]).toEqual([1, 2, 3]);
  });

  it("readAllBytes past maxBytes cancels the stream and throws the limit's error", async () => {
    let cancelled = false;
    const stream = streamOf([Uint8Array.of(1, 2), Uint8Array.of(3, 4), Uint8Array.of(5)], () => (cancelled = true));
    const tooLong = new RangeError("over 3 bytes");
    await expect(readAllBytes(stream, { maxBytes: 3, tooLong: () => tooLong })).rejects.toBe(tooLong);
    expect(cancelled).toBe(true);
  });

  it("streamOfBytes yields the bytes as one chunk, then ends", async () => {
    const reader = streamOfBytes(new Uint8Array([1, 2, 3])).getReader();
    expect(await reader.read()).toEqual({ done: false, value: new Uint8Array([1, 2, 3]) });
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });
});
