/** FHIR R4 content of records: builders for the portal's forms, the ledger category of each, and readable rendering. */
export { buildBillingClaim, type BillingClaimInput } from "./billing-claim.js";
export { buildClinicalNote, MAX_NOTE_LENGTH, type ClinicalNoteInput } from "./clinical-note.js";
export { ClinicalInputError } from "./errors.js";
export { buildImagingReport, type ImagingReportInput } from "./imaging-report.js";
export { buildLabResult, type LabResultInput } from "./lab-result.js";
export { buildPrescription, markPrescriptionGiven, type PrescriptionInput } from "./prescription.js";
export { renderClinicalResource, type RenderedField, type RenderedResource, type RenderOptions } from "./render.js";
export { categoryOfResource } from "./resource-category.js";
export { buildSymptomReport, SYMPTOM_REPORT_TITLE, type SymptomReportInput } from "./symptom-report.js";
export { LAB_INTERPRETATIONS, SEVERITIES, type LabInterpretation, type Severity } from "./terminology.js";
