import { describe, expect, it } from "vitest";

import type { Hex } from "../../../../../web/src/core/bytes.js";
import type { LedgerTransactionResult } from "../../../../../web/src/core/chain/transactions.js";
import { readLedgerView } from "../../../../../web/src/core/chain/views.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { recordHistory } from "../../../../../web/src/core/records/record-history.js";
import {
  filterRecords,
  listPatientRecords,
  listRecordsByAuthors,
  sortByTrustedFacilities,
  type RecordSummary,
} from "../../../../../web/src/core/records/record-list.js";
import { bit, Category } from "../../../../helpers/fixture.js";
import { useViemWorld, type PersonaName, type ViemWorld } from "../../../../helpers/viemWorld.js";
import { digest, ledgerSteps, spyingConnection } from "../access-log/support.js";

const { GeneralNotes: NOTES, LabResults: LABS } = Category;

/** Each record's adding transaction, by "patient#id". */
const added = new Map<string, LedgerTransactionResult>();

/**
 * patient: #1 notes by the doctor, #2 labs by the lab, #3 amends #1, #4 by the patient, #5 amends #3
 * and is retracted (duplicate), #6 by the independent doctor2. caregiver: #1 notes by the doctor.
 */
const viem = useViemWorld(async (world) => {
  const steps = ledgerSteps(world);
  const remember = (patient: PersonaName, recordId: number, result: LedgerTransactionResult) => added.set(`${patient}#${recordId}`, result);
  await steps.createScopeKey("patient", NOTES);
  await steps.createScopeKey("patient", LABS);
  await steps.createScopeKey("caregiver", NOTES);
  await steps.grant("patient", "doctor", bit(NOTES), bit(NOTES));
  await steps.grant("patient", "lab", bit(LABS), bit(LABS));
  await steps.grant("patient", "doctor2", bit(NOTES), bit(NOTES));
  await steps.grant("caregiver", "doctor", bit(NOTES), bit(NOTES));
  remember("patient", 1, await steps.addRecord("doctor", "patient", NOTES, 1));
  remember("patient", 2, await steps.addRecord("lab", "patient", LABS, 2));
  remember("caregiver", 1, await steps.addRecord("doctor", "caregiver", NOTES, 7));
  remember("patient", 3, await steps.amendRecord("doctor", "patient", 1n, 3));
  remember("patient", 4, await steps.addRecord("patient", "patient", NOTES, 4));
  remember("patient", 5, await steps.amendRecord("doctor", "patient", 3n, 5));
  await steps.retractRecord("doctor", "patient", 5n, 2);
  remember("patient", 6, await steps.addRecord("doctor2", "patient", NOTES, 6));
});

function accountOf(name: PersonaName): Address {
  return viem().personas[name].account;
}

/** What the chain says of record `recordId` of `patient`, its block's time and hash included. */
async function expected(world: ViemWorld, patient: PersonaName, recordId: number, fields: Omit<Partial<RecordSummary>, "author"> & { author: PersonaName; tag: number }): Promise<RecordSummary> {
  const result = added.get(`${patient}#${recordId}`);
  if (result === undefined) throw new Error(`no record ${patient}#${recordId} in the scenario`);
  const block = await world.publicClient.getBlock({ blockNumber: result.receipt.blockNumber });
  const { author, tag, ...rest } = fields;
  return {
    patient: accountOf(patient),
    recordId: BigInt(recordId),
    author: accountOf(author),
    category: NOTES,
    epoch: 1,
    contentDigest: digest(tag),
    createdAt: Number(block.timestamp),
    status: "active",
    transactionHash: result.hash,
    ...rest,
  };
}

function ids(records: readonly RecordSummary[]): string[] {
  const names = new Map<string, string>([[accountOf("patient").toLowerCase(), "patient"], [accountOf("caregiver").toLowerCase(), "caregiver"]]);
  return records.map((record) => `${names.get(record.patient.toLowerCase()) ?? record.patient}#${record.recordId}`);
}

describe("listPatientRecords", () => {
  it("lists every version of the patient's records with provenance, links and status, in the order they were added", async () => {
    const world = viem();
    const hospital = accountOf("hospital");
    const records = await listPatientRecords(world.connection, accountOf("patient"));
    expect(records).toEqual([
      await expected(world, "patient", 1, { author: "doctor", tag: 1, facility: hospital, status: "superseded", supersededBy: 3n }),
      await expected(world, "patient", 2, { author: "lab", tag: 2, facility: hospital, category: LABS }),
      await expected(world, "patient", 3, { author: "doctor", tag: 3, facility: hospital, status: "superseded", supersedes: 1n, supersededBy: 5n }),
      await expected(world, "patient", 4, { author: "patient", tag: 4 }),
      await expected(world, "patient", 5, { author: "doctor", tag: 5, facility: hospital, status: "retracted", supersedes: 3n, retractedReason: 2 }),
      await expected(world, "patient", 6, { author: "doctor2", tag: 6 }),
    ]);
    expect(records.map((record) => Object.hasOwn(record, "facility"))).toEqual([true, true, true, false, true, false]);
  });

  it("gives each record the status the contract's record view holds", async () => {
    const { connection } = viem();
    const patient = accountOf("patient");
    const statusNames = ["none", "active", "superseded", "retracted"];
    const records = await listPatientRecords(connection, patient);
    const onChain = await Promise.all(records.map((record) => readLedgerView(connection, "record", [patient, record.recordId])));
    expect(records.map((record) => record.status)).toEqual(onChain.map((record) => statusNames[record.status]));
  });

  it("returns nothing for a patient without records and leaves out other patients' records", async () => {
    const { connection } = viem();
    expect(await listPatientRecords(connection, accountOf("stranger"))).toEqual([]);
    expect(ids(await listPatientRecords(connection, accountOf("caregiver")))).toEqual(["caregiver#1"]);
  });
});

