import { describe, expect, it } from "vitest";

import type { AccessRequest } from "../../../../../../../web/src/core/consent/requests.js";
import { approvalForm, DENY_REASONS, requestRow } from "../../../../../../../web/src/portal/roles/patient/sharing/request-rows.js";
import { address, cardiologist, DIRECTORY } from "./directory-fixture.js";

const request: AccessRequest = {
  patient: address("aa"),
  requester: cardiologist.account,
  readCategories: [0, 2],
  writeCategories: [0],
  purposeCode: 0,
  purpose: "treatment",
  requestedAt: 1_000,
  requestedAtBlock: 5n,
  status: "pending",
};

describe("requestRow", () => {
  it("requestRow names the requester from the directory and says what it asks for, and why", () => {
    expect(requestRow(request, DIRECTORY)).toMatchObject({
      name: "Dr. Ada Quinn",
      facility: "Saint Mary Hospital",
      kind: 2,
      scope: "may read imaging; may read and add general notes",
      purpose: "Treatment",
      readScope: 0b101,
      writeScope: 0b1,
    });
  });

  it("requestRow of a requester missing from the directory has no name or kind", () => {
    expect(requestRow({ ...request, requester: address("99") }, DIRECTORY)).toMatchObject({ name: undefined, kind: undefined });
  });
});

describe("approvalForm", () => {
  it("approvalForm pre-fills the requester with the kind given and exactly the scope asked", () => {
    expect(approvalForm(requestRow(request, DIRECTORY), 2)).toMatchObject({
      providers: [{ account: cardiologist.account, kind: 2, name: "Dr. Ada Quinn" }],
      read: 0b101,
      write: 0b1,
      expiryMode: "none",
    });
  });
});

describe("DENY_REASONS", () => {
  it("DENY_REASONS offers the contract's four reason codes, 0 to 3, worded", () => {
    expect(DENY_REASONS).toEqual([
      { code: 0, label: "No reason given" },
      { code: 1, label: "Not my provider" },
      { code: 2, label: "Scope too broad" },
      { code: 3, label: "Purpose not accepted" },
    ]);
  });
});
