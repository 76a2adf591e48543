/** Renderers for the resource types the clinical builders produce, tolerant of other sources' variants. */
import type { Resource } from "@medplum/fhirtypes";

import { CATEGORY_NAMES } from "../chain/categories.js";
import type { Formatter } from "./render-format.js";
import { choiceValueText, componentFields, rangeText, shownText } from "./render-elements.js";
import { xhtmlToText } from "./narrative.js";
import { excerpt, presentFields, sentence, type RenderedResource } from "./rendered-resource.js";
import { categoryOfResource } from "./resource-category.js";
import { SYMPTOM_REPORT_TITLE } from "./symptom-report.js";
import { GIVEN_AT_EXTENSION, hasCoding, LOINC, OBSERVATION_CATEGORY } from "./terminology.js";
import {
  annotationsText,
  conceptsText,
  conceptText,
  humanize,
  joinTexts,
  listOf,
  objectOf,
  referenceText,
  textOf,
  type JsonObject,
} from "./render-values.js";

export type KnownRenderer = (resource: JsonObject, format: Formatter) => RenderedResource;

export function statusLabel(status: unknown): string {
  const text = textOf(status);
  return text === undefined ? "No status" : humanize(text);
}

function isCategory(resource: JsonObject, name: (typeof CATEGORY_NAMES)[number]): boolean {
  return categoryOfResource(resource as unknown as Resource) === CATEGORY_NAMES.indexOf(name);
}

function composition(resource: JsonObject): RenderedResource {
  const title = textOf(resource.title) ?? conceptText(resource.type) ?? "Clinical note";
  const sections = listOf(resource.section).map(objectOf);
  const text = joinTexts(
    sections.map((section) => joinTexts([textOf(section?.title), xhtmlToText(textOf(objectOf(section?.text)?.div) ?? "") || undefined], "\n")),
    "\n\n",
  );
  return {
    title,
    kind: "Clinical note",
    status: statusLabel(resource.status),
    summary: sentence(text === undefined ? title : excerpt(text)),
    fields: presentFields(["Note", text]),
    date: textOf(resource.date),
  };
}

function loincCodes(code: unknown): string | undefined {
  const codings = listOf(objectOf(code)?.coding).map(objectOf);
  return joinTexts(codings.map((coding) => (coding?.system === LOINC ? textOf(coding.code) : undefined)), ", ");
}

function labResult(resource: JsonObject, format: Formatter): RenderedResource {
  const title = conceptText(resource.code) ?? "Lab result";
  const result = choiceValueText(resource, format);
  const range = joinTexts(listOf(resource.referenceRange).map((item) => rangeText(item, format)));
  const interpretation = conceptsText(resource.interpretation);
  const details = joinTexts([interpretation?.toLowerCase(), range === undefined ? undefined : `reference ${range}`], "; ");
  return {
    title,
    kind: "Lab result",
    status: statusLabel(resource.status),
    summary: sentence(`${title}: ${result ?? "no value"}${details === undefined ? "" : ` (${details})`}`),
    fields: presentFields(
      ["Result", result],
      ["Reference range", range],
      ["Interpretation", interpretation],
      ["LOINC code", loincCodes(resource.code)],
      ["Note", annotationsText(resource.note)],
    ),
    date: textOf(resource.effectiveDateTime) ?? textOf(resource.issued),
  };
}

function patientReport(resource: JsonObject, format: Formatter): RenderedResource {
  const title = conceptText(resource.code) ?? "Patient report";
  const reported = choiceValueText(resource, format);
  const components = componentFields(resource.component, format);
  const details = joinTexts(components.map(({ label, value }) => (label === "Onset" ? `since ${value}` : value.toLowerCase())), ", ");
  return {
    title,
    kind: title === SYMPTOM_REPORT_TITLE ? "Symptom report" : "Patient report",
    status: statusLabel(resource.status),
    summary: sentence(`Patient reported: ${reported ?? title}${details === undefined ? "" : ` (${details})`}`),
    fields: [...presentFields([title === SYMPTOM_REPORT_TITLE ? "Symptoms" : "Answer", reported]), ...components, ...presentFields(["Note", annotationsText(resource.note)])],
    date: textOf(resource.effectiveDateTime) ?? textOf(resource.issued),
  };
}