describe("listRecordsByAuthors", () => {
  it("lists the records the authors wrote across patients, in the order they were added, with their status", async () => {
    const { connection } = viem();
    const records = await listRecordsByAuthors(connection, [accountOf("doctor"), accountOf("lab")]);
    expect(ids(records)).toEqual(["patient#1", "patient#2", "caregiver#1", "patient#3", "patient#5"]);
    expect(records.map((record) => record.status)).toEqual(["superseded", "active", "active", "superseded", "retracted"]);
    expect(records.map((record) => record.facility)).toEqual(Array(5).fill(accountOf("hospital")));
  });

  it("asks the node for the authors' records by the indexed author topic, not every record", async () => {
    const { connection, requests } = spyingConnection(viem());
    await listRecordsByAuthors(connection, [accountOf("lab")]);
    const filters = requests.filter((request) => request.method === "eth_getLogs").map((request) => (request.params as [{ topics: (Hex | Hex[] | null)[] }])[0].topics);
    const labTopic = `0x${"00".repeat(12)}${accountOf("lab").slice(2).toLowerCase()}`;
    expect(filters).toHaveLength(2);
    for (const topics of filters) expect(topics[3]?.toString().toLowerCase()).toBe(labTopic);
  });

  it("returns nothing for no authors without asking the node", async () => {
    const { connection, requests } = spyingConnection(viem());
    expect(await listRecordsByAuthors(connection, [])).toEqual([]);
    expect(requests).toEqual([]);
  });
});

describe("recordHistory on listed records", () => {
  it("rebuilds the amend chain from any of its versions", async () => {
    const records = await listPatientRecords(viem().connection, accountOf("patient"));
    for (const recordId of [1n, 3n, 5n]) {
      expect(recordHistory(records, recordId).map((record) => record.recordId)).toEqual([1n, 3n, 5n]);
    }
  });
});

describe("filterRecords", () => {
  it("keeps the records matching every criterion given", async () => {
    const records = await listPatientRecords(viem().connection, accountOf("patient"));
    expect(ids(filterRecords(records, {}))).toEqual(ids(records));
    expect(ids(filterRecords(records, { categories: [LABS] }))).toEqual(["patient#2"]);
    expect(ids(filterRecords(records, { facilities: [accountOf("hospital")] }))).toEqual(["patient#1", "patient#2", "patient#3", "patient#5"]);
    expect(ids(filterRecords(records, { authors: [accountOf("doctor2"), accountOf("patient")] }))).toEqual(["patient#4", "patient#6"]);
    expect(ids(filterRecords(records, { status: "active" }))).toEqual(["patient#2", "patient#4", "patient#6"]);
    expect(ids(filterRecords(records, { status: ["superseded", "retracted"] }))).toEqual(["patient#1", "patient#3", "patient#5"]);
    expect(ids(filterRecords(records, { categories: [NOTES], status: "active" }))).toEqual(["patient#4", "patient#6"]);
  });

  it("compares facilities and authors whatever their letter case", async () => {
    const records = await listPatientRecords(viem().connection, accountOf("patient"));
    const lowerCase = accountOf("lab").toLowerCase() as Address;
    expect(ids(filterRecords(records, { authors: [lowerCase] }))).toEqual(["patient#2"]);
    expect(filterRecords(records, { facilities: [] })).toEqual([]);
  });
});

describe("sortByTrustedFacilities", () => {
  const trusted = "0x00000000000000000000000000000000000000aa" as Address;
  const other = "0x00000000000000000000000000000000000000bb" as Address;
  const summary = (recordId: bigint, createdAt: number, facility?: Address): RecordSummary => ({
    patient: "0x00000000000000000000000000000000000000cc",
    recordId,
    author: "0x00000000000000000000000000000000000000dd",
    category: NOTES,
    epoch: 1,
    contentDigest: digest(Number(recordId)),
    createdAt,
    status: "active",
    transactionHash: digest(0xf0 + Number(recordId)),
    ...(facility === undefined ? {} : { facility }),
  });

  it("puts records from trusted facilities first, newest first within each part", () => {
    const records = [summary(1n, 100, trusted), summary(2n, 300, other), summary(3n, 200, trusted), summary(4n, 400), summary(5n, 50, other)];
    const sorted = sortByTrustedFacilities(records, [trusted.toUpperCase().replace("0X", "0x") as Address]);
    expect(sorted.map((record) => record.recordId)).toEqual([3n, 1n, 4n, 2n, 5n]);
    expect(records.map((record) => record.recordId)).toEqual([1n, 2n, 3n, 4n, 5n]);
  });

  it("orders records of the same second by the later record first", () => {
    const sorted = sortByTrustedFacilities([summary(1n, 100), summary(2n, 100), summary(3n, 100, trusted)], [trusted]);
    expect(sorted.map((record) => record.recordId)).toEqual([3n, 2n, 1n]);
  });

  it("with no trusted facility, orders newest first", () => {
    const sorted = sortByTrustedFacilities([summary(1n, 100, trusted), summary(2n, 300, other), summary(3n, 200)], []);
    expect(sorted.map((record) => record.recordId)).toEqual([2n, 3n, 1n]);
  });
});
