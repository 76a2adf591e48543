import { describe, expect, it } from "vitest";

import { buildImagingReport } from "../../../../../web/src/core/clinical/imaging-report.js";
import { expectInputError } from "./support.js";

describe("buildImagingReport", () => {
  it("builds a final radiology DiagnosticReport whose name carries modality and body site", () => {
    expect(buildImagingReport({ modality: "CT", bodySite: "chest", conclusion: "No acute findings.", date: "2025-03-02T09:00:00Z" })).toEqual({
      resourceType: "DiagnosticReport",
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0074", code: "RAD", display: "Radiology" }], text: "Radiology" }],
      code: { text: "CT of chest" },
      subject: { type: "Patient", display: "The patient this record is filed under" },
      effectiveDateTime: "2025-03-02T09:00:00.000Z",
      conclusion: "No acute findings.",
    });
  });

  it("names the study by its modality alone when there is no body site", () => {
    expect(buildImagingReport({ modality: "Ultrasound", conclusion: "Normal.", date: "2025" }).code).toEqual({ text: "Ultrasound" });
  });

  it.each([
    [{ modality: "", conclusion: "x" }, "modality", "The modality is required."],
    [{ modality: "CT", conclusion: "" }, "conclusion", "The conclusion is required."],
  ])("refuses %j", (input, field, message) => {
    expectInputError(() => buildImagingReport(input), field, message);
  });
});
