import { describe, expect, it } from "vitest";

import { describeAccessLogEntry, type NameOf } from "../../../../../web/src/core/access-log/describe.js";
import type { AccessLogDetail } from "../../../../../web/src/core/access-log/entry.js";
import type { Hex } from "../../../../../web/src/core/bytes.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { Category, Kind } from "../../../../helpers/fixture.js";
import { digest, entryOf, NO_KEY_OR_PROFILE } from "./support.js";

const { GeneralNotes: NOTES, LabResults: LABS, Imaging: IMAGING, PatientReported: OWN } = Category;

const patient = "0x1234000000000000000000000000000000aBcD" as Address;
const doctor = "0xd0c7000000000000000000000000000000000001" as Address;
const hospital = "0x4057000000000000000000000000000000000002" as Address;
const admin = "0xad00000000000000000000000000000000000003" as Address;
const stranger = "0x5000000000000000000000000000000000009999" as Address;
const ADMIN_ROLE: Hex = `0x${"00".repeat(32)}`;

const names = new Map<string, string>([[doctor, "Dr. Amara Okafor"], [hospital, "St. Mary's"], [admin, "the admin"]]);
const nameOf: NameOf = (address) => names.get(address);
/** A fixed, locale-free date, so the sentences can be compared exactly. */
const isoDate = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 10);
const JAN_12_2027 = Date.UTC(2027, 0, 12) / 1000;

function sentence(detail: AccessLogDetail, names: NameOf = nameOf): string {
  return describeAccessLogEntry(entryOf(detail), names, isoDate);
}

