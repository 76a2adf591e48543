import { useMemo, useState } from "react";
import { Link } from "react-router";

import { LogSyncStatus } from "../../../log/LogSyncStatus.js";
import { useChainTime } from "../../../log/use-chain-time.js";
import { useLedgerLog } from "../../../log/use-ledger-log.js";
import { formatDateTime, shortAddress } from "../../../ui/format.js";
import { EmptyState, Loading } from "../../../ui/Notices.js";
import { Pager } from "../Pager.js";
import { pageOf } from "../paging.js";
import { useGrantIndex } from "../use-grant-index.js";
import { patientSummaries, searchPatients } from "./patient-list.js";

/** Every patient on the ledger, to open one: grants, records and read receipts per patient. */
export default function PatientsPage() {
  const view = useLedgerLog();
  const { log, version, ready } = view;
  const grants = useGrantIndex(log, version);
  const now = useChainTime();
  const [search, setSearch] = useState("");
  const [pageIndex, setPageIndex] = useState(0);

  const patients = useMemo(
    () => (log === undefined || grants === undefined || now === undefined ? undefined : patientSummaries(log.entries, grants, now)),
    // `version` changes when the log's entries do; the log object itself stays the same.
    [log, version, grants, now],
  );
  const found = useMemo(() => (patients === undefined ? [] : searchPatients(patients, search).reverse()), [patients, search]);
  const page = pageOf(found, pageIndex);

  return (
    <>
      <h1>Patients</h1>
      <p>Open a patient to see who could read what and when, every record with its integrity, and every read receipt. Patients appear by account address only: the ledger holds no names.</p>
      <LogSyncStatus view={view} />
      <label>
        Find a patient by address
        <input
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPageIndex(0);
          }}
          placeholder="0x…"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      {patients === undefined || !ready ? (
        <Loading what="the patients" />
      ) : found.length === 0 ? (
        <EmptyState title={patients.length === 0 ? "No patient has signed up yet" : "No patient's address contains this"} />
      ) : (
        <>
          <div className="table-scroll">
            <table>
              <caption className="muted">
                {found.length.toLocaleString()} {found.length === 1 ? "patient" : "patients"}, newest sign-up first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Patient</th>
                  <th scope="col">Signed up</th>
                  <th scope="col">Records</th>
                  <th scope="col">Opened by others</th>
                  <th scope="col">Grants in force</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((summary) => (
                  <tr key={summary.patient}>
                    <td>
                      <Link to={`/auditor/patients/${summary.patient}`} title={summary.patient}>
                        <code>{shortAddress(summary.patient)}</code>
                      </Link>
                    </td>
                    <td>{formatDateTime(summary.signedUpAt)}</td>
                    <td>{summary.records.toLocaleString()}</td>
                    <td>{summary.readsByOthers.toLocaleString()}</td>
                    <td>{summary.standingGrants.toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} label="Patient pages" onPage={setPageIndex} />
        </>
      )}
    </>
  );
}
