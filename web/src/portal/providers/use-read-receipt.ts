import { useCallback, useState } from "react";

import type { RecordSummary } from "../../core/records/record-list.js";
import { useLedgerTransaction } from "../ui/use-ledger-transaction.js";

/** Thrown into the viewer when the receipt was not recorded: the record then stays closed. */
export class ReadReceiptNotLoggedError extends Error {
  constructor(recordId: bigint) {
    super(`The read receipt for record #${recordId} was not recorded on the ledger, so the record stays closed. See why next to "Read receipt" above, then try again.`);
    this.name = "ReadReceiptNotLoggedError";
  }
}

/**
 * Logs a read receipt (logAccess) before a provider decrypts a record: the patient sees who opened
 * what, and why. The transaction's lifecycle is state, shown by the chart.
 */
export function useReadReceipt(purposeCode: number) {
  const { state, send } = useLedgerTransaction();
  const [recordId, setRecordId] = useState<bigint | undefined>(undefined);

  const logRead = useCallback(
    async (record: Pick<RecordSummary, "patient" | "recordId">): Promise<void> => {
      setRecordId(record.recordId);
      const result = await send("logAccess", [record.patient, record.recordId, purposeCode]);
      if (result === undefined) throw new ReadReceiptNotLoggedError(record.recordId);
    },
    [send, purposeCode],
  );

  return { logRead, state, recordId };
}
