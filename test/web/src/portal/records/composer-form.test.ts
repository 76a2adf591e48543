import { describe, expect, it } from "vitest";

import { CATEGORY_NAMES } from "../../../../../web/src/core/chain/categories.js";
import {
  attachmentsError,
  composeRecord,
  composerFields,
  emptyValues,
  kindCategories,
  KIND_FIELDS,
  kindAcceptsFiles,
  MAX_ATTACHMENTS,
  RECORD_KINDS,
  type RecordKind,
} from "../../../../../web/src/portal/records/composer-form.js";

const category = (name: (typeof CATEGORY_NAMES)[number]) => CATEGORY_NAMES.indexOf(name);

const VALID: Record<RecordKind, Record<string, string>> = {
  "clinical-note": { title: "Follow-up", text: "Doing well.", category: String(category("general notes")), date: "" },
  "lab-result": { test: "HbA1c", loincCode: "4548-4", value: "6.1", unit: "%", referenceRange: "4.0–5.6", interpretation: "high", note: "", date: "2025-03-02" },
  "imaging-report": { modality: "X-ray", bodySite: "chest", conclusion: "No acute findings.", date: "" },
  prescription: { medication: "Metformin 500 mg tablet", dosage: "1 tablet twice daily", quantity: "60", note: "", date: "" },
  "symptom-report": { symptoms: "Headache every morning", onset: "2025-02-20", severity: "moderate", date: "" },
  "billing-claim": { service: "Consultation", amount: "120.50", currency: "eur", date: "" },
};

const EXPECTED_CATEGORY: Record<RecordKind, number> = {
  "clinical-note": category("general notes"),
  "lab-result": category("lab results"),
  "imaging-report": category("imaging"),
  prescription: category("prescriptions"),
  "symptom-report": category("patient-reported data"),
  "billing-claim": category("billing and claims"),
};

describe("composeRecord", () => {
  it.each(RECORD_KINDS)("composeRecord builds a %s filed under its category", (kind) => {
    const composed = composeRecord(kind, VALID[kind]);
    expect(composed.ok).toBe(true);
    if (composed.ok) expect(composed.category).toBe(EXPECTED_CATEGORY[kind]);
  });

  it("composeRecord maps each form to the builder's resource type", () => {
    const types = RECORD_KINDS.map((kind) => {
      const composed = composeRecord(kind, VALID[kind]);
      return composed.ok ? composed.resource.resourceType : composed.message;
    });
    expect(types).toEqual(["Composition", "Observation", "DiagnosticReport", "MedicationRequest", "Observation", "Claim"]);
  });

  it("composeRecord passes optional fields left empty as absent, so the date defaults to now", () => {
    const before = Date.now();
    const composed = composeRecord("prescription", { ...VALID.prescription, quantity: "", date: "" });
    expect(composed.ok).toBe(true);
    if (!composed.ok || composed.resource.resourceType !== "MedicationRequest") return;
    expect(composed.resource.dispenseRequest).toBeUndefined();
    expect(Date.parse(composed.resource.authoredOn ?? "")).toBeGreaterThanOrEqual(before - 1000);
  });

  it("composeRecord names the field of the builder's error with its sentence", () => {
    expect(composeRecord("symptom-report", { ...VALID["symptom-report"], symptoms: "  " })).toEqual({
      ok: false,
      field: "symptoms",
      message: "The description of the symptoms is required.",
    });
    const badCurrency = composeRecord("billing-claim", { ...VALID["billing-claim"], currency: "euro" });
    expect(badCurrency.ok ? undefined : badCurrency.field).toBe("currency");
  });

  it("composeRecord files a clinical note under mental health when chosen", () => {
    const composed = composeRecord("clinical-note", { ...VALID["clinical-note"], category: String(category("mental health")) });
    expect(composed.ok && composed.category).toBe(category("mental health"));
  });

  it("composeRecord refuses a note category outside notes, mental health and genomics", () => {
    const composed = composeRecord("clinical-note", { ...VALID["clinical-note"], category: String(category("billing and claims")) });
    expect(composed.ok ? undefined : composed.field).toBe("category");
  });

  it("every error field a builder can name is a field of the form", () => {
    const probes: [RecordKind, Record<string, string>][] = [
      ["lab-result", { ...VALID["lab-result"], loincCode: "12" }],
      ["lab-result", { ...VALID["lab-result"], value: "negative", unit: "%" }],
      ["prescription", { ...VALID.prescription, quantity: "-1" }],
      ["imaging-report", { ...VALID["imaging-report"], date: "2025-02-30" }],
      ["symptom-report", { ...VALID["symptom-report"], severity: "unbearable" }],
    ];
    for (const [kind, values] of probes) {
      const composed = composeRecord(kind, values);
      expect(composed.ok).toBe(false);
      if (!composed.ok) expect(KIND_FIELDS[kind].map((field) => field.name)).toContain(composed.field);
    }
  });
});

