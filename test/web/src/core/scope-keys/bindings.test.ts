import { describe, expect, it } from "vitest";

import { toHex } from "../../../../../web/src/core/bytes.js";
import { dataKeyBinding, epochLinkBinding, PURPOSES, scopeKeyWrapBinding } from "../../../../../web/src/core/scope-keys/bindings.js";

const context = {
  chainId: 31337,
  contract: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
  patient: "0x14dc79964da2c08b23698b3d3cc7ca32193d9955",
  category: 5,
  epoch: 258,
} as const;
const recipient = "0x90f79bf6eb2c4f870365e785982e1f101e93b906" as const;

describe("scope-key bindings", () => {
  it("encodes chainId u64 ‖ contract ‖ patient ‖ category u8 ‖ epoch u32 ‖ recipient for a wrap", () => {
    expect(toHex(scopeKeyWrapBinding(context, recipient))).toBe(
      "0x0000000000007a69" + context.contract.slice(2) + context.patient.slice(2) + "05" + "00000102" + recipient.slice(2),
    );
  });

  it("encodes the epoch link without a recipient", () => {
    expect(toHex(epochLinkBinding(context))).toBe("0x0000000000007a69" + context.contract.slice(2) + context.patient.slice(2) + "05" + "00000102");
  });

  it("binds a data key to the whole record context, nonce included", () => {
    const nonce = new Uint8Array(16).fill(7);
    expect(toHex(dataKeyBinding({ ...context, recordNonce: nonce }))).toBe(toHex(epochLinkBinding(context)) + "07".repeat(16));
  });

  it("gives every use its own purpose label", () => {
    expect(new Set(Object.values(PURPOSES)).size).toBe(Object.keys(PURPOSES).length);
  });
});
