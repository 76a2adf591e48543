import { ZeroAddress, ZeroHash, id } from "ethers";

import { Kind } from "./fixture.js";
import { PROFILE } from "./world.js";
import {
  adminOnly,
  enforcedPause,
  event,
  outcomes,
  reverts,
  succeeds,
  type Cell,
  type MatrixRow,
} from "./matrixTable.js";
import { NEW_FEE, NEW_KEY, NEW_PROFILE, SIGN_UP_FEE } from "./matrixWorld.js";

const commitmentOf = (account: string) => id(`salt ‖ national id of ${account}`);
const unauthorizedRegistrar = (kind: number) =>
  reverts("RegistryUnauthorizedRegistrar", (c: Cell) => [c.caller.address, kind]);
const notRegistered = reverts("RegistryNotRegistered", (c) => [c.caller.address]);
const inactiveCaller = reverts("RegistryInactiveParticipant", (c) => [c.caller.address]);
const alreadyRegistered = reverts("RegistryAlreadyRegistered", (c) => [c.caller.address]);
const unauthorizedStatusChange = (target: (c: Cell) => string) =>
  reverts("RegistryUnauthorizedStatusChange", (c) => [c.caller.address, target(c)]);

const registerDoctorOfHospital = (c: Cell) => {
  const { newcomer, personas } = c.world;
  return [newcomer.address, Kind.Doctor, personas.hospital.address, NEW_KEY, commitmentOf(newcomer.address), PROFILE];
};
const doctorRegistered = event("ParticipantRegistered", (c) => {
  const { newcomer, personas } = c.world;
  return [newcomer.address, Kind.Doctor, personas.hospital.address, c.caller.address, NEW_KEY,
    commitmentOf(newcomer.address), PROFILE];
});
const patientRegisteredBy = event("ParticipantRegistered", (c) => {
  const { newcomer } = c.world;
  return [newcomer.address, Kind.Patient, ZeroAddress, c.caller.address, NEW_KEY, commitmentOf(newcomer.address), ZeroHash];
});

const profileChanged = succeeds(event("ProfileChanged", (c) => [c.caller.address, NEW_PROFILE]));
const keyChanged = succeeds(event("EncryptionKeyChanged", (c) => [c.caller.address, NEW_KEY]));
const ownDoctor = (c: Cell) => c.world.personas.doctor.address;
const independentDoctor = (c: Cell) => c.world.personas.doctor2.address;

