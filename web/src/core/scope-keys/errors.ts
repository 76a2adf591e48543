/** Why a scope key or data key could not be had or made; each with a stable `code`. */
import { categoryName } from "../chain/categories.js";
import type { Address } from "../ledger-context.js";

export class NoScopeKeyError extends Error {
  readonly code = "NO_SCOPE_KEY";

  constructor(patient: Address, category: number, epoch: number, reason?: string) {
    super(
      `This identity holds no key for epoch ${epoch} of ${patient}'s ${categoryName(category)}: ` +
        (reason ?? "no grant covered that epoch, or access was revoked before it began") + ".",
    );
    this.name = "NoScopeKeyError";
  }
}

export class DataKeyUnwrapError extends Error {
  readonly code = "DATA_KEY_WRAP_DID_NOT_OPEN";

  constructor(how: string) {
    super(`The record's data key does not open ${how}: the record is not for this key, or its manifest was altered.`);
    this.name = "DataKeyUnwrapError";
  }
}

export class ReaderWithoutEncryptionKeyError extends Error {
  readonly code = "READER_WITHOUT_ENCRYPTION_KEY";

  constructor(readonly account: Address) {
    super(`${account} has no encryption key on the ledger, so no key can be shared with it; it must set one up (unlock its wallet in the portal) first.`);
    this.name = "ReaderWithoutEncryptionKeyError";
  }
}

export class RotationContentionError extends Error {
  readonly code = "ROTATION_CONTENTION";

  constructor(patient: Address, category: number, attempts: number) {
    super(
      `The ${categoryName(category)} key of ${patient} kept changing under ${attempts} rotation attempts in a row; ` +
        "wait a moment and try again.",
    );
    this.name = "RotationContentionError";
  }
}

export class AccountMismatchError extends Error {
  readonly code = "ACCOUNT_MISMATCH";

  constructor(what: string, expected: Address, actual: Address) {
    super(`${what} belongs to ${actual}, not ${expected}; sign in with one account throughout.`);
    this.name = "AccountMismatchError";
  }
}
