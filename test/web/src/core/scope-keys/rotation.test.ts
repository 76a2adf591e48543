import { describe, expect, it } from "vitest";

import { toHex } from "../../../../../web/src/core/bytes.js";
import { readLedgerEvents } from "../../../../../web/src/core/chain/events.js";
import { readRotationRequired, readScopeKeyState } from "../../../../../web/src/core/chain/views.js";
import { AccountMismatchError, NoScopeKeyError, RotationContentionError } from "../../../../../web/src/core/scope-keys/errors.js";
import { ScopeKeyring, type ScopeKeyEpoch } from "../../../../../web/src/core/scope-keys/keyring.js";
import {
  createScopeKey,
  ensureWritableEpoch,
  rotateScopeKey,
  settlePendingRotations,
} from "../../../../../web/src/core/scope-keys/rotation.js";
import { interceptingProvider, type Eip1193Provider } from "../../../../helpers/eip1193.js";
import { bit, Category } from "../../../../helpers/fixture.js";
import { chainTime, grant, revokeOnly, syncedKeyring, travelTo } from "../../../../helpers/keyScenarios.js";
import { raceInOneBlock, type Racer } from "../../../../helpers/race.js";
import { useViemWorld, type ViemPersona } from "../../../../helpers/viemWorld.js";

const LABS = Category.LabResults;
const NOTES = Category.GeneralNotes;
const DAY = 24 * 3600;

/** Labs at epoch 1: the doctor writes them, the lab reads them. Notes at epoch 1, shared with nobody. */
const viem = useViemWorld(async ({ personas }) => {
  const { patient, doctor, lab } = personas;
  const keyring = new ScopeKeyring(patient.identity);
  await createScopeKey(patient.connection, patient.identity, keyring, patient.account, NOTES);
  await grant(patient, keyring, doctor, { readScope: 0, writeScope: bit(LABS) });
  await grant(patient, keyring, lab, { readScope: bit(LABS) });
});

function keyringOf(persona: ViemPersona) {
  return new ScopeKeyring(persona.identity);
}

async function epochOf(category: number) {
  return (await readScopeKeyState(viem().connection, viem().personas.patient.account, category)).epoch;
}

/**
 * Labs need a rotation (the lab was revoked), and the patient's browser is about to rotate. Just
 * before its wallet sends, the doctor rotates first and the patient's other tab revokes the
 * insurer, so the browser's attempt loses the race while a rotation is still required.
 */
async function frontRunPatient(): Promise<ViemPersona> {
  const { world, personas } = viem();
  const { patient, doctor, lab, insurer } = personas;
  await grant(patient, keyringOf(patient), insurer, { readScope: bit(LABS) });
  await revokeOnly(patient, lab);
  const frontRun = interceptingProvider(world.connection.provider as Eip1193Provider, "eth_sendTransaction", async () => {
    await rotateScopeKey(doctor.connection, doctor.identity, keyringOf(doctor), patient.account, LABS);
    await revokeOnly(patient, insurer);
  });
  return viem().through("patient", frontRun);
}

async function wrapRecipients(category: number, epoch: number) {
  const { connection, personas } = viem();
  const wraps = await readLedgerEvents(connection, "ScopeKeyWrapped", { patient: personas.patient.account });
  return wraps.filter((event) => event.args.category === category && event.args.epoch === epoch).map((event) => event.args.recipient);
}

describe("createScopeKey", () => {
  it("creates epoch 1 sealed to the patient alone", async () => {
    const { patient } = viem().personas;
    const keyring = keyringOf(patient);
    const created = await createScopeKey(patient.connection, patient.identity, keyring, patient.account, Category.Genomics);
    expect(created.epoch).toBe(1);
    expect(await wrapRecipients(Category.Genomics, 1)).toEqual([patient.account]);
    expect((await syncedKeyring(patient, patient)).keyFor(patient.account, Category.Genomics, 1)).toEqual(created.scopeKey);
  });

  it("returns the existing first key, without a transaction, once the category has one", async () => {
    const { patient } = viem().personas;
    const blockBefore = await viem().publicClient.getBlockNumber();
    const existing = await createScopeKey(patient.connection, patient.identity, keyringOf(patient), patient.account, LABS);
    expect(existing.epoch).toBe(1);
    expect(await viem().publicClient.getBlockNumber()).toBe(blockBefore);
  });
});

