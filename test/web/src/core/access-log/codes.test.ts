import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import {
  DENY_REASON_NAMES,
  denyReasonName,
  PURPOSE_NAMES,
  purposeName,
  RETRACT_REASON_NAMES,
  retractReasonName,
} from "../../../../../web/src/core/access-log/codes.js";

const codesSol = readFileSync(new URL("../../../../../contracts/libraries/Codes.sol", import.meta.url), "utf8");

function maxOf(constant: string): number {
  const match = new RegExp(`${constant}\\s*=\\s*(\\d+);`).exec(codesSol);
  if (match?.[1] === undefined) throw new Error(`Codes.sol has no ${constant}`);
  return Number(match[1]);
}

describe("coded value names", () => {
  it("name every code Codes.sol allows, no more", () => {
    expect(PURPOSE_NAMES).toHaveLength(maxOf("PURPOSE_MAX") + 1);
    expect(RETRACT_REASON_NAMES).toHaveLength(maxOf("RETRACT_REASON_MAX") + 1);
    expect(DENY_REASON_NAMES).toHaveLength(maxOf("DENY_REASON_MAX") + 1);
  });

  it("follow the order of the tables in Codes.sol", () => {
    expect(purposeName(0)).toBe("treatment");
    expect(purposeName(2)).toBe("payment and claims");
    expect(purposeName(8)).toBe("a legal or compliance audit");
    expect(retractReasonName(1)).toBe("wrong patient");
    expect(retractReasonName(3)).toBe("superseded outside the ledger");
    expect(denyReasonName(0)).toBe("no reason given");
    expect(denyReasonName(3)).toBe("purpose not accepted");
  });

  it("name an unknown code by its number", () => {
    expect(purposeName(9)).toBe("purpose 9");
    expect(retractReasonName(4)).toBe("reason 4");
    expect(denyReasonName(200)).toBe("reason 200");
  });
});
