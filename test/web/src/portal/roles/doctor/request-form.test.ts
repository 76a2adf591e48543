import { describe, expect, it } from "vitest";

import type { Address } from "../../../../../../web/src/core/ledger-context.js";
import {
  emptyRequestForm,
  patientStandingError,
  requestArgs,
  requestFormErrors,
  type RequestFormFields,
} from "../../../../../../web/src/portal/roles/doctor/request-form.js";

const DOCTOR = `0x${"d0".repeat(20)}` as Address;
const PATIENT = `0x${"a1".repeat(20)}` as Address;

function form(overrides: Partial<RequestFormFields>): RequestFormFields {
  return { ...emptyRequestForm(), patient: PATIENT, read: 0b1, ...overrides };
}

describe("requestFormErrors", () => {
  it("requestFormErrors accepts a patient address, a scope and a purpose", () => {
    expect(requestFormErrors(form({}), DOCTOR)).toEqual({});
  });

  it("requestFormErrors asks for the address when it is empty", () => {
    expect(requestFormErrors(form({ patient: "  " }), DOCTOR).patient).toMatch(/Enter the patient's account address/);
  });

  it("requestFormErrors refuses text that is not an address", () => {
    expect(requestFormErrors(form({ patient: "0x1234" }), DOCTOR).patient).toMatch(/40 hexadecimal digits/);
  });

  it("requestFormErrors refuses the doctor's own account", () => {
    expect(requestFormErrors(form({ patient: DOCTOR.toUpperCase().replace("0X", "0x") }), DOCTOR).patient).toMatch(/your own account/);
  });

  it("requestFormErrors asks for a category when none is ticked", () => {
    expect(requestFormErrors(form({ read: 0 }), DOCTOR).read).toMatch(/at least one category/);
  });

  it("requestFormErrors refuses a purpose outside the contract's codes", () => {
    expect(requestFormErrors(form({ purpose: 9 }), DOCTOR).purpose).toMatch(/purpose/);
  });
});

describe("patientStandingError", () => {
  it("patientStandingError accepts an active patient", () => {
    expect(patientStandingError({ kind: 1, status: 0 })).toBeUndefined();
  });

  it("patientStandingError refuses an unregistered account or another kind", () => {
    expect(patientStandingError({ kind: 0, status: 0 })).toMatch(/No patient is registered/);
    expect(patientStandingError({ kind: 2, status: 0 })).toMatch(/No patient is registered/);
  });

  it("patientStandingError refuses a suspended patient", () => {
    expect(patientStandingError({ kind: 1, status: 1 })).toMatch(/suspended/);
  });
});

describe("requestArgs", () => {
  it("requestArgs sends the read scope including write, then write, then the purpose", () => {
    expect(requestArgs(form({ patient: ` ${PATIENT} `, read: 0b1, write: 0b10, purpose: 4 }))).toEqual([PATIENT, 0b11, 0b10, 4]);
  });
});
