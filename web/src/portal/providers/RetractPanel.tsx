import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

import type { RecordSummary } from "../../core/records/record-list.js";
import { patientRecordsKey } from "../records/use-patient-records.js";
import { useSession } from "../session/session-context.js";
import { TransactionStatus } from "../ui/TransactionStatus.js";
import { useLedgerTransaction } from "../ui/use-ledger-transaction.js";
import { RETRACT_REASONS } from "./own-records.js";

/** Marks an own record as entered in error, with a coded reason, after the provider confirms. */
export function RetractPanel({ record, onClose }: { record: RecordSummary; onClose(): void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const { config } = useSession();
  const { state, send, busy } = useLedgerTransaction();
  const [reason, setReason] = useState(RETRACT_REASONS[0]?.code ?? 0);
  const done = state.stage === "confirmed";
  const recordNumber = `#${record.recordId.toString()}`;

  const retract = async () => {
    const result = await send("retractRecord", [record.patient, record.recordId, reason]);
    if (result === undefined) return;
    await queryClient.invalidateQueries({ queryKey: patientRecordsKey(config.ledgerAddress, record.patient) });
  };

  return (
    <section className="panel notice" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Retract record {recordNumber}?</h2>
      {done ? (
        <p className="notice notice-ok" role="status">
          Record {recordNumber} is marked retracted. It stays in the patient's history, labelled as entered in error.
        </p>
      ) : (
        <>
          <p>
            The record stays in the patient's history, marked as entered in error; it cannot be amended afterwards. Only the reason's code is recorded on the
            ledger.
          </p>
          <label>
            Reason
            <select value={reason} onChange={(event) => setReason(Number(event.target.value))} disabled={busy}>
              {RETRACT_REASONS.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <TransactionStatus state={state} label="Retraction" />
      <p className="form-row">
        {done ? null : (
          <button type="button" className="danger" onClick={() => void retract()} disabled={busy}>
            Retract record {recordNumber}
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose} disabled={busy}>
          {done ? "Close" : "Cancel"}
        </button>
      </p>
    </section>
  );
}
