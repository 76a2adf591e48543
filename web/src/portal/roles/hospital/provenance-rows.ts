/** The hospital's provenance table: records its staff wrote, newest first, with no content at all. */
import { categoryName } from "../../../core/chain/categories.js";
import type { RecordStatusName, RecordSummary } from "../../../core/records/record-list.js";
import type { Address } from "../../../core/ledger-context.js";

export const STATUS_LABELS: Record<RecordStatusName, string> = {
  active: "Active",
  superseded: "Amended",
  retracted: "Retracted",
};

export interface ProvenanceRow {
  key: string;
  patient: Address;
  recordId: bigint;
  category: string;
  author: Address;
  authorName: string;
  createdAt: number;
  status: RecordStatusName;
  statusLabel: string;
  /** The version this record replaces, for amendments. */
  supersedes: bigint | undefined;
}

export function provenanceRows(records: readonly RecordSummary[], nameFor: (address: Address) => string): ProvenanceRow[] {
  return [...records]
    .sort((a, b) => b.createdAt - a.createdAt || (a.recordId === b.recordId ? 0 : a.recordId < b.recordId ? 1 : -1))
    .map((record) => ({
      key: `${record.patient.toLowerCase()}#${record.recordId}`,
      patient: record.patient,
      recordId: record.recordId,
      category: categoryName(record.category),
      author: record.author,
      authorName: nameFor(record.author),
      createdAt: record.createdAt,
      status: record.status,
      statusLabel: STATUS_LABELS[record.status],
      supersedes: record.supersedes,
    }));
}
