import { describe, expect, it } from "vitest";

import type { AccessLogEntry } from "../../../../../web/src/core/access-log/entry.js";
import { readAccessLog } from "../../../../../web/src/core/access-log/entries.js";
import { checkIntegrityInBulk } from "../../../../../web/src/core/audit/integrity-bulk.js";
import { checkableRecords } from "../../../../../web/src/core/audit/integrity-records.js";
import type { Hex } from "../../../../../web/src/core/bytes.js";
import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import { createIpfsStore } from "../../../../../web/src/core/ipfs/store.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { addRecord } from "../../../../../web/src/core/records/add-record.js";
import { Category } from "../../../../helpers/fixture.js";
import { attachment, observation, useRecordWorld } from "../../../../helpers/recordWorld.js";
import { kuboDeterministicBytes as deterministicBytes } from "../../../../scripts/ipfs-node/support.js";

const ALICE: Address = "0x00000000000000000000000000000000000a11ce";
const BOB: Address = "0x0000000000000000000000000000000000000b0b";
const DOCTOR: Address = "0x00000000000000000000000000000000000d0c00";
const digest = (n: number): Hex => `0x${n.toString(16).padStart(64, "0")}`;

let position = 0;
/** The fields every entry has, at the next position in the log. */
function at(): Pick<AccessLogEntry, "blockNumber" | "logIndex" | "transactionHash" | "timestamp"> {
  position++;
  return { blockNumber: BigInt(position), logIndex: 0, transactionHash: digest(1000 + position), timestamp: 1_700_000_000 + position };
}

describe("checkableRecords", () => {
  it("checkableRecords_addedAmendedRetracted_everyVersionInLogOrderWithWhatHappenedToIt", () => {
    const entries: AccessLogEntry[] = [
      { ...at(), action: "record-added", actor: DOCTOR, patient: ALICE, recordId: 1n, categories: [Category.GeneralNotes], epoch: 1, contentDigest: digest(1) },
      { ...at(), action: "record-read", actor: DOCTOR, patient: ALICE, recordId: 1n, categories: [Category.GeneralNotes], purpose: 1 },
      // Bob's record #1 is another record than Alice's #1: ids count per patient.
      { ...at(), action: "record-added", actor: BOB, patient: BOB, recordId: 1n, categories: [Category.PatientReported], epoch: 1, contentDigest: digest(2) },
      { ...at(), action: "record-amended", actor: DOCTOR, patient: ALICE, recordId: 2n, categories: [Category.GeneralNotes], epoch: 1, contentDigest: digest(3), supersedes: 1n },
      { ...at(), action: "record-retracted", actor: DOCTOR, patient: ALICE, recordId: 2n, categories: [Category.GeneralNotes], reason: 2 },
    ];

    expect(checkableRecords(entries)).toEqual([
      { patient: ALICE, recordId: 1n, contentDigest: digest(1), author: DOCTOR, category: Category.GeneralNotes, supersededBy: 2n, retracted: false, addedAt: 1_700_000_001, transactionHash: digest(1001) },
      { patient: BOB, recordId: 1n, contentDigest: digest(2), author: BOB, category: Category.PatientReported, retracted: false, addedAt: 1_700_000_003, transactionHash: digest(1003) },
      { patient: ALICE, recordId: 2n, contentDigest: digest(3), author: DOCTOR, category: Category.GeneralNotes, supersedes: 1n, retracted: true, retractedReason: 2, addedAt: 1_700_000_004, transactionHash: digest(1004) },
    ]);
  });

  it("checkableRecords_noRecordEntries_empty", () => {
    expect(checkableRecords([{ ...at(), action: "paused", actor: DOCTOR }])).toEqual([]);
  });
});

describe("the integrity check of records added through the core", () => {
  const world = useRecordWorld();

  it("checkIntegrityInBulk_recordsFromTheAccessLog_everyVersionVerifiedRetractedOneMarked", async () => {
    const patient = world.services("patient");
    const account = patient.identity.account;
    const scan = attachment(deterministicBytes(3 * 32_768 + 100, "scan"));
    const first = await addRecord(patient, { patient: account, category: Category.PatientReported, resource: observation("first"), attachments: [scan] }, { chunkSize: 4096 });
    const amended = await addRecord(patient, { patient: account, category: Category.PatientReported, resource: observation("amended"), supersedes: first.recordId }, { chunkSize: 4096 });
    const other = await addRecord(patient, { patient: account, category: Category.PatientReported, resource: observation("withdrawn") }, { chunkSize: 4096 });
    await sendLedgerTransaction(patient.connection, "retractRecord", [account, other.recordId, 1]);

    const records = checkableRecords(await readAccessLog(world.viem().connection));
    const results = await checkIntegrityInBulk(createIpfsStore({ apiUrl: world.ipfs.node.apiUrl }), records, { depth: "full" });

    expect(results.map(({ record, status }) => [record.recordId, record.contentDigest, status, record.supersededBy, record.retracted])).toEqual([
      [first.recordId, first.contentDigest, "verified", amended.recordId, false],
      [amended.recordId, amended.contentDigest, "verified", undefined, false],
      [other.recordId, other.contentDigest, "verified", undefined, true],
    ]);
    // The scan is 3 upload parts of 8 chunks and a fourth for the last 100 bytes.
    expect(results.map((result) => [result.listed?.files, result.listed?.parts])).toEqual([[2, 5], [1, 1], [1, 1]]);
    expect(results.map((result) => [result.checked.files, result.checked.parts])).toEqual([[2, 5], [1, 1], [1, 1]]);
  });
});
