import { ZeroAddress } from "ethers";

import { Category, fakeWrap } from "./fixture.js";
import {
  enforcedPause,
  event,
  outcomes,
  reverts,
  succeeds,
  succeedsSilently,
  type Cell,
  type MatrixRow,
  type PersonaName,
} from "./matrixTable.js";
import { bestCategory } from "./matrixRowsConsent.js";
import { DIGEST, NEXT_RECORD_ID, PREVIOUS_KEY_WRAP, RECORD, type MatrixWorld } from "./matrixWorld.js";

const patientOf = (c: Cell) => c.world.personas.patient.address;

/** Where each author's records come from: the patient has no facility, the others work at the hospital. */
const facilityOf = (c: Cell) => (c.as === "patient" ? ZeroAddress : c.world.personas.hospital.address);

/** The record each persona wrote; those who wrote none try the doctor's. */
function ownRecord(persona: PersonaName): bigint {
  if (persona === "patient") return RECORD.byPatient;
  if (persona === "hospital") return RECORD.byHospital;
  if (persona === "lab") return RECORD.byLab;
  return RECORD.byDoctor;
}

/** A record each persona may read when anyone may: its own category's. */
function readableRecord(persona: PersonaName): bigint {
  if (persona === "lab") return RECORD.byLab;
  if (persona === "insurer") return RECORD.billingByPatient;
  return RECORD.byDoctor;
}

const writeDenied = reverts("RecordsWriteDenied", (c) => [c.caller.address, patientOf(c), bestCategory(c.as)]);
const notAuthor = reverts("RecordsNotAuthor", (c) => [c.caller.address, c.world.personas.doctor.address]);

const recordAdded = (epoch: number, supersedes: (c: Cell) => bigint) => succeeds(event("RecordAdded", (c) => [
  patientOf(c), NEXT_RECORD_ID, c.caller.address, bestCategory(c.as), epoch, DIGEST, facilityOf(c), supersedes(c),
]));
const added = recordAdded(1, () => 0n);
const amended = recordAdded(1, (c) => ownRecord(c.as));
const retracted = succeeds(event("RecordRetracted", (c) => [patientOf(c), ownRecord(c.as), c.caller.address, 0]));
const accessed = succeeds(event("RecordAccessed", (c) => [patientOf(c), readableRecord(c.as), c.caller.address, 0]));

/** The patient revokes the doctor and rotates both of its categories, so only the doctor's write access changed. */
async function revokeDoctorAndRotate({ ledger, personas }: MatrixWorld) {
  const { patient, doctor } = personas;
  await (await ledger.connect(patient).revoke(doctor.address)).wait();
  for (const category of [Category.GeneralNotes, Category.LabResults]) {
    await (await ledger.connect(patient).rotateScopeKey(patient.address, category, 1, PREVIOUS_KEY_WRAP, [
      { recipient: patient.address, wrap: fakeWrap(0xb0 + category) },
    ])).wait();
  }
}

/** Rows of RecordLog's state-changing functions. */
export const recordRows: MatrixRow[] = [
  {
    fn: "addRecord",
    args: (c) => [patientOf(c), bestCategory(c.as), 1, DIGEST],
    suspended: "doctor",
    paused: "doctor",
    expect: outcomes({
      patient: added,
      doctor: added,
      hospital: added,
      lab: added,
      paused: enforcedPause,
      others: writeDenied,
    }),
  },
  {
    fn: "amendRecord",
    variant: "ofOwnRecord",
    args: (c) => [patientOf(c), ownRecord(c.as), 1, DIGEST],
    suspended: "doctor",
    paused: "doctor",
    expect: outcomes({
      patient: amended,
      doctor: amended,
      hospital: amended,
      lab: amended,
      suspended: writeDenied,
      paused: enforcedPause,
      others: notAuthor,
    }),
  },
  {
    // Authorship alone is not enough: the revoked doctor can no longer amend its own record.
    fn: "amendRecord",
    variant: "afterDoctorRevoked",
    prepare: revokeDoctorAndRotate,
    args: (c) => [patientOf(c), ownRecord(c.as), 2, DIGEST],
    suspended: "doctor",
    paused: "doctor",
    expect: outcomes({
      patient: recordAdded(2, (c) => ownRecord(c.as)),
      doctor: writeDenied,
      hospital: recordAdded(2, (c) => ownRecord(c.as)),
      lab: recordAdded(2, (c) => ownRecord(c.as)),
      suspended: writeDenied,
      paused: enforcedPause,
      others: notAuthor,
    }),
  },
  {
    fn: "retractRecord",
    variant: "ofOwnRecord",
    args: (c) => [patientOf(c), ownRecord(c.as), 0],
    suspended: "doctor",
    paused: "doctor",
    expect: outcomes({
      patient: retracted,
      doctor: retracted,
      hospital: retracted,
      lab: retracted,
      suspended: writeDenied,
      paused: enforcedPause,
      others: notAuthor,
    }),
  },
  {
    // Retracting a retracted record is a no-op for its author; everyone else is still refused.
    fn: "retractRecord",
    variant: "ofRetractedRecord",
    prepare: async ({ ledger, personas }) => {
      await (await ledger.connect(personas.doctor).retractRecord(personas.patient.address, RECORD.byDoctor, 0)).wait();
    },
    args: (c) => [patientOf(c), RECORD.byDoctor, 0],
    suspended: "doctor",
    paused: "doctor",
    expect: outcomes({
      doctor: succeedsSilently("RecordRetracted"),
      suspended: writeDenied,
      paused: enforcedPause,
      others: notAuthor,
    }),
  },
  {
    fn: "logAccess",
    args: (c) => [patientOf(c), readableRecord(c.as), 0],
    suspended: "doctor",
    paused: "doctor",
    expect: outcomes({
      patient: accessed,
      caregiver: accessed,
      doctor: accessed,
      hospital: accessed,
      lab: accessed,
      insurer: accessed,
      paused: enforcedPause,
      others: reverts("RecordsReadDenied", (c) => [c.caller.address, patientOf(c), readableRecord(c.as)]),
    }),
  },
];
