import { describe, expect, it } from "vitest";

import { EnvelopeFormatError } from "../../../../../web/src/core/envelope/errors.js";
import {
  chunkSizeLog2,
  encodeHeaderFields,
  HEADER_FIELDS_LENGTH,
  HEADER_LENGTH,
  parseHeader,
} from "../../../../../web/src/core/envelope/format.js";
import { concatBytes, toHex } from "../../../../../web/src/core/bytes.js";
import { SALT } from "./fixtures.js";

const MAC = new Uint8Array(32).fill(0xee);

describe("encodeHeaderFields", () => {
  it("lays out magic, version, algorithm, chunk size log2, reserved and salt as docs/envelope.md says", () => {
    const fields = encodeHeaderFields({ chunkSize: 4096, salt: SALT });
    expect(fields.length).toBe(44);
    expect(toHex(fields.subarray(0, 12))).toBe("0x4548524c454e560a01010c00");
    expect(fields.subarray(12)).toEqual(SALT);
    expect(HEADER_LENGTH).toBe(76);
  });
});

describe("parseHeader", () => {
  it("reads back what encodeHeaderFields wrote, copied out of the caller's buffer", () => {
    const bytes = concatBytes(encodeHeaderFields({ chunkSize: 2 ** 24, salt: SALT }), MAC);
    const header = parseHeader(bytes);
    bytes.fill(0);
    expect(header.chunkSize).toBe(2 ** 24);
    expect(header.salt).toEqual(SALT);
    expect(header.mac).toEqual(MAC);
    expect(header.fieldBytes.length).toBe(HEADER_FIELDS_LENGTH);
  });

  it.each([
    ["magic", 3, 0x41],
    ["version", 8, 2],
    ["algorithm", 9, 0],
    ["chunk-size", 10, 11],
    ["chunk-size", 10, 25],
    ["reserved", 11, 1],
  ] as const)("throws EnvelopeFormatError (%s) when byte %i is %i", (problem, offset, value) => {
    const bytes = concatBytes(encodeHeaderFields({ chunkSize: 4096, salt: SALT }), MAC);
    bytes[offset] = value;
    let thrown: unknown;
    try {
      parseHeader(bytes);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvelopeFormatError);
    expect((thrown as EnvelopeFormatError).problem).toBe(problem);
  });

  it("names the version it found and the one it reads", () => {
    const bytes = concatBytes(encodeHeaderFields({ chunkSize: 4096, salt: SALT }), MAC);
    bytes[8] = 7;
    expect(() => parseHeader(bytes)).toThrow(/version 7 is not supported \(this client reads version 1\)/);
  });
});

describe("chunkSizeLog2", () => {
  it("accepts the powers of two from 4 KiB to 16 MiB and nothing else", () => {
    expect(chunkSizeLog2(4096)).toBe(12);
    expect(chunkSizeLog2(1 << 20)).toBe(20);
    expect(chunkSizeLog2(1 << 24)).toBe(24);
    for (const size of [2048, 4097, 1 << 25, Number.NaN, -4096]) expect(() => chunkSizeLog2(size)).toThrow(RangeError);
  });
});
