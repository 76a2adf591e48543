/**
 * R1–R5 of the key-distribution design, end to end: real identities on the in-process chain, real
 * records encrypted and pinned on the dev IPFS node, opened (or not) through the client core.
 */
import { describe, expect, it } from "vitest";

import { fromHex, toHex } from "../../../../../web/src/core/bytes.js";
import { ledgerContextOf } from "../../../../../web/src/core/chain/connection.js";
import { readLedgerEvents } from "../../../../../web/src/core/chain/events.js";
import { decryptBytes, EnvelopeKeyMismatchError } from "../../../../../web/src/core/envelope/index.js";
import { getManifest } from "../../../../../web/src/core/ipfs/manifest-block.js";
import { addRecord } from "../../../../../web/src/core/records/add-record.js";
import { decodeManifest } from "../../../../../web/src/core/records/manifest.js";
import { openRecord } from "../../../../../web/src/core/records/open-record.js";
import type { RecordServices } from "../../../../../web/src/core/records/services.js";
import { unwrapDataKeyAsPatient, unwrapDataKeyWithScopeKey } from "../../../../../web/src/core/scope-keys/data-key-wraps.js";
import { NoScopeKeyError, DataKeyUnwrapError } from "../../../../../web/src/core/scope-keys/errors.js";
import { grantAccess, revokeAccess } from "../../../../../web/src/core/scope-keys/grants.js";
import { openScopeKeyWrap } from "../../../../../web/src/core/scope-keys/scope-key-wraps.js";
import type { RecordContext } from "../../../../../web/src/core/ledger-context.js";
import { readAllBytes } from "../../../../../web/src/core/streams.js";
import { filesContaining, publishedChainData } from "../../../../helpers/chainScan.js";
import { Category } from "../../../../helpers/fixture.js";
import { chainTime, travelTo } from "../../../../helpers/keyScenarios.js";
import { kuboDeterministicBytes as deterministicBytes } from "../../../../scripts/ipfs-node/support.js";
import { attachment, observation, useRecordWorld } from "../../../../helpers/recordWorld.js";

const NOTES = 1 << Category.GeneralNotes;
const CHUNKS = { chunkSize: 4096 };

