import type { AccessLogEntry, RecordAddedEntry, RecordAmendedEntry } from "../access-log/entry.js";
import type { Hex } from "../bytes.js";
import type { Address } from "../ledger-context.js";
import type { RecordClaim } from "./integrity.js";
import { recordKey } from "../records/record-key.js";

/** One version of a record, as the log shows it: its digest is a claim the integrity check tests. */
export interface CheckableRecord extends RecordClaim {
  author: Address;
  category: number;
  /** The version this one amends. */
  supersedes?: bigint;
  /** The version that amends this one; the digest of a superseded version is still its own claim. */
  supersededBy?: bigint;
  /** A retraction withdraws the record but does not delete its claim, so it is still checked. */
  retracted: boolean;
  /** Codes.sol retraction reason, when retracted. */
  retractedReason?: number;
  /** Unix seconds of the block that added this version. */
  addedAt: number;
  transactionHash: Hex;
}

/**
 * Every version of every record in `entries` (record-added and record-amended entries), in log
 * order, with what later entries say about it: amended, retracted. Entries for other actions only
 * contribute retractions and amendments; pass the whole log or one patient's part of it.
 */
export function checkableRecords(entries: readonly AccessLogEntry[]): CheckableRecord[] {
  const retractions = new Map<string, number>();
  const successors = new Map<string, bigint>();
  const versions: Array<RecordAddedEntry | RecordAmendedEntry> = [];
  for (const entry of entries) {
    if (entry.action === "record-retracted") retractions.set(recordKey(entry.patient, entry.recordId), entry.reason);
    if (entry.action === "record-amended") successors.set(recordKey(entry.patient, entry.supersedes), entry.recordId);
    if (entry.action === "record-added" || entry.action === "record-amended") versions.push(entry);
  }
  return versions.map((entry) => {
    const key = recordKey(entry.patient, entry.recordId);
    const retractedReason = retractions.get(key);
    const supersededBy = successors.get(key);
    const record: CheckableRecord = {
      patient: entry.patient,
      recordId: entry.recordId,
      contentDigest: entry.contentDigest,
      author: entry.actor,
      category: entry.categories[0] as number,
      retracted: retractedReason !== undefined,
      addedAt: entry.timestamp,
      transactionHash: entry.transactionHash,
    };
    if (entry.action === "record-amended") record.supersedes = entry.supersedes;
    if (supersededBy !== undefined) record.supersededBy = supersededBy;
    if (retractedReason !== undefined) record.retractedReason = retractedReason;
    return record;
  });
}
