import type { Address } from "../ledger-context.js";

export class PatientWithoutEncryptionKeyError extends Error {
  readonly code = "PATIENT_WITHOUT_ENCRYPTION_KEY";
  constructor(readonly patient: Address) {
    super(`Patient ${patient} has not set up an encryption key yet, so nothing can be stored for them; they must sign in once to create it.`);
    this.name = "PatientWithoutEncryptionKeyError";
  }
}

export class RecordNotStoredError extends Error {
  readonly code = "RECORD_NOT_STORED";
  constructor(detail: string, options?: ErrorOptions) {
    super(`The record was not stored: ${detail}.`, options);
    this.name = "RecordNotStoredError";
  }
}

export class RecordNotFoundError extends Error {
  readonly code = "RECORD_NOT_FOUND";
  constructor(readonly patient: Address, readonly recordId: bigint) {
    super(`Patient ${patient} has no record ${recordId} on this ledger.`);
    this.name = "RecordNotFoundError";
  }
}
