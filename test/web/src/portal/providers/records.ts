/** Record summaries for the provider-side view-model tests. */
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import type { RecordSummary } from "../../../../../web/src/core/records/record-list.js";

export const address = (byte: string) => `0x${byte.repeat(20)}` as Address;
export const PATIENT = address("01");

export function summary(recordId: number, category: number, createdAt: number, extra: Partial<RecordSummary> = {}): RecordSummary {
  return {
    patient: PATIENT,
    recordId: BigInt(recordId),
    author: address("0d"),
    category,
    epoch: 1,
    contentDigest: `0x${"00".repeat(32)}`,
    createdAt,
    status: "active",
    transactionHash: `0x${"11".repeat(32)}`,
    ...extra,
  };
}

export const ids = (records: readonly RecordSummary[]) => records.map((record) => Number(record.recordId));
