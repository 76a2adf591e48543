/**
 * One plain-language sentence per access-log entry. Names come from the caller (a directory of
 * public provider profiles, "you" for the signed-in account); anyone unnamed is a short address.
 * Dates go through the caller's `formatDate`, so they follow the user's locale.
 */
import { formatEther, zeroHash } from "viem";

import type { Hex } from "../bytes.js";
import { sameAddress, shortAddress } from "../chain/address.js";
import { categoryName, kindName } from "../chain/categories.js";
import type { Address } from "../ledger-context.js";
import { denyReasonName, purposeName, retractReasonName } from "./codes.js";
import type { AccessLogEntry, AdminRoleEntry } from "./entry.js";

export type NameOf = (address: Address) => string | undefined;
export type FormatDate = (unixSeconds: number) => string;


/** "a", "a and b", "a, b and c". */
function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1) as string}`;
}

function categoryList(categories: readonly number[]): string {
  return listPhrase(categories.map(categoryName));
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}

function scopePhrase(readCategories: readonly number[], writeCategories: readonly number[]): string {
  const readOnly = readCategories.filter((category) => !writeCategories.includes(category));
  const parts: string[] = [];
  if (readOnly.length > 0) parts.push(`read access to ${categoryList(readOnly)}`);
  if (writeCategories.length > 0) parts.push(`read and write access to ${categoryList(writeCategories)}`);
  return parts.join(" and ");
}

function durationPhrase(seconds: number): string {
  const [amount, unit] = seconds % 86_400 === 0 ? [seconds / 86_400, "day"] : seconds % 3_600 === 0 ? [seconds / 3_600, "hour"] : [seconds, "second"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

function roleName(role: Hex): string {
  return role === zeroHash ? "the admin role" : `role ${shortAddress(role)}`;
}

function ether(wei: bigint): string {
  return `${formatEther(wei)} ETH`;
}

function capitalized(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * The entry as one sentence, e.g. "Dr. Amara Okafor opened record #3 (lab results) of patient
 * 0x1234…abcd for treatment". A patient acting on their own data is "The patient" unless `nameOf`
 * names them (say, "you" in their own view).
 */
export function describeAccessLogEntry(entry: AccessLogEntry, nameOf: NameOf, formatDate: FormatDate, options: DescribeOptions = {}): string {
  return capitalized(sentenceOf(entry, nameOf, formatDate, options));
}

export interface DescribeOptions {
  /** Whose view this is: the patient reading their own log is "you", and "of patient …" is left out. */
  viewer?: Address;
}

function sentenceOf(entry: AccessLogEntry, nameOf: NameOf, formatDate: FormatDate, { viewer }: DescribeOptions): string {
  const isViewer = (address: Address) => viewer !== undefined && sameAddress(address, viewer);
  const who = (address: Address) => (isViewer(address) ? "you" : nameOf(address) ?? shortAddress(address));
  const patientRef = (patient: Address) => (isViewer(patient) ? "you" : `patient ${who(patient)}`);
  const actedByPatient = entry.patient !== undefined && sameAddress(entry.actor, entry.patient);
  const actor = actedByPatient ? (isViewer(entry.actor) ? "you" : nameOf(entry.actor) ?? "the patient") : who(entry.actor);
  const ofPatient = actedByPatient || entry.patient === undefined || isViewer(entry.patient) ? "" : ` of patient ${who(entry.patient)}`;
  const record = (recordId: bigint, categories: readonly number[]) => `record #${recordId} (${categoryList(categories)})`;

  switch (entry.action) {
    case "participant-registered":
      if (sameAddress(entry.actor, entry.subject)) return `${actor} signed up`;
      return `${actor} registered ${who(entry.subject)} as ${withArticle(kindName(entry.kind))}` +
        (entry.affiliation === undefined ? "" : ` of ${who(entry.affiliation)}`);
    case "participant-suspended":
      return `${actor} suspended ${who(entry.subject)}`;
    case "participant-reactivated":
      return `${actor} reactivated ${who(entry.subject)}`;
    case "encryption-key-changed":
      return `${actor} set a new encryption key`;
    case "profile-changed":
      return `${actor} published a new public profile`;
    case "sign-up-fee-changed":
      return `${actor} changed the sign-up fee from ${ether(entry.previousFee)} to ${ether(entry.newFee)}`;
    case "fees-withdrawn":
      return `${actor} withdrew ${ether(entry.amount)} of sign-up fees to ${who(entry.subject)}`;
    case "paused":
      return `${actor} paused the ledger, stopping every participant action`;
    case "unpaused":
      return `${actor} unpaused the ledger`;
    case "access-granted":
      return `${actor} granted ${who(entry.subject)} ${scopePhrase(entry.readCategories, entry.writeCategories)}` +
        (entry.expiresAt === undefined ? "" : ` until ${formatDate(entry.expiresAt)}`);
    case "access-revoked":
      return entry.categories.length === 0
        ? `${actor} withdrew all access from ${who(entry.subject)}`
        : `${actor} withdrew access to ${categoryList(entry.categories)} from ${who(entry.subject)}`;
    case "access-requested":
      return `${actor} asked ${patientRef(entry.patient)} for ${scopePhrase(entry.readCategories, entry.writeCategories)} for ${purposeName(entry.purpose)}`;
    case "access-request-denied":
      return `${actor} declined the access request from ${who(entry.subject)} (${denyReasonName(entry.reason)})`;
    case "scope-key-rotated":
      return `${actor} ${entry.epoch === 1 ? "created" : "rotated"} the ${categoryList(entry.categories)} key${ofPatient} (epoch ${entry.epoch})`;
    case "scope-key-wrapped": {
      const recipient = sameAddress(entry.subject, entry.actor) ? "themselves" : sameAddress(entry.subject, entry.patient) ? "the patient" : who(entry.subject);
      return `${actor} sealed the ${categoryList(entry.categories)} key${ofPatient} (epoch ${entry.epoch}) for ${recipient}`;
    }
    case "record-added":
      return `${actor} added ${record(entry.recordId, entry.categories)}` + (actedByPatient ? "" : ` for ${patientRef(entry.patient)}`);
    case "record-amended":
      return `${actor} amended record #${entry.supersedes} (${categoryList(entry.categories)})${ofPatient} as record #${entry.recordId}`;
    case "record-retracted":
      return `${actor} retracted ${record(entry.recordId, entry.categories)}${ofPatient}: ${retractReasonName(entry.reason)}`;
    case "record-read":
      return `${actor} opened ${record(entry.recordId, entry.categories)}${ofPatient} for ${purposeName(entry.purpose)}`;
    case "admin-role-event":
      return describeAdminRoleEvent(entry, actor, who, formatDate);
  }
}