describe("ensureWritableEpoch", () => {
  it("returns the current epoch and key, without a transaction, when no rotation is due", async () => {
    const { doctor, patient } = viem().personas;
    const blockBefore = await viem().publicClient.getBlockNumber();
    const writable = await ensureWritableEpoch(doctor.connection, doctor.identity, keyringOf(doctor), patient.account, LABS);
    expect(writable.epoch).toBe(1);
    expect(writable.scopeKey).toEqual((await syncedKeyring(patient, patient)).keyFor(patient.account, LABS, 1));
    expect(await viem().publicClient.getBlockNumber()).toBe(blockBefore);
  });

  it("creates the first key of an uninitialised category", async () => {
    const { patient } = viem().personas;
    const writable = await ensureWritableEpoch(patient.connection, patient.identity, keyringOf(patient), patient.account, Category.Prescriptions);
    expect(writable.epoch).toBe(1);
  });

  it("rotates after a revoke, sealing the new key to the patient first and then to the remaining readers", async () => {
    const { patient, doctor, lab } = viem().personas;
    await revokeOnly(patient, lab);
    expect(await readRotationRequired(viem().connection, patient.account, LABS)).toBe(true);
    const writable = await ensureWritableEpoch(doctor.connection, doctor.identity, keyringOf(doctor), patient.account, LABS);
    expect(writable.epoch).toBe(2);
    expect(await readRotationRequired(viem().connection, patient.account, LABS)).toBe(false);
    expect(await wrapRecipients(LABS, 2)).toEqual([patient.account, doctor.account]);
    expect((await syncedKeyring(patient, patient)).keyFor(patient.account, LABS, 2)).toEqual(writable.scopeKey);
  });

  it("rotates once a reader's grant has expired, and the expired reader can open no key of the new epoch (R2)", async () => {
    const { patient, doctor2 } = viem().personas;
    const expiresAt = (await chainTime(viem())) + DAY;
    await grant(patient, keyringOf(patient), doctor2, { readScope: bit(LABS), expiresAt });
    await travelTo(viem(), expiresAt);
    expect(await readRotationRequired(viem().connection, patient.account, LABS)).toBe(true);

    const writable = await ensureWritableEpoch(patient.connection, patient.identity, keyringOf(patient), patient.account, LABS);
    expect(writable.epoch).toBe(2);
    const expired = await syncedKeyring(doctor2, patient);
    expect(expired.latest(patient.account, LABS)?.epoch).toBe(1);
    expect(() => expired.keyFor(patient.account, LABS, 2)).toThrow(NoScopeKeyError);
    expect(await wrapRecipients(LABS, 2)).not.toContain(doctor2.account);
  });

  it("lets two clients race on the epoch: one rotation wins, the other adopts its key (compare-and-swap)", async () => {
    const { patient, lab } = viem().personas;
    await revokeOnly(patient, lab);
    const client = (name: "patient" | "doctor"): Racer<ScopeKeyEpoch> => (provider, onStatus) => {
      const browser = viem().through(name, provider);
      return ensureWritableEpoch(browser.connection, browser.identity, keyringOf(browser), patient.account, LABS, { onStatus });
    };
    const { outcomes, sent } = await raceInOneBlock(viem(), [client("patient"), client("doctor")]);
    expect(sent).toBe(2);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled"]);
    const [forPatient, forDoctor] = outcomes.map((outcome) => (outcome as PromiseFulfilledResult<ScopeKeyEpoch>).value);
    expect(await epochOf(LABS)).toBe(2);
    expect(forPatient?.epoch).toBe(2);
    expect(forDoctor?.epoch).toBe(2);
    expect(toHex(forPatient?.scopeKey as Uint8Array)).toBe(toHex(forDoctor?.scopeKey as Uint8Array));
  });
});

describe("rotateScopeKey", () => {
  it("rotates even when nothing requires it, and links the new key to the old", async () => {
    const { patient } = viem().personas;
    const keyring = keyringOf(patient);
    const rotated = await rotateScopeKey(patient.connection, patient.identity, keyring, patient.account, NOTES);
    expect(rotated.epoch).toBe(2);
    const reader = await syncedKeyring(patient, patient);
    expect(reader.keyFor(patient.account, NOTES, 1)).toEqual(keyring.keyFor(patient.account, NOTES, 1));
  });

  it("retries after losing the race when the chain still requires a rotation", async () => {
    const { patient, doctor } = viem().personas;
    const patientBrowser = await frontRunPatient();
    const keyring = keyringOf(patientBrowser);
    const rotated = await rotateScopeKey(patientBrowser.connection, patientBrowser.identity, keyring, patient.account, LABS);
    expect(rotated.epoch).toBe(3);
    expect(await readRotationRequired(viem().connection, patient.account, LABS)).toBe(false);
    expect(await wrapRecipients(LABS, 3)).toEqual([patient.account, doctor.account]);
    expect(keyring.keyFor(patient.account, LABS, 2)).toEqual((await syncedKeyring(doctor, patient)).keyFor(patient.account, LABS, 2));
  });

  it("gives up with RotationContentionError once its attempts are spent", async () => {
    const { patient } = viem().personas;
    const patientBrowser = await frontRunPatient();
    const rotating = rotateScopeKey(patientBrowser.connection, patientBrowser.identity, keyringOf(patientBrowser), patient.account, LABS, {
      maxAttempts: 1,
    });
    await expect(rotating).rejects.toThrow(RotationContentionError);
    await expect(rotating).rejects.toMatchObject({ code: "ROTATION_CONTENTION" });
    expect(await epochOf(LABS)).toBe(2);
  });

  it("refuses an identity that is not the connected wallet's", async () => {
    const { patient, doctor } = viem().personas;
    const rotating = rotateScopeKey(patient.connection, doctor.identity, keyringOf(doctor), patient.account, LABS);
    await expect(rotating).rejects.toThrow(AccountMismatchError);
    await expect(rotating).rejects.toMatchObject({ code: "ACCOUNT_MISMATCH" });
  });
});

describe("settlePendingRotations", () => {
  it("rotates exactly the categories the chain says must rotate", async () => {
    const { patient, lab } = viem().personas;
    await revokeOnly(patient, lab);
    const rotated = await settlePendingRotations(patient.connection, patient.identity, keyringOf(patient), patient.account);
    expect([...rotated.keys()]).toEqual([LABS]);
    expect(rotated.get(LABS)?.epoch).toBe(2);
    expect(await epochOf(NOTES)).toBe(1);
  });
});
