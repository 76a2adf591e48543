/**
 * Records as lists people browse: a patient's timeline, a hospital's provenance view. Everything
 * comes from RecordAdded and RecordRetracted events read up to one block, so a record's status
 * and its version links always agree with each other (a record is superseded exactly when an
 * amendment names it, retracted exactly when a retraction does; the contract allows no other path).
 */
import { zeroAddress } from "viem";

import type { Hex } from "../bytes.js";
import { readBlockTimestamps } from "../chain/block-facts.js";
import { sameAddress } from "../chain/address.js";
import type { LedgerConnection } from "../chain/connection.js";
import { latestBlockNumber, readLedgerEvents, type LedgerEvent } from "../chain/events.js";
import type { Address } from "../ledger-context.js";
import { recordKey } from "./record-key.js";

export type RecordStatusName = "active" | "superseded" | "retracted";

export interface RecordSummary {
  patient: Address;
  recordId: bigint;
  author: Address;
  /** The author's hospital when it wrote the record; undefined for patients and unaffiliated authors. */
  facility?: Address;
  category: number;
  epoch: number;
  contentDigest: Hex;
  /** Unix seconds of the block that added the record. */
  createdAt: number;
  status: RecordStatusName;
  /** The version this one amends. */
  supersedes?: bigint;
  /** The version that amends this one. */
  supersededBy?: bigint;
  /** Codes.sol retraction reason, when retracted. */
  retractedReason?: number;
  transactionHash: Hex;
}

export interface RecordFilter {
  categories?: readonly number[];
  facilities?: readonly Address[];
  authors?: readonly Address[];
  status?: RecordStatusName | readonly RecordStatusName[];
}

/** Every record of `patient`, every version included, in the order they were added. */
export async function listPatientRecords(connection: LedgerConnection, patient: Address): Promise<RecordSummary[]> {
  const toBlock = await latestBlockNumber(connection);
  const [added, retracted] = await Promise.all([
    readLedgerEvents(connection, "RecordAdded", { patient }, { toBlock }),
    readLedgerEvents(connection, "RecordRetracted", { patient }, { toBlock }),
  ]);
  return summarize(connection, added, retracted);
}

/**
 * Every record that one of `authors` wrote, across patients, in the order they were added. Only the
 * author may amend or retract a record, so the authors' own events hold every status change.
 */
export async function listRecordsByAuthors(connection: LedgerConnection, authors: readonly Address[]): Promise<RecordSummary[]> {
  if (authors.length === 0) return [];
  const toBlock = await latestBlockNumber(connection);
  const [added, retracted] = await Promise.all([
    readLedgerEvents(connection, "RecordAdded", { author: [...authors] }, { toBlock }),
    readLedgerEvents(connection, "RecordRetracted", { retractedBy: [...authors] }, { toBlock }),
  ]);
  return summarize(connection, added, retracted);
}

async function summarize(
  connection: LedgerConnection,
  added: LedgerEvent<"RecordAdded">[],
  retracted: LedgerEvent<"RecordRetracted">[],
): Promise<RecordSummary[]> {
  const timestamps = await readBlockTimestamps(connection, added.map((event) => event.blockNumber));
  const retractedReasons = new Map(retracted.map((event) => [recordKey(event.args.patient, event.args.recordId), event.args.reasonCode]));
  const successors = new Map<string, bigint>();
  for (const { args } of added) {
    if (args.supersedes !== 0n) successors.set(recordKey(args.patient, args.supersedes), args.recordId);
  }
  return added.map((event) => {
    const { patient, recordId, author, category, epoch, contentDigest, facility, supersedes } = event.args;
    const key = recordKey(patient, recordId);
    const retractedReason = retractedReasons.get(key);
    const supersededBy = successors.get(key);
    const status: RecordStatusName = retractedReason !== undefined ? "retracted" : supersededBy !== undefined ? "superseded" : "active";
    const summary: RecordSummary = {
      patient,
      recordId,
      author,
      category,
      epoch,
      contentDigest,
      createdAt: timestamps.get(event.blockNumber) as number,
      status,
      transactionHash: event.transactionHash,
    };
    if (!sameAddress(facility, zeroAddress)) summary.facility = facility;
    if (supersedes !== 0n) summary.supersedes = supersedes;
    if (supersededBy !== undefined) summary.supersededBy = supersededBy;
    if (retractedReason !== undefined) summary.retractedReason = retractedReason;
    return summary;
  });
}

function includesAddress(addresses: readonly Address[], address: Address | undefined): boolean {
  return address !== undefined && addresses.some((candidate) => sameAddress(candidate, address));
}

/** The records matching every criterion given; a criterion left out matches everything. */
export function filterRecords(records: readonly RecordSummary[], filter: RecordFilter): RecordSummary[] {
  const { categories, facilities, authors, status } = filter;
  const statuses: readonly RecordStatusName[] | undefined = typeof status === "string" ? [status] : status;
  return records.filter((record) =>
    (categories === undefined || categories.includes(record.category)) &&
    (facilities === undefined || includesAddress(facilities, record.facility)) &&
    (authors === undefined || includesAddress(authors, record.author)) &&
    (statuses === undefined || statuses.includes(record.status)));
}

/** Records from `trusted` facilities first, then everything else; newest first within each. */
export function sortByTrustedFacilities(records: readonly RecordSummary[], trusted: readonly Address[]): RecordSummary[] {
  const rank = (record: RecordSummary) => (includesAddress(trusted, record.facility) ? 0 : 1);
  return [...records].sort((a, b) =>
    rank(a) - rank(b) ||
    b.createdAt - a.createdAt ||
    (a.recordId === b.recordId ? 0 : a.recordId < b.recordId ? 1 : -1));
}
