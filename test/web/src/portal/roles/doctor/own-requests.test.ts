import { describe, expect, it } from "vitest";

import type { AccessRequest } from "../../../../../../web/src/core/consent/requests.js";
import type { Address } from "../../../../../../web/src/core/ledger-context.js";
import { ownRequestRows } from "../../../../../../web/src/portal/roles/doctor/own-requests.js";

const PATIENT = `0x${"a1".repeat(20)}` as Address;
const DOCTOR = `0x${"d0".repeat(20)}` as Address;

function request(overrides: Partial<AccessRequest>): AccessRequest {
  return {
    patient: PATIENT,
    requester: DOCTOR,
    readCategories: [0, 3],
    writeCategories: [3],
    purposeCode: 0,
    purpose: "treatment",
    requestedAt: 1_900_000_000,
    requestedAtBlock: 12n,
    status: "pending",
    ...overrides,
  };
}

describe("ownRequestRows", () => {
  it("ownRequestRows_pendingRequest_saysItWaitsWithScopeAndPurposeInWords", () => {
    const [row] = ownRequestRows([request({})]);
    expect(row).toMatchObject({
      patient: PATIENT,
      patientLabel: "0xa1a1…a1a1",
      scope: "may read general notes; may read and add prescriptions",
      purpose: "Treatment",
      status: "pending",
      answer: "Pending: waiting for the patient's answer",
      answerClass: "status-warn",
    });
  });

  it("ownRequestRows_deniedRequest_showsTheReason", () => {
    const [row] = ownRequestRows([request({ status: "denied", denyReasonCode: 1, denyReason: "not my provider" })]);
    expect([row?.answer, row?.answerClass]).toEqual(["Denied: not my provider", "status-bad"]);
  });

  it("ownRequestRows_deniedWithoutAReasonOnRecord_saysDeniedOnly", () => {
    expect(ownRequestRows([request({ status: "denied" })])[0]?.answer).toBe("Denied");
  });

  it("ownRequestRows_grantedRequest_saysApproved", () => {
    expect(ownRequestRows([request({ status: "granted" })])[0]).toMatchObject({ answer: "Approved: the patient granted access", answerClass: "status-active" });
  });

  it("ownRequestRows_severalRequests_keepsTheirOrder", () => {
    const other = `0x${"b2".repeat(20)}` as Address;
    expect(ownRequestRows([request({ patient: other }), request({})]).map((row) => row.patient)).toEqual([other, PATIENT]);
  });
});
