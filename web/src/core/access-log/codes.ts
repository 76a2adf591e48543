/**
 * Names of the coded values the ledger stores instead of free text (contracts/libraries/Codes.sol),
 * worded to follow "for …" (purposes) or to stand alone (reasons).
 */

export const PURPOSE_NAMES = [
  "treatment",
  "emergency treatment",
  "payment and claims",
  "healthcare operations",
  "care coordination",
  "the patient's own request",
  "family or caregiver care",
  "research with consent",
  "a legal or compliance audit",
] as const;

export const RETRACT_REASON_NAMES = ["entered in error", "wrong patient", "duplicate", "superseded outside the ledger"] as const;

export const DENY_REASON_NAMES = ["no reason given", "not my provider", "scope too broad", "purpose not accepted"] as const;

export function purposeName(code: number): string {
  return PURPOSE_NAMES[code] ?? `purpose ${code}`;
}

export function retractReasonName(code: number): string {
  return RETRACT_REASON_NAMES[code] ?? `reason ${code}`;
}

export function denyReasonName(code: number): string {
  return DENY_REASON_NAMES[code] ?? `reason ${code}`;
}