function observation(resource: JsonObject, format: Formatter): RenderedResource {
  if (hasCoding(resource.category, OBSERVATION_CATEGORY, "laboratory")) return labResult(resource, format);
  if (hasCoding(resource.category, OBSERVATION_CATEGORY, "survey")) return patientReport(resource, format);
  const title = conceptText(resource.code) ?? "Observation";
  const value = choiceValueText(resource, format);
  const note = annotationsText(resource.note);
  return {
    title,
    kind: "Observation",
    status: statusLabel(resource.status),
    summary: sentence(value === undefined ? (note === undefined ? title : `${title}: ${excerpt(note)}`) : `${title}: ${value}`),
    fields: [...presentFields(["Value", value]), ...componentFields(resource.component, format), ...presentFields(["Note", note])],
    date: textOf(resource.effectiveDateTime) ?? textOf(resource.issued),
  };
}

function diagnosticReport(resource: JsonObject): RenderedResource {
  const kind = isCategory(resource, "imaging") ? "Imaging report" : isCategory(resource, "lab results") ? "Lab report" : "Diagnostic report";
  const title = conceptText(resource.code) ?? kind;
  const conclusion = textOf(resource.conclusion);
  return {
    title,
    kind,
    status: statusLabel(resource.status),
    summary: sentence(conclusion === undefined ? title : `${title}: ${excerpt(conclusion)}`),
    fields: presentFields(["Study", title], ["Conclusion", conclusion], ["Findings", conceptsText(resource.conclusionCode)]),
    date: textOf(resource.effectiveDateTime) ?? textOf(resource.issued),
  };
}

const PRESCRIPTION_STATUS: Readonly<Record<string, string>> = { active: "Pending", draft: "Pending", "on-hold": "Pending", completed: "Given" };

function givenAt(resource: JsonObject): string | undefined {
  const extension = listOf(resource.extension).map(objectOf).find((candidate) => candidate?.url === GIVEN_AT_EXTENSION);
  return textOf(extension?.valueDateTime);
}

function medicationRequest(resource: JsonObject, format: Formatter): RenderedResource {
  const medication = conceptText(resource.medicationCodeableConcept) ?? referenceText(resource.medicationReference) ?? "Prescription";
  const dosage = joinTexts(listOf(resource.dosageInstruction).map((dosage) => textOf(objectOf(dosage)?.text)));
  const status = typeof resource.status === "string" && Object.hasOwn(PRESCRIPTION_STATUS, resource.status) ? PRESCRIPTION_STATUS[resource.status]! : statusLabel(resource.status);
  const given = shownText(givenAt(resource), format);
  const state = `${status.toLowerCase()}${given === undefined ? "" : ` ${given}`}`;
  return {
    title: medication,
    kind: "Prescription",
    status,
    summary: sentence(`${medication}${dosage === undefined ? "" : `, ${dosage}`} (${state})`),
    fields: presentFields(
      ["Medication", medication],
      ["Dosage", dosage],
      ["Quantity", format.amount(objectOf(resource.dispenseRequest)?.quantity)],
      ["Given", given],
      ["Note", annotationsText(resource.note)],
    ),
    date: textOf(resource.authoredOn),
  };
}

function claim(resource: JsonObject, format: Formatter): RenderedResource {
  const items = listOf(resource.item).map(objectOf);
  const service = joinTexts(items.map((item) => conceptText(item?.productOrService)), ", ");
  const amount = format.amount(resource.total) ?? joinTexts(items.map((item) => format.amount(item?.net)), ", ");
  const title = service ?? "Billing claim";
  return {
    title,
    kind: "Billing claim",
    status: statusLabel(resource.status),
    summary: sentence(`Claim for ${service ?? "unnamed services"}${amount === undefined ? "" : `: ${amount}`}`),
    fields: presentFields(["Service", service], ["Amount", amount], ["Claim type", conceptText(resource.type)]),
    date: textOf(resource.created),
  };
}

export const KNOWN_RENDERERS: ReadonlyMap<string, KnownRenderer> = new Map<string, KnownRenderer>([
  ["Composition", composition],
  ["Observation", observation],
  ["DiagnosticReport", diagnosticReport],
  ["MedicationRequest", medicationRequest],
  ["Claim", claim],
]);
