import { describe, expect, it } from "vitest";

import { sameAddress, shortAddress } from "../../../../../web/src/core/chain/address.js";

describe("shortAddress", () => {
  it("shortAddress_fullAddress_keepsFirstFourAndLastFourHexDigits", () => {
    expect(shortAddress("0x1234567890123456789012345678901234aBcD")).toBe("0x1234…aBcD");
  });
});

describe("sameAddress", () => {
  it("sameAddress_differentCase_isTrue", () => {
    expect(sameAddress("0xabcdef0000000000000000000000000000000001", "0xABCDEF0000000000000000000000000000000001")).toBe(true);
  });

  it("sameAddress_differentAccounts_isFalse", () => {
    expect(sameAddress("0xabcdef0000000000000000000000000000000001", "0xabcdef0000000000000000000000000000000002")).toBe(false);
  });
});
