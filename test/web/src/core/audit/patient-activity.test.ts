import { describe, expect, it } from "vitest";

import { positionOf } from "../../../../../web/src/core/audit/chain-order.js";
import { GrantIndex } from "../../../../../web/src/core/audit/grant-periods.js";
import { patientActivity } from "../../../../../web/src/core/audit/patient-activity.js";
import { recordHistory } from "../../../../../web/src/core/records/record-history.js";
import { Category } from "../../../../helpers/fixture.js";
import { digest } from "../access-log/support.js";
import { alice, bob, doctor, hospital, insurer, LogBuilder } from "./support.js";

const { GeneralNotes: NOTES, LabResults: LABS } = Category;

function history() {
  const log = LogBuilder.withParticipants();
  log.grant(alice, doctor, [NOTES, LABS], [NOTES]);
  log.grant(alice, insurer, [LABS]);
  log.grant(bob, doctor, [NOTES], [NOTES]);
  const added = log.add(doctor, alice, 1n, NOTES, { facility: hospital, tag: 0x11 });
  const amended = log.add(doctor, alice, 2n, NOTES, { facility: hospital, supersedes: 1n, tag: 0x12 });
  const ownLab = log.add(alice, alice, 3n, LABS, { tag: 0x13 });
  const retracted = log.retract(alice, alice, 3n, LABS, 2);
  log.add(doctor, bob, 1n, NOTES);
  const readByInsurer = log.read(insurer, alice, 3n, LABS, 2);
  const readByDoctor = log.read(doctor, alice, 2n, NOTES, 0);
  log.read(doctor, bob, 1n, NOTES);
  return { log, added, amended, ownLab, retracted, readByInsurer, readByDoctor };
}

describe("patientActivity", () => {
  it("patientActivity_recordsAddedAmendedRetracted_haveStatusVersionLinksAndTheGrantTheyWereWrittenUnder", () => {
    const { log, added, amended, ownLab, retracted } = history();
    const grants = GrantIndex.of(log.entries);
    const { records } = patientActivity(log.entries, grants, alice);
    const doctorsGrant = grants.periods[0];

    expect(records).toEqual([
      {
        patient: alice, recordId: 1n, author: doctor, facility: hospital, category: NOTES, epoch: 1, contentDigest: digest(0x11), createdAt: added.timestamp,
        status: "superseded", supersededBy: 2n, transactionHash: added.transactionHash, added: positionOf(added),
        writtenUnder: { party: doctor, need: "write", category: NOTES, basis: "grant", period: doctorsGrant },
      },
      {
        patient: alice, recordId: 2n, author: doctor, facility: hospital, category: NOTES, epoch: 1, contentDigest: digest(0x12), createdAt: amended.timestamp,
        status: "active", supersedes: 1n, transactionHash: amended.transactionHash, added: positionOf(amended),
        writtenUnder: { party: doctor, need: "write", category: NOTES, basis: "grant", period: doctorsGrant },
      },
      {
        patient: alice, recordId: 3n, author: alice, category: LABS, epoch: 1, contentDigest: digest(0x13), createdAt: ownLab.timestamp,
        status: "retracted", retractedReason: 2, transactionHash: ownLab.transactionHash, added: positionOf(ownLab),
        writtenUnder: { party: alice, need: "write", category: LABS, basis: "own-data" },
        retraction: { by: alice, reason: 2, at: positionOf(retracted), under: { party: alice, need: "write", category: LABS, basis: "own-data" } },
      },
    ]);
    expect(recordHistory(records, 2n).map((record) => record.recordId)).toEqual([1n, 2n]);
  });

  it("patientActivity_readReceipts_nameReaderPurposeRecordAndGrant", () => {
    const { log, readByInsurer, readByDoctor } = history();
    const grants = GrantIndex.of(log.entries);
    const { reads, records } = patientActivity(log.entries, grants, alice);
    expect(reads).toEqual([
      { reader: insurer, recordId: 3n, category: LABS, purpose: 2, at: positionOf(readByInsurer), record: records[2], underGrant: { party: insurer, need: "read", category: LABS, basis: "grant", period: grants.periods[1] } },
      { reader: doctor, recordId: 2n, category: NOTES, purpose: 0, at: positionOf(readByDoctor), record: records[1], underGrant: { party: doctor, need: "read", category: NOTES, basis: "grant", period: grants.periods[0] } },
    ]);
  });

  it("patientActivity_grants_areThePatientsPeriodsOnly", () => {
    const { log } = history();
    const grants = GrantIndex.of(log.entries);
    expect(patientActivity(log.entries, grants, alice).grants.map((period) => period.id)).toEqual([0, 1]);
    expect(patientActivity(log.entries, grants, bob).grants.map((period) => period.id)).toEqual([2]);
  });

  it("patientActivity_anotherPatientAnyLetterCase_keepsOnlyTheirEntries", () => {
    const { log } = history();
    const activity = patientActivity(log.entries, GrantIndex.of(log.entries), bob.toLowerCase() as typeof bob);
    expect(activity.records.map((record) => [record.patient, record.recordId])).toEqual([[bob, 1n]]);
    expect(activity.reads.map((read) => [read.reader, read.recordId])).toEqual([[doctor, 1n]]);
  });

  it("patientActivity_readOfARecordTheLogDoesNotHold_hasNoRecord", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    log.read(doctor, alice, 7n, NOTES);
    const [read] = patientActivity(log.entries, GrantIndex.of(log.entries), alice).reads;
    expect(read?.record).toBeUndefined();
    expect(read?.underGrant.basis).toBe("grant");
  });
});
