/**
 * An imaging report as an R4 DiagnosticReport (category radiology). The images themselves are the
 * record's attachments (addRecord's `attachments`), encrypted as files of their own.
 */
import type { DiagnosticReport } from "@medplum/fhirtypes";

import { dateOrNow, optionalText, requiredText } from "./inputs.js";
import { recordPatient } from "./record-references.js";
import { radiologyCategory } from "./terminology.js";

export interface ImagingReportInput {
  /** E.g. "X-ray", "CT", "MRI", "Ultrasound". */
  modality: string;
  /** E.g. "chest", "left knee". */
  bodySite?: string;
  conclusion: string;
  /** When the study was done; now when absent. */
  date?: string | Date;
}

export function buildImagingReport(input: ImagingReportInput): DiagnosticReport {
  const modality = requiredText("modality", input.modality, { label: "modality", maxLength: 100 });
  const bodySite = optionalText("bodySite", input.bodySite, { label: "body site", maxLength: 100 });
  const conclusion = requiredText("conclusion", input.conclusion, { label: "conclusion", maxLength: 10_000 });
  return {
    resourceType: "DiagnosticReport",
    status: "final",
    category: [radiologyCategory()],
    // R4 DiagnosticReport has no body site element: the study's name carries it.
    code: { text: bodySite === undefined ? modality : `${modality} of ${bodySite}` },
    subject: recordPatient(),
    effectiveDateTime: dateOrNow("date", input.date, "study date"),
    conclusion,
  };
}
