/**
 * How each access-log action is coded in a FHIR AuditEvent, after IHE Basic Audit Log Patterns
 * (BALP): record and consent changes are RESTful interactions on a resource (type `rest`, subtype
 * the interaction); changes to who may do what are DICOM "User Security Attributes Changed";
 * pausing and unpausing are DICOM "Application Stop/Start"; fee and admin-role changes are DICOM
 * "Application Activity".
 */
import type { Coding } from "@medplum/fhirtypes";

import type { AccessLogAction } from "../entry.js";

const AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
const RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
const DICOM = "http://dicom.nema.org/resources/ontology/DCM";

const REST: Coding = { system: AUDIT_EVENT_TYPE, code: "rest", display: "Restful Operation" };
const SECURITY_ATTRIBUTES: Coding = { system: DICOM, code: "110137", display: "User Security Attributes Changed" };
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
  "participant-registered": { type: SECURITY_ATTRIBUTES, action: "C" },
  "participant-suspended": { type: SECURITY_ATTRIBUTES, action: "U" },
  "participant-reactivated": { type: SECURITY_ATTRIBUTES, action: "U" },
  "encryption-key-changed": { type: SECURITY_ATTRIBUTES, action: "U" },
  "profile-changed": { type: SECURITY_ATTRIBUTES, action: "U" },
  "scope-key-rotated": { type: SECURITY_ATTRIBUTES, action: "U" },
  "scope-key-wrapped": { type: SECURITY_ATTRIBUTES, action: "C" },
  paused: { type: APPLICATION_ACTIVITY, subtype: { system: DICOM, code: "110121", display: "Application Stop" }, action: "E" },
  unpaused: { type: APPLICATION_ACTIVITY, subtype: { system: DICOM, code: "110120", display: "Application Start" }, action: "E" },
  "sign-up-fee-changed": { type: APPLICATION_ACTIVITY, action: "U" },
  "fees-withdrawn": { type: APPLICATION_ACTIVITY, action: "E" },
  "admin-role-event": { type: SECURITY_ATTRIBUTES, action: "U" },
};

/** Codes.sol purposes of use as HL7 v3 ActReason (PurposeOfUse) codes, in the contract's order. */
export const PURPOSE_OF_USE: readonly Coding[] = [
  { code: "TREAT", display: "treatment" },
  { code: "ETREAT", display: "emergency treatment" },
  { code: "HPAYMT", display: "healthcare payment" },
  { code: "HOPERAT", display: "healthcare operations" },
  { code: "CAREMGT", display: "care management" },
  { code: "PATRQT", display: "patient requested" },
  { code: "FAMRQT", display: "family requested" },
  { code: "HRESCH", display: "healthcare research" },
  { code: "HLEGAL", display: "legal" },
].map((coding) => ({ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", ...coding }));
