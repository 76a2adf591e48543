import { inflateSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { grayscalePng } from "../../../scripts/demo-world/png.js";

interface Chunk {
  type: string;
  data: Uint8Array;
  crc: number;
}

/** Reads the chunks after the signature, independently of the encoder. */
function chunks(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = view.getUint32(offset);
    out.push({ type: new TextDecoder().decode(png.subarray(offset + 4, offset + 8)), data: png.subarray(offset + 8, offset + 8 + length), crc: view.getUint32(offset + 8 + length) });
    offset += 12 + length;
  }
  return out;
}

/** CRC-32 as the PNG specification defines it, bit by bit. */
function referenceCrc(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe("grayscalePng", () => {
  const png = grayscalePng(3, 2, (x, y) => [[0, 127.6, 300], [-5, 10, 255]][y]![x]!);

  it("writes the signature, IHDR, IDAT and IEND with correct CRCs", () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const found = chunks(png);
    expect(found.map((chunk) => chunk.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    for (const chunk of found) expect(chunk.crc).toBe(referenceCrc(new Uint8Array([...new TextEncoder().encode(chunk.type), ...chunk.data])));
    expect([...found[0]!.data]).toEqual([0, 0, 0, 3, 0, 0, 0, 2, 8, 0, 0, 0, 0]);
  });

  it("stores each row behind filter byte 0, pixels rounded and clamped to 0–255", () => {
    expect([...inflateSync(chunks(png)[1]!.data)]).toEqual([0, 0, 128, 255, 0, 0, 10, 255]);
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => grayscalePng(0, 1, () => 0)).toThrowError(RangeError);
    expect(() => grayscalePng(1.5, 1, () => 0)).toThrowError(RangeError);
  });
});
