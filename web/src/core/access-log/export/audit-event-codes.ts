/**
 * How each access-log action is coded in a FHIR AuditEvent, after IHE Basic Audit Log Patterns
 * (BALP). Record actions are BALP's RESTful patterns on the record (type `rest`, subtype the FHIR
 * interaction). Consent actions are the same RESTful patterns on the patient's consent: BALP's own
 * consent pattern (IHE.BasicAudit.AuthZconsent, DICOM Security Alert with a BALP AuthZ-Consent
 * subtype) records a decision a consent service made about a request, while these entries record
 * the patient changing the consent itself (the contract's check at each read is not an event). The
 * rest follow DICOM's audit vocabulary (the codes FHIR R4's audit-event-type and
 * audit-event-sub-type value sets take from it): who may do what is a Security Alert with
 * "Security Roles Changed" or "User Security Attributes Changed", pausing and unpausing are
 * Application Activity with "Application Stop" / "Application Start", fee changes and withdrawals
 * are Application Activity.
 */
import type { Coding } from "@medplum/fhirtypes";

import type { AccessLogAction } from "../entry.js";

const AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
const RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
const DICOM = "http://dicom.nema.org/resources/ontology/DCM";

const REST: Coding = { system: AUDIT_EVENT_TYPE, code: "rest", display: "RESTful Operation" };
const SECURITY_ALERT: Coding = { system: DICOM, code: "110113", display: "Security Alert" };
const ROLES_CHANGED: Coding = { system: DICOM, code: "110136", display: "Security Roles Changed" };
const ATTRIBUTES_CHANGED: Coding = { system: DICOM, code: "110137", display: "User Security Attributes Changed" };
const APPLICATION_ACTIVITY: Coding = { system: DICOM, code: "110100", display: "Application Activity" };
const interaction = (code: "create" | "read" | "update" | "delete"): Coding => ({ system: RESTFUL_INTERACTION, code, display: code });

export interface AuditCoding {
  type: Coding;
  subtype?: Coding;
  /** FHIR AuditEvent.action: Create, Read, Update, Delete, Execute. */
  action: "C" | "R" | "U" | "D" | "E";
}

export const AUDIT_CODING: Record<AccessLogAction, AuditCoding> = {
  "record-added": { type: REST, subtype: interaction("create"), action: "C" },
  "record-amended": { type: REST, subtype: interaction("update"), action: "U" },
  "record-retracted": { type: REST, subtype: interaction("delete"), action: "D" },
  "record-read": { type: REST, subtype: interaction("read"), action: "R" },
  "access-granted": { type: REST, subtype: interaction("create"), action: "C" },
  "access-revoked": { type: REST, subtype: interaction("delete"), action: "D" },
  "access-requested": { type: REST, subtype: interaction("create"), action: "C" },
  "access-request-denied": { type: REST, subtype: interaction("update"), action: "U" },
  "participant-registered": { type: SECURITY_ALERT, subtype: ROLES_CHANGED, action: "C" },
  "participant-suspended": { type: SECURITY_ALERT, subtype: ROLES_CHANGED, action: "U" },
  "participant-reactivated": { type: SECURITY_ALERT, subtype: ROLES_CHANGED, action: "U" },
  "admin-role-event": { type: SECURITY_ALERT, subtype: ROLES_CHANGED, action: "U" },
  "encryption-key-changed": { type: SECURITY_ALERT, subtype: ATTRIBUTES_CHANGED, action: "U" },
  "profile-changed": { type: SECURITY_ALERT, subtype: ATTRIBUTES_CHANGED, action: "U" },
  "scope-key-rotated": { type: SECURITY_ALERT, subtype: ATTRIBUTES_CHANGED, action: "U" },
  "scope-key-wrapped": { type: SECURITY_ALERT, subtype: ATTRIBUTES_CHANGED, action: "C" },
  paused: { type: APPLICATION_ACTIVITY, subtype: { system: DICOM, code: "110121", display: "Application Stop" }, action: "E" },
  unpaused: { type: APPLICATION_ACTIVITY, subtype: { system: DICOM, code: "110120", display: "Application Start" }, action: "E" },
  "sign-up-fee-changed": { type: APPLICATION_ACTIVITY, action: "U" },
  "fees-withdrawn": { type: APPLICATION_ACTIVITY, action: "E" },
};

/** Codes.sol purposes of use as the HL7 v3 ActReason (PurposeOfUse) codes its table names, in the contract's order. */
export const PURPOSE_OF_USE: readonly Coding[] = [
  { code: "TREAT", display: "treatment" },
  { code: "ETREAT", display: "Emergency Treatment" },
  { code: "HPAYMT", display: "healthcare payment" },
  { code: "HOPERAT", display: "healthcare operations" },
  { code: "CAREMGT", display: "care management" },
  { code: "PATRQT", display: "patient requested" },
  { code: "FAMRQT", display: "family requested" },
  { code: "HRESCH", display: "healthcare research" },
  { code: "HCOMPL", display: "health compliance" },
].map((coding) => ({ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", ...coding }));
