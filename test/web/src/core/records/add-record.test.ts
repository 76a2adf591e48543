import { describe, expect, it } from "vitest";

import { equalBytes } from "../../../../../web/src/core/bytes.js";
import { TransactionRejectedError, LedgerRevertError } from "../../../../../web/src/core/chain/errors.js";
import { readLedgerEvents } from "../../../../../web/src/core/chain/events.js";
import { manifestCid } from "../../../../../web/src/core/ipfs/cid.js";
import type { IpfsStore } from "../../../../../web/src/core/ipfs/store.js";
import { addRecord, type AddRecordProgress } from "../../../../../web/src/core/records/add-record.js";
import { openRecord } from "../../../../../web/src/core/records/open-record.js";
import type { UploadCheckpoint } from "../../../../../web/src/core/records/upload-checkpoint.js";
import { grantAccess } from "../../../../../web/src/core/scope-keys/grants.js";
import { readScopeKeyState } from "../../../../../web/src/core/chain/views.js";
import { createScopeKey } from "../../../../../web/src/core/scope-keys/rotation.js";
import { ScopeKeyring } from "../../../../../web/src/core/scope-keys/keyring.js";
import { readAllBytes } from "../../../../../web/src/core/streams.js";
import { rejectingProvider } from "../../../../helpers/eip1193.js";
import { revokeOnly } from "../../../../helpers/keyScenarios.js";
import { Category } from "../../../../helpers/fixture.js";
import { kuboDeterministicBytes as deterministicBytes } from "../../../../scripts/ipfs-node/support.js";
import { attachment, observation, useRecordWorld } from "../../../../helpers/recordWorld.js";

const SMALL_CHUNKS = 4096;
/** Plaintext bytes in one upload part: 8 encryption chunks. */
const PART = 8 * SMALL_CHUNKS;

/** The store, counting the adds that reached the node. */
function counting(store: IpfsStore): IpfsStore & { adds: number } {
  const counted = Object.create(store) as IpfsStore & { adds: number };
  counted.adds = 0;
  counted.add = (bytes, options) => {
    counted.adds++;
    return store.add(bytes, options);
  };
  return counted;
}

