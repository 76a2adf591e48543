/**
 * One human sentence per custom error of EHRLedger's ABI: what failed, and what to do about it.
 * Typed against the generated ABI, so a new contract error without a sentence fails to compile.
 */
import type { ContractErrorArgs, ContractErrorName } from "viem";

import { categoryName, kindName } from "./categories.js";
import type { LedgerAbi } from "./connection.js";

export type LedgerErrorName = ContractErrorName<LedgerAbi>;

type SentenceTable = { [Name in LedgerErrorName]: (args: ContractErrorArgs<LedgerAbi, Name>) => string };

const RECORD_STATUS = ["missing", "current", "superseded by a newer version", "retracted"] as const;

function date(unixSeconds: number | bigint): string {
  return new Date(Number(unixSeconds) * 1000).toISOString();
}

const sentences: SentenceTable = {
  AccessControlBadConfirmation: () =>
    "The admin role can only be renounced by the account that holds it, confirming its own address.",
  AccessControlEnforcedDefaultAdminDelay: ([schedule]) =>
    `The admin change is not due yet: it can be completed after ${date(schedule)}.`,
  AccessControlEnforcedDefaultAdminRules: () =>
    "The admin role changes hands only through the two-step transfer with its waiting period.",
  AccessControlInvalidDefaultAdmin: ([defaultAdmin]) =>
    `${defaultAdmin} is not the pending admin, so it cannot accept the admin role.`,
  AccessControlUnauthorizedAccount: ([account]) =>
    `${account} does not hold the role this action needs; ask the ledger admin.`,
  AddressEmptyCode: ([target]) => `${target} has no contract code; check the ledger address.`,
  ConsentCallerNotPatient: ([caller]) => `Only a patient can do this, and ${caller} is not registered as one.`,
  ConsentEmptyScope: () => "Choose at least one record category to share.",
  ConsentExpiryInPast: ([expiresAt]) =>
    `The chosen expiry (${date(expiresAt)}) has already passed; choose a later date or none.`,
  ConsentInvalidGrantee: ([grantee]) =>
    `${grantee} cannot receive access: it is not registered, or it is an auditor.`,
  ConsentInvalidPurpose: ([purposeCode]) => `Purpose code ${purposeCode} is not one the ledger knows.`,
  ConsentInvalidReason: ([reasonCode]) => `Reason code ${reasonCode} is not one the ledger knows.`,
  ConsentNoGrantees: () => "The grant names nobody; add at least one grantee.",
  ConsentNotAPatient: ([account]) => `${account} is not a registered patient.`,
  ConsentRequesterNotProvider: ([requester]) =>
    `${requester} is not a healthcare provider, and only providers can request access.`,
  ConsentSelfGrant: () => "Patients always have access to their own records; choose someone else to share with.",
  ConsentWrapCountMismatch: ([grantee, expected, actual]) =>
    `The grant to ${grantee} carries ${actual} key wraps but covers ${expected} categories; reload and try again.`,
  ConsentWriteNotAllowed: ([grantee]) =>
    `${grantee} may read but not add records: only doctors, hospitals and labs can be given write access.`,
  EnforcedPause: () => "The ledger is paused by its admin; nothing can change until it resumes.",
  ExpectedPause: () => "The ledger is not paused, so it cannot be resumed.",
  FailedCall: () => "One of the batched calls failed; retry the actions one by one to see which.",
  InsufficientBalance: ([balance, needed]) =>
    `The ledger holds ${balance} wei but ${needed} wei were needed to pay out.`,
  RecordsCapacityExhausted: ([patient]) => `${patient}'s record log is full; no further records can be added.`,
  RecordsEmptyDigest: () => "The record has no content digest; upload it again before adding it.",
  RecordsInvalidPurpose: ([purposeCode]) => `Purpose code ${purposeCode} is not one the ledger knows.`,
  RecordsInvalidReason: ([reasonCode]) => `Reason code ${reasonCode} is not one the ledger knows.`,
  RecordsNotAuthor: ([caller, author]) =>
    `${caller} did not write this record (${author} did); only its author can amend or retract it.`,
  RecordsNotCurrent: ([, recordId, status]) =>
    `Record ${recordId} is ${RECORD_STATUS[status] ?? "not current"}; amend or retract its latest version instead.`,
  RecordsNotFound: ([patient, recordId]) => `${patient} has no record ${recordId}.`,
  RecordsReadDenied: ([reader, , recordId]) =>
    `${reader} has no current read access to record ${recordId}; ask the patient for a grant.`,
  RecordsWriteDenied: ([author, patient, category]) =>
    `${author} may not add ${categoryName(category)} records for ${patient}; ask the patient for write access.`,
  RegistryAdminCannotParticipate: ([account]) =>
    `${account} is the ledger admin and cannot also be a participant; use another account.`,
  RegistryAlreadyRegistered: ([account]) => `${account} is already registered.`,
  RegistryFeeTooLarge: ([fee]) => `A sign-up fee of ${fee} wei is above the ledger's limit.`,
  RegistryInactiveParticipant: ([account]) =>
    `${account} is suspended; it can act again once the admin reactivates it.`,
  RegistryIncorrectFee: ([required, paid]) =>
    `Signing up costs exactly ${required} wei, but ${paid} wei were sent.`,
  RegistryInvalidAffiliation: ([kind, affiliation]) =>
    `A ${kindName(kind)} cannot be affiliated with ${affiliation}; doctors and labs belong to an active hospital or none.`,
  RegistryInvalidKind: ([kind]) => `Participants cannot be registered as ${kindName(kind)}.`,
  RegistryMissingIdentityCommitment: () => "Registration needs an identity commitment; fill in the identity details.",
  RegistryMissingProfile: ([kind]) => `A ${kindName(kind)} needs a public profile; upload one first.`,
  RegistryNotRegistered: ([account]) => `${account} is not registered on the ledger.`,
  RegistryProfileNotAllowed: ([kind]) => `A ${kindName(kind)} has no public profile; leave it empty.`,
  RegistryUnauthorizedRegistrar: ([registrar, kind]) =>
    `${registrar} may not register a ${kindName(kind)}: the admin registers anyone, a hospital only its own doctors and labs.`,
  RegistryUnauthorizedStatusChange: ([caller, account]) =>
    `${caller} may not change the status of ${account}: only the admin, or a hospital for its own staff.`,
  RegistryZeroAccount: () => "The account address is empty; enter the participant's address.",
  RegistryZeroEncryptionKey: () => "The encryption key is empty; unlock the wallet's encryption key first.",
  RegistryZeroTreasury: () => "The treasury address is empty; enter where the fees should go.",
  SafeCastOverflowedUintDowncast: ([bits, value]) => `${value} does not fit in ${bits} bits.`,
  ScopeKeysChainLinkMismatch: ([epoch]) =>
    epoch === 0
      ? "The first key of a category links to no earlier key; the client sent a link it should not have."
      : `Epoch ${epoch} is not the first, so its successor must carry the link to it; the client left it out.`,
  ScopeKeysEpochExhausted: ([patient, category]) =>
    `${patient}'s ${categoryName(category)} key cannot be rotated any more times.`,
  ScopeKeysEpochMismatch: ([, category, expected, current]) =>
    `The ${categoryName(category)} key moved on (epoch ${current}, expected ${expected}) while this was being prepared; reload and try again.`,
  ScopeKeysFirstWrapNotPatient: ([recipient]) =>
    `A new key must be wrapped for the patient first, not for ${recipient}.`,
  ScopeKeysInvalidCategory: ([category]) => `There is no record category ${category}.`,
  ScopeKeysInvalidWrapLength: ([length]) =>
    `A key wrap of ${length} bytes is outside the accepted 48 to 160; the client produced a malformed wrap.`,
  ScopeKeysRecipientLacksAccess: ([recipient]) =>
    `${recipient} no longer has read access, so the new key cannot be shared with it; reload and try again.`,
  ScopeKeysRotationRequired: ([, category]) =>
    `The ${categoryName(category)} key must be rotated (a reader was removed or expired) before anything is added.`,
  ScopeKeysUnauthorizedRotator: ([caller, patient, category]) =>
    `${caller} may not rotate ${patient}'s ${categoryName(category)} key: only the patient or a writer of that category can.`,
  ScopeKeysUninitialized: ([patient, category]) =>
    `${patient} has no ${categoryName(category)} key yet; the patient must create it first.`,
};

/** The human sentence for a decoded custom error of the ledger. */
export function describeLedgerError<Name extends LedgerErrorName>(name: Name, args: ContractErrorArgs<LedgerAbi, Name>): string {
  return sentences[name](args);
}

export function isLedgerErrorName(name: string): name is LedgerErrorName {
  return Object.hasOwn(sentences, name);
}
