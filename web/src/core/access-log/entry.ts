/**
 * The access log's entries: every ledger event as one normalized row an auditor or a patient reads.
 * `actor` is always who did it, `patient` whose data it concerns, `subject` the other party.
 */
import type { Hex } from "../bytes.js";
import type { Address } from "../ledger-context.js";

export const ACCESS_LOG_ACTIONS = [
  "participant-registered",
  "participant-suspended",
  "participant-reactivated",
  "encryption-key-changed",
  "profile-changed",
  "sign-up-fee-changed",
  "fees-withdrawn",
  "paused",
  "unpaused",
  "access-granted",
  "access-revoked",
  "access-requested",
  "access-request-denied",
  "scope-key-rotated",
  "scope-key-wrapped",
  "record-added",
  "record-amended",
  "record-retracted",
  "record-read",
  "admin-role-event",
] as const;

export type AccessLogAction = (typeof ACCESS_LOG_ACTIONS)[number];

interface EntryBase {
  action: AccessLogAction;
  /** Who did it: the event's own party, or the transaction's sender where the event names none. */
  actor: Address;
  /** Whose data or consent the entry concerns. */
  patient?: Address;
  /** The other party: a grantee, a registered account, a key's recipient, a treasury. */
  subject?: Address;
  recordId?: bigint;
  /** Record categories concerned, ascending. */
  categories?: number[];
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  /** Unix seconds of the block. */
  timestamp: number;
}

type Entry<Action extends AccessLogAction, Fields = object> = EntryBase & { action: Action } & Fields;

interface PatientScope {
  patient: Address;
  categories: number[];
}

interface RecordFields extends PatientScope {
  recordId: bigint;
}

interface ScopeFields extends PatientScope {
  readCategories: number[];
  /** Always a subset of readCategories: write implies read. */
  writeCategories: number[];
}

interface AddedRecordFields extends RecordFields {
  epoch: number;
  contentDigest: Hex;
  /** The author's hospital when it wrote the record; undefined for none. */
  facility?: Address;
}

/** `encryptionKey` and `profileDigest` as registered (zero for none): the directory is rebuilt from them. */
export type ParticipantRegisteredEntry = Entry<"participant-registered", { subject: Address; kind: number; affiliation?: Address; encryptionKey: Hex; profileDigest: Hex }>;
export type ParticipantSuspendedEntry = Entry<"participant-suspended", { subject: Address }>;
export type ParticipantReactivatedEntry = Entry<"participant-reactivated", { subject: Address }>;
export type EncryptionKeyChangedEntry = Entry<"encryption-key-changed", { encryptionKey: Hex }>;
export type ProfileChangedEntry = Entry<"profile-changed", { profileDigest: Hex }>;
export type SignUpFeeChangedEntry = Entry<"sign-up-fee-changed", { previousFee: bigint; newFee: bigint }>;
export type FeesWithdrawnEntry = Entry<"fees-withdrawn", { subject: Address; amount: bigint }>;
export type PausedEntry = Entry<"paused">;
export type UnpausedEntry = Entry<"unpaused">;
export type AccessGrantedEntry = Entry<"access-granted", ScopeFields & { subject: Address; expiresAt?: number }>;
export type AccessRevokedEntry = Entry<"access-revoked", PatientScope & { subject: Address }>;
export type AccessRequestedEntry = Entry<"access-requested", ScopeFields & { purpose: number }>;
export type AccessRequestDeniedEntry = Entry<"access-request-denied", { patient: Address; subject: Address; reason: number }>;
export type ScopeKeyRotatedEntry = Entry<"scope-key-rotated", PatientScope & { epoch: number }>;
export type ScopeKeyWrappedEntry = Entry<"scope-key-wrapped", PatientScope & { subject: Address; epoch: number }>;
export type RecordAddedEntry = Entry<"record-added", AddedRecordFields>;
export type RecordAmendedEntry = Entry<"record-amended", AddedRecordFields & { supersedes: bigint }>;
export type RecordRetractedEntry = Entry<"record-retracted", RecordFields & { reason: number }>;
export type RecordReadEntry = Entry<"record-read", RecordFields & { purpose: number }>;

/** The admin role's own events (OpenZeppelin AccessControlDefaultAdminRules), kept by name. */
export type AdminRoleEntry = Entry<"admin-role-event",
  | { event: "RoleGranted" | "RoleRevoked"; role: Hex; subject: Address }
  | { event: "RoleAdminChanged"; role: Hex; previousAdminRole: Hex; newAdminRole: Hex }
  | { event: "DefaultAdminTransferScheduled"; subject: Address; acceptSchedule: number }
  | { event: "DefaultAdminTransferCanceled" }
  | { event: "DefaultAdminDelayChangeScheduled"; newDelay: number; effectSchedule: number }
  | { event: "DefaultAdminDelayChangeCanceled" }>;

export type AccessLogEntry =
  | ParticipantRegisteredEntry
  | ParticipantSuspendedEntry
  | ParticipantReactivatedEntry
  | EncryptionKeyChangedEntry
  | ProfileChangedEntry
  | SignUpFeeChangedEntry
  | FeesWithdrawnEntry
  | PausedEntry
  | UnpausedEntry
  | AccessGrantedEntry
  | AccessRevokedEntry
  | AccessRequestedEntry
  | AccessRequestDeniedEntry
  | ScopeKeyRotatedEntry
  | ScopeKeyWrappedEntry
  | RecordAddedEntry
  | RecordAmendedEntry
  | RecordRetractedEntry
  | RecordReadEntry
  | AdminRoleEntry;

/** Where an entry sits on the chain; the same for every action. */
export type EntryPosition = Pick<EntryBase, "blockNumber" | "logIndex" | "transactionHash" | "timestamp">;

type WithoutPosition<T> = T extends unknown ? Omit<T, keyof EntryPosition> : never;

/** An entry before its position is known: what one event says by itself. */
export type AccessLogDetail = WithoutPosition<AccessLogEntry>;
