import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { toHex } from "../../../../../web/src/core/bytes.js";
import { digestOfCid, manifestCid } from "../../../../../web/src/core/ipfs/cid.js";
import { IpfsBadCidError } from "../../../../../web/src/core/ipfs/errors.js";

const helloWorldDigest = toHex(createHash("sha256").update("hello world").digest());

describe("manifestCid / digestOfCid", () => {
  // Kubo test/cli/cid_profiles_test.go: "hello world" as one raw block (unixfs-v1-2025 SmallFileCID).
  it("gives Kubo's raw-block CID for the sha256 of 'hello world'", () => {
    expect(manifestCid(helloWorldDigest)).toBe("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
  });

  it("round-trips a digest, from hex or bytes", () => {
    const cid = manifestCid(helloWorldDigest);
    expect(digestOfCid(cid)).toBe(helloWorldDigest);
    expect(manifestCid(createHash("sha256").update("hello world").digest())).toBe(cid);
  });

  it("refuses a digest that is not 32 bytes", () => {
    expect(() => manifestCid("0x1234")).toThrow(RangeError);
  });

  it.each([
    ["QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", /it is CIDv0/],
    ["bafybeigmix7t42i6jacydtquhet7srwvgpizfg7gjbq7627d35mjomtu64", /its codec is 0x70, not raw/],
    ["not a cid", /not a manifest CID/],
  ])("refuses %s as a manifest CID", (cid, message) => {
    expect(() => digestOfCid(cid)).toThrow(IpfsBadCidError);
    expect(() => digestOfCid(cid)).toThrow(message);
  });
});
