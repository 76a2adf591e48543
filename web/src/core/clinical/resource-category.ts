/** The ledger category a clinical resource is filed under (web/src/core/chain/categories.ts). */
import type { Resource } from "@medplum/fhirtypes";

import { CATEGORY_NAMES } from "../chain/categories.js";
import { DIAGNOSTIC_SERVICE_SECTION, hasCoding, OBSERVATION_CATEGORY } from "./terminology.js";

type CategoryName = (typeof CATEGORY_NAMES)[number];

function category(name: CategoryName): number {
  return CATEGORY_NAMES.indexOf(name);
}

const BY_RESOURCE_TYPE: ReadonlyMap<string, CategoryName> = new Map(Object.entries({
  Composition: "general notes",
  ImagingStudy: "imaging",
  Media: "imaging",
  MedicationRequest: "prescriptions",
  MedicationStatement: "prescriptions",
  MedicationAdministration: "prescriptions",
  MedicationDispense: "prescriptions",
  Claim: "billing and claims",
  ClaimResponse: "billing and claims",
  ExplanationOfBenefit: "billing and claims",
  Invoice: "billing and claims",
  QuestionnaireResponse: "patient-reported data",
} satisfies Record<string, CategoryName>));

function observationCategory(categories: unknown): CategoryName {
  if (hasCoding(categories, OBSERVATION_CATEGORY, "laboratory")) return "lab results";
  if (hasCoding(categories, OBSERVATION_CATEGORY, "imaging")) return "imaging";
  if (hasCoding(categories, OBSERVATION_CATEGORY, "survey")) return "patient-reported data";
  return "general notes";
}

function reportCategory(categories: unknown): CategoryName {
  for (const code of ["RAD", "CT", "RX", "NMR", "NMS", "VUS", "XRC"]) {
    if (hasCoding(categories, DIAGNOSTIC_SERVICE_SECTION, code)) return "imaging";
  }
  for (const code of ["LAB", "CH", "HM", "MB", "SP", "BLB", "SR"]) {
    if (hasCoding(categories, DIAGNOSTIC_SERVICE_SECTION, code)) return "lab results";
  }
  return "general notes";
}

/**
 * The category for `resource`: every builder's output lands in its own (notes, lab results, imaging,
 * prescriptions, billing, patient-reported data); anything unrecognised is a general note. Mental
 * health and genomics cannot be told from the resource type: the author chooses them.
 */
export function categoryOfResource(resource: Resource): number {
  const { resourceType } = resource as { resourceType?: unknown };
  const categories = (resource as { category?: unknown }).category;
  if (resourceType === "Observation") return category(observationCategory(categories));
  if (resourceType === "DiagnosticReport") return category(reportCategory(categories));
  return category((typeof resourceType === "string" ? BY_RESOURCE_TYPE.get(resourceType) : undefined) ?? "general notes");
}
