import { describe, expect, it } from "vitest";

import { MAX_NATIONAL_ID_LENGTH } from "../../../../../../web/src/core/identity/commitment.js";
import { formatSignUpFee, nationalIdError } from "../../../../../../web/src/portal/roles/patient/signup-fields.js";

describe("nationalIdError", () => {
  it("nationalIdError accepts an ID with spaces and dashes", () => {
    expect(nationalIdError(" ab-12 34 ")).toBeUndefined();
  });

  it("nationalIdError asks for an ID when the field is blank or only separators", () => {
    expect(nationalIdError("  ")).toMatch(/^Enter your National ID/);
    expect(nationalIdError(" - ")).toMatch(/empty/);
  });

  it("nationalIdError refuses an ID longer than the limit without repeating it", () => {
    const message = nationalIdError("9".repeat(MAX_NATIONAL_ID_LENGTH + 1));
    expect(message).toMatch(/longer than/);
    expect(message).not.toContain("99999");
  });
});

describe("formatSignUpFee", () => {
  it("formatSignUpFee shows ether and says free for no fee", () => {
    expect(formatSignUpFee(10_000_000_000_000_000n)).toBe("0.01 ETH");
    expect(formatSignUpFee(0n)).toBe("free");
  });
});