describe("addRecord", () => {
  const world = useRecordWorld();

  it("addRecord by the patient stores a record the patient opens, attachments included", async () => {
    const scan = deterministicBytes(100_000, "attachment");
    const patient = world.services("patient");

    const added = await addRecord(patient, { patient: patient.identity.account, category: Category.PatientReported, resource: observation("headache for three days"), attachments: [attachment(scan, "scan.png", "image/png")] }, { chunkSize: SMALL_CHUNKS });

    const opened = await openRecord(world.services("patient"), patient.identity.account, added.recordId);
    expect(opened.document.resource).toEqual(observation("headache for three days"));
    expect(opened.document.attachments).toEqual([{ file: 1, contentType: "image/png", title: "scan.png", size: scan.length }]);
    expect(await readAllBytes(opened.openAttachment(1))).toEqual(scan);
    expect(opened.entry).toMatchObject({ recordId: added.recordId, contentDigest: added.contentDigest, category: Category.PatientReported, epoch: 1 });
  });

  it("addRecord by a writing doctor is readable by the patient and by another doctor with read scope", async () => {
    const { personas } = world.viem();
    const patient = world.services("patient");
    const notes = 1 << Category.GeneralNotes;
    await grantAccess(patient.connection, patient.keyring, [
      { grantee: personas.doctor.account, readScope: notes, writeScope: notes, expiresAt: 0 },
      { grantee: personas.doctor2.account, readScope: notes, writeScope: 0, expiresAt: 0 },
    ]);

    const added = await addRecord(world.services("doctor"), { patient: personas.patient.account, category: Category.GeneralNotes, resource: observation("doctor's note") }, { chunkSize: SMALL_CHUNKS });

    for (const reader of ["patient", "doctor2", "doctor"] as const) {
      const opened = await openRecord(world.services(reader), personas.patient.account, added.recordId);
      expect(opened.document.resource, reader).toEqual(observation("doctor's note"));
    }
    expect((await openRecord(world.services("patient"), personas.patient.account, added.recordId)).entry.author).toBe(personas.doctor.account);
  });

  it("addRecord reports the key transaction, upload progress that only grows to the total, then the transaction stages", async () => {
    const patient = world.services("patient");
    const progress: AddRecordProgress[] = [];

    await addRecord(patient, { patient: patient.identity.account, category: Category.Imaging, resource: observation("x-ray"), attachments: [attachment(deterministicBytes(5 * PART, "attachment"))] }, { chunkSize: SMALL_CHUNKS, onProgress: (step) => progress.push(step) });

    const uploads = progress.flatMap((step) => (step.step === "encrypting-and-uploading" ? [step] : []));
    expect(uploads.length).toBeGreaterThan(5);
    expect(uploads[0]?.bytesDone).toBe(0);
    expect(uploads.map((step) => step.bytesDone)).toEqual([...uploads.map((step) => step.bytesDone)].sort((a, b) => a - b));
    expect(uploads.at(-1)?.bytesDone).toBe(uploads.at(-1)?.bytesTotal);
    const stages = progress.flatMap((step) => (step.step === "transaction" ? [step.status.stage] : []));
    expect(stages).toEqual(["simulating", "awaiting-signature", "pending", "confirmed"]);
    // The category had no key yet: creating it is a transaction of its own, reported before the upload.
    const keyStages = progress.flatMap((step) => (step.step === "key-transaction" ? [step.status.stage] : []));
    expect(keyStages).toEqual(["simulating", "awaiting-signature", "pending", "confirmed"]);
    expect(progress.findIndex((step) => step.step === "key-transaction")).toBeLessThan(progress.findIndex((step) => step.step === "encrypting-and-uploading"));
  });

  it("addRecord with the default 1 MiB chunks splits a 9 MiB attachment into two parts and reads it back", async () => {
    const patient = world.services("patient");
    const scan = deterministicBytes(9 * 1024 * 1024 + 5, "attachment 7");

    const added = await addRecord(patient, { patient: patient.identity.account, category: Category.Imaging, resource: observation("MRI"), attachments: [attachment(scan)] });

    const opened = await openRecord(world.services("patient"), patient.identity.account, added.recordId);
    // toEqual walks 9 million elements one by one; equalBytes does not.
    expect(equalBytes(await readAllBytes(opened.openAttachment(1)), scan)).toBe(true);
  });

  it("addRecord whose transaction the wallet declines unpins every part and the manifest, leaving no block behind", async () => {
    const viem = world.viem();
    const blocksBefore = world.ipfs.blockFiles().length;
    const setup = world.services("patient");
    await createScopeKey(setup.connection, setup.identity, setup.keyring, setup.identity.account, Category.Imaging);
    const declined = viem.through("patient", rejectingProvider(viem.world.connection.provider as never, ["eth_sendTransaction"]));
    const services = { ...world.services("patient"), connection: declined.connection };
    let checkpoint: UploadCheckpoint | undefined;

    await expect(
      addRecord(services, { patient: declined.account, category: Category.Imaging, resource: observation("declined"), attachments: [attachment(deterministicBytes(3 * PART, "attachment"))] }, { chunkSize: SMALL_CHUNKS, onCheckpoint: (saved) => (checkpoint = structuredClone(saved)) }),
    ).rejects.toThrow(TransactionRejectedError);

    const cids = checkpoint!.files.flatMap((file) => file.parts.map((part) => part.cid));
    expect(cids.length).toBe(4);
    const pins = await world.ipfs.client.pin.ls();
    const pinned = new Set<string>();
    for await (const pin of pins) pinned.add(pin.cid.toString());
    for (const cid of cids) expect(pinned.has(cid)).toBe(false);
    expect(world.ipfs.blockFiles().length).toBe(blocksBefore);
  });

  it("addRecord by a doctor without write access fails before signing and keeps nothing pinned", async () => {
    const { personas } = world.viem();
    const patient = world.services("patient");
    await grantAccess(patient.connection, patient.keyring, [{ grantee: personas.doctor.account, readScope: 1 << Category.GeneralNotes, writeScope: 0, expiresAt: 0 }]);
    const blocksBefore = world.ipfs.blockFiles().length;

    const attempt = addRecord(world.services("doctor"), { patient: personas.patient.account, category: Category.GeneralNotes, resource: observation("not allowed") }, { chunkSize: SMALL_CHUNKS });

    await expect(attempt).rejects.toThrow(LedgerRevertError);
    await expect(attempt).rejects.toMatchObject({ errorName: "RecordsWriteDenied" });
    expect(world.ipfs.blockFiles().length).toBe(blocksBefore);
    expect(await readLedgerEvents(patient.connection, "RecordAdded", { patient: personas.patient.account })).toEqual([]);
  });

  it("addRecord resumed after an interruption uploads only the parts still missing", async () => {
    const patient = world.services("patient");
    const scan = deterministicBytes(6 * PART, "attachment 3");
    const record = { patient: patient.identity.account, category: Category.Imaging, resource: observation("resumed"), attachments: [attachment(scan)] };
    const interruption = new AbortController();
    let checkpoint: UploadCheckpoint | undefined;

    await expect(
      addRecord(patient, record, {
        chunkSize: SMALL_CHUNKS,
        signal: interruption.signal,
        onCheckpoint: (saved) => {
          checkpoint = structuredClone(saved);
          if (saved.files[1]!.parts.length === 3) interruption.abort(new Error("connection lost"));
        },
      }),
    ).rejects.toThrow();
    expect(checkpoint!.files[1]!.parts).toHaveLength(3);

    const store = counting(patient.ipfs);
    const added = await addRecord({ ...patient, ipfs: store }, record, { chunkSize: SMALL_CHUNKS, resumeFrom: checkpoint });

    // The remaining 3 of the attachment's 6 parts, and the manifest.
    expect(store.adds).toBe(4);
    const opened = await openRecord(world.services("patient"), patient.identity.account, added.recordId);
    expect(await readAllBytes(opened.openAttachment(1))).toEqual(scan);
  });

  it("addRecord after the category's key rotated drops a stale checkpoint's parts and starts over", async () => {
    const { personas } = world.viem();
    const patient = world.services("patient");
    const record = { patient: patient.identity.account, category: Category.Imaging, resource: observation("stale"), attachments: [attachment(deterministicBytes(2 * PART, "attachment"))] };
    const interruption = new AbortController();
    let checkpoint: UploadCheckpoint | undefined;
    await expect(
      addRecord(patient, record, { chunkSize: SMALL_CHUNKS, signal: interruption.signal, onCheckpoint: (saved) => { checkpoint = structuredClone(saved); interruption.abort(); } }),
    ).rejects.toThrow();
    await grantAccess(patient.connection, patient.keyring, [{ grantee: personas.doctor.account, readScope: 1 << Category.Imaging, writeScope: 0, expiresAt: 0 }]);
    await revokeOnly(personas.patient, personas.doctor);
    const staleCids = checkpoint!.files.flatMap((file) => file.parts.map((part) => part.cid));

    const added = await addRecord(patient, record, { chunkSize: SMALL_CHUNKS, resumeFrom: checkpoint });

    expect((await openRecord(world.services("patient"), patient.identity.account, added.recordId)).entry.epoch).toBe(2);
    const pinned = new Set<string>();
    for await (const pin of world.ipfs.client.pin.ls()) pinned.add(pin.cid.toString());
    for (const cid of staleCids) expect(pinned.has(cid)).toBe(false);
    expect(pinned.has(manifestCid(added.contentDigest))).toBe(true);
  });

  it("addRecord with chunks too large for an upload part refuses before sending any transaction", async () => {
    const patient = world.services("patient");
    const attempt = addRecord(patient, { patient: patient.identity.account, category: Category.Imaging, resource: observation("x") }, { chunkSize: 4 * 1024 * 1024 });
    await expect(attempt).rejects.toThrow(/chunk size 4194304 is too large/);
    expect((await readScopeKeyState(patient.connection, patient.identity.account, Category.Imaging)).epoch).toBe(0);
  });

  it("addRecord for a patient whose keyring belongs to someone else is refused", async () => {
    const patient = world.services("patient");
    const other = world.viem().personas.doctor.identity;
    await expect(addRecord({ ...patient, keyring: new ScopeKeyring(other) }, { patient: patient.identity.account, category: 0, resource: observation("x") })).rejects.toThrow(/account/i);
  });
});
