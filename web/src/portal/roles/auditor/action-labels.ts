/** Each access-log action as the console's filter and charts name it. */
import type { AccessLogAction } from "../../../core/access-log/entry.js";

export const ACTION_LABELS: Record<AccessLogAction, string> = {
  "participant-registered": "Participant registered",
  "participant-suspended": "Participant suspended",
  "participant-reactivated": "Participant reactivated",
  "encryption-key-changed": "Encryption key changed",
  "profile-changed": "Public profile changed",
  "sign-up-fee-changed": "Sign-up fee changed",
  "fees-withdrawn": "Fees withdrawn",
  paused: "Ledger paused",
  unpaused: "Ledger unpaused",
  "access-granted": "Access granted",
  "access-revoked": "Access revoked",
  "access-requested": "Access requested",
  "access-request-denied": "Access request declined",
  "scope-key-rotated": "Category key created or rotated",
  "scope-key-wrapped": "Category key sealed for someone",
  "record-added": "Record added",
  "record-amended": "Record amended",
  "record-retracted": "Record retracted",
  "record-read": "Record opened",
  "admin-role-event": "Admin role changed",
};
