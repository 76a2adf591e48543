import { describe, expect, it } from "vitest";

import { parseRange } from "../../../scripts/ipfs-node/range.js";

describe("parseRange", () => {
  it("serves the whole file without a Range header", () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: "whole" });
  });

  it.each([
    ["bytes=0-9", { start: 0, end: 10 }],
    ["bytes=90-", { start: 90, end: 100 }],
    ["bytes=90-500", { start: 90, end: 100 }],
    ["bytes=-10", { start: 90, end: 100 }],
    ["bytes=-500", { start: 0, end: 100 }],
    ["bytes = 5 - 5", { start: 5, end: 6 }],
  ])("reads %s of 100 bytes as %o (end exclusive)", (header, range) => {
    expect(parseRange(header, 100)).toEqual({ kind: "partial", range });
  });

  it.each(["bytes=100-", "bytes=100-200", "bytes=-0"])("finds %s unsatisfiable for 100 bytes", (header) => {
    expect(parseRange(header, 100)).toEqual({ kind: "unsatisfiable" });
  });

  it("finds any range of an empty file unsatisfiable", () => {
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-1", 0)).toEqual({ kind: "unsatisfiable" });
  });

  it.each(["bytes=0-1,5-6", "items=0-1", "bytes=9-3", "bytes=-", "bytes=a-b"])("ignores %s and serves the whole file (RFC 9110 allows it)", (header) => {
    expect(parseRange(header, 100)).toEqual({ kind: "whole" });
  });
});
