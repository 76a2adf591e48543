/**
 * A prescription as an R4 MedicationRequest. It starts active (shown as Pending); marking it given
 * is an amendment of the record whose new version is the same request, completed.
 */
import type { MedicationRequest } from "@medplum/fhirtypes";

import { ClinicalInputError } from "./errors.js";
import { dateOrNow, fhirDateTime, optionalText, positiveDecimal, requiredText } from "./inputs.js";
import { recordPatient } from "./record-references.js";
import { GIVEN_AT_EXTENSION } from "./terminology.js";

export interface PrescriptionInput {
  /** The medication and strength, e.g. "Metformin 500 mg tablet". */
  medication: string;
  /** The instructions, e.g. "1 tablet twice daily with meals". */
  dosage: string;
  /** How many units to dispense. */
  quantity?: number | string;
  note?: string;
  /** When it was prescribed; now when absent. */
  date?: string | Date;
}

export function buildPrescription(input: PrescriptionInput): MedicationRequest {
  const medication = requiredText("medication", input.medication, { label: "medication", maxLength: 200 });
  const dosage = requiredText("dosage", input.dosage, { label: "dosage", maxLength: 500 });
  const quantity = input.quantity === undefined || input.quantity === "" ? undefined : positiveDecimal("quantity", input.quantity, "quantity");
  const note = optionalText("note", input.note, { label: "note", maxLength: 2000 });
  return {
    resourceType: "MedicationRequest",
    status: "active",
    intent: "order",
    medicationCodeableConcept: { text: medication },
    subject: recordPatient(),
    authoredOn: dateOrNow("date", input.date, "prescription date"),
    dosageInstruction: [{ text: dosage }],
    ...(quantity === undefined ? {} : { dispenseRequest: { quantity: { value: quantity } } }),
    ...(note === undefined ? {} : { note: [{ text: note }] }),
  };
}

/** The amended request: completed, with when it was given; everything else as it was. */
export function markPrescriptionGiven(request: MedicationRequest, { givenAt }: { givenAt: string | Date }): MedicationRequest {
  if (request.resourceType !== "MedicationRequest") throw new ClinicalInputError("request", "Only a prescription can be marked given.");
  if (request.status !== "active") {
    throw new ClinicalInputError("request", `Only a pending prescription can be marked given; this one is ${request.status}.`);
  }
  const valueDateTime = fhirDateTime("givenAt", givenAt, "time it was given");
  return {
    ...request,
    status: "completed",
    extension: [...(request.extension ?? []), { url: GIVEN_AT_EXTENSION, valueDateTime }],
  };
}
