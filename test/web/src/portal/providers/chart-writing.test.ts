import { describe, expect, it } from "vitest";

import { addableKinds, roleCategories, wantedWriteCategories } from "../../../../../web/src/portal/providers/chart-writing.js";
import type { RecordKind } from "../../../../../web/src/portal/records/composer-form.js";

const DOCTOR_KINDS: readonly RecordKind[] = ["clinical-note", "lab-result", "imaging-report", "prescription"];
const [NOTES, LABS, IMAGING, PRESCRIPTIONS, BILLING, MENTAL_HEALTH, GENOMICS] = [0, 1, 2, 3, 4, 5, 6];

describe("roleCategories", () => {
  it("roleCategories_doctorKinds_coverNotesResultsImagingPrescriptionsAndTheNoteCategories", () => {
    expect(roleCategories(DOCTOR_KINDS)).toEqual([NOTES, LABS, IMAGING, PRESCRIPTIONS, MENTAL_HEALTH, GENOMICS]);
  });

  it("roleCategories_noKinds_isEmpty", () => {
    expect(roleCategories([])).toEqual([]);
  });
});

describe("wantedWriteCategories", () => {
  it("wantedWriteCategories_grantWithWriteScope_asksOnlyAboutTheRolesGrantedOnes", () => {
    expect(wantedWriteCategories(DOCTOR_KINDS, [NOTES, PRESCRIPTIONS, BILLING])).toEqual([NOTES, PRESCRIPTIONS]);
  });

  it("wantedWriteCategories_readOnlyGrant_asksAboutEveryRoleCategory", () => {
    expect(wantedWriteCategories(["lab-result"], [])).toEqual([LABS]);
  });

  it("wantedWriteCategories_grantWritesNothingOfTheRoles_asksAboutEveryRoleCategory", () => {
    expect(wantedWriteCategories(["lab-result"], [NOTES])).toEqual([LABS]);
  });
});

describe("addableKinds", () => {
  it("addableKinds_someWritable_offersTheKindsFiledThereInTheRolesOrder", () => {
    expect(addableKinds(DOCTOR_KINDS, [PRESCRIPTIONS, MENTAL_HEALTH])).toEqual(["clinical-note", "prescription"]);
  });

  it("addableKinds_nothingWritable_offersNothing", () => {
    expect(addableKinds(DOCTOR_KINDS, [])).toEqual([]);
  });
});
