import { describe, expect, it } from "vitest";

import type { GrantSummary } from "../../../../../../../web/src/core/consent/grants.js";
import { grantedLines, groupGrants, grantRow } from "../../../../../../../web/src/portal/roles/patient/sharing/grant-rows.js";
import { address, cardiologist, DIRECTORY, insurer, lab } from "./directory-fixture.js";

const patient = address("aa");

function summary(grantee: GrantSummary["grantee"], overrides: Partial<GrantSummary>): GrantSummary {
  return { patient, grantee, readCategories: [0], writeCategories: [], expiresAt: 0, grantedAt: 100, state: "active", accessNow: true, ...overrides };
}

describe("grantRow", () => {
  it("grantRow of an open-ended grant says so, with the provider's name, kind and facility", () => {
    const row = grantRow(summary(cardiologist.account, { readCategories: [0, 1], writeCategories: [1] }), DIRECTORY);
    expect(row).toMatchObject({
      name: "Dr. Ada Quinn",
      facility: "Saint Mary Hospital",
      kindLabel: "Doctor",
      scope: "May read general notes; may read and add lab results",
      readScope: 0b11,
      timeLeft: "No end date",
      suspendedNow: false,
    });
  });

  it("grantRow of an expiring grant gives the time left in words", () => {
    expect(grantRow(summary(lab.account, { expiresAt: 1_000_000, secondsLeft: 3 * 86_400 + 4 * 3_600 }), DIRECTORY).timeLeft).toBe("3 days 4 hours left");
  });

  it("grantRow of an ended grant has no time left", () => {
    expect(grantRow(summary(lab.account, { state: "expired", expiresAt: 50 }), DIRECTORY).timeLeft).toBeUndefined();
  });

  it("grantRow of an active grant the chain does not honour now is marked on hold", () => {
    expect(grantRow(summary(lab.account, { accessNow: false }), DIRECTORY).suspendedNow).toBe(true);
  });
});

describe("groupGrants", () => {
  it("groupGrants puts active grants soonest-ending first and open-ended last, expired and revoked ones apart in the order read", () => {
    const groups = groupGrants(
      [
        summary(cardiologist.account, {}),
        summary(insurer.account, { state: "revoked" }),
        summary(lab.account, { expiresAt: 500, secondsLeft: 10 }),
        summary(address("09"), { state: "expired", expiresAt: 90 }),
      ],
      DIRECTORY,
    );
    expect(groups.active.map((row) => row.grantee)).toEqual([lab.account, cardiologist.account]);
    expect(groups.expired.map((row) => row.grantee)).toEqual([address("09")]);
    expect(groups.revoked.map((row) => row.grantee)).toEqual([insurer.account]);
  });
});

describe("grantedLines", () => {
  it("grantedLines says who got what until when, with a fallback name for unlisted providers", () => {
    const lines = grantedLines(
      [
        { account: cardiologist.account, name: "Dr. Ada Quinn" },
        { account: address("09"), name: undefined },
      ],
      0b101,
      0b100,
      "1 Jan 2031",
      () => "0x0909…0909",
    );
    expect(lines).toEqual([
      "Dr. Ada Quinn may read general notes; may read and add imaging until 1 Jan 2031.",
      "0x0909…0909 may read general notes; may read and add imaging until 1 Jan 2031.",
    ]);
  });

  it("grantedLines without an end date says so", () => {
    expect(grantedLines([{ account: lab.account, name: "Northside Lab" }], 0b10, 0, undefined, String)).toEqual([
      "Northside Lab may read lab results, with no end date.",
    ]);
  });
});
