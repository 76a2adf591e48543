import { describe, expect, it } from "vitest";

import { buildPrescription, markPrescriptionGiven } from "../../../../../web/src/core/clinical/prescription.js";
import { clinicalInputError, expectInputError } from "./support.js";

const pending = () => buildPrescription({ medication: "Metformin 500 mg tablet", dosage: "1 tablet twice daily", quantity: "60", note: "With meals.", date: "2025-03-02" });

describe("buildPrescription", () => {
  it("builds an active order", () => {
    expect(pending()).toEqual({
      resourceType: "MedicationRequest",
      status: "active",
      intent: "order",
      medicationCodeableConcept: { text: "Metformin 500 mg tablet" },
      subject: { type: "Patient", display: "The patient this record is filed under" },
      authoredOn: "2025-03-02",
      dosageInstruction: [{ text: "1 tablet twice daily" }],
      dispenseRequest: { quantity: { value: 60 } },
      note: [{ text: "With meals." }],
    });
  });

  it.each([
    [{ medication: "", dosage: "x" }, "medication", "The medication is required."],
    [{ medication: "m", dosage: "" }, "dosage", "The dosage is required."],
    [{ medication: "m", dosage: "d", quantity: -1 }, "quantity", "The quantity must be greater than zero."],
  ])("refuses %j", (input, field, message) => {
    expectInputError(() => buildPrescription(input), field, message);
  });
});

describe("markPrescriptionGiven", () => {
  it("completes the request and records when, keeping everything else", () => {
    const request = pending();
    const given = markPrescriptionGiven(request, { givenAt: "2025-03-03T10:00:00Z" });
    expect(given).toEqual({
      ...request,
      status: "completed",
      extension: [{ url: "urn:ehr-ledger:fhir:StructureDefinition:prescription-given-at", valueDateTime: "2025-03-03T10:00:00.000Z" }],
    });
    expect(request.status).toBe("active");
    expect(request.extension).toBeUndefined();
  });

  it("keeps the request's own extensions", () => {
    const request = { ...pending(), extension: [{ url: "urn:other", valueString: "kept" }] };
    expect(markPrescriptionGiven(request, { givenAt: "2025-03-03" }).extension).toEqual([
      { url: "urn:other", valueString: "kept" },
      { url: "urn:ehr-ledger:fhir:StructureDefinition:prescription-given-at", valueDateTime: "2025-03-03" },
    ]);
  });

  it("refuses a prescription that is no longer pending", () => {
    const given = markPrescriptionGiven(pending(), { givenAt: "2025-03-03" });
    const error = clinicalInputError(() => markPrescriptionGiven(given, { givenAt: "2025-03-04" }));
    expect([error.field, error.message]).toEqual(["request", "Only a pending prescription can be marked given; this one is completed."]);
  });

  it("refuses another resource type and an invalid time", () => {
    expect(clinicalInputError(() => markPrescriptionGiven({ resourceType: "Observation" } as never, { givenAt: "2025" })).message).toBe(
      "Only a prescription can be marked given.",
    );
    expect(clinicalInputError(() => markPrescriptionGiven(pending(), { givenAt: "soon" })).field).toBe("givenAt");
  });
});
