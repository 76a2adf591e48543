import { describe, expect, it } from "vitest";

import { abis } from "../../../../../web/src/generated/contracts.js";
import { describeLedgerError, isLedgerErrorName } from "../../../../../web/src/core/chain/revert-sentences.js";

/** A plausible decoded value for an ABI type, as viem would hand it over. */
function sample(type: string): unknown {
  if (type === "address") return "0x00000000000000000000000000000000000000a1";
  if (type === "bool") return true;
  if (type.startsWith("bytes")) return "0x11";
  const bits = Number(type.replace(/^u?int/, "") || 256);
  return bits > 48 ? 3n : 3;
}

const errors = abis.EHRLedger.filter((item) => item.type === "error");

describe("describeLedgerError", () => {
  it("covers a non-trivial ABI", () => {
    expect(errors.length).toBeGreaterThan(40);
  });

  it.each(errors.map((error) => [error.name, error]))("has a sentence for %s", (name, error) => {
    expect(isLedgerErrorName(name)).toBe(true);
    const args = error.inputs.map((input) => sample(input.type));
    const sentence = describeLedgerError(name as never, args as never);
    expect(sentence).toMatch(/^[A-Z0-9].{15,}[.]$/s);
    expect(sentence).not.toMatch(/undefined|NaN|\[object/);
  });

  it("names the parties and categories of ScopeKeysUnauthorizedRotator", () => {
    const caller = "0x00000000000000000000000000000000000000c1";
    const patient = "0x00000000000000000000000000000000000000b1";
    expect(describeLedgerError("ScopeKeysUnauthorizedRotator", [caller, patient, 5])).toBe(
      `${caller} may not rotate ${patient}'s mental health key: only the patient or a writer of that category can.`,
    );
  });

  it("knows no error outside the ABI", () => {
    expect(isLedgerErrorName("Error")).toBe(false);
    expect(isLedgerErrorName("toString")).toBe(false);
  });
});
