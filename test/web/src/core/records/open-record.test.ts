import { describe, expect, it } from "vitest";

import { manifestCid } from "../../../../../web/src/core/ipfs/cid.js";
import { IpfsIntegrityError } from "../../../../../web/src/core/ipfs/errors.js";
import { getManifest } from "../../../../../web/src/core/ipfs/manifest-block.js";
import type { IpfsStore } from "../../../../../web/src/core/ipfs/store.js";
import { addRecord } from "../../../../../web/src/core/records/add-record.js";
import { RecordNotFoundError } from "../../../../../web/src/core/records/errors.js";
import { decodeManifest } from "../../../../../web/src/core/records/manifest.js";
import { openRecord, readRecordEntry } from "../../../../../web/src/core/records/open-record.js";
import { NoScopeKeyError } from "../../../../../web/src/core/scope-keys/errors.js";
import { readAllBytes } from "../../../../../web/src/core/streams.js";
import { Category } from "../../../../helpers/fixture.js";
import { kuboDeterministicBytes as deterministicBytes } from "../../../../scripts/ipfs-node/support.js";
import { attachment, observation, useRecordWorld } from "../../../../helpers/recordWorld.js";

/** A node that answers `cat` of `cid` with one bit flipped at `offset`. */
function flipping(store: IpfsStore, cid: string, offset: number): IpfsStore {
  const tampered = Object.create(store) as IpfsStore;
  tampered.cat = async (requested, options) => {
    const bytes = await store.cat(requested, options);
    if (requested === cid) bytes[offset]! ^= 1;
    return bytes;
  };
  return tampered;
}

describe("openRecord", () => {
  const world = useRecordWorld();

  async function stored() {
    const patient = world.services("patient");
    const added = await addRecord(patient, { patient: patient.identity.account, category: Category.PatientReported, resource: observation("tamper target"), attachments: [attachment(deterministicBytes(50_000, "attachment"))] }, { chunkSize: 4096 });
    const opened = await openRecord(world.services("patient"), patient.identity.account, added.recordId);
    return { patient, added, opened };
  }

  it("readRecordEntry returns the chain's entry with its digest, author and provenance", async () => {
    const { patient, added } = await stored();
    const entry = await readRecordEntry(patient, patient.identity.account, added.recordId);
    expect(entry).toMatchObject({ recordId: added.recordId, author: patient.identity.account, contentDigest: added.contentDigest, facility: "0x0000000000000000000000000000000000000000", supersedes: 0n, transactionHash: added.transactionHash });
  });

  it("openRecord of a record that does not exist throws RecordNotFoundError", async () => {
    const patient = world.services("patient");
    await expect(openRecord(patient, patient.identity.account, 99n)).rejects.toThrow(RecordNotFoundError);
  });

  it("openRecord when the node returns another manifest throws an integrity error naming the record", async () => {
    const { added } = await stored();
    const services = world.services("patient");
    const tampered = { ...services, ipfs: flipping(services.ipfs, manifestCid(added.contentDigest), 10) };
    const attempt = openRecord(tampered, services.identity.account, added.recordId);
    await expect(attempt).rejects.toThrow(IpfsIntegrityError);
    await expect(attempt).rejects.toThrow(new RegExp(`record ${added.recordId} of patient 0x`));
  });

  it("openAttachment when the node returns a part with a flipped bit fails before decrypting it", async () => {
    const { added, patient } = await stored();
    const manifest = decodeManifest(await getManifest(patient.ipfs, added.contentDigest, { what: "x" }));
    const secondPart = manifest.files[1]!.parts[1]!;
    const services = world.services("patient");
    const opened = await openRecord({ ...services, ipfs: flipping(services.ipfs, secondPart.cid, 100) }, services.identity.account, added.recordId);
    await expect(readAllBytes(opened.openAttachment(1))).rejects.toThrow(IpfsIntegrityError);
  });

  it("openRecord by a participant without a grant throws NoScopeKeyError", async () => {
    const { added, patient } = await stored();
    await expect(openRecord(world.services("doctor"), patient.identity.account, added.recordId)).rejects.toThrow(NoScopeKeyError);
  });

  it("openAttachment of a file the record does not have throws at once", async () => {
    const { opened } = await stored();
    expect(() => opened.openAttachment(2)).toThrow(/no attachment 2/);
  });
});
