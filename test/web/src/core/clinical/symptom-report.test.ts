import { describe, expect, it } from "vitest";

import { buildSymptomReport } from "../../../../../web/src/core/clinical/symptom-report.js";
import { expectInputError } from "./support.js";

describe("buildSymptomReport", () => {
  it("builds a patient-performed survey Observation with onset and severity components", () => {
    expect(buildSymptomReport({ symptoms: "Headache and nausea", onset: "2025-03-01", severity: "moderate", date: "2025-03-02" })).toEqual({
      resourceType: "Observation",
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey", display: "Survey" }], text: "Survey" }],
      code: { text: "Patient-reported symptoms" },
      subject: { type: "Patient", display: "The patient this record is filed under" },
      performer: [{ type: "Patient", display: "The patient this record is filed under" }],
      effectiveDateTime: "2025-03-02",
      valueString: "Headache and nausea",
      component: [
        { code: { text: "Onset" }, valueDateTime: "2025-03-01" },
        { code: { text: "Severity" }, valueCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: "6736007", display: "Moderate" }], text: "Moderate" } },
      ],
    });
  });

  it("leaves the components out when the form gave neither onset nor severity", () => {
    expect(buildSymptomReport({ symptoms: "Cough", date: "2025" }).component).toBeUndefined();
  });

  it.each([
    [{ symptoms: "" }, "symptoms", "The description of the symptoms is required."],
    [{ symptoms: "x", severity: "terrible" as never }, "severity", "The severity must be one of: mild, moderate, severe."],
    [{ symptoms: "x", onset: "last week" }, "onset", "The onset date must be a date such as 2025-03-02, or a date and time."],
  ])("refuses %j", (input, field, message) => {
    expectInputError(() => buildSymptomReport(input), field, message);
  });
});
