import { describe, expect, it } from "vitest";

import type { GrantSummary } from "../../../../../web/src/core/consent/grants.js";
import { myPatientRows } from "../../../../../web/src/portal/providers/my-patients.js";
import { address } from "../records/record-summaries.js";

const NOW = 1_900_000_000;
const ANA = address("a1");
const BEN = address("b2");
const CAL = address("c3");
const LABS = 1;
const BILLING = 4;

function grant(patient: typeof ANA, overrides: Partial<GrantSummary>): GrantSummary {
  return { patient, grantee: address("d0"), readCategories: [0], writeCategories: [], expiresAt: 0, grantedAt: NOW - 100, state: "active", accessNow: true, ...overrides };
}

describe("myPatientRows", () => {
  it("myPatientRows_currentGrant_givesShortAddressScopeAndTimeLeft", () => {
    const [row] = myPatientRows([grant(ANA, { readCategories: [0, 1], writeCategories: [1], expiresAt: NOW + 2 * 86_400, secondsLeft: 2 * 86_400 })]);
    expect(row).toEqual({
      patient: ANA,
      patientLabel: "0xa1a1…a1a1",
      scope: "May read general notes; may read and add lab results",
      timeLeft: "2 days left",
      expiresAt: NOW + 2 * 86_400,
      current: true,
      onHold: false,
    });
  });

  it("myPatientRows_expiredGrant_comesLastAndCannotBeOpened", () => {
    const rows = myPatientRows([grant(BEN, { state: "expired", expiresAt: NOW - 1, accessNow: false }), grant(ANA, {})]);
    expect(rows.map((row) => [row.patient, row.current, row.timeLeft])).toEqual([
      [ANA, true, "No end date"],
      [BEN, false, "Expired"],
    ]);
  });

  it("myPatientRows_roleLooksAtSomeCategories_listsOnlyPatientsSharingThemAndOnlyThoseInTheScope", () => {
    const rows = myPatientRows(
      [grant(ANA, { readCategories: [0, LABS], writeCategories: [0, LABS] }), grant(BEN, { readCategories: [0] }), grant(CAL, { readCategories: [LABS] })],
      [LABS],
    );
    expect(rows.map((row) => [row.patient, row.scope])).toEqual([
      [ANA, "May read and add lab results"],
      [CAL, "May read lab results"],
    ]);
  });

  it("myPatientRows_activeGrantTheLedgerRefusesNow_isOnHold", () => {
    expect(myPatientRows([grant(ANA, { readCategories: [BILLING], accessNow: false })], [BILLING])[0]?.onHold).toBe(true);
  });
});
