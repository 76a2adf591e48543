/** One hand-made access-log entry of every action, each with the fields its action carries, for the export tests. */
import { ACCESS_LOG_ACTIONS, type AccessLogAction, type AccessLogDetail, type AccessLogEntry } from "../../../../../../web/src/core/access-log/entry.js";
import type { Address } from "../../../../../../web/src/core/ledger-context.js";
import { digest } from "../support.js";

export const PATIENT = "0xA11ce00000000000000000000000000000000001" as Address;
export const DOCTOR = "0xD0c7000000000000000000000000000000000003" as Address;
export const HOSPITAL = "0x4055000000000000000000000000000000000004" as Address;
export const ADMIN = "0xAd00000000000000000000000000000000000005" as Address;

// Keyed by action so that a new action in the union fails to compile here until it has a fixture.
const DETAILS: { [Action in AccessLogAction]: Extract<AccessLogDetail, { action: Action }> } = {
  "participant-registered": { action: "participant-registered", actor: ADMIN, subject: DOCTOR, kind: 2, affiliation: HOSPITAL, encryptionKey: digest(0x0e), profileDigest: digest(0x51) },
  "participant-suspended": { action: "participant-suspended", actor: HOSPITAL, subject: DOCTOR },
  "participant-reactivated": { action: "participant-reactivated", actor: HOSPITAL, subject: DOCTOR },
  "encryption-key-changed": { action: "encryption-key-changed", actor: PATIENT, encryptionKey: digest(0x0e) },
  "profile-changed": { action: "profile-changed", actor: DOCTOR, profileDigest: digest(0x51) },
  "sign-up-fee-changed": { action: "sign-up-fee-changed", actor: ADMIN, previousFee: 10n ** 15n, newFee: 2n * 10n ** 15n },
  "fees-withdrawn": { action: "fees-withdrawn", actor: ADMIN, subject: ADMIN, amount: 3n * 10n ** 15n },
  paused: { action: "paused", actor: ADMIN },
  unpaused: { action: "unpaused", actor: ADMIN },
  "access-granted": { action: "access-granted", actor: PATIENT, patient: PATIENT, subject: DOCTOR, categories: [0, 1], readCategories: [0, 1], writeCategories: [0], expiresAt: 1_800_000_000 },
  "access-revoked": { action: "access-revoked", actor: PATIENT, patient: PATIENT, subject: DOCTOR, categories: [0, 1] },
  "access-requested": { action: "access-requested", actor: DOCTOR, patient: PATIENT, categories: [2], readCategories: [2], writeCategories: [], purpose: 4 },
  "access-request-denied": { action: "access-request-denied", actor: PATIENT, patient: PATIENT, subject: DOCTOR, reason: 2 },
  "scope-key-rotated": { action: "scope-key-rotated", actor: PATIENT, patient: PATIENT, categories: [0], epoch: 2 },
  "scope-key-wrapped": { action: "scope-key-wrapped", actor: PATIENT, patient: PATIENT, subject: DOCTOR, categories: [0], epoch: 2 },
  "record-added": { action: "record-added", actor: DOCTOR, patient: PATIENT, recordId: 1n, categories: [1], epoch: 1, contentDigest: digest(0x01), facility: HOSPITAL },
  "record-amended": { action: "record-amended", actor: DOCTOR, patient: PATIENT, recordId: 2n, categories: [1], epoch: 1, contentDigest: digest(0x02), supersedes: 1n },
  "record-retracted": { action: "record-retracted", actor: DOCTOR, patient: PATIENT, recordId: 2n, categories: [1], reason: 0 },
  "record-read": { action: "record-read", actor: DOCTOR, patient: PATIENT, recordId: 1n, categories: [1], purpose: 8 },
  "admin-role-event": { action: "admin-role-event", actor: ADMIN, event: "RoleGranted", role: `0x${"00".repeat(32)}`, subject: HOSPITAL },
};

/** Every action once, in ACCESS_LOG_ACTIONS order, each in its own transaction one block after the last. */
export function oneEntryOfEachAction(): AccessLogEntry[] {
  return ACCESS_LOG_ACTIONS.map((action, i) => ({
    ...DETAILS[action],
    blockNumber: 100n + BigInt(i),
    logIndex: i % 3,
    transactionHash: digest(0x80 + i),
    timestamp: 1_767_225_600 + i * 3_600,
  }) as AccessLogEntry);
}