describe("describeAccessLogEntry", () => {
  it("says who opened which record of which patient, and why", () => {
    expect(sentence({ action: "record-read", actor: doctor, patient, recordId: 3n, categories: [LABS], purpose: 0 }))
      .toBe("Dr. Amara Okafor opened record #3 (lab results) of patient 0x1234…aBcD for treatment");
    expect(sentence({ action: "record-read", actor: patient, patient, recordId: 2n, categories: [NOTES], purpose: 5 }))
      .toBe("The patient opened record #2 (general notes) for the patient's own request");
  });

  it("describes a grant with its categories, write access and expiry date in the caller's format", () => {
    expect(sentence({ action: "access-granted", actor: patient, patient, subject: hospital, categories: [NOTES, LABS], readCategories: [NOTES, LABS], writeCategories: [], expiresAt: JAN_12_2027 }))
      .toBe("The patient granted St. Mary's read access to general notes and lab results until 2027-01-12");
    expect(sentence({ action: "access-granted", actor: patient, patient, subject: doctor, categories: [NOTES, LABS, IMAGING], readCategories: [NOTES, LABS, IMAGING], writeCategories: [NOTES] }))
      .toBe("The patient granted Dr. Amara Okafor read access to lab results and imaging and read and write access to general notes");
  });

  it("calls the patient by the name the caller gives, capitalized at the start of the sentence", () => {
    const inOwnView: NameOf = (address) => (address === patient ? "you" : nameOf(address));
    expect(sentence({ action: "access-revoked", actor: patient, patient, subject: hospital, categories: [NOTES, LABS] }, inOwnView))
      .toBe("You withdrew access to general notes and lab results from St. Mary's");
    expect(sentence({ action: "record-read", actor: doctor, patient, recordId: 1n, categories: [OWN], purpose: 1 }, inOwnView))
      .toBe("Dr. Amara Okafor opened record #1 (patient-reported data) of patient you for emergency treatment");
  });

  it("describes revokes, requests and denials", () => {
    expect(sentence({ action: "access-revoked", actor: patient, patient, subject: hospital, categories: [NOTES, LABS, IMAGING] }))
      .toBe("The patient withdrew access to general notes, lab results and imaging from St. Mary's");
    expect(sentence({ action: "access-revoked", actor: patient, patient, subject: hospital, categories: [] }))
      .toBe("The patient withdrew all access from St. Mary's");
    expect(sentence({ action: "access-requested", actor: doctor, patient, categories: [LABS], readCategories: [LABS], writeCategories: [], purpose: 4 }))
      .toBe("Dr. Amara Okafor asked patient 0x1234…aBcD for read access to lab results for care coordination");
    expect(sentence({ action: "access-request-denied", actor: patient, patient, subject: doctor, reason: 1 }))
      .toBe("The patient declined the access request from Dr. Amara Okafor (not my provider)");
  });

  it("describes records added, amended and retracted", () => {
    expect(sentence({ action: "record-added", actor: doctor, patient, recordId: 3n, categories: [LABS], epoch: 1, contentDigest: ADMIN_ROLE, facility: hospital }))
      .toBe("Dr. Amara Okafor added record #3 (lab results) for patient 0x1234…aBcD");
    expect(sentence({ action: "record-added", actor: patient, patient, recordId: 4n, categories: [OWN], epoch: 1, contentDigest: ADMIN_ROLE }))
      .toBe("The patient added record #4 (patient-reported data)");
    expect(sentence({ action: "record-amended", actor: doctor, patient, recordId: 2n, categories: [NOTES], epoch: 1, contentDigest: ADMIN_ROLE, supersedes: 1n }))
      .toBe("Dr. Amara Okafor amended record #1 (general notes) of patient 0x1234…aBcD as record #2");
    expect(sentence({ action: "record-retracted", actor: doctor, patient, recordId: 2n, categories: [NOTES], reason: 2 }))
      .toBe("Dr. Amara Okafor retracted record #2 (general notes) of patient 0x1234…aBcD: duplicate");
  });

  it("describes scope keys created, rotated and sealed", () => {
    expect(sentence({ action: "scope-key-rotated", actor: patient, patient, categories: [LABS], epoch: 1 }))
      .toBe("The patient created the lab results key (epoch 1)");
    expect(sentence({ action: "scope-key-rotated", actor: doctor, patient, categories: [NOTES], epoch: 2 }))
      .toBe("Dr. Amara Okafor rotated the general notes key of patient 0x1234…aBcD (epoch 2)");
    expect(sentence({ action: "scope-key-wrapped", actor: patient, patient, subject: patient, categories: [LABS], epoch: 1 }))
      .toBe("The patient sealed the lab results key (epoch 1) for themselves");
    expect(sentence({ action: "scope-key-wrapped", actor: patient, patient, subject: hospital, categories: [LABS], epoch: 1 }))
      .toBe("The patient sealed the lab results key (epoch 1) for St. Mary's");
    expect(sentence({ action: "scope-key-wrapped", actor: doctor, patient, subject: patient, categories: [NOTES], epoch: 2 }))
      .toBe("Dr. Amara Okafor sealed the general notes key of patient 0x1234…aBcD (epoch 2) for the patient");
  });

  it("describes registrations, suspensions and participants' own changes", () => {
    expect(sentence({ action: "participant-registered", actor: admin, subject: hospital, kind: Kind.Hospital, ...NO_KEY_OR_PROFILE }))
      .toBe("The admin registered St. Mary's as a hospital");
    expect(sentence({ action: "participant-registered", actor: hospital, subject: doctor, kind: Kind.Doctor, affiliation: hospital, ...NO_KEY_OR_PROFILE }))
      .toBe("St. Mary's registered Dr. Amara Okafor as a doctor of St. Mary's");
    expect(sentence({ action: "participant-registered", actor: admin, subject: stranger, kind: Kind.Auditor, ...NO_KEY_OR_PROFILE }))
      .toBe("The admin registered 0x5000…9999 as an auditor");
    expect(sentence({ action: "participant-registered", actor: patient, subject: patient, kind: Kind.Patient, patient, ...NO_KEY_OR_PROFILE }))
      .toBe("The patient signed up");
    expect(sentence({ action: "participant-suspended", actor: hospital, subject: doctor })).toBe("St. Mary's suspended Dr. Amara Okafor");
    expect(sentence({ action: "participant-reactivated", actor: admin, subject: doctor })).toBe("The admin reactivated Dr. Amara Okafor");
    expect(sentence({ action: "encryption-key-changed", actor: doctor, encryptionKey: digest(0x0e) })).toBe("Dr. Amara Okafor set a new encryption key");
    expect(sentence({ action: "profile-changed", actor: hospital, profileDigest: ADMIN_ROLE })).toBe("St. Mary's published a new public profile");
  });

  it("describes the admin's fees and pauses", () => {
    expect(sentence({ action: "sign-up-fee-changed", actor: admin, previousFee: 0n, newFee: 10n ** 16n }))
      .toBe("The admin changed the sign-up fee from 0 ETH to 0.01 ETH");
    expect(sentence({ action: "fees-withdrawn", actor: admin, subject: stranger, amount: 3n * 10n ** 18n }))
      .toBe("The admin withdrew 3 ETH of sign-up fees to 0x5000…9999");
    expect(sentence({ action: "paused", actor: admin })).toBe("The admin paused the ledger, stopping every participant action");
    expect(sentence({ action: "unpaused", actor: admin })).toBe("The admin unpaused the ledger");
  });

  it("describes every admin-role event by name", () => {
    const role = (detail: Record<string, unknown>) => sentence({ action: "admin-role-event", actor: admin, ...detail } as AccessLogDetail);
    expect(role({ event: "RoleGranted", role: ADMIN_ROLE, subject: admin })).toBe("The admin took on the admin role");
    expect(role({ event: "RoleGranted", role: ADMIN_ROLE, subject: stranger })).toBe("The admin gave the admin role to 0x5000…9999");
    expect(role({ event: "RoleRevoked", role: ADMIN_ROLE, subject: admin })).toBe("The admin gave up the admin role");
    expect(role({ event: "RoleRevoked", role: ADMIN_ROLE, subject: stranger })).toBe("The admin took the admin role from 0x5000…9999");
    expect(role({ event: "RoleAdminChanged", role: ADMIN_ROLE, previousAdminRole: ADMIN_ROLE, newAdminRole: `0x${"00".repeat(31)}01` }))
      .toBe("The admin made role 0x0000…0001 the administrator of the admin role");
    expect(role({ event: "DefaultAdminTransferScheduled", subject: stranger, acceptSchedule: JAN_12_2027 }))
      .toBe("The admin started handing the admin role to 0x5000…9999, who may accept it from 2027-01-12");
    expect(role({ event: "DefaultAdminTransferCanceled" })).toBe("The admin canceled the pending handover of the admin role");
    expect(role({ event: "DefaultAdminDelayChangeScheduled", newDelay: 86_400, effectSchedule: JAN_12_2027 }))
      .toBe("The admin scheduled changing the admin handover delay to 1 day from 2027-01-12");
    expect(role({ event: "DefaultAdminDelayChangeScheduled", newDelay: 7_200, effectSchedule: JAN_12_2027 }))
      .toBe("The admin scheduled changing the admin handover delay to 2 hours from 2027-01-12");
    expect(role({ event: "DefaultAdminDelayChangeScheduled", newDelay: 90, effectSchedule: JAN_12_2027 }))
      .toBe("The admin scheduled changing the admin handover delay to 90 seconds from 2027-01-12");
    expect(role({ event: "DefaultAdminDelayChangeCanceled" })).toBe("The admin canceled the pending change of the admin handover delay");
  });

  it("falls back to short addresses for anyone the caller cannot name", () => {
    expect(sentence({ action: "record-read", actor: doctor, patient, recordId: 3n, categories: [LABS], purpose: 8 }, () => undefined))
      .toBe("0xd0c7…0001 opened record #3 (lab results) of patient 0x1234…aBcD for a legal or compliance audit");
  });
});

describe("describeAccessLogEntry with a patient viewer", () => {
  const mine = (detail: AccessLogDetail) => describeAccessLogEntry(entryOf(detail), nameOf, isoDate, { viewer: patient });

  it("describeAccessLogEntry_patientViewer_readOfOwnRecord_leavesThePatientOut", () => {
    expect(mine({ action: "record-read", actor: doctor, patient, recordId: 3n, categories: [LABS], purpose: 0 }))
      .toBe("Dr. Amara Okafor opened record #3 (lab results) for treatment");
  });

  it("describeAccessLogEntry_patientViewer_ownAction_isYou", () => {
    expect(mine({ action: "record-read", actor: patient, patient, recordId: 2n, categories: [NOTES], purpose: 5 }))
      .toBe("You opened record #2 (general notes) for the patient's own request");
  });
});
