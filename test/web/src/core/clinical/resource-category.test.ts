import type { Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";

import { buildBillingClaim } from "../../../../../web/src/core/clinical/billing-claim.js";
import { buildClinicalNote } from "../../../../../web/src/core/clinical/clinical-note.js";
import { buildImagingReport } from "../../../../../web/src/core/clinical/imaging-report.js";
import { buildLabResult } from "../../../../../web/src/core/clinical/lab-result.js";
import { buildPrescription, markPrescriptionGiven } from "../../../../../web/src/core/clinical/prescription.js";
import { categoryOfResource } from "../../../../../web/src/core/clinical/resource-category.js";
import { buildSymptomReport } from "../../../../../web/src/core/clinical/symptom-report.js";

const prescription = buildPrescription({ medication: "m", dosage: "d" });

describe("categoryOfResource", () => {
  it.each([
    ["a clinical note", 0, buildClinicalNote({ title: "t", text: "x" })],
    ["a lab result", 1, buildLabResult({ test: "t", value: 1 })],
    ["an imaging report", 2, buildImagingReport({ modality: "CT", conclusion: "c" })],
    ["a pending prescription", 3, prescription],
    ["a given prescription", 3, markPrescriptionGiven(prescription, { givenAt: "2025" })],
    ["a billing claim", 4, buildBillingClaim({ service: "s", amount: 1, currency: "EUR" })],
    ["a symptom report", 7, buildSymptomReport({ symptoms: "s" })],
  ])("files %s under category %i", (_name, category, resource) => {
    expect(categoryOfResource(resource)).toBe(category);
  });

  it.each([
    ["a lab DiagnosticReport", 1, { resourceType: "DiagnosticReport", category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0074", code: "LAB" }] }] }],
    ["an imaging Observation", 2, { resourceType: "Observation", category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "imaging" }] }] }],
    ["an ExplanationOfBenefit", 4, { resourceType: "ExplanationOfBenefit" }],
    ["a QuestionnaireResponse", 7, { resourceType: "QuestionnaireResponse" }],
    ["an uncategorised Observation", 0, { resourceType: "Observation", category: "not a list" }],
    ["an unknown type", 0, { resourceType: "AllergyIntolerance" }],
    ["a type named like an Object method", 0, { resourceType: "toString" }],
  ])("files %s under category %i", (_name, category, resource) => {
    expect(categoryOfResource(resource as Resource)).toBe(category);
  });
});
