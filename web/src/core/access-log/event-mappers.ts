/**
 * One mapping per ledger event, from the event to what the access log shows. Typed over every event
 * name of the generated ABI, so a new event in the contracts fails to compile until it is mapped.
 */
import { zeroAddress } from "viem";

import { sameAddress } from "../chain/address.js";
import { categoriesOf } from "../chain/categories.js";
import type { LedgerEvent, LedgerEventName } from "../chain/events.js";
import type { Address } from "../ledger-context.js";
import type { AccessLogDetail } from "./entry.js";

export interface MappingContext {
  /** The sender of the event's transaction; available to mappers with `actorIsSender`. */
  sender(): Address;
  /** The category of a record, from its RecordAdded event. */
  recordCategory(patient: Address, recordId: bigint): number;
}

export interface EventMapper<Name extends LedgerEventName> {
  /** The event does not say who acted: the transaction's sender did. */
  actorIsSender?: true;
  toDetail(event: LedgerEvent<Name>, context: MappingContext): AccessLogDetail;
}

const PATIENT_KIND = 1;

function unlessZero(address: Address): Address | undefined {
  return sameAddress(address, zeroAddress) ? undefined : address;
}

/** The fields of an event about one existing record, whose category only its RecordAdded event holds. */
function aboutRecord(actor: Address, patient: Address, recordId: bigint, context: MappingContext) {
  return { actor, patient, recordId, categories: [context.recordCategory(patient, recordId)] };
}

function scopes(readScope: number, writeScope: number) {
  const readCategories = categoriesOf(readScope | writeScope);
  return { categories: readCategories, readCategories, writeCategories: categoriesOf(writeScope) };
}

