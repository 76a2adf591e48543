import { describe, expect, it } from "vitest";

import { accessRefusal, coversCategory, PATIENT_KIND, scopeOf, type AccessFacts } from "../../../../../web/src/core/audit/access-rule.js";

const open: AccessFacts = {
  paused: false, patientKind: PATIENT_KIND, patientActive: true, self: false,
  grant: { readScope: 0b11, writeScope: 0b01, expiresAt: 1_000 }, granteeActive: true, now: 999,
};

describe("accessRefusal", () => {
  it("accessRefusal_everyFactHolding_allowsReadAndWriteWithinScope", () => {
    expect([accessRefusal(open, 0, true), accessRefusal(open, 1, false)]).toEqual([undefined, undefined]);
  });

  it("accessRefusal_eachFactFailing_namesItsReasonInTheContractsOrder", () => {
    expect([
      accessRefusal({ ...open, paused: true, patientActive: false }, 0, false),
      accessRefusal({ ...open, patientActive: false }, 9, false),
      accessRefusal({ ...open, patientActive: false, granteeActive: false }, 0, false),
      accessRefusal({ ...open, patientKind: 2 }, 0, false),
      accessRefusal({ ...open, grant: undefined }, 0, false),
      accessRefusal({ ...open, grant: { readScope: 0, writeScope: 0, expiresAt: 0 } }, 0, false),
      accessRefusal(open, 1, true),
      accessRefusal(open, 2, false),
      accessRefusal({ ...open, now: 1_000, granteeActive: false }, 0, false),
      accessRefusal({ ...open, granteeActive: false }, 0, false),
    ]).toEqual(["paused", "invalid-category", "patient-inactive", "patient-inactive", "no-grant", "no-grant", "out-of-scope", "out-of-scope", "expired", "grantee-inactive"]);
  });

  it("accessRefusal_self_needsOnlyAnActivePatientAndAValidCategory", () => {
    const self = { ...open, self: true, grant: undefined, granteeActive: false };
    expect([accessRefusal(self, 7, true), accessRefusal(self, 8, false), accessRefusal({ ...self, patientActive: false }, 0, false)]).toEqual([undefined, "invalid-category", "patient-inactive"]);
  });

  it("accessRefusal_neverExpiringGrant_allowsAtAnyTime", () => {
    expect(accessRefusal({ ...open, grant: { readScope: 1, writeScope: 0, expiresAt: 0 }, now: 2 ** 40 }, 0, false)).toBeUndefined();
  });
});

describe("scopes", () => {
  it("scopeOf_categories_setsTheirBitsAndCoversReadsThemBack", () => {
    expect(scopeOf([0, 3, 7])).toBe(0b1000_1001);
    expect(scopeOf([])).toBe(0);
    expect([0, 1, 3, 7].map((category) => coversCategory(0b1000_1001, category))).toEqual([true, false, true, true]);
  });
});
