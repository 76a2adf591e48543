import { describe, expect, it } from "vitest";

import type { Address } from "../../../../../../../web/src/core/ledger-context.js";
import {
  emptyGrantForm,
  endOfDay,
  grantFormErrors,
  grantFormFromRequest,
  grantRequests,
  localDateInput,
  type GrantFormFields,
} from "../../../../../../../web/src/portal/roles/patient/sharing/grant-form.js";
import type { ChosenProvider } from "../../../../../../../web/src/portal/roles/patient/sharing/picker-options.js";

const doctor: ChosenProvider = { account: `0x${"d0".repeat(20)}` as Address, kind: 2, name: "Dr. Ada Lovelace" };
const insurer: ChosenProvider = { account: `0x${"15".repeat(20)}` as Address, kind: 4, name: "Northside Insurance" };
const NOW = Math.floor(new Date(2030, 5, 15, 12, 0, 0).getTime() / 1000);

function form(overrides: Partial<GrantFormFields>): GrantFormFields {
  return { ...emptyGrantForm(), providers: [doctor], read: 0b1, ...overrides };
}

describe("grantFormErrors", () => {
  it("grantFormErrors on an empty form asks for a provider and a category", () => {
    expect(grantFormErrors(emptyGrantForm(), NOW)).toEqual({
      providers: "Choose at least one provider.",
      read: "Choose at least one category they may read.",
    });
  });

  it("grantFormErrors with write access for an insurer names it (the contract reverts ConsentWriteNotAllowed)", () => {
    const errors = grantFormErrors(form({ providers: [doctor, insurer], read: 0b10000, write: 0b10000 }), NOW);
    expect(errors.write).toMatch(/^Northside Insurance may only read/);
    expect(Object.keys(errors)).toEqual(["write"]);
  });

  it("grantFormErrors with read-only access for an insurer has no error", () => {
    expect(grantFormErrors(form({ providers: [insurer], read: 0b10000 }), NOW)).toEqual({});
  });

  it("grantFormErrors with an end date chosen but empty asks for it", () => {
    expect(grantFormErrors(form({ expiryMode: "date", expiryDate: "" }), NOW).expiry).toMatch(/Choose the last day/);
  });

  it("grantFormErrors with a past end date refuses it", () => {
    expect(grantFormErrors(form({ expiryMode: "date", expiryDate: "2030-06-14" }), NOW).expiry).toMatch(/has passed/);
  });

  it("grantFormErrors with today as end date accepts it (access ends tonight)", () => {
    expect(grantFormErrors(form({ expiryMode: "date", expiryDate: "2030-06-15" }), NOW)).toEqual({});
  });

  it("grantFormErrors with an impossible date calls it invalid", () => {
    expect(grantFormErrors(form({ expiryMode: "date", expiryDate: "2030-02-30" }), NOW).expiry).toBe("Enter a valid date.");
  });

  it("grantFormErrors ignores the date field when no end date is chosen", () => {
    expect(grantFormErrors(form({ expiryMode: "none", expiryDate: "1999-01-01" }), NOW)).toEqual({});
  });
});

describe("grantRequests", () => {
  it("grantRequests gives one request per provider with the same scope and the next local midnight as expiry", () => {
    const second: ChosenProvider = { ...doctor, account: `0x${"d2".repeat(20)}` as Address };
    const requests = grantRequests(form({ providers: [doctor, second], read: 0b101, write: 0b100, expiryMode: "date", expiryDate: "2030-06-20" }), NOW);
    const expiresAt = Math.floor(new Date(2030, 5, 21).getTime() / 1000);
    expect(requests).toEqual([
      { grantee: doctor.account, readScope: 0b101, writeScope: 0b100, expiresAt },
      { grantee: second.account, readScope: 0b101, writeScope: 0b100, expiresAt },
    ]);
  });

  it("grantRequests without an end date sets expiresAt 0 (no expiry)", () => {
    expect(grantRequests(form({}), NOW)?.[0]?.expiresAt).toBe(0);
  });

  it("grantRequests on a form with errors gives undefined", () => {
    expect(grantRequests(emptyGrantForm(), NOW)).toBeUndefined();
  });
});

describe("dates", () => {
  it("endOfDay of a malformed string is undefined", () => {
    expect(endOfDay("15/06/2030")).toBeUndefined();
  });

  it("localDateInput gives the local day of a timestamp as YYYY-MM-DD", () => {
    expect(localDateInput(NOW)).toBe("2030-06-15");
  });
});

describe("grantFormFromRequest", () => {
  it("grantFormFromRequest pre-fills the requester and the requested scope, write inside read", () => {
    expect(grantFormFromRequest(doctor, 0b1, 0b10)).toEqual({ ...emptyGrantForm(), providers: [doctor], read: 0b11, write: 0b10 });
  });

  it("grantFormFromRequest drops bits beyond the eight categories", () => {
    expect(grantFormFromRequest(doctor, 0x1ff, 0)).toMatchObject({ read: 0xff, write: 0 });
  });
});

