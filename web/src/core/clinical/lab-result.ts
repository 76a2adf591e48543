/** A laboratory result as an R4 Observation (category laboratory). */
import type { Observation, ObservationReferenceRange, Quantity } from "@medplum/fhirtypes";

import { ClinicalInputError } from "./errors.js";
import { dateOrNow, decimal, isDecimalText, optionalChoice, optionalText, requiredText } from "./inputs.js";
import { isLoincCode } from "./loinc.js";
import { recordPatient } from "./record-references.js";
import { LAB_INTERPRETATIONS, laboratoryCategory, LOINC, OBSERVATION_INTERPRETATION, type LabInterpretation } from "./terminology.js";

export interface LabResultInput {
  /** The test's name as the lab reports it, e.g. "HbA1c". */
  test: string;
  /** The test's LOINC code, e.g. "4548-4", when known. */
  loincCode?: string;
  /** A measurement (a number, or text such as "6.1") or a finding (text such as "negative"). */
  value: number | string;
  /** The measurement's unit, e.g. "%" or "mmol/L"; only for measurements. */
  unit?: string;
  /** As printed ("4.0–5.6") or as bounds in the value's unit. */
  referenceRange?: string | { low?: number | string; high?: number | string };
  interpretation?: LabInterpretation;
  note?: string;
  /** When the specimen was taken; now when absent. */
  date?: string | Date;
}

function testCode(input: LabResultInput): Observation["code"] {
  const test = requiredText("test", input.test, { label: "test name", maxLength: 200 });
  const loincCode = optionalText("loincCode", input.loincCode, { label: "LOINC code", maxLength: 10 });
  if (loincCode === undefined) return { text: test };
  if (!isLoincCode(loincCode)) {
    throw new ClinicalInputError("loincCode", "The LOINC code must look like 4548-4 (digits, a dash and the right check digit).");
  }
  return { coding: [{ system: LOINC, code: loincCode }], text: test };
}

function measuredValue(input: LabResultInput, unit: string | undefined): Pick<Observation, "valueQuantity" | "valueString"> {
  if (typeof input.value === "string" && !isDecimalText(input.value)) {
    const finding = requiredText("value", input.value, { label: "result value", maxLength: 500 });
    if (unit !== undefined) throw new ClinicalInputError("unit", "A unit only goes with a numeric result; remove it or enter a number.");
    return { valueString: finding };
  }
  return { valueQuantity: quantity(decimal("value", input.value, "result value"), unit) };
}

function quantity(value: number, unit: string | undefined): Quantity {
  return unit === undefined ? { value } : { value, unit };
}

function referenceRange(input: LabResultInput, unit: string | undefined): ObservationReferenceRange[] | undefined {
  const range = input.referenceRange;
  if (range === undefined || range === null) return undefined;
  if (typeof range === "string") {
    const text = optionalText("referenceRange", range, { label: "reference range", maxLength: 200 });
    return text === undefined ? undefined : [{ text }];
  }
  const low = range.low === undefined || range.low === "" ? undefined : decimal("referenceRange", range.low, "reference range's lower bound");
  const high = range.high === undefined || range.high === "" ? undefined : decimal("referenceRange", range.high, "reference range's upper bound");
  if (low === undefined && high === undefined) return undefined;
  if (low !== undefined && high !== undefined && low > high) {
    throw new ClinicalInputError("referenceRange", "The reference range's lower bound is above its upper bound.");
  }
  return [{ ...(low === undefined ? {} : { low: quantity(low, unit) }), ...(high === undefined ? {} : { high: quantity(high, unit) }) }];
}

export function buildLabResult(input: LabResultInput): Observation {
  const code = testCode(input);
  const unit = optionalText("unit", input.unit, { label: "unit", maxLength: 40 });
  const value = measuredValue(input, unit);
  const interpretation = optionalChoice("interpretation", input.interpretation, Object.keys(LAB_INTERPRETATIONS) as LabInterpretation[], "interpretation");
  const range = referenceRange(input, unit);
  const note = optionalText("note", input.note, { label: "note", maxLength: 2000 });
  const coded = interpretation === undefined ? undefined : LAB_INTERPRETATIONS[interpretation];
  return {
    resourceType: "Observation",
    status: "final",
    category: [laboratoryCategory()],
    code,
    subject: recordPatient(),
    effectiveDateTime: dateOrNow("date", input.date, "specimen date"),
    ...value,
    ...(coded === undefined ? {} : { interpretation: [{ coding: [{ system: OBSERVATION_INTERPRETATION, ...coded }], text: coded.display }] }),
    ...(range === undefined ? {} : { referenceRange: range }),
    ...(note === undefined ? {} : { note: [{ text: note }] }),
  };
}
