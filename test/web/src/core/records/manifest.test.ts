import { describe, expect, it } from "vitest";

import { utf8 } from "../../../../../web/src/core/bytes.js";
import { decodeManifest, encodeManifest, RecordManifestError, type RecordManifest } from "../../../../../web/src/core/records/manifest.js";

const sha = `0x${"ab".repeat(32)}` as const;

function sample(): RecordManifest {
  return {
    recordNonce: new Uint8Array(16).fill(7),
    dataKey: { forPatient: new Uint8Array(81).fill(1), underScopeKey: new Uint8Array(49).fill(2) },
    chunkSize: 1 << 20,
    files: [
      { length: 300, parts: [{ cid: "bafkreiexample", length: 300, sha256: sha }] },
      { length: 30, parts: [{ cid: "bafyone", length: 10, sha256: sha }, { cid: "bafytwo", length: 20, sha256: sha }] },
    ],
  };
}

function mutated(change: (json: Record<string, any>) => void): Uint8Array {
  const json = JSON.parse(new TextDecoder().decode(encodeManifest(sample())));
  change(json);
  return utf8(JSON.stringify(json));
}

describe("encodeManifest / decodeManifest", () => {
  it("round-trips every field", () => {
    expect(decodeManifest(encodeManifest(sample()))).toEqual(sample());
  });

  it("encodes equal manifests to equal bytes", () => {
    expect(encodeManifest(sample())).toEqual(encodeManifest(sample()));
  });

  it.each([
    ["an unknown format", (json: Record<string, any>) => { json.format = "other"; }, /unknown format/],
    ["a future version", (json: Record<string, any>) => { json.version = 2; }, /unsupported version 2/],
    ["a short record nonce", (json: Record<string, any>) => { json.recordNonce = "0x0102"; }, /recordNonce must be 16 bytes/],
    ["a missing data key wrap", (json: Record<string, any>) => { delete json.dataKey.forPatient; }, /forPatient is missing/],
    ["no files", (json: Record<string, any>) => { json.files = []; }, /lists no files/],
    ["a file without parts", (json: Record<string, any>) => { json.files[0].parts = []; }, /has no parts/],
    ["parts that do not add up", (json: Record<string, any>) => { json.files[1].length = 31; }, /do not add up/],
    ["a negative length", (json: Record<string, any>) => { json.files[0].parts[0].length = -1; }, /not a byte length/],
    ["a non-hex digest", (json: Record<string, any>) => { json.files[0].parts[0].sha256 = "zz"; }, /sha256 is not a hex string/],
    ["a short digest", (json: Record<string, any>) => { json.files[0].parts[0].sha256 = "0xab"; }, /sha256 must be 32 bytes/],
  ])("decodeManifest rejects %s", (_name, change, message) => {
    expect(() => decodeManifest(mutated(change))).toThrowError(message);
    expect(() => decodeManifest(mutated(change))).toThrowError(RecordManifestError);
  });

  it("decodeManifest rejects bytes that are not UTF-8 JSON", () => {
    expect(() => decodeManifest(new Uint8Array([0xff, 0xfe]))).toThrowError(/not UTF-8 JSON/);
  });
});
