import { describe, expect, it } from "vitest";

import {
  ADMIN_REGISTRABLE_KINDS,
  emptyRegistrationFields,
  HOSPITAL_REGISTRABLE_KINDS,
  Kind,
  registrationErrors,
  validRegistration,
  type RegistrationFields,
  type RegistrationRules,
} from "../../../../../web/src/portal/registration/registration-fields.js";

const ADMIN = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const HOSPITAL = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ACCOUNT = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const SALT = `0x${"ab".repeat(32)}`;

const adminRules: RegistrationRules = { allowedKinds: ADMIN_REGISTRABLE_KINDS, registrar: ADMIN };
const hospitalRules: RegistrationRules = { allowedKinds: HOSPITAL_REGISTRABLE_KINDS, fixedAffiliation: HOSPITAL, registrar: HOSPITAL };

function doctor(overrides: Partial<RegistrationFields> = {}): RegistrationFields {
  return { ...emptyRegistrationFields(Kind.Doctor, SALT), account: ACCOUNT, nationalId: "1985-0412-7781", name: "Dr. Ada Quinn", specialty: "Cardiology", facility: "Ward 3", ...overrides };
}

describe("registrationErrors", () => {
  it("registrationErrors_completeDoctor_hasNone", () => {
    expect(registrationErrors(doctor(), adminRules)).toEqual({});
  });

  it("registrationErrors_emptyForm_namesEveryRequiredField", () => {
    const errors = registrationErrors(emptyRegistrationFields(Kind.Hospital, SALT), adminRules);
    expect(Object.keys(errors).sort()).toEqual(["account", "name", "nationalId", "specialty"]);
  });

  it.each(["0x1234", "3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0xZZ44CdDdB6a900fa2b585dd299e03d12FA4293BC"])("registrationErrors_malformedAccount_%s_isAnAccountError", (account) => {
    expect(registrationErrors(doctor({ account }), adminRules).account).toMatch(/40 hexadecimal/);
  });

  it("registrationErrors_zeroAccount_isRefused", () => {
    expect(registrationErrors(doctor({ account: `0x${"0".repeat(40)}` }), adminRules).account).toMatch(/zero address/);
  });

  it("registrationErrors_registrarOwnWallet_isRefused", () => {
    expect(registrationErrors(doctor({ account: ADMIN.toLowerCase() }), adminRules).account).toMatch(/your own wallet/);
  });

  it("registrationErrors_kindNotOffered_isAKindError", () => {
    expect(registrationErrors(doctor({ kind: Kind.Hospital }), hospitalRules).kind).toBeDefined();
  });

  it("registrationErrors_patientOrAuditor_needsNoProfile", () => {
    for (const kind of [Kind.Patient, Kind.Auditor]) {
      expect(registrationErrors(doctor({ kind, name: "", specialty: "" }), adminRules)).toEqual({});
    }
  });

  it("registrationErrors_providerWithoutNameOrSpecialty_namesBoth", () => {
    const errors = registrationErrors(doctor({ kind: Kind.Insurer, name: " ", specialty: "" }), adminRules);
    expect(Object.keys(errors).sort()).toEqual(["name", "specialty"]);
  });

  it("registrationErrors_facilityIsOptional", () => {
    expect(registrationErrors(doctor({ facility: "" }), adminRules)).toEqual({});
  });

  it("registrationErrors_tooLongProfileField_isRefused", () => {
    expect(registrationErrors(doctor({ name: "x".repeat(121) }), adminRules).name).toMatch(/too long/);
  });

  it("registrationErrors_affiliationLeftFromAStaffKind_isNoErrorForAnInsurer", () => {
    expect(registrationErrors(doctor({ kind: Kind.Insurer, affiliation: HOSPITAL }), adminRules)).toEqual({});
  });

  it("registrationErrors_malformedAffiliation_isRefused", () => {
    expect(registrationErrors(doctor({ affiliation: "0x12" }), adminRules).affiliation).toBeDefined();
  });

  it("registrationErrors_selfAffiliation_isRefused", () => {
    expect(registrationErrors(doctor({ affiliation: ACCOUNT }), adminRules).affiliation).toMatch(/its own hospital/);
  });

  it("registrationErrors_missingOrBadSalt_isASaltError", () => {
    expect(registrationErrors(doctor({ salt: "" }), adminRules).salt).toBeDefined();
    expect(registrationErrors(doctor({ salt: "0x1234" }), adminRules).salt).toBeDefined();
  });

  it("registrationErrors_tooLongNationalId_isRefused", () => {
    expect(registrationErrors(doctor({ nationalId: "9".repeat(65) }), adminRules).nationalId).toMatch(/longer than 64/);
  });

  it("registrationErrors_nationalIdOfDashesAndSpaces_isEmpty", () => {
    expect(registrationErrors(doctor({ nationalId: " - - " }), adminRules).nationalId).toMatch(/empty/);
  });
});

describe("validRegistration", () => {
  it("validRegistration_invalidFields_isUndefined", () => {
    expect(validRegistration(doctor({ account: "" }), adminRules)).toBeUndefined();
  });

  it("validRegistration_adminDoctorWithHospital_trimsAndKeepsAffiliation", () => {
    const valid = validRegistration(doctor({ account: ` ${ACCOUNT} `, affiliation: HOSPITAL, nationalId: " 42 ", name: " Dr. Ada Quinn " }), adminRules);
    expect(valid).toEqual({
      account: ACCOUNT,
      kind: Kind.Doctor,
      affiliation: HOSPITAL,
      nationalId: "42",
      salt: SALT,
      profile: { name: "Dr. Ada Quinn", specialty: "Cardiology", facility: "Ward 3" },
    });
  });

  it("validRegistration_adminIndependentDoctor_hasNoAffiliation", () => {
    expect(validRegistration(doctor(), adminRules)?.affiliation).toBeUndefined();
  });

  it("validRegistration_hospitalRegistrar_alwaysAffiliatesItself", () => {
    expect(validRegistration(doctor({ kind: Kind.Lab }), hospitalRules)?.affiliation).toBe(HOSPITAL);
  });

  it("validRegistration_insurerWithLeftoverHospital_hasNoAffiliation", () => {
    expect(validRegistration(doctor({ kind: Kind.Insurer, affiliation: HOSPITAL }), adminRules)?.affiliation).toBeUndefined();
  });

  it("validRegistration_patient_hasNoProfileEvenWhenFieldsWereTyped", () => {
    expect(validRegistration(doctor({ kind: Kind.Patient }), adminRules)?.profile).toBeUndefined();
  });
});
