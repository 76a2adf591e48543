import { describe, expect, it } from "vitest";

import { buildClinicalNote, buildImagingReport, buildLabResult, buildPrescription, buildSymptomReport, markPrescriptionGiven } from "../../../../../web/src/core/clinical/index.js";
import { composerStartOf } from "../../../../../web/src/portal/providers/amend-values.js";
import { composeRecord } from "../../../../../web/src/portal/records/composer-form.js";

const MENTAL_HEALTH = 5;

/** Amending without changes must rebuild the same resource: the form loses nothing. */
function roundTrips(resource: Parameters<typeof composerStartOf>[0], category: number) {
  const start = composerStartOf(resource, category);
  if (start === undefined) throw new Error("no form for the resource");
  const composed = composeRecord(start.kind, start.values);
  if (!composed.ok) throw new Error(composed.message);
  return { start, composed };
}

describe("composerStartOf", () => {
  it("composerStartOf_clinicalNote_keepsTitleTextCategoryAndDay", () => {
    const note = buildClinicalNote({ title: "Follow-up", text: "Doing well.\nKeep walking.", date: "2030-06-15" });
    const { start, composed } = roundTrips(note, MENTAL_HEALTH);
    expect(start).toEqual({ kind: "clinical-note", values: { title: "Follow-up", text: "Doing well.\nKeep walking.", category: "5", date: "2030-06-15" } });
    expect(composed.category).toBe(MENTAL_HEALTH);
    expect(composed.resource).toMatchObject({ title: note.title, section: note.section, date: note.date });
  });

  it("composerStartOf_labResult_keepsEveryFieldAndRebuildsTheSameObservation", () => {
    const result = buildLabResult({ test: "HbA1c", loincCode: "4548-4", value: "6.1", unit: "%", referenceRange: "4.0–5.6", interpretation: "high", note: "Fasting", date: "2030-06-15" });
    const { start, composed } = roundTrips(result, 1);
    expect(start.values).toEqual({ test: "HbA1c", loincCode: "4548-4", value: "6.1", unit: "%", referenceRange: "4.0–5.6", interpretation: "high", note: "Fasting", date: "2030-06-15" });
    expect(composed.resource).toEqual(result);
  });

  it("composerStartOf_textFinding_keepsItWithoutUnit", () => {
    const { start } = roundTrips(buildLabResult({ test: "Strep A", value: "negative", date: "2030-06-15" }), 1);
    expect([start.values.value, start.values.unit]).toEqual(["negative", ""]);
  });

  it("composerStartOf_imagingReport_splitsModalityAndBodySite", () => {
    const report = buildImagingReport({ modality: "X-ray", bodySite: "left knee", conclusion: "No fracture.", date: "2030-06-15" });
    const { start, composed } = roundTrips(report, 2);
    expect(start.values).toEqual({ modality: "X-ray", bodySite: "left knee", conclusion: "No fracture.", date: "2030-06-15" });
    expect(composed.resource).toEqual(report);
  });

  it("composerStartOf_pendingPrescription_rebuildsTheSameRequest", () => {
    const prescription = buildPrescription({ medication: "Metformin 500 mg tablet", dosage: "1 tablet twice daily", quantity: "60", note: "With meals", date: "2030-06-15" });
    const { start, composed } = roundTrips(prescription, 3);
    expect(start.kind).toBe("prescription");
    expect(composed.resource).toEqual(prescription);
  });

  it("composerStartOf_givenPrescription_hasNoFormSoItIsNotResetToPending", () => {
    const given = markPrescriptionGiven(buildPrescription({ medication: "Amoxicillin", dosage: "500 mg three times daily" }), { givenAt: "2030-06-15T10:00:00Z" });
    expect(composerStartOf(given, 3)).toBeUndefined();
  });

  it("composerStartOf_kindProvidersDoNotAdd_hasNoForm", () => {
    expect(composerStartOf(buildSymptomReport({ symptoms: "Headache" }), 7)).toBeUndefined();
    expect(composerStartOf({ resourceType: "Patient" }, 0)).toBeUndefined();
  });
});
