import type { Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";

import { buildBillingClaim } from "../../../../../web/src/core/clinical/billing-claim.js";
import { buildClinicalNote } from "../../../../../web/src/core/clinical/clinical-note.js";
import { buildImagingReport } from "../../../../../web/src/core/clinical/imaging-report.js";
import { buildLabResult } from "../../../../../web/src/core/clinical/lab-result.js";
import { buildPrescription, markPrescriptionGiven } from "../../../../../web/src/core/clinical/prescription.js";
import { renderClinicalResource } from "../../../../../web/src/core/clinical/render.js";
import { buildSymptomReport } from "../../../../../web/src/core/clinical/symptom-report.js";

const inBritain = { locale: "en-GB", timeZone: "UTC" };
const render = (resource: unknown) => renderClinicalResource(resource as Resource, inBritain);
const metformin = () => buildPrescription({ medication: "Metformin 500 mg tablet", dosage: "1 tablet twice daily", quantity: 60, date: "2025-03-02" });

describe("renderClinicalResource, the builders' resources", () => {
  it("renders a clinical note with its text and first line as summary", () => {
    expect(render(buildClinicalNote({ title: "Follow-up visit", text: "Feels better since the dose change.\n\nPlan: review in 4 weeks.", date: "2025-03-02" }))).toEqual({
      title: "Follow-up visit",
      kind: "Clinical note",
      status: "Final",
      summary: "Feels better since the dose change.",
      fields: [{ label: "Note", value: "Feels better since the dose change.\n\nPlan: review in 4 weeks." }],
      date: "2025-03-02",
    });
  });

  it("renders a lab result with value, range, interpretation, LOINC code and note", () => {
    const result = buildLabResult({ test: "HbA1c", loincCode: "4548-4", value: 6.1, unit: "%", referenceRange: { low: 4, high: 5.6 }, interpretation: "high", note: "Fasting.", date: "2025-03-02" });
    expect(render(result)).toEqual({
      title: "HbA1c",
      kind: "Lab result",
      status: "Final",
      summary: "HbA1c: 6.1 % (high; reference 4–5.6 %).",
      fields: [
        { label: "Result", value: "6.1 %" },
        { label: "Reference range", value: "4–5.6 %" },
        { label: "Interpretation", value: "High" },
        { label: "LOINC code", value: "4548-4" },
        { label: "Note", value: "Fasting." },
      ],
      date: "2025-03-02",
    });
  });

  it("renders a one-sided range and a text finding", () => {
    const rendered = render(buildLabResult({ test: "CRP", value: "Not detected", referenceRange: { high: 5 }, date: "2025" }));
    expect([rendered.summary, rendered.fields]).toEqual([
      "CRP: Not detected (reference ≤ 5).",
      [
        { label: "Result", value: "Not detected" },
        { label: "Reference range", value: "≤ 5" },
      ],
    ]);
  });

  it("renders an imaging report", () => {
    expect(render(buildImagingReport({ modality: "CT", bodySite: "chest", conclusion: "No acute findings.", date: "2025-03-02" }))).toEqual({
      title: "CT of chest",
      kind: "Imaging report",
      status: "Final",
      summary: "CT of chest: No acute findings.",
      fields: [
        { label: "Study", value: "CT of chest" },
        { label: "Conclusion", value: "No acute findings." },
      ],
      date: "2025-03-02",
    });
  });

  it("shows an active prescription as Pending", () => {
    expect(render(metformin())).toEqual({
      title: "Metformin 500 mg tablet",
      kind: "Prescription",
      status: "Pending",
      summary: "Metformin 500 mg tablet, 1 tablet twice daily (pending).",
      fields: [
        { label: "Medication", value: "Metformin 500 mg tablet" },
        { label: "Dosage", value: "1 tablet twice daily" },
        { label: "Quantity", value: "60" },
      ],
      date: "2025-03-02",
    });
  });

  it("shows a prescription marked given as Given, with when", () => {
    const rendered = render(markPrescriptionGiven(metformin(), { givenAt: "2025-03-03T10:00:00Z" }));
    expect([rendered.status, rendered.summary, rendered.fields.at(-1)]).toEqual([
      "Given",
      "Metformin 500 mg tablet, 1 tablet twice daily (given 3 March 2025 at 10:00).",
      { label: "Given", value: "3 March 2025 at 10:00" },
    ]);
  });

  it("shows date-times in the reader's time zone and dates as written", () => {
    const given = markPrescriptionGiven(metformin(), { givenAt: "2025-03-03T23:30:00Z" });
    expect(renderClinicalResource(given, { locale: "en-GB", timeZone: "Asia/Tokyo" }).fields.at(-1)?.value).toBe("4 March 2025 at 08:30");
    const symptoms = buildSymptomReport({ symptoms: "Cough", onset: "2025-03-01" });
    expect(renderClinicalResource(symptoms, { locale: "en-GB", timeZone: "America/Los_Angeles" }).fields[1]?.value).toBe("1 March 2025");
  });

  it("renders a symptom report with onset and severity", () => {
    expect(render(buildSymptomReport({ symptoms: "Headache and nausea", onset: "2025-03-01", severity: "moderate", date: "2025-03-02" }))).toEqual({
      title: "Patient-reported symptoms",
      kind: "Symptom report",
      status: "Final",
      summary: "Patient reported: Headache and nausea (since 1 March 2025, moderate).",
      fields: [
        { label: "Symptoms", value: "Headache and nausea" },
        { label: "Onset", value: "1 March 2025" },
        { label: "Severity", value: "Moderate" },
      ],
      date: "2025-03-02",
    });
  });

  it("renders a billing claim with the amount in the reader's locale", () => {
    const claim = buildBillingClaim({ service: "Cardiology consultation", amount: 1120.5, currency: "EUR", date: "2025-03-02" });
    expect(render(claim)).toEqual({
      title: "Cardiology consultation",
      kind: "Billing claim",
      status: "Active",
      summary: "Claim for Cardiology consultation: €1,120.50.",
      fields: [
        { label: "Service", value: "Cardiology consultation" },
        { label: "Amount", value: "€1,120.50" },
        { label: "Claim type", value: "Professional" },
      ],
      date: "2025-03-02",
    });
    expect(renderClinicalResource(claim, { locale: "de-DE" }).fields[1]?.value).toBe("1.120,50\u00a0€");
  });

  it("cuts a long note's summary at a word", () => {
    const text = `${"word ".repeat(60)}end`;
    const summary = render(buildClinicalNote({ title: "t", text, date: "2025" })).summary;
    expect(summary).toBe(`${"word ".repeat(32).trim()}…`);
  });
});

describe("renderClinicalResource, other resources", () => {
  it("reads an unknown type generically: codes, text, dates, quantities, references", () => {
    const allergy = {
      resourceType: "AllergyIntolerance",
      id: "a1",
      meta: { versionId: "1" },
      clinicalStatus: { coding: [{ code: "active", display: "Active" }] },
      code: { text: "Penicillin" },
      criticality: "high",
      recordedDate: "2024-11-05",
      onsetAge: { value: 12, unit: "years" },
      asserter: { display: "Dr. Who" },
      reaction: [{ manifestation: [{ text: "Rash" }] }],
    };
    expect(render(allergy)).toEqual({
      title: "Penicillin",
      kind: "Allergy intolerance",
      status: "No status",
      summary: "Allergy intolerance: Penicillin.",
      fields: [
        { label: "Clinical status", value: "Active" },
        { label: "Code", value: "Penicillin" },
        { label: "Criticality", value: "high" },
        { label: "Recorded date", value: "5 November 2024" },
        { label: "Onset age", value: "12 years" },
        { label: "Asserter", value: "Dr. Who" },
      ],
      date: "2024-11-05",
    });
  });

  it("reads an Observation that is neither lab nor patient-reported", () => {
    const vital = { resourceType: "Observation", status: "amended", code: { coding: [{ display: "Heart rate" }] }, valueQuantity: { value: 72, unit: "/min" }, effectivePeriod: { start: "2025" } };
    expect(render(vital)).toEqual({ title: "Heart rate", kind: "Observation", status: "Amended", summary: "Heart rate: 72 /min.", fields: [{ label: "Value", value: "72 /min" }] });
  });

  it("gives a resource without type or content a generic rendering", () => {
    expect(render({})).toEqual({ title: "Health record", kind: "Health record", status: "No status", summary: "Health record.", fields: [] });
  });

  it.each([
    null,
    "text",
    [],
    { resourceType: 5, status: {} },
    { resourceType: "Composition", section: "x", title: 3, date: 7 },
    { resourceType: "Composition", section: [null, { text: 5 }, { text: { div: 9 } }] },
    { resourceType: "Observation", category: [null, { coding: "x" }], valueQuantity: { value: "x" }, component: [null, { code: null }], referenceRange: [5] },
    { resourceType: "Observation", category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }], interpretation: {} },
    { resourceType: "MedicationRequest", status: "toString", extension: [null, 4], dosageInstruction: {}, dispenseRequest: [] },
    { resourceType: "Claim", item: [null, { net: { value: Number.POSITIVE_INFINITY, currency: "eu" } }], total: "much" },
    { resourceType: "DiagnosticReport", code: [], category: "RAD", conclusion: ["x"] },
    { resourceType: "Patient", name: [{ given: ["x"] }], birthDate: "1990-13-45", deceasedBoolean: false, multipleBirthInteger: Number.NaN },
  ])("never throws on the odd shape %j", (resource) => {
    const rendered = render(resource);
    expect(typeof rendered.title === "string" && rendered.title !== "" && typeof rendered.summary === "string" && Array.isArray(rendered.fields)).toBe(true);
  });

  it("never throws on random JSON shaped like resources", () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const keys = ["resourceType", "status", "code", "category", "value", "valueQuantity", "component", "section", "extension", "item", "total", "text", "coding", "display", "div", "start"];
    const types = ["Observation", "Composition", "MedicationRequest", "Claim", "DiagnosticReport", "Other"];
    const value = (depth: number): unknown => {
      const pick = Math.floor(next() * 8);
      if (depth > 3 || pick === 0) return [null, 0, -1.5, true, "", "2025-03-02", "x", "laboratory"][Math.floor(next() * 8)];
      if (pick < 4) return Array.from({ length: Math.floor(next() * 3) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [keys[Math.floor(next() * keys.length)]!, value(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const resource = { ...(value(0) as object), resourceType: types[i % types.length] };
      expect(() => render(resource)).not.toThrow();
    }
  });
});
