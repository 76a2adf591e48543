/** Narrowing the access log the way an auditor's table or a patient's "who accessed my data" does. */
import { sameAddress } from "../chain/address.js";
import type { Address } from "../ledger-context.js";
import type { AccessLogAction, AccessLogEntry } from "./entry.js";

export interface AccessLogFilter {
  patient?: Address;
  actor?: Address;
  /** Only these actions; every action when left out. */
  actions?: readonly AccessLogAction[];
  /** Unix seconds, inclusive. */
  from?: number;
  /** Unix seconds, inclusive. */
  to?: number;
}

export interface ActionGroup {
  label: string;
  actions: readonly AccessLogAction[];
}

/** Every action in exactly one group, for the filter controls. */
export const ACTION_GROUPS = {
  access: { label: "Access and requests", actions: ["access-granted", "access-revoked", "access-requested", "access-request-denied"] },
  records: { label: "Records written", actions: ["record-added", "record-amended", "record-retracted"] },
  reads: { label: "Records opened", actions: ["record-read"] },
  registry: { label: "Participants", actions: ["participant-registered", "participant-suspended", "participant-reactivated", "profile-changed"] },
  keys: { label: "Encryption keys", actions: ["encryption-key-changed", "scope-key-rotated", "scope-key-wrapped"] },
  admin: { label: "Administration", actions: ["sign-up-fee-changed", "fees-withdrawn", "paused", "unpaused", "admin-role-event"] },
} as const satisfies Record<string, ActionGroup>;

export type ActionGroupName = keyof typeof ACTION_GROUPS;

/** The entries matching every criterion given; a criterion left out matches everything. */
export function filterAccessLog(entries: readonly AccessLogEntry[], filter: AccessLogFilter): AccessLogEntry[] {
  const { patient, actor, actions, from, to } = filter;
  return entries.filter((entry) =>
    (patient === undefined || (entry.patient !== undefined && sameAddress(entry.patient, patient))) &&
    (actor === undefined || sameAddress(entry.actor, actor)) &&
    (actions === undefined || actions.includes(entry.action)) &&
    (from === undefined || entry.timestamp >= from) &&
    (to === undefined || entry.timestamp <= to));
}
