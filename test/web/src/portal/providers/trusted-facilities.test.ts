import { describe, expect, it } from "vitest";

import type { Address } from "../../../../../web/src/core/ledger-context.js";
import {
  defaultTrustedFacilities,
  facilityOptions,
  isTrusted,
  setTrusted,
} from "../../../../../web/src/portal/providers/trusted-facilities.js";
import { address, recordSummary as summary } from "../records/record-summaries.js";

const CITY = address("c1");
const COAST = address("c2");
const UNKNOWN = address("c3");
const NAMES = new Map<string, string>([
  [CITY.toLowerCase(), "City Hospital"],
  [COAST.toLowerCase(), "Annex Clinic"],
]);
const nameOf = (account: Address) => NAMES.get(account.toLowerCase());

const RECORDS = [summary(1, 0, 100, { facility: COAST }), summary(2, 0, 200, { facility: CITY }), summary(3, 0, 300), summary(4, 0, 400, { facility: UNKNOWN })];

describe("facilityOptions", () => {
  it("facilityOptions puts the provider's own hospital first, then named ones by name, then unknown ones", () => {
    expect(facilityOptions(RECORDS, CITY, nameOf).map((option) => option.name)).toEqual(["City Hospital", "Annex Clinic", "0xc3c3…c3c3"]);
  });

  it("facilityOptions marks only the own hospital as own, whatever the address case", () => {
    const options = facilityOptions(RECORDS, CITY.toUpperCase().replace("0X", "0x") as Address, nameOf);
    expect(options.filter((option) => option.own).map((option) => option.address)).toEqual([CITY]);
  });

  it("facilityOptions without an own hospital orders named facilities by name, unknown ones last", () => {
    expect(facilityOptions(RECORDS, undefined, nameOf).map((option) => option.name)).toEqual(["Annex Clinic", "City Hospital", "0xc3c3…c3c3"]);
  });

  it("facilityOptions of records without facilities is empty", () => {
    expect(facilityOptions([summary(1, 0, 1)], CITY, nameOf)).toEqual([]);
  });
});

describe("defaultTrustedFacilities", () => {
  it("defaultTrustedFacilities trusts the own hospital", () => {
    expect(defaultTrustedFacilities(CITY)).toEqual([CITY]);
  });

  it("defaultTrustedFacilities of an unaffiliated provider (zero affiliation) trusts nobody", () => {
    expect(defaultTrustedFacilities(`0x${"0".repeat(40)}` as Address)).toEqual([]);
    expect(defaultTrustedFacilities(undefined)).toEqual([]);
  });
});

describe("setTrusted and isTrusted", () => {
  it("setTrusted adds a facility once and removes it whatever the case", () => {
    const trusted = setTrusted(setTrusted([CITY], COAST, true), COAST, true);
    expect(trusted).toEqual([CITY, COAST]);
    expect(setTrusted(trusted, CITY.toUpperCase().replace("0X", "0x") as Address, false)).toEqual([COAST]);
  });

  it("isTrusted is false for a facility not ticked", () => {
    expect(isTrusted([CITY], COAST)).toBe(false);
    expect(isTrusted([CITY], CITY)).toBe(true);
  });
});
