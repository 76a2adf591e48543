/** A bill for one service as a minimal R4 Claim: one item, its price and the total. */
import type { Claim, Money } from "@medplum/fhirtypes";

import { ClinicalInputError } from "./errors.js";
import { dateOrNow, positiveDecimal, requiredText } from "./inputs.js";
import { recordAuthor, recordCoverage, recordPatient } from "./record-references.js";
import { normalPriority, professionalClaim } from "./terminology.js";

export interface BillingClaimInput {
  service: string;
  amount: number | string;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  /** When the claim was created; now when absent. */
  date?: string | Date;
}

function currencyCode(value: unknown): NonNullable<Money["currency"]> {
  const code = typeof value === "string" ? value.trim().toUpperCase() : "";
  if (!/^[A-Z]{3}$/.test(code) || !Intl.supportedValuesOf("currency").includes(code)) {
    throw new ClinicalInputError("currency", "The currency must be a three-letter ISO 4217 code such as EUR or USD.");
  }
  return code as NonNullable<Money["currency"]>;
}

export function buildBillingClaim(input: BillingClaimInput): Claim {
  const service = requiredText("service", input.service, { label: "service", maxLength: 200 });
  const value = positiveDecimal("amount", input.amount, "amount");
  const money: Money = { value, currency: currencyCode(input.currency) };
  return {
    resourceType: "Claim",
    status: "active",
    type: professionalClaim(),
    use: "claim",
    patient: recordPatient(),
    created: dateOrNow("date", input.date, "claim date"),
    provider: recordAuthor(),
    priority: normalPriority(),
    insurance: [{ sequence: 1, focal: true, coverage: recordCoverage() }],
    item: [{ sequence: 1, productOrService: { text: service }, net: money }],
    total: money,
  };
}
