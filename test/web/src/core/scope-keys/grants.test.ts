import { describe, expect, it } from "vitest";

import { concatBytes, fromHex, toHex } from "../../../../../web/src/core/bytes.js";
import { ledgerContextOf } from "../../../../../web/src/core/chain/connection.js";
import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import { randomBytes, sha256 } from "../../../../../web/src/core/crypto/webcrypto.js";
import { RECORD_NONCE_LENGTH, type RecordContext } from "../../../../../web/src/core/ledger-context.js";
import { unwrapDataKeyWithScopeKey, wrapDataKey } from "../../../../../web/src/core/scope-keys/data-key-wraps.js";
import { AccountMismatchError, NoScopeKeyError } from "../../../../../web/src/core/scope-keys/errors.js";
import { buildGrantInputs, grantAccess, revokeAccess } from "../../../../../web/src/core/scope-keys/grants.js";
import { ScopeKeyring } from "../../../../../web/src/core/scope-keys/keyring.js";
import { ensureWritableEpoch } from "../../../../../web/src/core/scope-keys/rotation.js";
import { openScopeKeyWrap } from "../../../../../web/src/core/scope-keys/scope-key-wraps.js";
import { bit, Category } from "../../../../helpers/fixture.js";
import { grant, rotateUntil, syncedKeyring } from "../../../../helpers/keyScenarios.js";
import { useViemWorld, type ViemPersona } from "../../../../helpers/viemWorld.js";
import { publishedChainData } from "../../../../helpers/chainScan.js";

const { GeneralNotes: NOTES, LabResults: LABS, Imaging: IMAGING, MentalHealth: MENTAL } = Category;

const viem = useViemWorld();

function keyringOf(persona: ViemPersona) {
  return new ScopeKeyring(persona.identity);
}

describe("buildGrantInputs", () => {
  it("seals the current key of every covered category to the grantee, in ascending category order", async () => {
    const { patient, doctor } = viem().personas;
    const keyring = keyringOf(patient);
    await rotateUntil(patient, keyring, IMAGING, 2);
    await rotateUntil(patient, keyring, NOTES, 1);
    const [input] = await buildGrantInputs(patient.connection, keyring, patient.account, [
      { grantee: doctor.account, readScope: bit(IMAGING), writeScope: bit(NOTES), expiresAt: 0 },
    ]);
    expect(input).toMatchObject({ grantee: doctor.account, readScope: bit(IMAGING), writeScope: bit(NOTES), expiresAt: 0 });
    expect(input?.scopeKeyWraps).toHaveLength(2);
    const ledger = ledgerContextOf(patient.connection);
    const [notesWrap, imagingWrap] = (input?.scopeKeyWraps ?? []).map(fromHex);
    expect(await openScopeKeyWrap(doctor.identity, notesWrap as Uint8Array, { ...ledger, patient: patient.account, category: NOTES, epoch: 1 }))
      .toEqual(keyring.keyFor(patient.account, NOTES, 1));
    expect(await openScopeKeyWrap(doctor.identity, imagingWrap as Uint8Array, { ...ledger, patient: patient.account, category: IMAGING, epoch: 2 }))
      .toEqual(keyring.keyFor(patient.account, IMAGING, 2));
  });

  it("creates the first key of categories that have none", async () => {
    const { patient, lab } = viem().personas;
    const keyring = keyringOf(patient);
    await buildGrantInputs(patient.connection, keyring, patient.account, [{ grantee: lab.account, readScope: bit(LABS) | bit(MENTAL), writeScope: 0, expiresAt: 0 }]);
    expect(keyring.latest(patient.account, LABS)?.epoch).toBe(1);
    expect(keyring.latest(patient.account, MENTAL)?.epoch).toBe(1);
  });

  it("refuses a keyring that is not the patient's", async () => {
    const { patient, doctor } = viem().personas;
    const building = buildGrantInputs(patient.connection, keyringOf(doctor), patient.account, [
      { grantee: doctor.account, readScope: bit(LABS), writeScope: 0, expiresAt: 0 },
    ]);
    await expect(building).rejects.toThrow(AccountMismatchError);
  });
});

describe("grantAccess", () => {
  it("grants several grantees in one transaction, and each can then open the current keys", async () => {
    const { patient, doctor, insurer } = viem().personas;
    const keyring = keyringOf(patient);
    const result = await grantAccess(patient.connection, keyring, [
      { grantee: doctor.account, readScope: bit(LABS), writeScope: bit(LABS), expiresAt: 0 },
      { grantee: insurer.account, readScope: bit(LABS) | bit(IMAGING), writeScope: 0, expiresAt: 0 },
    ]);
    expect(result.events.filter((event) => event.eventName === "AccessGranted")).toHaveLength(2);
    for (const grantee of [doctor, insurer]) {
      const held = await syncedKeyring(grantee, patient);
      expect(held.keyFor(patient.account, LABS, 1)).toEqual(keyring.keyFor(patient.account, LABS, 1));
    }
    expect((await syncedKeyring(insurer, patient)).keyFor(patient.account, IMAGING, 1)).toEqual(keyring.keyFor(patient.account, IMAGING, 1));
    const doctorHeld = await syncedKeyring(doctor, patient);
    expect(() => doctorHeld.keyFor(patient.account, IMAGING, 1)).toThrow(NoScopeKeyError);
  });
});

