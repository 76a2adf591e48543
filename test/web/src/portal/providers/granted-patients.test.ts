import { describe, expect, it } from "vitest";

import type { GrantSummary } from "../../../../../web/src/core/consent/grants.js";
import {
  currentAccess,
  patientsWithCategory,
  sortGrantedPatients,
  timeLeftText,
} from "../../../../../web/src/portal/providers/granted-patients.js";
import { address } from "../records/record-summaries.js";

const NOW = 1_900_000_000;
const PROVIDER = address("d0");
const ANA = address("a1");
const BEN = address("b2");
const CAL = address("c3");
const DEE = address("d4");

function grant(patient: typeof ANA, overrides: Partial<GrantSummary>): GrantSummary {
  return { patient, grantee: PROVIDER, readCategories: [0], writeCategories: [], expiresAt: 0, grantedAt: NOW - 100, state: "active", accessNow: true, ...overrides };
}

const GRANTS: GrantSummary[] = [
  grant(ANA, {}),
  grant(BEN, { readCategories: [1], writeCategories: [1], expiresAt: NOW - 1, state: "expired", accessNow: false }),
  grant(CAL, { readCategories: [0, 3], writeCategories: [3], expiresAt: NOW + 3600, secondsLeft: 3600 }),
  grant(DEE, { readCategories: [4], expiresAt: NOW - 50, state: "expired", accessNow: false }),
];

describe("sortGrantedPatients", () => {
  it("sortGrantedPatients lists current grants soonest expiry first, open-ended after, expired last", () => {
    expect(sortGrantedPatients(GRANTS).map((row) => row.patient)).toEqual([CAL, ANA, DEE, BEN]);
  });
});

describe("timeLeftText", () => {
  it("timeLeftText gives the time left of an expiring grant", () => {
    expect(timeLeftText({ state: "active", secondsLeft: 3 * 86_400 + 4 * 3600 })).toBe("3 days 4 hours left");
  });

  it("timeLeftText says there is no end date for an open-ended grant", () => {
    expect(timeLeftText({ state: "active" })).toBe("No end date");
  });

  it("timeLeftText flags an expired grant", () => {
    expect(timeLeftText({ state: "expired" })).toBe("Expired");
  });
});

describe("patientsWithCategory", () => {
  it("patientsWithCategory for writing keeps only current grants that write the category", () => {
    expect(patientsWithCategory(GRANTS, 1, true)).toEqual([]);
    expect(patientsWithCategory(GRANTS, 3, true).map((row) => row.patient)).toEqual([CAL]);
  });

  it("patientsWithCategory for reading leaves out an expired grant", () => {
    expect(patientsWithCategory(GRANTS, 4, false)).toEqual([]);
    expect(patientsWithCategory(GRANTS, 0, false).map((row) => row.patient)).toEqual([ANA, CAL]);
  });
});

describe("currentAccess", () => {
  it("currentAccess finds a current grant whatever the address case", () => {
    expect(currentAccess(GRANTS, ANA.toUpperCase().replace("0X", "0x") as typeof ANA)?.patient).toBe(ANA);
  });

  it("currentAccess is undefined for an expired or a revoked (absent) grant", () => {
    expect(currentAccess(GRANTS, BEN)).toBeUndefined();
    expect(currentAccess(GRANTS, address("e5"))).toBeUndefined();
  });
});
