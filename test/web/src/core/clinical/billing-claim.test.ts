import { describe, expect, it } from "vitest";

import { buildBillingClaim } from "../../../../../web/src/core/clinical/billing-claim.js";
import { expectInputError } from "./support.js";

describe("buildBillingClaim", () => {
  it("builds a minimal professional Claim with one priced item", () => {
    expect(buildBillingClaim({ service: "Cardiology consultation", amount: "120.50", currency: "eur", date: "2025-03-02" })).toEqual({
      resourceType: "Claim",
      status: "active",
      type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "professional", display: "Professional" }], text: "Professional" },
      use: "claim",
      patient: { type: "Patient", display: "The patient this record is filed under" },
      created: "2025-03-02",
      provider: { display: "The author of this record on the ledger" },
      priority: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/processpriority", code: "normal", display: "Normal" }], text: "Normal" },
      insurance: [{ sequence: 1, focal: true, coverage: { type: "Coverage", display: "The patient's coverage with the insurer this claim is shared with" } }],
      item: [{ sequence: 1, productOrService: { text: "Cardiology consultation" }, net: { value: 120.5, currency: "EUR" } }],
      total: { value: 120.5, currency: "EUR" },
    });
  });

  it.each([
    [{ service: "x", amount: 1, currency: "EURO" }, "currency", "The currency must be a three-letter ISO 4217 code such as EUR or USD."],
    [{ service: "x", amount: 1, currency: "ZZZ" }, "currency", "The currency must be a three-letter ISO 4217 code such as EUR or USD."],
    [{ service: "x", amount: "0", currency: "EUR" }, "amount", "The amount must be greater than zero."],
    [{ service: "x", amount: "1,5", currency: "EUR" }, "amount", "The amount must be a number, written with digits and a decimal point."],
    [{ service: "", amount: 1, currency: "EUR" }, "service", "The service is required."],
  ])("refuses %j", (input, field, message) => {
    expectInputError(() => buildBillingClaim(input), field, message);
  });
});
