/** Symptoms in the patient's own words, as an R4 Observation (category survey) performed by the patient. */
import type { Observation, ObservationComponent } from "@medplum/fhirtypes";

import { dateOrNow, optionalChoice, optionalDateTime, requiredText } from "./inputs.js";
import { recordPatient } from "./record-references.js";
import { SEVERITIES, SNOMED_CT, surveyCategory, type Severity } from "./terminology.js";

export interface SymptomReportInput {
  symptoms: string;
  /** When the symptoms started. */
  onset?: string | Date;
  severity?: Severity;
  /** When reported; now when absent. */
  date?: string | Date;
}

export const SYMPTOM_REPORT_TITLE = "Patient-reported symptoms";

export function buildSymptomReport(input: SymptomReportInput): Observation {
  const symptoms = requiredText("symptoms", input.symptoms, { label: "description of the symptoms", maxLength: 5000 });
  const onset = optionalDateTime("onset", input.onset, "onset date");
  const severity = optionalChoice("severity", input.severity, Object.keys(SEVERITIES) as Severity[], "severity");
  const components: ObservationComponent[] = [];
  if (onset !== undefined) components.push({ code: { text: "Onset" }, valueDateTime: onset });
  if (severity !== undefined) {
    const { code, display } = SEVERITIES[severity];
    components.push({ code: { text: "Severity" }, valueCodeableConcept: { coding: [{ system: SNOMED_CT, code, display }], text: display } });
  }
  return {
    resourceType: "Observation",
    status: "final",
    category: [surveyCategory()],
    code: { text: SYMPTOM_REPORT_TITLE },
    subject: recordPatient(),
    performer: [recordPatient()],
    effectiveDateTime: dateOrNow("date", input.date, "report date"),
    valueString: symptoms,
    ...(components.length === 0 ? {} : { component: components }),
  };
}
