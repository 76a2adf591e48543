/**
 * An opened record back into the composer's form, so an amendment starts from what was written:
 * the inverse of composer-form's builders for the kinds providers add. A resource made elsewhere
 * may not fit a form; it then cannot be amended here (undefined), rather than amended lossily.
 */
import type { Composition, DiagnosticReport, MedicationRequest, Observation, Resource } from "@medplum/fhirtypes";

import { LAB_INTERPRETATIONS } from "../../core/clinical/index.js";
import { xhtmlToText } from "../../core/clinical/narrative.js";
import type { RecordKind } from "../records/composer-form.js";

export interface ComposerStart {
  kind: RecordKind;
  values: Record<string, string>;
}

/** "2030-06-15" of a FHIR date or dateTime, for a date input; empty when absent. */
function dateInput(value: string | undefined): string {
  return value === undefined ? "" : value.slice(0, 10);
}

const textOr = (value: string | undefined) => value ?? "";

function noteValues(note: Composition, category: number): ComposerStart | undefined {
  const div = note.section?.[0]?.text?.div;
  if (note.title === undefined || div === undefined) return undefined;
  return { kind: "clinical-note", values: { title: note.title, text: xhtmlToText(div), category: String(category), date: dateInput(note.date) } };
}

function labValues(result: Observation): ComposerStart | undefined {
  const test = result.code.text;
  const value = result.valueQuantity?.value !== undefined ? String(result.valueQuantity.value) : result.valueString;
  if (test === undefined || value === undefined) return undefined;
  const code = result.interpretation?.[0]?.coding?.[0]?.code;
  const interpretation = Object.entries(LAB_INTERPRETATIONS).find(([, coded]) => coded.code === code)?.[0];
  return {
    kind: "lab-result",
    values: {
      test,
      loincCode: textOr(result.code.coding?.[0]?.code),
      value,
      unit: textOr(result.valueQuantity?.unit),
      referenceRange: textOr(result.referenceRange?.[0]?.text),
      interpretation: textOr(interpretation),
      note: textOr(result.note?.[0]?.text),
      date: dateInput(result.effectiveDateTime),
    },
  };
}

function imagingValues(report: DiagnosticReport): ComposerStart | undefined {
  const study = report.code.text;
  if (study === undefined || report.conclusion === undefined) return undefined;
  // The builder names the study "<modality> of <body site>".
  const [modality, ...site] = study.split(" of ");
  return {
    kind: "imaging-report",
    values: { modality: modality ?? study, bodySite: site.join(" of "), conclusion: report.conclusion, date: dateInput(report.effectiveDateTime) },
  };
}

function prescriptionValues(request: MedicationRequest): ComposerStart | undefined {
  const medication = request.medicationCodeableConcept?.text;
  const dosage = request.dosageInstruction?.[0]?.text;
  if (medication === undefined || dosage === undefined) return undefined;
  const quantity = request.dispenseRequest?.quantity?.value;
  return {
    kind: "prescription",
    values: {
      medication,
      dosage,
      quantity: quantity === undefined ? "" : String(quantity),
      note: textOr(request.note?.[0]?.text),
      date: dateInput(request.authoredOn),
    },
  };
}

/** The composer's kind and values for `resource` (filed under `category`), or undefined when no form fits it. */
export function composerStartOf(resource: Resource, category: number): ComposerStart | undefined {
  switch (resource.resourceType) {
    case "Composition":
      return noteValues(resource, category);
    case "Observation":
      return resource.category?.some((concept) => concept.coding?.some((coding) => coding.code === "laboratory")) ? labValues(resource) : undefined;
    case "DiagnosticReport":
      return imagingValues(resource);
    case "MedicationRequest":
      // A given prescription is amended as it stands only through "Mark given"; the form would reset it to pending.
      return resource.status === "active" ? prescriptionValues(resource) : undefined;
    default:
      return undefined;
  }
}