describe("revokeAccess", () => {
  it("revokes, then rotates every category the grantee could read to the remaining readers", async () => {
    const { patient, doctor, doctor2 } = viem().personas;
    const keyring = keyringOf(patient);
    await grant(patient, keyring, doctor, { readScope: bit(LABS) | bit(IMAGING) });
    await grant(patient, keyring, doctor2, { readScope: bit(LABS) });
    const { revoked, rotated } = await revokeAccess(patient.connection, keyring, doctor.account);
    expect(revoked?.events.map((event) => event.eventName)).toEqual(["AccessRevoked"]);
    expect([...rotated.keys()]).toEqual([LABS, IMAGING]);
    expect([...rotated.values()].map((epoch) => epoch.epoch)).toEqual([2, 2]);
    expect((await syncedKeyring(doctor2, patient)).keyFor(patient.account, LABS, 2)).toEqual(rotated.get(LABS)?.scopeKey);
  });

  it("leaves a revoked reader that synced every event unable to open any key of the new epoch (R2)", async () => {
    const { patient, doctor } = viem().personas;
    const keyring = keyringOf(patient);
    await grant(patient, keyring, doctor, { readScope: bit(LABS) | bit(IMAGING) });
    await revokeAccess(patient.connection, keyring, doctor.account);
    await rotateUntil(patient, keyring, LABS, 4);

    const revoked = await syncedKeyring(doctor, patient);
    for (const category of [LABS, IMAGING]) {
      expect(revoked.latest(patient.account, category)?.epoch).toBe(1);
      const newest = keyring.latest(patient.account, category)?.epoch as number;
      for (let epoch = 2; epoch <= newest; epoch++) expect(() => revoked.keyFor(patient.account, category, epoch)).toThrow(NoScopeKeyError);
    }
    // Nor does any byte string it holds match a newer key.
    const newKeys = [2, 3, 4].map((epoch) => toHex(keyring.keyFor(patient.account, LABS, epoch)));
    expect(newKeys).not.toContain(toHex(revoked.keyFor(patient.account, LABS, 1)));
  });

  it("sends nothing for a grantee without a grant", async () => {
    const { patient, lab } = viem().personas;
    const blockBefore = await viem().publicClient.getBlockNumber();
    expect(await revokeAccess(patient.connection, keyringOf(patient), lab.account)).toEqual({ revoked: null, rotated: new Map() });
    expect(await viem().publicClient.getBlockNumber()).toBe(blockBefore);
  });
});

describe("key distribution on chain", () => {
  it("never puts a scope key or a data key in any calldata or log (R5)", async () => {
    const { publicClient, personas } = viem();
    const { patient, doctor, lab, insurer } = personas;
    const keyring = keyringOf(patient);
    const doctorKeys = keyringOf(doctor);
    await grant(patient, keyring, doctor, { readScope: bit(LABS), writeScope: bit(LABS) | bit(NOTES) });
    await grant(patient, keyring, lab, { readScope: bit(LABS) });
    await grant(patient, keyring, insurer, { readScope: bit(IMAGING) });
    await revokeAccess(patient.connection, keyring, lab.account);

    const dataKeys: Uint8Array[] = [];
    for (const category of [LABS, NOTES]) {
      const { epoch, scopeKey } = await ensureWritableEpoch(doctor.connection, doctor.identity, doctorKeys, patient.account, category);
      const dataKey = randomBytes(32);
      const context: RecordContext = { ...ledgerContextOf(doctor.connection), patient: patient.account, category, epoch, recordNonce: randomBytes(RECORD_NONCE_LENGTH) };
      const wraps = await wrapDataKey(dataKey, { patientPublicKey: patient.identity.publicKey, scopeKey, context });
      expect(await unwrapDataKeyWithScopeKey(scopeKey, wraps, context)).toEqual(dataKey);
      const manifestDigest = toHex(await sha256(concatBytes(wraps.forPatient, wraps.underScopeKey, context.recordNonce)));
      await sendLedgerTransaction(doctor.connection, "addRecord", [patient.account, category, epoch, manifestDigest]);
      dataKeys.push(dataKey);
    }

    const patientView = await syncedKeyring(patient, patient);
    const scopeKeys: Uint8Array[] = [];
    for (const category of [NOTES, LABS, IMAGING]) {
      const newest = patientView.latest(patient.account, category)?.epoch as number;
      for (let epoch = 1; epoch <= newest; epoch++) scopeKeys.push(patientView.keyFor(patient.account, category, epoch));
    }
    expect(scopeKeys).toHaveLength(1 + 2 + 1);
    const secrets = [...scopeKeys, ...dataKeys].map((key) => toHex(key).slice(2));

    const { haystack, items } = await publishedChainData(publicClient);
    expect(items).toBeGreaterThan(50);
    // The scan does see 32-byte values in the clear: the registered public keys.
    expect(haystack).toContain(patient.identity.publicKeyHex.slice(2));
    for (const secret of secrets) expect(haystack).not.toContain(secret);
  });
});
