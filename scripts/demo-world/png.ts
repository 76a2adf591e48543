/** A minimal PNG encoder (8-bit grayscale), enough for the demo world's generated images. */
import { crc32, deflateSync } from "node:zlib";

import { concatBytes } from "../../web/src/core/bytes.js";

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A grayscale image whose pixel (x, y) has brightness `shade(x, y)`, clamped to 0–255. */
export function grayscalePng(width: number, height: number, shade: (x: number, y: number) => number): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new RangeError(`a PNG needs a positive integer size, not ${width}×${height}`);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, grayscale, deflate, no filter method, no interlace
  const rows = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type (0, none).
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = Math.max(0, Math.min(255, Math.round(shade(x, y))));
  }
  return concatBytes(SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", new Uint8Array(0)));
}
