import { describe, expect, it } from "vitest";

import type { ParticipantEntry } from "../../../../../web/src/core/directory/directory.js";
import { affiliationOf, filterByKind, kindLabel, participantRow, staffOf } from "../../../../../web/src/portal/registration/participant-rows.js";

const ZERO = `0x${"00".repeat(20)}` as const;
const HOSPITAL = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const OTHER_HOSPITAL = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
const DOCTOR = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const LAB = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
const PATIENT = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";

const entry = (account: `0x${string}`, kind: number, affiliation: `0x${string}` = ZERO, active = true): ParticipantEntry => ({
  account,
  kind,
  affiliation,
  active,
  registeredBy: ZERO,
  profileDigest: `0x${"00".repeat(32)}`,
  hasEncryptionKey: false,
  registeredAtBlock: 1n,
});

const everyone = [entry(HOSPITAL, 3), entry(DOCTOR, 2, HOSPITAL), entry(LAB, 5, HOSPITAL.toLowerCase() as `0x${string}`, false), entry(PATIENT, 1), entry(OTHER_HOSPITAL, 3)];

describe("filterByKind", () => {
  it("filterByKind_all_keepsEveryone", () => {
    expect(filterByKind(everyone, "all")).toEqual(everyone);
  });

  it("filterByKind_hospitals_keepsOnlyHospitals", () => {
    expect(filterByKind(everyone, 3).map((participant) => participant.account)).toEqual([HOSPITAL, OTHER_HOSPITAL]);
  });

  it("filterByKind_kindNobodyHas_isEmpty", () => {
    expect(filterByKind(everyone, 6)).toEqual([]);
  });
});

describe("staffOf", () => {
  it("staffOf_hospital_keepsItsDoctorsAndLabsWhateverTheCaseOrStatus", () => {
    expect(staffOf(everyone, HOSPITAL).map((participant) => participant.account)).toEqual([DOCTOR, LAB]);
  });

  it("staffOf_hospitalWithoutStaff_isEmpty", () => {
    expect(staffOf(everyone, OTHER_HOSPITAL)).toEqual([]);
  });
});

describe("participantRow", () => {
  const names = (address: string) => (address === HOSPITAL ? "St. Mary's" : `short ${address.slice(0, 6)}`);

  it("participantRow_affiliatedSuspendedLab_namesItsHospitalAndStatus", () => {
    const lab = entry(LAB, 5, HOSPITAL, false);
    expect(participantRow(lab, names)).toEqual({ account: LAB, name: "short 0x2361", kind: "Laboratory", affiliation: "St. Mary's", suspended: true });
  });

  it("participantRow_unaffiliatedActivePatient_hasNoAffiliation", () => {
    expect(participantRow(entry(PATIENT, 1), names)).toMatchObject({ kind: "Patient", affiliation: undefined, suspended: false });
  });
});

describe("affiliationOf and kindLabel", () => {
  it("affiliationOf_zeroAddress_isUndefined", () => {
    expect(affiliationOf(entry(DOCTOR, 2))).toBeUndefined();
  });

  it("kindLabel_unknownKind_saysItsNumber", () => {
    expect(kindLabel(9)).toBe("Kind 9");
  });
});
