import { describe, expect, it } from "vitest";

import { toHex } from "../../../../../web/src/core/bytes.js";
import { ledgerContextOf } from "../../../../../web/src/core/chain/connection.js";
import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import { NoScopeKeyError } from "../../../../../web/src/core/scope-keys/errors.js";
import { ScopeKeyring } from "../../../../../web/src/core/scope-keys/keyring.js";
import { revokeAccess } from "../../../../../web/src/core/scope-keys/grants.js";
import { createScopeKey } from "../../../../../web/src/core/scope-keys/rotation.js";
import { sealScopeKey } from "../../../../../web/src/core/scope-keys/scope-key-wraps.js";
import { randomBytes } from "../../../../../web/src/core/crypto/webcrypto.js";
import { bit, Category, fakeWrap } from "../../../../helpers/fixture.js";
import { grant, rotateUntil, syncedKeyring } from "../../../../helpers/keyScenarios.js";
import { useViemWorld } from "../../../../helpers/viemWorld.js";

const viem = useViemWorld();
const LABS = Category.LabResults;

function keysOf(keyring: ScopeKeyring, patient: `0x${string}`, category: number, epochs: number[]) {
  return epochs.map((epoch) => toHex(keyring.keyFor(patient, category, epoch)));
}

/** Labs at epoch 3 granted to the doctor, then the doctor revoked: labs move on to epoch 4 without it. */
async function doctorHeldEpochThree() {
  const { patient, doctor } = viem().personas;
  const patientKeys = new ScopeKeyring(patient.identity);
  await rotateUntil(patient, patientKeys, LABS, 3);
  await grant(patient, patientKeys, doctor, { readScope: bit(LABS) });
  await revokeAccess(patient.connection, patientKeys, doctor.account);
  return patientKeys;
}

describe("ScopeKeyring.sync", () => {
  it("follows the regression chain: the key of epoch 3 opens epochs 1 and 2, not 4", async () => {
    const { patient, doctor } = viem().personas;
    const patientKeys = await doctorHeldEpochThree();
    const doctorKeys = await syncedKeyring(doctor, patient);
    expect(keysOf(doctorKeys, patient.account, LABS, [1, 2, 3])).toEqual(keysOf(patientKeys, patient.account, LABS, [1, 2, 3]));
    expect(doctorKeys.latest(patient.account, LABS)?.epoch).toBe(3);
    expect(() => doctorKeys.keyFor(patient.account, LABS, 4)).toThrow(NoScopeKeyError);
  });

  it("opens every epoch for the patient, from the chain alone (R3)", async () => {
    const { patient } = viem().personas;
    const patientKeys = await doctorHeldEpochThree();
    await rotateUntil(patient, patientKeys, Category.Imaging, 2);
    const freshBrowser = await syncedKeyring(patient, patient);
    expect(keysOf(freshBrowser, patient.account, LABS, [1, 2, 3, 4])).toEqual(keysOf(patientKeys, patient.account, LABS, [1, 2, 3, 4]));
    expect(keysOf(freshBrowser, patient.account, Category.Imaging, [1, 2])).toEqual(keysOf(patientKeys, patient.account, Category.Imaging, [1, 2]));
    expect(new Set(keysOf(freshBrowser, patient.account, LABS, [1, 2, 3, 4])).size).toBe(4);
  });

  it("picks up later epochs on the next sync", async () => {
    const { patient } = viem().personas;
    const patientKeys = new ScopeKeyring(patient.identity);
    await rotateUntil(patient, patientKeys, LABS, 1);
    const otherBrowser = await syncedKeyring(patient, patient);
    await rotateUntil(patient, patientKeys, LABS, 3);
    expect(otherBrowser.latest(patient.account, LABS)?.epoch).toBe(1);
    await otherBrowser.sync(patient.connection, patient.account);
    expect(keysOf(otherBrowser, patient.account, LABS, [1, 2, 3])).toEqual(keysOf(patientKeys, patient.account, LABS, [1, 2, 3]));
  });

  it("holds nothing of a patient who shared nothing with it", async () => {
    const { patient, doctor2 } = viem().personas;
    await doctorHeldEpochThree();
    const outsider = await syncedKeyring(doctor2, patient);
    expect(outsider.latest(patient.account, LABS)).toBeUndefined();
    expect(() => outsider.keyFor(patient.account, LABS, 1)).toThrow(NoScopeKeyError);
  });

  it("says which link failed when a rotator published one that does not open", async () => {
    const { patient, doctor } = viem().personas;
    const patientKeys = new ScopeKeyring(patient.identity);
    await createScopeKey(patient.connection, patient.identity, patientKeys, patient.account, LABS);
    const epochTwo = { ...ledgerContextOf(patient.connection), patient: patient.account, category: LABS, epoch: 2 };
    const keyTwo = randomBytes(32);
    const patientWrap = await sealScopeKey(keyTwo, epochTwo, patient.account, patient.identity.publicKey);
    await sendLedgerTransaction(patient.connection, "rotateScopeKey", [
      patient.account, LABS, 1, fakeWrap(7, 49) as `0x${string}`, [{ recipient: patient.account, wrap: patientWrap }],
    ]);
    await grant(patient, patientKeys, doctor, { readScope: bit(LABS) });

    const doctorKeys = await syncedKeyring(doctor, patient);
    expect(doctorKeys.keyFor(patient.account, LABS, 2)).toEqual(keyTwo);
    expect(() => doctorKeys.keyFor(patient.account, LABS, 1)).toThrow(/link stored with epoch 2 does not open/);
  });
});

describe("ScopeKeyring.keyFor", () => {
  it("throws NoScopeKeyError with a stable code, naming the epoch", async () => {
    const { patient } = viem().personas;
    const keyring = new ScopeKeyring(patient.identity);
    expect(() => keyring.keyFor(patient.account, LABS, 7)).toThrow(/no key for epoch 7 of .*lab results: no grant covered that epoch/);
    expect(() => keyring.keyFor(patient.account, LABS, 7)).toThrow(expect.objectContaining({ code: "NO_SCOPE_KEY" }));
  });
});

describe("ScopeKeyring.wipe", () => {
  it("zero-fills every key it held and forgets them", async () => {
    const { patient } = viem().personas;
    const keyring = new ScopeKeyring(patient.identity);
    await rotateUntil(patient, keyring, LABS, 2);
    const held = [keyring.keyFor(patient.account, LABS, 1), keyring.keyFor(patient.account, LABS, 2)];
    keyring.wipe();
    for (const key of held) expect(key.every((byte) => byte === 0)).toBe(true);
    expect(keyring.latest(patient.account, LABS)).toBeUndefined();
    expect(() => keyring.keyFor(patient.account, LABS, 1)).toThrow(NoScopeKeyError);
  });
});
