/**
 * Who a record is about and who wrote it are facts of its ledger entry (`patient`, `author`), bound
 * into every key and ciphertext of the record. The resource repeats neither an address nor any other
 * identifier; where R4 requires a reference, these stand in for the entry's facts without naming anyone.
 */
import type { Coverage, Organization, Patient, Practitioner, Reference } from "@medplum/fhirtypes";

export function recordPatient(): Reference<Patient> {
  return { type: "Patient", display: "The patient this record is filed under" };
}

export function recordAuthor(): Reference<Practitioner | Organization> {
  return { display: "The author of this record on the ledger" };
}

export function recordCoverage(): Reference<Coverage> {
  return { type: "Coverage", display: "The patient's coverage with the insurer this claim is shared with" };
}
