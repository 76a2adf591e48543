/**
 * The identity commitment a registration puts on chain: a salted, domain-separated hash of the
 * participant's national ID, computed where the ID is typed. The ID never leaves that device; with
 * the salt, the participant can later show someone they choose that the registration is theirs.
 *
 *   keccak256("EHR Ledger identity commitment v1" ‖ salt (32 bytes) ‖ UTF-8(normalized ID))
 *
 * equal to Solidity's keccak256(abi.encodePacked(domain, salt, normalizedId)). Normalizing (trim,
 * uppercase, drop spaces and dashes) makes "ab-12 34" and "AB1234" the same person.
 */
import { keccak256 } from "viem";

import { concatBytes, fromHex, toHex, utf8, type Hex } from "../bytes.js";
import { randomBytes } from "../crypto/webcrypto.js";

export const IDENTITY_COMMITMENT_DOMAIN = "EHR Ledger identity commitment v1";
export const IDENTITY_SALT_LENGTH = 32;
/** Characters after normalizing; longer than any national ID scheme. */
export const MAX_NATIONAL_ID_LENGTH = 64;

/** The national ID cannot be committed to. The message never repeats the ID. */
export class InvalidNationalIdError extends Error {
  readonly code = "INVALID_NATIONAL_ID";

  constructor(reason: "empty" | "too-long") {
    super(
      reason === "empty"
        ? "The national ID is empty: enter the ID from the participant's identity document."
        : `The national ID is longer than ${MAX_NATIONAL_ID_LENGTH} characters without spaces and dashes; check what was entered.`,
    );
    this.name = "InvalidNationalIdError";
  }
}

function lengthDetail(length: number): string {
  return `it is ${length} byte${length === 1 ? "" : "s"} long`;
}

export class InvalidIdentitySaltError extends Error {
  readonly code = "INVALID_IDENTITY_SALT";

  constructor(detail: string) {
    super(`The identity salt must be ${IDENTITY_SALT_LENGTH} bytes (64 hex digits after 0x), but ${detail}. Use the salt saved at registration, or generate a new one.`);
    this.name = "InvalidIdentitySaltError";
  }
}

/** Trimmed, uppercased, without spaces or dashes (ASCII and Unicode ones). */
export function normalizeNationalId(nationalId: string): string {
  const normalized = nationalId.replace(/[\s\-\u2010-\u2015\u2212]/g, "").toUpperCase();
  if (normalized === "") throw new InvalidNationalIdError("empty");
  if (normalized.length > MAX_NATIONAL_ID_LENGTH) throw new InvalidNationalIdError("too-long");
  return normalized;
}

export function randomIdentitySalt(): Uint8Array {
  return randomBytes(IDENTITY_SALT_LENGTH);
}

export function saltToHex(salt: Uint8Array): Hex {
  if (salt.length !== IDENTITY_SALT_LENGTH) throw new InvalidIdentitySaltError(lengthDetail(salt.length));
  return toHex(salt);
}

export function saltFromHex(hex: string): Uint8Array {
  const text = hex.trim();
  if (!/^0x[0-9a-fA-F]*$/.test(text) || text.length % 2 !== 0) throw new InvalidIdentitySaltError("it is not 0x-prefixed hex");
  const salt = fromHex(text);
  if (salt.length !== IDENTITY_SALT_LENGTH) throw new InvalidIdentitySaltError(lengthDetail(salt.length));
  return salt;
}

/** The commitment for `nationalId` under `salt` (32 bytes, or their 0x hex). */
export function identityCommitment(nationalId: string, salt: Uint8Array | string): Hex {
  const saltBytes = typeof salt === "string" ? saltFromHex(salt) : salt;
  if (saltBytes.length !== IDENTITY_SALT_LENGTH) throw new InvalidIdentitySaltError(lengthDetail(saltBytes.length));
  return keccak256(concatBytes(utf8(IDENTITY_COMMITMENT_DOMAIN), saltBytes, utf8(normalizeNationalId(nationalId))));
}
