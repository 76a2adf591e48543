import { describe, expect, it } from "vitest";

import { MAX_SIGN_UP_FEE_WEI, parseSignUpFee, parseTreasury } from "../../../../../../web/src/portal/roles/admin/settings-fields.js";

describe("parseSignUpFee", () => {
  it.each([
    ["0", 0n],
    ["0.01", 10_000_000_000_000_000n],
    [" 1.5 ", 1_500_000_000_000_000_000n],
    ["0.000000000000000001", 1n],
  ])("parseSignUpFee_validEth_%s_isWei", (text, wei) => {
    expect(parseSignUpFee(text)).toEqual({ ok: true, value: wei });
  });

  it.each(["", "   ", "abc", "-1", "1,5", "1e3", ".5", "1.", "0x10", "1.2.3"])("parseSignUpFee_notAnAmount_%j_isRefused", (text) => {
    expect(parseSignUpFee(text).ok).toBe(false);
  });

  it("parseSignUpFee_moreThan18Decimals_isRefusedWithReason", () => {
    expect(parseSignUpFee("0.0000000000000000001")).toEqual({ ok: false, error: "ETH has at most 18 decimal places." });
  });

  it("parseSignUpFee_aboveUint96_isRefused", () => {
    const justAbove = (MAX_SIGN_UP_FEE_WEI + 1n) / 10n ** 18n + 1n;
    expect(parseSignUpFee(justAbove.toString()).ok).toBe(false);
  });

  it("parseSignUpFee_atUint96Limit_isAccepted", () => {
    const whole = MAX_SIGN_UP_FEE_WEI / 10n ** 18n;
    const fraction = (MAX_SIGN_UP_FEE_WEI % 10n ** 18n).toString().padStart(18, "0");
    expect(parseSignUpFee(`${whole}.${fraction}`)).toEqual({ ok: true, value: MAX_SIGN_UP_FEE_WEI });
  });
});

describe("parseTreasury", () => {
  const address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  it("parseTreasury_checksummedAddress_isAccepted", () => {
    expect(parseTreasury(` ${address} `)).toEqual({ ok: true, value: address });
  });

  it("parseTreasury_lowercaseAddress_isAccepted", () => {
    expect(parseTreasury(address.toLowerCase()).ok).toBe(true);
  });

  it.each(["", "0x1234", "not an address", `${address}00`])("parseTreasury_malformed_%j_isRefused", (text) => {
    expect(parseTreasury(text).ok).toBe(false);
  });

  it("parseTreasury_zeroAddress_isRefused", () => {
    expect(parseTreasury(`0x${"0".repeat(40)}`)).toEqual({ ok: false, error: "Fees sent to the zero address would be lost; enter another address." });
  });
});
