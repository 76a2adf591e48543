/**
 * The record composer's forms: which fields each kind of record asks for, and how the typed values
 * become a FHIR resource through the core's builders. The builders are the validation: their
 * ClinicalInputError names the field, so its sentence is shown next to that input.
 */
import type { Resource } from "@medplum/fhirtypes";

import { CATEGORY_NAMES } from "../../core/chain/categories.js";
import {
  buildBillingClaim,
  buildClinicalNote,
  buildImagingReport,
  buildLabResult,
  buildPrescription,
  buildSymptomReport,
  categoryOfResource,
  ClinicalInputError,
  LAB_INTERPRETATIONS,
  SEVERITIES,
  type LabInterpretation,
  type Severity,
} from "../../core/clinical/index.js";

export type RecordKind = "clinical-note" | "lab-result" | "imaging-report" | "prescription" | "symptom-report" | "billing-claim";

export const RECORD_KINDS: readonly RecordKind[] = ["clinical-note", "lab-result", "imaging-report", "prescription", "symptom-report", "billing-claim"];

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  "clinical-note": "Clinical note",
  "lab-result": "Lab result",
  "imaging-report": "Imaging report",
  prescription: "Prescription",
  "symptom-report": "Symptom report",
  "billing-claim": "Billing claim",
};

/** Kinds whose record carries files (images, scans, reports) as encrypted attachments. */
export function kindAcceptsFiles(kind: RecordKind): boolean {
  return kind === "imaging-report" || kind === "symptom-report";
}

export interface ComposerField {
  name: string;
  label: string;
  input: "text" | "textarea" | "date" | "select";
  required: boolean;
  options?: readonly { value: string; label: string }[];
  hint?: string;
}

export type FormValues = Readonly<Record<string, string>>;

const DATE_HINT = "Leave empty for today.";
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A clinical note may be filed as mental health or genomics: the resource alone cannot say so. */
const NOTE_CATEGORIES = ["general notes", "mental health", "genomics"] as const;

export const KIND_FIELDS: Record<RecordKind, readonly ComposerField[]> = {
  "clinical-note": [
    { name: "title", label: "Title", input: "text", required: true },
    { name: "text", label: "Note", input: "textarea", required: true },
    {
      name: "category",
      label: "Filed under",
      input: "select",
      required: true,
      options: NOTE_CATEGORIES.map((name) => ({ value: String(CATEGORY_NAMES.indexOf(name)), label: capitalized(name) })),
    },
    { name: "date", label: "Date", input: "date", required: false, hint: DATE_HINT },
  ],
  "lab-result": [
    { name: "test", label: "Test", input: "text", required: true, hint: "As the laboratory names it, e.g. HbA1c." },
    { name: "loincCode", label: "LOINC code", input: "text", required: false, hint: "E.g. 4548-4, when known." },
    { name: "value", label: "Result", input: "text", required: true, hint: "A number such as 6.1, or a finding such as negative." },
    { name: "unit", label: "Unit", input: "text", required: false, hint: "Only for numeric results, e.g. % or mmol/L." },
    { name: "referenceRange", label: "Reference range", input: "text", required: false, hint: "As printed, e.g. 4.0–5.6." },
    {
      name: "interpretation",
      label: "Interpretation",
      input: "select",
      required: false,
      options: Object.entries(LAB_INTERPRETATIONS).map(([value, { display }]) => ({ value, label: display })),
    },
    { name: "note", label: "Comment", input: "textarea", required: false },
    { name: "date", label: "Specimen date", input: "date", required: false, hint: DATE_HINT },
  ],
  "imaging-report": [
    { name: "modality", label: "Modality", input: "text", required: true, hint: "E.g. X-ray, CT, MRI, Ultrasound." },
    { name: "bodySite", label: "Body site", input: "text", required: false, hint: "E.g. chest, left knee." },
    { name: "conclusion", label: "Conclusion", input: "textarea", required: true },
    { name: "date", label: "Study date", input: "date", required: false, hint: DATE_HINT },
  ],
  prescription: [
    { name: "medication", label: "Medication", input: "text", required: true, hint: "Name and strength, e.g. Metformin 500 mg tablet." },
    { name: "dosage", label: "Dosage instructions", input: "text", required: true, hint: "E.g. 1 tablet twice daily with meals." },
    { name: "quantity", label: "Quantity to dispense", input: "text", required: false },
    { name: "note", label: "Note", input: "textarea", required: false },
    { name: "date", label: "Prescription date", input: "date", required: false, hint: DATE_HINT },
  ],
  "symptom-report": [
    { name: "symptoms", label: "Symptoms", input: "textarea", required: true, hint: "In your own words: what you feel, where, how often." },
    { name: "onset", label: "Started on", input: "date", required: false },
    {
      name: "severity",
      label: "Severity",
      input: "select",
      required: false,
      options: Object.entries(SEVERITIES).map(([value, { display }]) => ({ value, label: display })),
    },
    { name: "date", label: "Report date", input: "date", required: false, hint: DATE_HINT },
  ],
  "billing-claim": [
    { name: "service", label: "Service", input: "text", required: true },
    { name: "amount", label: "Amount", input: "text", required: true, hint: "Digits and a decimal point, e.g. 120.50." },
    { name: "currency", label: "Currency", input: "text", required: true, hint: "Three letters, e.g. EUR or USD." },
    { name: "date", label: "Claim date", input: "date", required: false, hint: DATE_HINT },
  ],
};

