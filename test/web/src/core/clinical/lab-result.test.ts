import { describe, expect, it } from "vitest";

import { buildLabResult } from "../../../../../web/src/core/clinical/lab-result.js";
import { expectInputError } from "./support.js";

const laboratory = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory", display: "Laboratory" }], text: "Laboratory" };
const subject = { type: "Patient", display: "The patient this record is filed under" };

describe("buildLabResult", () => {
  it("builds a laboratory Observation with a quantity, LOINC code, range, interpretation and note", () => {
    expect(
      buildLabResult({ test: "HbA1c", loincCode: "4548-4", value: "6.1", unit: "%", referenceRange: "4.0–5.6 %", interpretation: "high", note: "Fasting.", date: "2025-03-02" }),
    ).toEqual({
      resourceType: "Observation",
      status: "final",
      category: [laboratory],
      code: { coding: [{ system: "http://loinc.org", code: "4548-4" }], text: "HbA1c" },
      subject,
      effectiveDateTime: "2025-03-02",
      valueQuantity: { value: 6.1, unit: "%" },
      interpretation: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "H", display: "High" }], text: "High" }],
      referenceRange: [{ text: "4.0–5.6 %" }],
      note: [{ text: "Fasting." }],
    });
  });

  it("keeps a finding that is not a number as text", () => {
    expect(buildLabResult({ test: "SARS-CoV-2 PCR", value: "Not detected", date: "2025-03-02" })).toEqual({
      resourceType: "Observation",
      status: "final",
      category: [laboratory],
      code: { text: "SARS-CoV-2 PCR" },
      subject,
      effectiveDateTime: "2025-03-02",
      valueString: "Not detected",
    });
  });

  it("turns numeric range bounds into quantities in the value's unit", () => {
    const result = buildLabResult({ test: "Glucose", value: 5.2, unit: "mmol/L", referenceRange: { low: "3.9", high: 5.5 }, date: "2025" });
    expect(result.referenceRange).toEqual([{ low: { value: 3.9, unit: "mmol/L" }, high: { value: 5.5, unit: "mmol/L" } }]);
    expect(buildLabResult({ test: "CRP", value: 3, referenceRange: { high: 5 }, date: "2025" }).referenceRange).toEqual([{ high: { value: 5 } }]);
  });

  it.each([
    [{ test: "HbA1c", value: "6.1", loincCode: "4548-5" }, "loincCode", "The LOINC code must look like 4548-4 (digits, a dash and the right check digit)."],
    [{ test: "PCR", value: "negative", unit: "%" }, "unit", "A unit only goes with a numeric result; remove it or enter a number."],
    [{ test: "HbA1c", value: "" }, "value", "The result value is required."],
    [{ test: " ", value: 1 }, "test", "The test name is required."],
    [{ test: "HbA1c", value: 1, referenceRange: { low: 6, high: 4 } }, "referenceRange", "The reference range's lower bound is above its upper bound."],
    [{ test: "HbA1c", value: 1, interpretation: "bad" as never }, "interpretation", "The interpretation must be one of: normal, abnormal, low, high, critical-low, critical-high."],
  ])("refuses %j", (input, field, message) => {
    expectInputError(() => buildLabResult(input), field, message);
  });
});
