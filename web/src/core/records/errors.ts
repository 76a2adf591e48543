import type { Address } from "../ledger-context.js";

export class PatientWithoutEncryptionKeyError extends Error {
  readonly code = "patient-without-encryption-key";
  constructor(readonly patient: Address) {
    super(`Patient ${patient} has not set up an encryption key yet, so nothing can be stored for them; they must sign in once to create it.`);
    this.name = "PatientWithoutEncryptionKeyError";
  }
}

export class RecordNotStoredError extends Error {
  readonly code = "record-not-stored";
  constructor(detail: string, options?: ErrorOptions) {
    super(`The record was not stored: ${detail}.`, options);
    this.name = "RecordNotStoredError";
  }
}

export class RecordNotFoundError extends Error {
  readonly code = "record-not-found";
  constructor(readonly patient: Address, readonly recordId: bigint) {
    super(`Patient ${patient} has no record ${recordId} on this ledger.`);
    this.name = "RecordNotFoundError";
  }
}