const categoryOf = (name: (typeof CATEGORY_NAMES)[number]) => CATEGORY_NAMES.indexOf(name);

/** The ledger categories a record of `kind` can be filed under. */
export function kindCategories(kind: RecordKind): number[] {
  switch (kind) {
    case "clinical-note":
      return NOTE_CATEGORIES.map(categoryOf);
    case "lab-result":
      return [categoryOf("lab results")];
    case "imaging-report":
      return [categoryOf("imaging")];
    case "prescription":
      return [categoryOf("prescriptions")];
    case "symptom-report":
      return [categoryOf("patient-reported data")];
    case "billing-claim":
      return [categoryOf("billing and claims")];
  }
}

/**
 * The form's fields for `kind`; with `allowedCategories`, a note's "Filed under" offers only those
 * (the categories this user may add to, or the one an amendment must stay in).
 */
export function composerFields(kind: RecordKind, allowedCategories?: readonly number[]): readonly ComposerField[] {
  if (allowedCategories === undefined) return KIND_FIELDS[kind];
  return KIND_FIELDS[kind].map((field) =>
    field.name === "category" ? { ...field, options: field.options?.filter((option) => allowedCategories.includes(Number(option.value))) } : field,
  );
}

export function emptyValues(kind: RecordKind, allowedCategories?: readonly number[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of composerFields(kind, allowedCategories)) values[field.name] = field.input === "select" && field.required ? (field.options?.[0]?.value ?? "") : "";
  return values;
}

/** The form's value for `name`, or undefined when left empty. */
function optional(values: FormValues, name: string): string | undefined {
  const value = values[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

const text = (values: FormValues, name: string) => values[name] ?? "";

function build(kind: RecordKind, values: FormValues): Resource {
  switch (kind) {
    case "clinical-note":
      return buildClinicalNote({ title: text(values, "title"), text: text(values, "text"), date: optional(values, "date") });
    case "lab-result":
      return buildLabResult({
        test: text(values, "test"),
        loincCode: optional(values, "loincCode"),
        value: text(values, "value"),
        unit: optional(values, "unit"),
        referenceRange: optional(values, "referenceRange"),
        // The builder checks the choice; a value from elsewhere becomes a ClinicalInputError there.
        interpretation: optional(values, "interpretation") as LabInterpretation | undefined,
        note: optional(values, "note"),
        date: optional(values, "date"),
      });
    case "imaging-report":
      return buildImagingReport({ modality: text(values, "modality"), bodySite: optional(values, "bodySite"), conclusion: text(values, "conclusion"), date: optional(values, "date") });
    case "prescription":
      return buildPrescription({
        medication: text(values, "medication"),
        dosage: text(values, "dosage"),
        quantity: optional(values, "quantity"),
        note: optional(values, "note"),
        date: optional(values, "date"),
      });
    case "symptom-report":
      return buildSymptomReport({ symptoms: text(values, "symptoms"), onset: optional(values, "onset"), severity: optional(values, "severity") as Severity | undefined, date: optional(values, "date") });
    case "billing-claim":
      return buildBillingClaim({ service: text(values, "service"), amount: text(values, "amount"), currency: text(values, "currency"), date: optional(values, "date") });
  }
}

function chosenCategory(kind: RecordKind, values: FormValues, resource: Resource): number {
  if (kind !== "clinical-note") return categoryOfResource(resource);
  const chosen = Number(values.category);
  const allowed = NOTE_CATEGORIES.map((name) => CATEGORY_NAMES.indexOf(name));
  if (!allowed.includes(chosen)) throw new ClinicalInputError("category", "Choose where the note is filed.");
  return chosen;
}

export type ComposedRecord = { ok: true; resource: Resource; category: number } | { ok: false; field: string; message: string };

/** The resource and its ledger category, or the first problem with the field it concerns. */
export function composeRecord(kind: RecordKind, values: FormValues): ComposedRecord {
  try {
    const resource = build(kind, values);
    return { ok: true, resource, category: chosenCategory(kind, values, resource) };
  } catch (error) {
    if (error instanceof ClinicalInputError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}

/** Attachment limits the composer enforces before anything is encrypted. */
export const MAX_ATTACHMENTS = 10;

export function attachmentsError(kind: RecordKind, files: readonly { size: number }[], carried = 0): string | undefined {
  if (files.length === 0) return undefined;
  if (!kindAcceptsFiles(kind)) return `A ${RECORD_KIND_LABELS[kind].toLowerCase()} carries no files; choose an imaging or symptom report to attach them.`;
  if (files.length + carried > MAX_ATTACHMENTS) {
    return carried === 0
      ? `Attach at most ${MAX_ATTACHMENTS} files to one record; you chose ${files.length}.`
      : `A record holds at most ${MAX_ATTACHMENTS} files; this one keeps ${carried} from its earlier version, so add at most ${Math.max(0, MAX_ATTACHMENTS - carried)}.`;
  }
  if (files.some((file) => file.size === 0)) return "One of the files is empty; choose it again or remove it.";
  return undefined;
}