describe("key distribution end to end", () => {
  const world = useRecordWorld();

  function add(services: RecordServices, text: string, withAttachment = false) {
    const { personas } = world.viem();
    return addRecord(services, { patient: personas.patient.account, category: Category.GeneralNotes, resource: observation(text), attachments: withAttachment ? [attachment(deterministicBytes(20_000, text))] : [] }, CHUNKS);
  }

  async function opens(reader: "patient" | "doctor" | "doctor2", recordId: bigint, services = world.services(reader)) {
    return (await openRecord(services, world.viem().personas.patient.account, recordId)).document.resource;
  }

  /** Everything a removed reader can gather: every scope key it ever held, from a keyring that synced the whole chain. */
  async function everyKeyHeldBy(services: RecordServices): Promise<Uint8Array[]> {
    const patient = world.viem().personas.patient.account;
    await services.keyring.sync(services.connection, patient);
    const keys: Uint8Array[] = [];
    for (let epoch = 1; ; epoch++) {
      try {
        keys.push(services.keyring.keyFor(patient, Category.GeneralNotes, epoch));
      } catch (error) {
        if (error instanceof NoScopeKeyError) return keys;
        throw error;
      }
    }
  }

  /** The removed reader's best attempt on a record: its keys against the record's wraps and envelope. */
  async function attack(services: RecordServices, recordId: bigint) {
    const { personas } = world.viem();
    const opened = await openRecord(world.services("patient"), personas.patient.account, recordId);
    const manifest = decodeManifest(await getManifest(services.ipfs, opened.entry.contentDigest, { what: "the attacked record" }));
    const context: RecordContext = { ...ledgerContextOf(services.connection), patient: personas.patient.account, category: opened.entry.category, epoch: opened.entry.epoch, recordNonce: manifest.recordNonce };
    const heldKeys = await everyKeyHeldBy(services);
    expect(heldKeys.length).toBeGreaterThan(0);
    for (const key of heldKeys) {
      await expect(unwrapDataKeyWithScopeKey(key, manifest.dataKey, context)).rejects.toThrow(DataKeyUnwrapError);
    }
    await expect(unwrapDataKeyAsPatient(services.identity, manifest.dataKey, context)).rejects.toThrow(DataKeyUnwrapError);
    // Even used directly as the data key, no held key opens the FHIR file's envelope.
    const firstPart = manifest.files[0]!.parts[0]!;
    const envelope = await services.ipfs.cat(firstPart.cid, { maxBytes: firstPart.length });
    for (const key of heldKeys) await expect(decryptBytes(key, context, 0, envelope)).rejects.toThrow(EnvelopeKeyMismatchError);
    // And no wrap the chain ever emitted, for any epoch, opens for this reader beyond those epochs.
    const wraps = await readLedgerEvents(services.connection, "ScopeKeyWrapped", { patient: personas.patient.account });
    const openable = [];
    for (const { args } of wraps) {
      const scope = { ...ledgerContextOf(services.connection), patient: personas.patient.account, category: args.category, epoch: args.epoch };
      if ((await openScopeKeyWrap(services.identity, fromHex(args.wrap), scope)) !== null) openable.push(args.epoch);
    }
    expect(Math.max(...openable)).toBeLessThan(opened.entry.epoch);
    await expect(openRecord(services, personas.patient.account, recordId)).rejects.toThrow(NoScopeKeyError);
  }

  it("R1: a reader opens records added before its grant, after it, and by another author", async () => {
    const { personas } = world.viem();
    const patient = world.services("patient");
    const before = await add(patient, "before the grant", true);
    await grantAccess(patient.connection, patient.keyring, [
      { grantee: personas.doctor.account, readScope: NOTES, writeScope: 0, expiresAt: 0 },
      { grantee: personas.doctor2.account, readScope: NOTES, writeScope: NOTES, expiresAt: 0 },
    ]);
    const after = await add(world.services("patient"), "after the grant");
    const byDoctor2 = await add(world.services("doctor2"), "written by another doctor", true);

    for (const [record, text] of [[before, "before the grant"], [after, "after the grant"], [byDoctor2, "written by another doctor"]] as const) {
      expect(await opens("doctor", record.recordId)).toEqual(observation(text));
    }
    const opened = await openRecord(world.services("doctor"), personas.patient.account, byDoctor2.recordId);
    expect(await readAllBytes(opened.openAttachment(1))).toEqual(deterministicBytes(20_000, "written by another doctor"));
  });

  it("R2: a revoked doctor holding every old key, the whole chain and every IPFS block cannot open a record added after the revoke", async () => {
    const { personas } = world.viem();
    const patient = world.services("patient");
    await grantAccess(patient.connection, patient.keyring, [{ grantee: personas.doctor.account, readScope: NOTES, writeScope: 0, expiresAt: 0 }]);
    const seen = await add(patient, "seen before the revoke", true);
    const doctor = world.services("doctor");
    expect(await opens("doctor", seen.recordId, doctor)).toEqual(observation("seen before the revoke"));

    const { rotated } = await revokeAccess(patient.connection, patient.keyring, personas.doctor.account);
    expect([...rotated.keys()]).toEqual([Category.GeneralNotes]);
    const secret = await add(world.services("patient"), "added after the revoke", true);

    await attack(doctor, secret.recordId);
    // Forward-only: what the doctor could read before stays readable to it.
    expect(await opens("doctor", seen.recordId, doctor)).toEqual(observation("seen before the revoke"));
  });

  it("R2: the same after an expiry, once a writer adds to the category", async () => {
    const { personas } = world.viem();
    const patient = world.services("patient");
    const expiresAt = (await chainTime(world.viem())) + 3600;
    await grantAccess(patient.connection, patient.keyring, [{ grantee: personas.doctor.account, readScope: NOTES, writeScope: 0, expiresAt }]);
    const seen = await add(patient, "seen before the expiry");
    const doctor = world.services("doctor");
    expect(await opens("doctor", seen.recordId, doctor)).toEqual(observation("seen before the expiry"));

    await travelTo(world.viem(), expiresAt + 1);
    const secret = await add(world.services("patient"), "added after the expiry", true);

    expect((await openRecord(world.services("patient"), personas.patient.account, secret.recordId)).entry.epoch).toBe(2);
    await attack(doctor, secret.recordId);
  });

  it("R3: the patient opens every record, whoever wrote it and whichever epoch it is under", async () => {
    const { personas } = world.viem();
    const patient = world.services("patient");
    await grantAccess(patient.connection, patient.keyring, [{ grantee: personas.doctor.account, readScope: NOTES, writeScope: NOTES, expiresAt: 0 }]);
    const records = [await add(world.services("doctor"), "doctor, epoch 1"), await add(patient, "patient, epoch 1")];
    await revokeAccess(patient.connection, patient.keyring, personas.doctor.account);
    await grantAccess(patient.connection, patient.keyring, [{ grantee: personas.doctor2.account, readScope: NOTES, writeScope: NOTES, expiresAt: 0 }]);
    records.push(await add(world.services("doctor2"), "doctor2, epoch 2"));

    const texts = ["doctor, epoch 1", "patient, epoch 1", "doctor2, epoch 2"];
    for (const [i, record] of records.entries()) expect(await opens("patient", record.recordId)).toEqual(observation(texts[i]!));
  });

  it("R4: a grant costs the same gas however many records the patient has", async () => {
    const { personas } = world.viem();
    const patient = world.services("patient");
    await add(patient, "the first record");
    const gasOfGrant = async (grantee: `0x${string}`) => {
      const result = await grantAccess(patient.connection, patient.keyring, [{ grantee, readScope: NOTES, writeScope: 0, expiresAt: 0 }]);
      return result.receipt.gasUsed;
    };
    const withOneRecord = await gasOfGrant(personas.doctor.account);
    for (let i = 0; i < 8; i++) await add(world.services("patient"), `record ${i}`);
    const withNineRecords = await gasOfGrant(personas.doctor2.account);

    // Only calldata varies: each wrap is random bytes, and a zero byte costs 12 gas less than another.
    expect(Number(withNineRecords > withOneRecord ? withNineRecords - withOneRecord : withOneRecord - withNineRecords)).toBeLessThan(1_000);
  });

  it("R5: no scope key or data key appears in clear in any transaction, log or IPFS block", async () => {
    const { personas, publicClient } = world.viem();
    const patient = world.services("patient");
    await grantAccess(patient.connection, patient.keyring, [{ grantee: personas.doctor.account, readScope: NOTES, writeScope: NOTES, expiresAt: 0 }]);
    const records = [await add(patient, "one", true), await add(world.services("doctor"), "two", true)];
    await revokeAccess(patient.connection, patient.keyring, personas.doctor.account);
    records.push(await add(world.services("patient"), "three", true));

    const secrets: Uint8Array[] = await everyKeyHeldBy(world.services("patient"));
    expect(secrets).toHaveLength(2);
    for (const record of records) {
      const manifest = decodeManifest(await getManifest(patient.ipfs, record.contentDigest, { what: "a record" }));
      const opened = await openRecord(world.services("patient"), personas.patient.account, record.recordId);
      const context: RecordContext = { ...ledgerContextOf(patient.connection), patient: personas.patient.account, category: opened.entry.category, epoch: opened.entry.epoch, recordNonce: manifest.recordNonce };
      secrets.push(await unwrapDataKeyAsPatient(patient.identity, manifest.dataKey, context));
    }

    const { haystack } = await publishedChainData(publicClient);
    const blocks = world.ipfs.blockFiles();
    expect(blocks.length).toBeGreaterThan(records.length * 3);
    for (const secret of secrets) {
      expect(haystack).not.toContain(toHex(secret).slice(2));
      expect(filesContaining(blocks, secret)).toEqual([]);
    }
    // The scans do see what is public: the patient's registered key on chain, a record's ciphertext on IPFS.
    expect(haystack).toContain(patient.identity.publicKeyHex.slice(2));
    const part = decodeManifest(await getManifest(patient.ipfs, records[0]!.contentDigest, { what: "a record" })).files[1]!.parts[0]!;
    expect(filesContaining(blocks, (await patient.ipfs.cat(part.cid, { maxBytes: part.length })).subarray(0, 64)).length).toBe(1);
  });
});

