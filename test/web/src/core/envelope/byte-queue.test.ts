import { describe, expect, it } from "vitest";

import { ByteQueue } from "../../../../../web/src/core/envelope/byte-queue.js";
import { patternBytes } from "./fixtures.js";

describe("ByteQueue", () => {
  it("hands out exactly the pushed bytes in order, whatever the piece and take sizes", () => {
    const source = patternBytes(10_000);
    const queue = new ByteQueue();
    let pushed = 0;
    const taken: number[] = [];
    for (const [pieceSize, takeSize] of [[1, 0], [7, 3], [4000, 4005], [3, 1], [5000, 900], [989, 5091]] as const) {
      queue.push(source.subarray(pushed, pushed + pieceSize));
      pushed += pieceSize;
      taken.push(...queue.take(takeSize));
    }
    expect(queue.length).toBe(0);
    expect(Uint8Array.from(taken)).toEqual(source);
  });

  it("returns a view into the pushed piece, without copying, when the bytes lie in one piece", () => {
    const piece = patternBytes(100);
    const queue = new ByteQueue();
    queue.push(piece);
    const view = queue.take(60);
    expect(view.buffer).toBe(piece.buffer);
    expect(view.byteOffset).toBe(0);
    expect(queue.take(40).byteOffset).toBe(60);
  });

  it("assembles bytes spanning pieces in a reused scratch buffer", () => {
    const queue = new ByteQueue();
    for (const seed of [1, 2, 3, 4]) queue.push(patternBytes(10, seed));
    const first = queue.take(15);
    expect(first).toEqual(Uint8Array.from([...patternBytes(10, 1), ...patternBytes(5, 2)]));
    const second = queue.take(15);
    expect(second.buffer).toBe(first.buffer);
    expect(second).toEqual(Uint8Array.from([...patternBytes(10, 2).subarray(5), ...patternBytes(10, 3)]));
  });

  it("ignores empty pieces and refuses to take more than it holds", () => {
    const queue = new ByteQueue();
    queue.push(new Uint8Array(0));
    queue.push(patternBytes(3));
    expect(queue.length).toBe(3);
    expect(() => queue.take(4)).toThrow(RangeError);
    expect(() => queue.take(-1)).toThrow(RangeError);
    expect(queue.take(0).length).toBe(0);
  });

  it("throws a TypeError when pushed something other than bytes", () => {
    expect(() => new ByteQueue().push([1, 2, 3] as unknown as Uint8Array)).toThrow(TypeError);
  });
});