describe("emptyValues", () => {
  it("emptyValues has every field, preselecting the first option of a required select", () => {
    expect(emptyValues("clinical-note")).toEqual({ title: "", text: "", category: String(category("general notes")), date: "" });
    expect(emptyValues("symptom-report").severity).toBe("");
  });

  it("composeRecord on empty values reports the first required field", () => {
    const composed = composeRecord("imaging-report", emptyValues("imaging-report"));
    expect(composed.ok ? undefined : composed.field).toBe("modality");
  });
});

describe("kindCategories", () => {
  it("kindCategories_everyKind_includesTheCategoryItsValidRecordIsFiledUnder", () => {
    for (const kind of RECORD_KINDS) {
      const composed = composeRecord(kind, VALID[kind]);
      expect(composed.ok && kindCategories(kind).includes(composed.category)).toBe(true);
    }
  });

  it("kindCategories_clinicalNote_offersNotesMentalHealthAndGenomics", () => {
    expect(kindCategories("clinical-note")).toEqual([category("general notes"), category("mental health"), category("genomics")]);
  });
});

describe("composerFields", () => {
  it("composerFields_allowedCategories_narrowsTheNotesFiledUnderChoices", () => {
    const filedUnder = composerFields("clinical-note", [category("mental health"), category("lab results")]).find((field) => field.name === "category");
    expect(filedUnder?.options?.map((option) => option.value)).toEqual([String(category("mental health"))]);
  });

  it("composerFields_noAllowedCategories_keepsEveryField", () => {
    expect(composerFields("lab-result")).toBe(KIND_FIELDS["lab-result"]);
  });

  it("emptyValues_allowedCategories_preselectsTheFirstAllowedCategory", () => {
    expect(emptyValues("clinical-note", [category("genomics")]).category).toBe(String(category("genomics")));
  });
});

describe("attachmentsError", () => {
  it("attachmentsError accepts files only for imaging and symptom reports", () => {
    expect(kindAcceptsFiles("imaging-report")).toBe(true);
    expect(attachmentsError("symptom-report", [{ size: 5 }])).toBeUndefined();
    expect(attachmentsError("prescription", [{ size: 5 }])).toMatch(/carries no files/);
    expect(attachmentsError("prescription", [])).toBeUndefined();
  });

  it("attachmentsError refuses empty files and too many files", () => {
    expect(attachmentsError("imaging-report", [{ size: 0 }])).toMatch(/empty/);
    expect(attachmentsError("imaging-report", Array.from({ length: MAX_ATTACHMENTS + 1 }, () => ({ size: 1 })))).toMatch(/at most/);
  });

  it("attachmentsError_amendmentKeepingFiles_countsTheKeptFilesTowardsTheLimit", () => {
    const three = Array.from({ length: 3 }, () => ({ size: 1 }));
    expect(attachmentsError("imaging-report", three, MAX_ATTACHMENTS - 3)).toBeUndefined();
    expect(attachmentsError("imaging-report", three, MAX_ATTACHMENTS - 2)).toBe(`A record holds at most ${MAX_ATTACHMENTS} files; this one keeps 8 from its earlier version, so add at most 2.`);
  });
});
