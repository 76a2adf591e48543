/**
 * Marking a prescription given: the pending MedicationRequest becomes a completed one with the time
 * it was given, filed as a new version of the same record, so its history shows both.
 */
import type { MedicationRequest, Resource } from "@medplum/fhirtypes";

import { markPrescriptionGiven } from "../../core/clinical/index.js";
import type { NewRecord } from "../../core/records/add-record.js";
import type { OpenedRecord } from "../../core/records/open-record.js";
import { newVersionOf } from "./new-version.js";

/** Whether `resource` is a prescription still waiting to be given (the only kind markPrescriptionGiven accepts). */
export function isPendingPrescription(resource: Resource): resource is MedicationRequest {
  return resource.resourceType === "MedicationRequest" && resource.status === "active";
}

/** The given version of the opened prescription, to add as its amendment. Throws ClinicalInputError for anything but a pending prescription. */
export function givenVersionOf(opened: OpenedRecord, givenAt: Date): NewRecord {
  return newVersionOf(opened, markPrescriptionGiven(opened.document.resource as MedicationRequest, { givenAt }));
}
