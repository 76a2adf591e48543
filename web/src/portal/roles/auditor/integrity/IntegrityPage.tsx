import { useMemo, useState } from "react";
import { isAddress } from "viem";

import { checkableRecords } from "../../../../core/audit/integrity-records.js";
import type { IntegrityDepth } from "../../../../core/audit/integrity.js";
import type { Address } from "../../../../core/ledger-context.js";
import { LogSyncStatus } from "../../../log/LogSyncStatus.js";
import { useLedgerLog } from "../../../log/use-ledger-log.js";
import { Field, fieldProps } from "../../../ui/Field.js";
import { EmptyState, Loading } from "../../../ui/Notices.js";
import { useIntegrityRuns } from "./integrity-context.js";
import { isVerdictFilter, recordsWithVerdict, VERDICT_FILTERS, type VerdictFilter } from "./integrity-view.js";
import { IntegrityControls } from "./IntegrityControls.js";
import { RecordsTable } from "./RecordsTable.js";

/** Every record version the chain points at, checked against IPFS one by one or all at once. */
export default function IntegrityPage() {
  const view = useLedgerLog();
  const { log, version, ready } = view;
  const { snapshot } = useIntegrityRuns();
  const [patientText, setPatientText] = useState("");
  const [depth, setDepth] = useState<IntegrityDepth>("full");
  const [shown, setShown] = useState<VerdictFilter>("all");

  const patient = patientText.trim();
  const patientError = patient === "" || isAddress(patient, { strict: false }) ? undefined : "Enter a full address: 0x followed by 40 hexadecimal characters.";
  const records = useMemo(() => {
    if (log === undefined || !ready || patientError !== undefined) return [];
    const entries = log.matching(patient === "" ? {} : { patient: patient as Address });
    return checkableRecords(entries);
    // `version` changes when the log's entries do; the log object itself stays the same.
  }, [log, version, ready, patient, patientError]);
  const listed = useMemo(() => recordsWithVerdict(records, snapshot.verdicts, shown), [records, snapshot.verdicts, snapshot.version, shown]);

  return (
    <>
      <h1>Record integrity</h1>
      <p>
        Is what the chain points at still on IPFS, byte for byte? Every version counts, amended and retracted ones too: each digest
        is its own claim.
      </p>
      <LogSyncStatus view={view} />
      <form className="panel" aria-label="Which records" onSubmit={(event) => event.preventDefault()}>
        <div className="form-row">
          <Field id="integrity-patient" label="Patient address (leave empty for every patient)" error={patientError}>
            <input {...fieldProps("integrity-patient", patientError)} value={patientText} onChange={(event) => setPatientText(event.target.value)} placeholder="0x…" autoComplete="off" spellCheck={false} />
          </Field>
          <label>
            Show
            <select value={shown} onChange={(event) => isVerdictFilter(event.target.value) && setShown(event.target.value)}>
              {(Object.keys(VERDICT_FILTERS) as VerdictFilter[]).map((filter) => (
                <option key={filter} value={filter}>
                  {VERDICT_FILTERS[filter]}
                </option>
              ))}
            </select>
          </label>
        </div>
      </form>
      {log === undefined || !ready ? (
        <Loading what="the records" />
      ) : (
        <>
          <IntegrityControls records={records} depth={depth} setDepth={setDepth} />
          {listed.length === 0 ? (
            <EmptyState title={records.length === 0 ? "No records on the ledger for this choice" : "No record has this verdict"} />
          ) : (
            <RecordsTable records={listed} depth={depth} showPatient caption="Record versions, newest first" />
          )}
        </>
      )}
    </>
  );
}
