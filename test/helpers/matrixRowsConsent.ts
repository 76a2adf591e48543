import { Category, bit, fakeWrap } from "./fixture.js";
import {
  enforcedPause,
  event,
  outcomes,
  reverts,
  succeeds,
  type Cell,
  type MatrixRow,
  type PersonaName,
} from "./matrixTable.js";
import { CAREGIVER_GRANT_TO_DOCTOR, PATIENT_GRANTS, PREVIOUS_KEY_WRAP } from "./matrixWorld.js";

const callerNotPatient = reverts("ConsentCallerNotPatient", (c) => [c.caller.address]);
const inactiveCaller = reverts("RegistryInactiveParticipant", (c) => [c.caller.address]);
const notProvider = reverts("ConsentRequesterNotProvider", (c) => [c.caller.address]);
const notRegistered = reverts("RegistryNotRegistered", (c) => [c.caller.address]);

const patientOf = (c: Cell) => c.world.personas.patient.address;
const doctor2Of = (c: Cell) => c.world.personas.doctor2.address;
const READ_GENERAL_NOTES = bit(Category.GeneralNotes);
const READ_IMAGING = bit(Category.Imaging);

/**
 * The patient's category each persona has the most access to in the prepared world, so a refusal
 * of a rotation or a record is about who calls, not about a category nobody may write.
 */
export function bestCategory(persona: PersonaName): number {
  if (persona === "lab") return Category.LabResults;
  if (persona === "insurer") return Category.BillingClaims;
  return Category.GeneralNotes;
}

const accessGranted = succeeds(event("AccessGranted", (c) => [c.caller.address, doctor2Of(c), READ_GENERAL_NOTES, 0, 0]));
const requested = succeeds(event("AccessRequested", (c) => [patientOf(c), c.caller.address, READ_IMAGING, 0, 0]));
const denied = succeeds(event("AccessRequestDenied", (c) => [c.caller.address, doctor2Of(c), 0]));
const rotated = succeeds(event("ScopeKeyRotated", (c) => [
  patientOf(c), bestCategory(c.as), c.caller.address, 2, PREVIOUS_KEY_WRAP,
]));
const unauthorizedRotator = reverts("ScopeKeysUnauthorizedRotator", (c) => [
  c.caller.address, patientOf(c), bestCategory(c.as),
]);

/** Rows of Consent's and ScopeKeys' state-changing functions. */
export const consentRows: MatrixRow[] = [
  {
    // Both patients hold a general-notes key, so each may grant it to doctor2.
    fn: "grant",
    args: (c) => [[{
      grantee: doctor2Of(c),
      readScope: READ_GENERAL_NOTES,
      writeScope: 0,
      expiresAt: 0,
      scopeKeyWraps: [fakeWrap(0x40)],
    }]],
    suspended: "patient",
    paused: "patient",
    expect: outcomes({
      patient: accessGranted,
      caregiver: accessGranted,
      suspended: inactiveCaller,
      paused: enforcedPause,
      others: callerNotPatient,
    }),
  },
  {
    // Both patients granted the doctor something; each revokes only its own grant.
    fn: "revoke",
    args: (c) => [c.world.personas.doctor.address],
    suspended: "patient",
    paused: "patient",
    expect: outcomes({
      patient: succeeds(event("AccessRevoked", (c) => [c.caller.address, c.world.personas.doctor.address, PATIENT_GRANTS.doctor.read])),
      caregiver: succeeds(event("AccessRevoked", (c) => [c.caller.address, c.world.personas.doctor.address, CAREGIVER_GRANT_TO_DOCTOR])),
      suspended: inactiveCaller,
      paused: enforcedPause,
      others: callerNotPatient,
    }),
  },
  {
    fn: "requestAccess",
    args: (c) => [patientOf(c), READ_IMAGING, 0, 0],
    suspended: "doctor",
    paused: "doctor",
    expect: outcomes({
      admin: notRegistered,
      stranger: notRegistered,
      patient: notProvider,
      caregiver: notProvider,
      auditor: notProvider,
      doctor: requested,
      hospital: requested,
      lab: requested,
      insurer: requested,
      suspended: inactiveCaller,
      paused: enforcedPause,
    }),
  },
  {
    // doctor2 has an open request to each patient.
    fn: "denyRequest",
    args: (c) => [doctor2Of(c), 0],
    suspended: "patient",
    paused: "patient",
    expect: outcomes({
      patient: denied,
      caregiver: denied,
      suspended: inactiveCaller,
      paused: enforcedPause,
      others: callerNotPatient,
    }),
  },
  {
    // The patient or a writer of the category; reading it (caregiver, insurer) is not enough.
    fn: "rotateScopeKey",
    args: (c) => [
      patientOf(c),
      bestCategory(c.as),
      1,
      PREVIOUS_KEY_WRAP,
      [{ recipient: patientOf(c), wrap: fakeWrap(0xa1) }],
    ],
    suspended: "doctor",
    paused: "patient",
    expect: outcomes({
      patient: rotated,
      doctor: rotated,
      hospital: rotated,
      lab: rotated,
      paused: enforcedPause,
      others: unauthorizedRotator,
    }),
  },
];
