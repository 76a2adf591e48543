/**
 * One patient's page of the audit console, from the access log alone: the grants over time, every
 * record version with its author, facility and digest, and every read receipt, each with the grant
 * it happened under.
 */
import type { AccessLogEntry, RecordAddedEntry, RecordAmendedEntry, RecordReadEntry, RecordRetractedEntry } from "../access-log/entry.js";
import type { Address } from "../ledger-context.js";
import type { RecordSummary } from "../records/record-list.js";
import { positionOf, type EntryPosition } from "./chain-order.js";
import type { GrantIndex, GrantPeriod } from "./grant-periods.js";
import { underGrant, type UnderGrant } from "./under-grant.js";

export interface RecordRetraction {
  by: Address;
  /** Codes.sol retraction reason. */
  reason: number;
  at: EntryPosition;
  under: UnderGrant;
}

/** A record version as the records module lists it (so recordHistory walks its versions), with its audit trail. */
export interface AuditedRecord extends RecordSummary {
  added: EntryPosition;
  writtenUnder: UnderGrant;
  retraction?: RecordRetraction;
}

export interface ReadReceipt {
  reader: Address;
  recordId: bigint;
  category: number;
  /** Codes.sol purpose of use. */
  purpose: number;
  at: EntryPosition;
  /** The version read; undefined when the log lacks its RecordAdded (a log that starts late). */
  record?: AuditedRecord;
  underGrant: UnderGrant;
}

export interface PatientActivity {
  patient: Address;
  /** Every grant the patient gave, oldest first; grantEnd tells how each ended. */
  grants: readonly GrantPeriod[];
  /** Every record version, in the order added. */
  records: AuditedRecord[];
  /** Every read receipt, oldest first. */
  reads: ReadReceipt[];
}

function auditedRecord(entry: RecordAddedEntry | RecordAmendedEntry, writtenUnder: UnderGrant): AuditedRecord {
  return {
    patient: entry.patient,
    recordId: entry.recordId,
    author: entry.actor,
    ...(entry.facility === undefined ? {} : { facility: entry.facility }),
    category: entry.categories[0] as number,
    epoch: entry.epoch,
    contentDigest: entry.contentDigest,
    createdAt: entry.timestamp,
    status: "active",
    ...(entry.action === "record-amended" ? { supersedes: entry.supersedes } : {}),
    transactionHash: entry.transactionHash,
    added: positionOf(entry),
    writtenUnder,
  };
}

/**
 * `patient`'s activity in `entries` (chain order; other patients' entries are skipped), judged
 * against `grants` built over the same log.
 */
export function patientActivity(entries: readonly AccessLogEntry[], grants: GrantIndex, patient: Address): PatientActivity {
  const wanted = patient.toLowerCase();
  const records = new Map<bigint, AuditedRecord>();
  const reads: ReadReceipt[] = [];
  const under = (entry: AccessLogEntry) => underGrant(grants, entry) as UnderGrant;

  const add = (entry: RecordAddedEntry | RecordAmendedEntry) => {
    records.set(entry.recordId, auditedRecord(entry, under(entry)));
    if (entry.action !== "record-amended") return;
    const previous = records.get(entry.supersedes);
    if (previous === undefined) return;
    previous.status = "superseded";
    previous.supersededBy = entry.recordId;
  };
  const retract = (entry: RecordRetractedEntry) => {
    const record = records.get(entry.recordId);
    if (record === undefined) return;
    record.status = "retracted";
    record.retractedReason = entry.reason;
    record.retraction = { by: entry.actor, reason: entry.reason, at: positionOf(entry), under: under(entry) };
  };
  const read = (entry: RecordReadEntry) => {
    const record = records.get(entry.recordId);
    reads.push({
      reader: entry.actor,
      recordId: entry.recordId,
      category: entry.categories[0] as number,
      purpose: entry.purpose,
      at: positionOf(entry),
      ...(record === undefined ? {} : { record }),
      underGrant: under(entry),
    });
  };

  for (const entry of entries) {
    if (entry.patient === undefined || entry.patient.toLowerCase() !== wanted) continue;
    if (entry.action === "record-added" || entry.action === "record-amended") add(entry);
    else if (entry.action === "record-retracted") retract(entry);
    else if (entry.action === "record-read") read(entry);
  }
  return { patient, grants: grants.periodsOfPatient(patient), records: [...records.values()], reads };
}
