import { describe, expect, it } from "vitest";

import { chartPath } from "../../../../../web/src/portal/providers/provider-role.js";
import { DOCTOR_ROLE } from "../../../../../web/src/portal/roles/doctor/doctor-role.js";
import { INSURER_ROLE } from "../../../../../web/src/portal/roles/insurer/insurer-role.js";
import { LAB_ROLE } from "../../../../../web/src/portal/roles/lab/lab-role.js";
import { address } from "../records/record-summaries.js";

describe("chartPath", () => {
  it("chartPath_patientAddress_isUnderTheRolesPatientsPath", () => {
    expect(chartPath(DOCTOR_ROLE, address("a1"))).toBe(`/doctor/patients/${address("a1")}`);
  });
});

describe("provider roles", () => {
  it("labRole_looksAtAndAddsLabResultsOnly", () => {
    expect([LAB_ROLE.onlyCategories, LAB_ROLE.kinds]).toEqual([[1], ["lab-result"]]);
  });

  it("insurerRole_readsBillingOnlyForPaymentAndAddsNothing", () => {
    expect([INSURER_ROLE.onlyCategories, INSURER_ROLE.kinds, INSURER_ROLE.readPurpose]).toEqual([[4], [], 2]);
  });

  it("doctorRole_looksAtEveryGrantedCategoryAndReadsForTreatment", () => {
    expect([DOCTOR_ROLE.onlyCategories, DOCTOR_ROLE.readPurpose, DOCTOR_ROLE.kinds]).toEqual([undefined, 0, ["clinical-note", "lab-result", "imaging-report", "prescription"]]);
  });
});
