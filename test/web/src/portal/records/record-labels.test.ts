import { describe, expect, it } from "vitest";

import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { authorLabel, categoryLabel, facilityLabel } from "../../../../../web/src/portal/records/record-labels.js";
import { address, PATIENT } from "./record-summaries.js";

const DOCTOR = address("0d");
const HOSPITAL = address("c1");
const names = new Map([[DOCTOR, "Dr. Ada Grey (City Hospital)"], [HOSPITAL, "City Hospital"]]);
const nameOf = (who: Address) => names.get(who);
const nobody = () => undefined;

describe("authorLabel", () => {
  it("authorLabel says You for the reader's own records, whatever the address case", () => {
    expect(authorLabel({ author: PATIENT, patient: PATIENT }, PATIENT.toUpperCase().replace("0X", "0x") as Address, nameOf)).toBe("You");
  });

  it("authorLabel says The patient when another reader sees the patient's own record", () => {
    expect(authorLabel({ author: PATIENT, patient: PATIENT }, DOCTOR, nameOf)).toBe("The patient");
  });

  it("authorLabel uses the directory name, then the short address", () => {
    expect(authorLabel({ author: DOCTOR, patient: PATIENT }, PATIENT, nameOf)).toBe("Dr. Ada Grey (City Hospital)");
    expect(authorLabel({ author: DOCTOR, patient: PATIENT }, PATIENT, nobody)).toBe("0x0d0d…0d0d");
  });
});

describe("facilityLabel", () => {
  it("facilityLabel names the facility, falls back to the short address, and says when there is none", () => {
    expect(facilityLabel(HOSPITAL, nameOf)).toBe("City Hospital");
    expect(facilityLabel(HOSPITAL, nobody)).toBe("0xc1c1…c1c1");
    expect(facilityLabel(undefined, nameOf)).toBe("No facility");
    expect(facilityLabel(address("00"), nameOf)).toBe("No facility");
  });
});

describe("categoryLabel", () => {
  it("categoryLabel capitalizes the ledger's category name", () => {
    expect(categoryLabel(1)).toBe("Lab results");
    expect(categoryLabel(42)).toBe("Category 42");
  });
});