function describeAdminRoleEvent(entry: AdminRoleEntry, actor: string, who: (address: Address) => string, formatDate: FormatDate): string {
  switch (entry.event) {
    case "RoleGranted":
      return sameAddress(entry.actor, entry.subject)
        ? `${actor} took on ${roleName(entry.role)}`
        : `${actor} gave ${roleName(entry.role)} to ${who(entry.subject)}`;
    case "RoleRevoked":
      return sameAddress(entry.actor, entry.subject)
        ? `${actor} gave up ${roleName(entry.role)}`
        : `${actor} took ${roleName(entry.role)} from ${who(entry.subject)}`;
    case "RoleAdminChanged":
      return `${actor} made ${roleName(entry.newAdminRole)} the administrator of ${roleName(entry.role)}`;
    case "DefaultAdminTransferScheduled":
      return `${actor} started handing the admin role to ${who(entry.subject)}, who may accept it from ${formatDate(entry.acceptSchedule)}`;
    case "DefaultAdminTransferCanceled":
      return `${actor} canceled the pending handover of the admin role`;
    case "DefaultAdminDelayChangeScheduled":
      return `${actor} scheduled changing the admin handover delay to ${durationPhrase(entry.newDelay)} from ${formatDate(entry.effectSchedule)}`;
    case "DefaultAdminDelayChangeCanceled":
      return `${actor} canceled the pending change of the admin handover delay`;
  }
}
