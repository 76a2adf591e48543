import { describe, expect, it } from "vitest";

import { concatBytes, fromHex, toHex, uintBE, type Hex } from "../../../../../web/src/core/bytes.js";
import { MalformedSignatureError } from "../../../../../web/src/core/identity/errors.js";
import { signatureKeyMaterial } from "../../../../../web/src/core/identity/signature.js";

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function signature(r: bigint, s: bigint, v: number): Hex {
  return toHex(concatBytes(uintBE(r, 32), uintBE(s, 32), Uint8Array.of(v)));
}

const r = 0x1234n << 200n;
const lowS = 0xabcdn << 180n;

describe("signatureKeyMaterial", () => {
  it("returns r ‖ s for a low-s signature", () => {
    expect(toHex(signatureKeyMaterial(signature(r, lowS, 27)))).toBe(toHex(concatBytes(uintBE(r, 32), uintBE(lowS, 32))));
  });

  it("maps the high-s twin of a signature to the same material", () => {
    expect(signatureKeyMaterial(signature(r, N - lowS, 28))).toEqual(signatureKeyMaterial(signature(r, lowS, 27)));
  });

  it("accepts v as 0/1 as well as 27/28", () => {
    expect(signatureKeyMaterial(signature(r, lowS, 0))).toEqual(signatureKeyMaterial(signature(r, lowS, 27)));
  });

  it("reads the EIP-2098 compact form, y parity bit set or not", () => {
    const full = signatureKeyMaterial(signature(r, lowS, 28));
    expect(signatureKeyMaterial(toHex(concatBytes(uintBE(r, 32), uintBE(lowS | (1n << 255n), 32))))).toEqual(full);
    expect(signatureKeyMaterial(toHex(concatBytes(uintBE(r, 32), uintBE(lowS, 32))))).toEqual(full);
  });

  it.each([
    ["65 bytes minus one", toHex(fromHex(signature(r, lowS, 27)).subarray(0, 63))],
    ["66 bytes", toHex(concatBytes(fromHex(signature(r, lowS, 27)), Uint8Array.of(0)))],
    ["an empty string", "0x" as Hex],
    ["non-hex text", "0xzz" as Hex],
    ["r = 0", signature(0n, lowS, 27)],
    ["r = n", signature(N, lowS, 27)],
    ["s = 0", signature(r, 0n, 27)],
    ["s = n", signature(r, N, 27)],
    ["s above n", signature(r, N + 5n, 27)],
    ["v = 29", signature(r, lowS, 29)],
  ])("rejects %s with MalformedSignatureError", (_name, bad) => {
    expect(() => signatureKeyMaterial(bad)).toThrow(MalformedSignatureError);
  });

  it("gives MalformedSignatureError a stable code", () => {
    try {
      signatureKeyMaterial("0x00");
      expect.unreachable();
    } catch (error) {
      expect((error as MalformedSignatureError).code).toBe("MALFORMED_SIGNATURE");
    }
  });
});
