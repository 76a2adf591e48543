/** Why an encryption identity could not be derived or used; each with a stable `code`. */
import type { Address } from "../ledger-context.js";

export class MalformedSignatureError extends Error {
  readonly code = "MALFORMED_SIGNATURE";

  constructor(detail: string) {
    super(`The wallet returned a malformed signature (${detail}); the encryption key cannot be derived from it. Try again, or use another wallet.`);
    this.name = "MalformedSignatureError";
  }
}

export class IdentityLockedError extends Error {
  readonly code = "IDENTITY_LOCKED";

  constructor(account: Address) {
    super(`The encryption key of ${account} was locked (wiped from memory); unlock it again with the wallet.`);
    this.name = "IdentityLockedError";
  }
}

export class NonDeterministicSignatureError extends Error {
  readonly code = "NON_DETERMINISTIC_SIGNATURE";

  constructor(account: Address) {
    super(
      `The wallet of ${account} signed the same message differently twice. Some hardware and smart-contract ` +
        "wallets do this, and such a wallet cannot hold an EHR Ledger key: it would derive a different key at " +
        "every login. Use another wallet for EHR Ledger.",
    );
    this.name = "NonDeterministicSignatureError";
  }
}

export class IdentityNotEnrolledError extends Error {
  readonly code = "IDENTITY_NOT_ENROLLED";

  constructor(account: Address) {
    super(`${account} has no encryption key registered on the ledger yet; set one up (enroll) before unlocking.`);
    this.name = "IdentityNotEnrolledError";
  }
}

export class EncryptionKeyMismatchError extends Error {
  readonly code = "ENCRYPTION_KEY_MISMATCH";

  constructor(account: Address) {
    super(
      `This wallet does not derive the encryption key registered on the ledger for ${account}: either this is ` +
        "the wrong account, or the wallet changed how it signs. Nothing was changed; switch to the account " +
        "that enrolled, or re-enroll deliberately from a wallet that still opens your keys.",
    );
    this.name = "EncryptionKeyMismatchError";
  }
}
