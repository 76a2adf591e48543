import { id } from "ethers";

import { Category, bit, fakeWrap, type Signer } from "./fixture.js";
import { deployWorld } from "./world.js";

/** A role with no meaning in the ledger: lets the matrix exercise AccessControl's own role functions. */
export const PROBE_ROLE = id("MATRIX_PROBE_ROLE");
export const SIGN_UP_FEE = 10n ** 16n;
export const NEW_FEE = 2n * 10n ** 16n;
export const NEW_KEY = "0x" + "5a".repeat(32);
export const NEW_PROFILE = "0x" + "22".repeat(32);
export const DIGEST = "0x" + "d1".repeat(32);
export const PREVIOUS_KEY_WRAP = fakeWrap(0xa0);
export const ONE_DAY = 24 * 60 * 60;

/** The patient's records in the prepared world, by author; the next record gets {@link NEXT_RECORD_ID}. */
export const RECORD = {
  byPatient: 1n,
  byDoctor: 2n,
  byHospital: 3n,
  byLab: 4n,
  billingByPatient: 5n,
} as const;
export const NEXT_RECORD_ID = 6n;

/** Scope of each grant the patient holds out in the prepared world. */
export const PATIENT_GRANTS = {
  doctor: { read: bit(Category.GeneralNotes) | bit(Category.LabResults), write: bit(Category.GeneralNotes) | bit(Category.LabResults) },
  hospital: { read: bit(Category.GeneralNotes), write: bit(Category.GeneralNotes) },
  lab: { read: bit(Category.LabResults), write: bit(Category.LabResults) },
  insurer: { read: bit(Category.BillingClaims), write: 0 },
  caregiver: { read: bit(Category.GeneralNotes), write: 0 },
} as const;
export const CAREGIVER_GRANT_TO_DOCTOR = bit(Category.GeneralNotes);

export type MatrixWorld = Awaited<ReturnType<typeof deployMatrixWorld>>;

/**
 * The shared world plus everything a matrix cell may need, snapshotted once:
 * - fees collected (a sign-up at {@link SIGN_UP_FEE}), the fee still at that value;
 * - the patient's keys for general notes, lab results and billing (epoch 1), the caregiver's for general notes;
 * - the grants of {@link PATIENT_GRANTS}, and the caregiver's read grant of general notes to the doctor;
 * - the records of {@link RECORD}, all at epoch 1;
 * - open access requests of doctor2 to the patient and to the caregiver;
 * - {@link PROBE_ROLE} held by every persona, the admin and doctor2 included.
 * `newcomer` (unregistered, never a persona) is the target of registrations, role grants and admin
 * transfers; `treasury` receives withdrawn fees.
 */
export async function deployMatrixWorld() {
  const world = await deployWorld();
  const { ethers, ledger, personas, initScopeKey, grantAccess, connection } = world;
  const { admin, patient, caregiver, doctor, hospital, lab, doctor2 } = personas;
  const spare = (await ethers.getSigners()).slice(10);
  const [newcomer, feePayer, treasury] = spare;
  if (newcomer === undefined || feePayer === undefined || treasury === undefined) {
    throw new Error("the in-process network needs at least 13 accounts");
  }
  const mined = async (tx: Promise<{ wait(): Promise<unknown> }>) => {
    await (await tx).wait();
  };

  await mined(ledger.connect(admin).setSignUpFee(SIGN_UP_FEE));
  await mined(ledger.connect(feePayer).signUp(world.key(feePayer), world.commitment(feePayer), { value: SIGN_UP_FEE }));

  for (const category of [Category.GeneralNotes, Category.LabResults, Category.BillingClaims]) {
    await initScopeKey(patient, category);
  }
  await initScopeKey(caregiver, Category.GeneralNotes);

  for (const [name, scope] of Object.entries(PATIENT_GRANTS)) {
    const grantee = personas[name as keyof typeof PATIENT_GRANTS];
    await mined(grantAccess(patient, grantee.address, scope.read & ~scope.write, scope.write));
  }
  await mined(grantAccess(caregiver, doctor.address, CAREGIVER_GRANT_TO_DOCTOR));

  const add = (author: Signer, category: number, tag: string) =>
    mined(ledger.connect(author).addRecord(patient.address, category, 1, ethers.id(tag)));
  await add(patient, Category.GeneralNotes, "patient's note");
  await add(doctor, Category.GeneralNotes, "doctor's note");
  await add(hospital, Category.GeneralNotes, "hospital's discharge summary");
  await add(lab, Category.LabResults, "lab's blood panel");
  await add(patient, Category.BillingClaims, "patient's claim");

  for (const owner of [patient, caregiver]) {
    await mined(ledger.connect(doctor2).requestAccess(owner.address, bit(Category.Imaging), 0, 0));
  }

  for (const holder of Object.values(personas)) {
    await mined(ledger.connect(admin).grantRole(PROBE_ROLE, holder.address));
  }

  const snapshot = await connection.networkHelpers.takeSnapshot();
  return { ...world, newcomer, feePayer, treasury, snapshot };
}