/** Rows of ParticipantRegistry's own state-changing functions. */
export const registryRows: MatrixRow[] = [
  {
    fn: "registerParticipant",
    variant: "ofAffiliatedDoctor",
    args: registerDoctorOfHospital,
    suspended: "hospital",
    paused: "hospital",
    expect: outcomes({
      admin: succeeds(doctorRegistered),
      hospital: succeeds(doctorRegistered),
      suspended: inactiveCaller,
      paused: enforcedPause,
      others: unauthorizedRegistrar(Kind.Doctor),
    }),
  },
  {
    // Only the admin registers kinds other than a hospital's own staff, and not while paused.
    fn: "registerParticipant",
    variant: "ofPatient",
    args: (c) => [c.world.newcomer.address, Kind.Patient, ZeroAddress, NEW_KEY, commitmentOf(c.world.newcomer.address), ZeroHash],
    suspended: "hospital",
    paused: "admin",
    expect: outcomes({
      admin: succeeds(patientRegisteredBy),
      paused: enforcedPause,
      others: unauthorizedRegistrar(Kind.Patient),
    }),
  },
  {
    fn: "signUp",
    args: (c) => [NEW_KEY, commitmentOf(c.caller.address)],
    value: () => SIGN_UP_FEE,
    suspended: "patient",
    paused: "stranger",
    expect: outcomes({
      stranger: succeeds(event("ParticipantRegistered", (c) => [
        c.caller.address, Kind.Patient, ZeroAddress, c.caller.address, NEW_KEY, commitmentOf(c.caller.address), ZeroHash,
      ])),
      admin: reverts("RegistryAdminCannotParticipate", (c) => [c.caller.address]),
      paused: enforcedPause,
      others: alreadyRegistered,
    }),
  },
  {
    fn: "setEncryptionKey",
    args: () => [NEW_KEY],
    suspended: "patient",
    paused: "patient",
    expect: outcomes({
      admin: notRegistered,
      stranger: notRegistered,
      suspended: inactiveCaller,
      paused: enforcedPause,
      others: keyChanged,
    }),
  },
  {
    fn: "setProfileDigest",
    args: () => [NEW_PROFILE],
    suspended: "doctor",
    paused: "doctor",
    expect: outcomes({
      admin: notRegistered,
      stranger: notRegistered,
      patient: reverts("RegistryProfileNotAllowed", () => [Kind.Patient]),
      caregiver: reverts("RegistryProfileNotAllowed", () => [Kind.Patient]),
      auditor: reverts("RegistryProfileNotAllowed", () => [Kind.Auditor]),
      doctor: profileChanged,
      hospital: profileChanged,
      lab: profileChanged,
      insurer: profileChanged,
      suspended: inactiveCaller,
      paused: enforcedPause,
    }),
  },
  {
    fn: "suspend",
    variant: "ofHospitalsOwnDoctor",
    args: (c) => [ownDoctor(c)],
    suspended: "hospital",
    paused: "hospital",
    expect: outcomes({
      admin: succeeds(event("ParticipantSuspended", (c) => [ownDoctor(c), c.caller.address])),
      hospital: succeeds(event("ParticipantSuspended", (c) => [ownDoctor(c), c.caller.address])),
      suspended: inactiveCaller,
      paused: enforcedPause,
      others: unauthorizedStatusChange(ownDoctor),
    }),
  },
  {
    // A hospital suspends only its own staff; the admin suspends anyone, even while paused.
    fn: "suspend",
    variant: "ofIndependentDoctor",
    args: (c) => [independentDoctor(c)],
    suspended: "hospital",
    paused: "admin",
    expect: outcomes({
      admin: succeeds(event("ParticipantSuspended", (c) => [independentDoctor(c), c.caller.address])),
      paused: succeeds(event("ParticipantSuspended", (c) => [independentDoctor(c), c.caller.address])),
      others: unauthorizedStatusChange(independentDoctor),
    }),
  },
  {
    fn: "reactivate",
    prepare: async ({ ledger, personas }) => {
      await (await ledger.connect(personas.admin).suspend(personas.doctor2.address)).wait();
    },
    args: (c) => [independentDoctor(c)],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(succeeds(event("ParticipantReactivated", (c) => [independentDoctor(c), c.caller.address]))),
  },
  {
    fn: "setSignUpFee",
    args: () => [NEW_FEE],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(succeeds(event("SignUpFeeChanged", () => [SIGN_UP_FEE, NEW_FEE]))),
  },
  {
    fn: "withdrawFees",
    args: (c) => [c.world.treasury.address],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(succeeds(event("FeesWithdrawn", (c) => [c.world.treasury.address, SIGN_UP_FEE]))),
  },
  {
    // Pausing twice is refused by Pausable itself.
    fn: "pause",
    args: () => [],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(succeeds(event("Paused", (c) => [c.caller.address])), reverts("EnforcedPause")),
  },
  {
    fn: "unpause",
    variant: "whilePaused",
    prepare: async ({ ledger, personas }) => {
      await (await ledger.connect(personas.admin).pause()).wait();
    },
    args: () => [],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(succeeds(event("Unpaused", (c) => [c.caller.address]))),
  },
  {
    fn: "unpause",
    variant: "whileRunning",
    args: () => [],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(reverts("ExpectedPause"), succeeds(event("Unpaused", (c) => [c.caller.address]))),
  },
];
