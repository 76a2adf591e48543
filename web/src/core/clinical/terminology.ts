/** The code systems and codes the clinical builders use, and how the renderer recognises them again. */
import type { CodeableConcept, Coding } from "@medplum/fhirtypes";

export const LOINC = "http://loinc.org";
export const SNOMED_CT = "http://snomed.info/sct";
export const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const DIAGNOSTIC_SERVICE_SECTION = "http://terminology.hl7.org/CodeSystem/v2-0074";
export const OBSERVATION_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
export const CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
export const PROCESS_PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";
/** When a prescription was marked given; R4 MedicationRequest has no element for it. */
export const GIVEN_AT_EXTENSION = "urn:ehr-ledger:fhir:StructureDefinition:prescription-given-at";

export function concept(system: string, code: string, display: string): CodeableConcept {
  return { coding: [{ system, code, display }], text: display };
}

// Functions rather than shared objects: a caller editing one resource must not change the next.
export const laboratoryCategory = () => concept(OBSERVATION_CATEGORY, "laboratory", "Laboratory");
export const surveyCategory = () => concept(OBSERVATION_CATEGORY, "survey", "Survey");
export const radiologyCategory = () => concept(DIAGNOSTIC_SERVICE_SECTION, "RAD", "Radiology");
export const noteType = () => concept(LOINC, "34109-9", "Note");
export const professionalClaim = () => concept(CLAIM_TYPE, "professional", "Professional");
export const normalPriority = () => concept(PROCESS_PRIORITY, "normal", "Normal");

export const LAB_INTERPRETATIONS = {
  normal: { code: "N", display: "Normal" },
  abnormal: { code: "A", display: "Abnormal" },
  low: { code: "L", display: "Low" },
  high: { code: "H", display: "High" },
  "critical-low": { code: "LL", display: "Critical low" },
  "critical-high": { code: "HH", display: "Critical high" },
} as const;
export type LabInterpretation = keyof typeof LAB_INTERPRETATIONS;

/** The SNOMED CT codes of FHIR's condition-severity value set. */
export const SEVERITIES = {
  mild: { code: "255604002", display: "Mild" },
  moderate: { code: "6736007", display: "Moderate" },
  severe: { code: "24484000", display: "Severe" },
} as const;
export type Severity = keyof typeof SEVERITIES;

/** Whether any coding of any of `concepts` is `system`#`code`; tolerant of any shape. */
export function hasCoding(concepts: unknown, system: string, code: string): boolean {
  if (!Array.isArray(concepts)) return false;
  return concepts.some((concept: { coding?: unknown } | null) => {
    const codings = typeof concept === "object" && concept !== null ? concept.coding : undefined;
    return Array.isArray(codings) && codings.some((coding: Coding | null) => coding?.system === system && coding.code === code);
  });
}
