import { useContext, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";

import { describeAccessLogEntry } from "../../../core/access-log/describe.js";
import type { AccessLogEntry } from "../../../core/access-log/entry.js";
import { underGrant } from "../../../core/audit/under-grant.js";
import { DirectorySourceContext } from "../../directory/directory-source.js";
import { LogSyncStatus } from "../../log/LogSyncStatus.js";
import { useLedgerLog } from "../../log/use-ledger-log.js";
import { useParticipantNames } from "../../registration/use-names.js";
import { formatDate, formatDateTime, shortAddress } from "../../ui/format.js";
import { EmptyState, Loading } from "../../ui/Notices.js";
import { ExportPanel } from "./ExportPanel.js";
import { underGrantText, type UnderGrantText } from "./grant-words.js";
import { EMPTY_LOG_FILTER_FIELDS, fieldsFromSearch, hasFilters, logFilterOf, type LogFilterField, type LogFilterFields } from "./log-filter-fields.js";
import { LogFilters } from "./LogFilters.js";
import { Pager } from "./Pager.js";
import { pageFrom } from "./paging.js";
import { useGrantIndex } from "./use-grant-index.js";
import { capitalized } from "../../ui/words.js";

const shortHash = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-6)}`;

export default function AccessLogPage() {
  const view = useLedgerLog();
  const { log, version } = view;
  const { nameOf, displayName, isLoading: namesLoading } = useParticipantNames();
  const [searchParams] = useSearchParams();
  // Other auditor pages link here with ?patient=, ?record= or ?actor=: the log opens narrowed to them.
  const [fields, setFields] = useState<LogFilterFields>(() => fieldsFromSearch(searchParams));
  const [pageIndex, setPageIndex] = useState(0);
  const grants = useGrantIndex(log, version);
  // The participants the area already rebuilt from the synced log for the directory.
  const directorySource = useContext(DirectorySourceContext);
  const participants = useMemo(() => (directorySource?.participants ?? []).map((participant) => participant.account), [directorySource]);

  const result = useMemo(() => logFilterOf(fields), [fields]);
  const page = useMemo(
    () => (log === undefined || !result.ok ? undefined : pageFrom((offset, limit) => {
      const { entries, total } = log.query({ ...result.filter, offset, limit });
      return { rows: entries, total };
    }, pageIndex)),
    // `version` changes when the log's entries do; the log object itself stays the same.
    [log, version, result, pageIndex],
  );

  const update = (field: LogFilterField, value: string) => {
    setFields((previous) => ({ ...previous, [field]: value }));
    setPageIndex(0);
  };
  const clear = () => {
    setFields(EMPTY_LOG_FILTER_FIELDS);
    setPageIndex(0);
  };

  return (
    <>
      <h1>Access log</h1>
      <p>
        Everything that happened on the ledger, newest first: registrations, grants and revocations, records written and
        opened, key changes and administration. It shows who did what and when — never what a record says.
      </p>
      <LogSyncStatus view={view} />
      <LogFilters fields={fields} participants={participants} errors={result.ok ? {} : result.errors} update={update} reset={clear} />
      {/* Names first: sentences that change under the reader from addresses to names would mislead. */}
      {log === undefined || !view.ready || namesLoading ? (
        <Loading what="the access log" />
      ) : !result.ok ? (
        <p className="notice notice-error">Correct the highlighted filter to see the log.</p>
      ) : page === undefined || page.total === 0 ? (
        <EmptyState title={hasFilters(fields) ? "No entry matches these filters" : "The ledger has no activity yet"}>
          {hasFilters(fields) ? (
            <button type="button" className="secondary" onClick={clear}>
              Clear filters
            </button>
          ) : (
            <p>Entries appear here as soon as participants are registered.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <p className="muted">
            Showing {page.first.toLocaleString()}–{page.last.toLocaleString()} of {page.total.toLocaleString()} entries.
          </p>
          <div className="table-scroll">
            <table>
              <caption className="muted">Access log entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Patient</th>
                  <th scope="col">Record</th>
                  <th scope="col">Under grant</th>
                  <th scope="col">Transaction</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((entry) => (
                  <LogRow
                    key={`${entry.transactionHash}:${entry.logIndex}`}
                    entry={entry}
                    actorName={capitalized(displayName(entry.actor))}
                    sentence={describeAccessLogEntry(entry, nameOf, formatDate)}
                    grant={grants === undefined ? undefined : underGrantText(underGrant(grants, entry), formatDate)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} label="Access log pages" onPage={setPageIndex} />
          <ExportPanel log={log} filter={result.filter} total={page.total} nameOf={nameOf} grants={grants} />
        </>
      )}
    </>
  );
}

function LogRow({ entry, actorName, sentence, grant }: { entry: AccessLogEntry; actorName: string; sentence: string; grant: UnderGrantText | undefined }) {
  return (
    <tr>
      <td>{formatDateTime(entry.timestamp)}</td>
      <td title={entry.actor}>{actorName}</td>
      {/* On a phone the table scrolls sideways rather than squeezing the sentence into a column of words. */}
      <td className="sentence-cell">{sentence}</td>
      <td>
        {entry.patient === undefined ? "—" : (
          <Link to={`/auditor/patients/${entry.patient}`} title={`${entry.patient}: everything about this patient`}>
            <code>{shortAddress(entry.patient)}</code>
          </Link>
        )}
      </td>
      <td>{entry.recordId === undefined ? "—" : `#${entry.recordId}`}</td>
      <td className={grant?.flagged === true ? "status-bad" : undefined}>{grant === undefined ? "—" : grant.flagged ? <strong>{grant.text}</strong> : grant.text}</td>
      <td>
        <code title={entry.transactionHash}>{shortHash(entry.transactionHash)}</code>
      </td>
    </tr>
  );
}
