import { describe, expect, it } from "vitest";

import { MemoryLogCache, parseWithBigints, stringifyWithBigints } from "../../../../../web/src/core/log-sync/log-cache.js";

describe("stringifyWithBigints", () => {
  it("stringifyWithBigints_nestedBigints_roundTripExactly", () => {
    const value = { block: 2n ** 70n, list: [1n, 2, "3"], nested: { fee: 0n } };
    expect(parseWithBigints(stringifyWithBigints(value))).toEqual(value);
  });

  it("parseWithBigints_objectWithTheTagAndOtherKeys_staysAnObject", () => {
    expect(parseWithBigints('{"a":{"$bigint":"5","b":1}}')).toEqual({ a: { $bigint: "5", b: 1 } });
  });

  it("parseWithBigints_tagsInArraysAndATagHoldingATag_revivedInnermostFirstAsAReviverWould", () => {
    expect(parseWithBigints('[{"$bigint":"1"},[{"$bigint":"-2"}],{"$bigint":{"$bigint":"3"}},{"$bigint":4}]')).toEqual([1n, [-2n], { $bigint: 3n }, { $bigint: 4 }]);
    expect(parseWithBigints('{"$bigint":"7"}')).toBe(7n);
    expect(parseWithBigints("null")).toBeNull();
  });
});

describe("MemoryLogCache", () => {
  it("load_beforeAnySave_isUndefinedThenTheSavedText", async () => {
    const cache = new MemoryLogCache();
    expect(await cache.load()).toBeUndefined();
    await cache.save("x");
    expect(await cache.load()).toBe("x");
  });
});
