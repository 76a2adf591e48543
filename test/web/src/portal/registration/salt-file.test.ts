import { describe, expect, it } from "vitest";

import { saltFileName, saltFileText } from "../../../../../web/src/portal/registration/salt-file.js";

const ACCOUNT = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const SALT = `0x${"ab".repeat(32)}`;

describe("saltFileText", () => {
  it("saltFileText_accountAndSalt_holdsBoth", () => {
    const text = saltFileText(ACCOUNT, SALT);
    expect(text).toContain(`Wallet: ${ACCOUNT}`);
    expect(text).toContain(`Salt: ${SALT}`);
  });

  it("saltFileText_noAccountYet_saysSo", () => {
    expect(saltFileText("", SALT)).toContain("Wallet: (not entered yet)");
  });
});

describe("saltFileName", () => {
  it("saltFileName_validAccount_namesItsFirstBytes", () => {
    expect(saltFileName(ACCOUNT)).toBe("ehr-ledger-salt-3c44cddd.txt");
  });

  it("saltFileName_incompleteAccount_isGeneric", () => {
    expect(saltFileName("0x3C44")).toBe("ehr-ledger-salt.txt");
  });
});