export const EVENT_MAPPERS: { readonly [Name in LedgerEventName]: EventMapper<Name> } = {
  ParticipantRegistered: {
    toDetail: ({ args }) => ({
      action: "participant-registered",
      actor: args.registeredBy,
      subject: args.account,
      kind: args.kind,
      affiliation: unlessZero(args.affiliation),
      patient: args.kind === PATIENT_KIND ? args.account : undefined,
      encryptionKey: args.encryptionKey,
      profileDigest: args.profileDigest,
    }),
  },
  ParticipantSuspended: {
    toDetail: ({ args }) => ({ action: "participant-suspended", actor: args.suspendedBy, subject: args.account }),
  },
  ParticipantReactivated: {
    toDetail: ({ args }) => ({ action: "participant-reactivated", actor: args.reactivatedBy, subject: args.account }),
  },
  EncryptionKeyChanged: {
    toDetail: ({ args }) => ({ action: "encryption-key-changed", actor: args.account, encryptionKey: args.encryptionKey }),
  },
  ProfileChanged: {
    toDetail: ({ args }) => ({ action: "profile-changed", actor: args.account, profileDigest: args.profileDigest }),
  },
  SignUpFeeChanged: {
    actorIsSender: true,
    toDetail: ({ args }, context) => ({ action: "sign-up-fee-changed", actor: context.sender(), previousFee: args.previousFee, newFee: args.newFee }),
  },
  FeesWithdrawn: {
    actorIsSender: true,
    toDetail: ({ args }, context) => ({ action: "fees-withdrawn", actor: context.sender(), subject: args.treasury, amount: args.amount }),
  },
  Paused: {
    toDetail: ({ args }) => ({ action: "paused", actor: args.account }),
  },
  Unpaused: {
    toDetail: ({ args }) => ({ action: "unpaused", actor: args.account }),
  },
  AccessGranted: {
    toDetail: ({ args }) => ({
      action: "access-granted",
      actor: args.patient,
      patient: args.patient,
      subject: args.grantee,
      ...scopes(args.readScope, args.writeScope),
      expiresAt: args.expiresAt === 0 ? undefined : args.expiresAt,
    }),
  },
  AccessRevoked: {
    toDetail: ({ args }) => ({
      action: "access-revoked",
      actor: args.patient,
      patient: args.patient,
      subject: args.grantee,
      categories: categoriesOf(args.readScope),
    }),
  },
  AccessRequested: {
    toDetail: ({ args }) => ({
      action: "access-requested",
      actor: args.requester,
      patient: args.patient,
      ...scopes(args.readScope, args.writeScope),
      purpose: args.purposeCode,
    }),
  },
  AccessRequestDenied: {
    toDetail: ({ args }) => ({
      action: "access-request-denied",
      actor: args.patient,
      patient: args.patient,
      subject: args.requester,
      reason: args.reasonCode,
    }),
  },
  ScopeKeyRotated: {
    toDetail: ({ args }) => ({
      action: "scope-key-rotated",
      actor: args.rotatedBy,
      patient: args.patient,
      categories: [args.category],
      epoch: args.epoch,
    }),
  },
  ScopeKeyWrapped: {
    actorIsSender: true,
    toDetail: ({ args }, context) => ({
      action: "scope-key-wrapped",
      actor: context.sender(),
      patient: args.patient,
      subject: args.recipient,
      categories: [args.category],
      epoch: args.epoch,
    }),
  },
  RecordAdded: {
    toDetail: ({ args }) => {
      const added = {
        actor: args.author,
        patient: args.patient,
        recordId: args.recordId,
        categories: [args.category],
        epoch: args.epoch,
        contentDigest: args.contentDigest,
        facility: unlessZero(args.facility),
      };
      return args.supersedes === 0n
        ? { action: "record-added", ...added }
        : { action: "record-amended", ...added, supersedes: args.supersedes };
    },
  },
  RecordRetracted: {
    toDetail: ({ args }, context) => ({
      action: "record-retracted",
      ...aboutRecord(args.retractedBy, args.patient, args.recordId, context),
      reason: args.reasonCode,
    }),
  },
  RecordAccessed: {
    toDetail: ({ args }, context) => ({
      action: "record-read",
      ...aboutRecord(args.reader, args.patient, args.recordId, context),
      purpose: args.purposeCode,
    }),
  },
  RoleGranted: {
    toDetail: ({ args }) => ({ action: "admin-role-event", event: "RoleGranted", actor: args.sender, role: args.role, subject: args.account }),
  },
  RoleRevoked: {
    toDetail: ({ args }) => ({ action: "admin-role-event", event: "RoleRevoked", actor: args.sender, role: args.role, subject: args.account }),
  },
  RoleAdminChanged: {
    actorIsSender: true,
    toDetail: ({ args }, context) => ({
      action: "admin-role-event",
      event: "RoleAdminChanged",
      actor: context.sender(),
      role: args.role,
      previousAdminRole: args.previousAdminRole,
      newAdminRole: args.newAdminRole,
    }),
  },
  DefaultAdminTransferScheduled: {
    actorIsSender: true,
    toDetail: ({ args }, context) => ({
      action: "admin-role-event",
      event: "DefaultAdminTransferScheduled",
      actor: context.sender(),
      subject: args.newAdmin,
      acceptSchedule: args.acceptSchedule,
    }),
  },
  DefaultAdminTransferCanceled: {
    actorIsSender: true,
    toDetail: (_event, context) => ({ action: "admin-role-event", event: "DefaultAdminTransferCanceled", actor: context.sender() }),
  },
  DefaultAdminDelayChangeScheduled: {
    actorIsSender: true,
    toDetail: ({ args }, context) => ({
      action: "admin-role-event",
      event: "DefaultAdminDelayChangeScheduled",
      actor: context.sender(),
      newDelay: args.newDelay,
      effectSchedule: args.effectSchedule,
    }),
  },
  DefaultAdminDelayChangeCanceled: {
    actorIsSender: true,
    toDetail: (_event, context) => ({ action: "admin-role-event", event: "DefaultAdminDelayChangeCanceled", actor: context.sender() }),
  },
};
