import { describe, expect, it } from "vitest";

import { isOwnCurrentRecord, mayMarkGiven, RETRACT_REASONS } from "../../../../../web/src/portal/providers/own-records.js";
import { address, recordSummary as summary } from "../records/record-summaries.js";

const ME = address("0d");
const SOMEONE_ELSE = address("0e");
const PRESCRIPTIONS = 3;

describe("isOwnCurrentRecord", () => {
  it("isOwnCurrentRecord_ownActiveRecord_isTrueWhateverTheAddressCase", () => {
    expect(isOwnCurrentRecord(summary(1, 0, 10, { author: ME }), ME.toUpperCase().replace("0X", "0x") as typeof ME)).toBe(true);
  });

  it("isOwnCurrentRecord_someoneElsesRecord_isFalse", () => {
    expect(isOwnCurrentRecord(summary(1, 0, 10, { author: SOMEONE_ELSE }), ME)).toBe(false);
  });

  it("isOwnCurrentRecord_supersededOrRetracted_isFalse", () => {
    expect(isOwnCurrentRecord(summary(1, 0, 10, { author: ME, status: "superseded" }), ME)).toBe(false);
    expect(isOwnCurrentRecord(summary(1, 0, 10, { author: ME, status: "retracted" }), ME)).toBe(false);
  });
});

describe("mayMarkGiven", () => {
  it("mayMarkGiven_ownCurrentPrescription_isTrue", () => {
    expect(mayMarkGiven(summary(1, PRESCRIPTIONS, 10, { author: ME }), ME)).toBe(true);
  });

  it("mayMarkGiven_ownNoteOrOthersPrescription_isFalse", () => {
    expect(mayMarkGiven(summary(1, 0, 10, { author: ME }), ME)).toBe(false);
    expect(mayMarkGiven(summary(1, PRESCRIPTIONS, 10, { author: SOMEONE_ELSE }), ME)).toBe(false);
  });
});

describe("RETRACT_REASONS", () => {
  it("RETRACT_REASONS_areTheContractsCodesInOrderWithCapitalisedLabels", () => {
    expect(RETRACT_REASONS).toEqual([
      { code: 0, label: "Entered in error" },
      { code: 1, label: "Wrong patient" },
      { code: 2, label: "Duplicate" },
      { code: 3, label: "Superseded outside the ledger" },
    ]);
  });
});
