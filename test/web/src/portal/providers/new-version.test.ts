import { describe, expect, it } from "vitest";

import { buildClinicalNote } from "../../../../../web/src/core/clinical/index.js";
import { listPatientRecords } from "../../../../../web/src/core/records/record-list.js";
import { addRecord } from "../../../../../web/src/core/records/add-record.js";
import { openRecord } from "../../../../../web/src/core/records/open-record.js";
import { grantAccess } from "../../../../../web/src/core/scope-keys/grants.js";
import { readAllBytes } from "../../../../../web/src/core/streams.js";
import { carriedAttachments, newVersionOf } from "../../../../../web/src/portal/providers/new-version.js";
import { Category } from "../../../../helpers/fixture.js";
import { attachment, useRecordWorld } from "../../../../helpers/recordWorld.js";
import { kuboDeterministicBytes as deterministicBytes } from "../../../../scripts/ipfs-node/support.js";

const NOTES = 1 << Category.GeneralNotes;

describe("newVersionOf", () => {
  const world = useRecordWorld();

  async function doctorNoteWithFile() {
    const patient = world.services("patient");
    await grantAccess(patient.connection, patient.keyring, [{ grantee: world.services("doctor").identity.account, readScope: NOTES, writeScope: NOTES, expiresAt: 0 }]);
    const doctor = world.services("doctor");
    const file = deterministicBytes(30_000, "scan");
    const resource = buildClinicalNote({ title: "Follow-up", text: "Stable." });
    const added = await addRecord(doctor, { patient: patient.identity.account, category: Category.GeneralNotes, resource, attachments: [attachment(file, "scan.png", "image/png")] }, { chunkSize: 4096 });
    return { patient, doctor, file, added };
  }

  it("newVersionOf, once added, files the edited resource as an amendment that keeps the attachments", async () => {
    const { patient, doctor, file, added } = await doctorNoteWithFile();
    const opened = await openRecord(doctor, patient.identity.account, added.recordId);
    const edited = buildClinicalNote({ title: "Follow-up (corrected)", text: "Stable, no change." });
    const amended = await addRecord(doctor, newVersionOf(opened, edited), { chunkSize: 4096 });
    opened.close();

    const latest = await openRecord(world.services("patient"), patient.identity.account, amended.recordId);
    expect(latest.entry.supersedes).toBe(added.recordId);
    expect(latest.document.resource).toMatchObject({ title: "Follow-up (corrected)" });
    expect(latest.document.attachments).toEqual([{ file: 1, title: "scan.png", contentType: "image/png", size: file.length }]);
    expect(await readAllBytes(latest.openAttachment(1))).toEqual(file);
    const statuses = (await listPatientRecords(patient.connection, patient.identity.account)).map((record) => [record.recordId, record.status]);
    expect(statuses).toEqual([[added.recordId, "superseded"], [amended.recordId, "active"]]);
  });

  it("newVersionOf keeps the patient and category and supersedes the opened version", async () => {
    const { patient, doctor, added } = await doctorNoteWithFile();
    const opened = await openRecord(doctor, patient.identity.account, added.recordId);
    expect(newVersionOf(opened, buildClinicalNote({ title: "t", text: "x" }))).toMatchObject({ patient: patient.identity.account, category: Category.GeneralNotes, supersedes: added.recordId });
  });

  it("newVersionOf added by someone other than the author is refused by the contract", async () => {
    const { patient, added } = await doctorNoteWithFile();
    const opened = await openRecord(patient, patient.identity.account, added.recordId);
    await expect(addRecord(patient, newVersionOf(opened, buildClinicalNote({ title: "Mine now", text: "x" })))).rejects.toThrow(/author/i);
  });

  it("carriedAttachments describes every attachment with its title, type and size", async () => {
    const { patient, doctor, file, added } = await doctorNoteWithFile();
    const opened = await openRecord(doctor, patient.identity.account, added.recordId);
    expect(carriedAttachments(opened).map(({ title, contentType, size }) => ({ title, contentType, size }))).toEqual([{ title: "scan.png", contentType: "image/png", size: file.length }]);
  });
});
