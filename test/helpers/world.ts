import { openNetwork, Kind, fakeWrap, type Signer } from "./fixture.js";
import type { EHRLedger } from "../../types/ethers-contracts/index.js";

export const PROFILE = "0x" + "11".repeat(32);

/** Every persona of a small consortium, each with its own wallet. */
export interface Personas {
  admin: Signer;
  hospital: Signer;
  doctor: Signer;
  doctor2: Signer;
  lab: Signer;
  insurer: Signer;
  auditor: Signer;
  patient: Signer;
  caregiver: Signer;
  stranger: Signer;
}

export type World = Awaited<ReturnType<typeof deployWorld>>;

/**
 * Deploys a fresh EHRLedger on a new in-process network and registers one participant of each kind:
 * a hospital with an affiliated doctor and lab, a second (independent) doctor, an insurer, an auditor,
 * a patient and a caregiver (a second patient). `stranger` is never registered.
 */
export async function deployWorld() {
  const { connection, ethers, admin, others } = await openNetwork();
  const [hospital, doctor, doctor2, lab, insurer, auditor, patient, caregiver, stranger] = others;
  if (stranger === undefined || hospital === undefined || doctor === undefined || doctor2 === undefined ||
    lab === undefined || insurer === undefined || auditor === undefined || patient === undefined ||
    caregiver === undefined) {
    throw new Error("the in-process network needs at least 10 accounts");
  }
  const ledger: EHRLedger = await ethers.deployContract("EHRLedger", [admin.address, 3 * 24 * 3600]);
  await ledger.waitForDeployment();
  const personas: Personas = { admin, hospital, doctor, doctor2, lab, insurer, auditor, patient, caregiver, stranger };

  const key = (account: Signer) => ethers.id(`x25519 ${account.address}`);
  const commitment = (account: Signer) => ethers.id(`salt ‖ national id of ${account.address}`);
  const register = async (registrar: Signer, account: Signer, kind: number, affiliation = ethers.ZeroAddress) => {
    const profile = kind === Kind.Patient || kind === Kind.Auditor ? ethers.ZeroHash : PROFILE;
    await (await ledger.connect(registrar).registerParticipant(
      account.address, kind, affiliation, key(account), commitment(account), profile)).wait();
  };

  await register(admin, hospital, Kind.Hospital);
  await register(hospital, doctor, Kind.Doctor, hospital.address);
  await register(hospital, lab, Kind.Lab, hospital.address);
  await register(admin, doctor2, Kind.Doctor);
  await register(admin, insurer, Kind.Insurer);
  await register(admin, auditor, Kind.Auditor);
  await (await ledger.connect(patient).signUp(key(patient), commitment(patient))).wait();
  await (await ledger.connect(caregiver).signUp(key(caregiver), commitment(caregiver))).wait();

  /** Creates epoch 1 of `category` for `owner` (the first scope key), as the patient's browser would. */
  const initScopeKey = async (owner: Signer, category: number) => {
    await (await ledger.connect(owner).rotateScopeKey(owner.address, category, 0, "0x", [
      { recipient: owner.address, wrap: fakeWrap(category) },
    ])).wait();
  };

  /** `owner` grants `grantee` the given scopes, with one fake wrap per readable category. */
  const grantAccess = async (
    owner: Signer,
    grantee: string,
    readScope: number,
    writeScope = 0,
    expiresAt = 0,
  ) => {
    const scope = readScope | writeScope;
    const wraps = Array.from({ length: 8 }, (_, c) => c).filter((c) => (scope >> c) & 1).map((c) => fakeWrap(0x40 + c));
    return ledger.connect(owner).grant([{ grantee, readScope, writeScope, expiresAt, scopeKeyWraps: wraps }]);
  };

  return { connection, ethers, ledger, personas, key, commitment, register, initScopeKey, grantAccess };
}
