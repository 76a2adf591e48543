import { useQuery } from "@tanstack/react-query";

import { listRecordsByAuthors } from "../../../core/records/record-list.js";
import { staffOf } from "../../registration/participant-rows.js";
import { useParticipantList } from "../../registration/use-participants.js";
import { useParticipantNames } from "../../registration/use-names.js";
import { useSession } from "../../session/session-context.js";
import { formatDateTime, shortAddress } from "../../ui/format.js";
import { EmptyState, ErrorNotice, Loading } from "../../ui/Notices.js";
import { provenanceRows } from "./provenance-rows.js";

export default function ProvenancePage() {
  const { account, readConnection } = useSession();
  const list = useParticipantList();
  const { displayName, isLoading: namesLoading } = useParticipantNames();
  // The hospital writes records too; its own belong with its staff's.
  const authors = account === undefined || list.participants === undefined ? undefined : [account, ...staffOf(list.participants, account).map((member) => member.account)];
  const records = useQuery({
    queryKey: ["provenance", account, authors],
    queryFn: () => listRecordsByAuthors(readConnection, authors ?? []),
    enabled: authors !== undefined,
  });

  return (
    <>
      <h1>Provenance</h1>
      <p>
        Every record your hospital, its doctors and its laboratories added to a patient's file, newest first. Only the ledger's
        entries are shown: record contents stay encrypted for the patients and the people they chose.
      </p>
      {list.error !== null ? (
        <ErrorNotice error={list.error} what="your staff" retry={list.retry} />
      ) : records.isError ? (
        <ErrorNotice error={records.error} what="your records" retry={() => void records.refetch()} />
      ) : records.data === undefined || namesLoading ? (
        <Loading what="your records" />
      ) : records.data.length === 0 ? (
        <EmptyState title="No records yet">
          <p>Records appear here once your doctors or laboratories add one to a patient's file.</p>
          <button type="button" className="secondary" onClick={() => void records.refetch()} disabled={records.isFetching}>
            {records.isFetching ? "Checking…" : "Check again"}
          </button>
        </EmptyState>
      ) : (
        <>
          <button type="button" className="secondary" onClick={() => void records.refetch()} disabled={records.isFetching}>
            {records.isFetching ? "Refreshing…" : "Refresh"}
          </button>
          <div className="table-scroll">
            <table>
              <caption className="muted">{records.data.length === 1 ? "1 record" : `${records.data.length} records`}</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Patient</th>
                  <th scope="col">Record</th>
                  <th scope="col">Category</th>
                  <th scope="col">Author</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {provenanceRows(records.data, displayName).map((row) => (
                  <tr key={row.key}>
                    <td>{formatDateTime(row.createdAt)}</td>
                    <td>
                      <code title={row.patient}>{shortAddress(row.patient)}</code>
                    </td>
                    <td>
                      #{row.recordId.toString()}
                      {row.supersedes === undefined ? null : <span className="muted"> (amends #{row.supersedes.toString()})</span>}
                    </td>
                    <td>{row.category}</td>
                    <td title={row.author}>{row.authorName}</td>
                    <td className={row.status === "active" ? "status-active" : row.status === "retracted" ? "status-bad" : "status-warn"}>{row.statusLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
