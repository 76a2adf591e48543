import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";

import { describeAccessLogEntry } from "../../../core/access-log/describe.js";
import type { AccessLogEntry } from "../../../core/access-log/entry.js";
import { readAccessLog } from "../../../core/access-log/entries.js";
import { ACTION_GROUPS, filterAccessLog, type ActionGroupName } from "../../../core/access-log/filter.js";
import { Field, fieldProps } from "../../ui/Field.js";
import { useParticipantList } from "../../registration/use-participants.js";
import { useParticipantNames } from "../../registration/use-names.js";
import { useSession } from "../../session/session-context.js";
import { formatDate, formatDateTime, shortAddress } from "../../ui/format.js";
import { EmptyState, ErrorNotice, Loading } from "../../ui/Notices.js";
import { ANY_ACTOR, EMPTY_LOG_FILTER_FIELDS, hasFilters, logFilterOf, OTHER_ACTOR, type LogFilterField, type LogFilterFields } from "./log-filter-fields.js";
import { pageOf } from "./paging.js";

const shortHash = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-6)}`;
const NO_WRAP = { whiteSpace: "nowrap" } as const;
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export default function AccessLogPage() {
  const { readConnection } = useSession();
  const log = useQuery({ queryKey: ["access-log"], queryFn: () => readAccessLog(readConnection) });
  const { nameOf, displayName, isLoading: namesLoading } = useParticipantNames();
  const [fields, setFields] = useState<LogFilterFields>(EMPTY_LOG_FILTER_FIELDS);
  const [pageIndex, setPageIndex] = useState(0);

  const result = useMemo(() => logFilterOf(fields), [fields]);
  const filtered = useMemo(() => (log.data === undefined || !result.ok ? [] : filterAccessLog(log.data, result.filter).reverse()), [log.data, result]);
  const page = pageOf(filtered, pageIndex);

  const update = (field: LogFilterField, value: string) => {
    setFields((previous) => ({ ...previous, [field]: value }));
    setPageIndex(0);
  };

  return (
    <>
      <h1>Access log</h1>
      <p>
        Everything that happened on the ledger, newest first: registrations, grants and revocations, records written and
        opened, key changes and administration. It shows who did what and when — never what a record says.
      </p>
      <LogFilters fields={fields} errors={result.ok ? {} : result.errors} update={update} reset={() => setFields(EMPTY_LOG_FILTER_FIELDS)} />
      {/* Names first: sentences that change under the reader from addresses to names would mislead. */}
      {log.isPending || namesLoading ? (
        <Loading what="the access log" />
      ) : log.isError ? (
        <ErrorNotice error={log.error} what="the access log" retry={() => void log.refetch()} />
      ) : !result.ok ? (
        <p className="notice notice-error">Correct the highlighted filter to see the log.</p>
      ) : filtered.length === 0 ? (
        <EmptyState title={hasFilters(fields) ? "No entry matches these filters" : "The ledger has no activity yet"}>
          {hasFilters(fields) ? (
            <button type="button" className="secondary" onClick={() => setFields(EMPTY_LOG_FILTER_FIELDS)}>
              Clear filters
            </button>
          ) : (
            <p>Entries appear here as soon as participants are registered.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <div className="form-row">
            <p role="status" aria-live="polite">
              Showing {page.first}–{page.last} of {page.total} entries.
            </p>
            <button type="button" className="secondary" onClick={() => void log.refetch()} disabled={log.isFetching}>
              {log.isFetching ? "Refreshing…" : "Refresh"}
            </button>
          </div>
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
                  <th scope="col">Transaction</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((entry) => (
                  <LogRow key={`${entry.transactionHash}:${entry.logIndex}`} entry={entry} actorName={capitalized(displayName(entry.actor))} sentence={describeAccessLogEntry(entry, nameOf, formatDate)} />
                ))}
              </tbody>
            </table>
          </div>
          {page.count > 1 ? (
            <nav aria-label="Access log pages" className="form-row">
              <button type="button" className="secondary" onClick={() => setPageIndex(page.index - 1)} disabled={page.index === 0}>
                Previous page
              </button>
              <span>
                Page {page.index + 1} of {page.count}
              </span>
              <button type="button" className="secondary" onClick={() => setPageIndex(page.index + 1)} disabled={page.index === page.count - 1}>
                Next page
              </button>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}

function LogRow({ entry, actorName, sentence }: { entry: AccessLogEntry; actorName: string; sentence: string }) {
  return (
    <tr>
      <td>{formatDateTime(entry.timestamp)}</td>
      <td title={entry.actor}>{actorName}</td>
      {/* On a phone the table scrolls sideways rather than squeezing the sentence into a column of words. */}
      <td className="sentence-cell">{sentence}</td>
      <td>{entry.patient === undefined ? "—" : <code title={entry.patient} style={NO_WRAP}>{shortAddress(entry.patient)}</code>}</td>
      <td>{entry.recordId === undefined ? "—" : `#${entry.recordId}`}</td>
      <td>
        <code title={entry.transactionHash} style={NO_WRAP}>{shortHash(entry.transactionHash)}</code>
      </td>
    </tr>
  );
}

function LogFilters({
  fields,
  errors,
  update,
  reset,
}: {
  fields: LogFilterFields;
  errors: Partial<Record<LogFilterField, string>>;
  update: (field: LogFilterField, value: string) => void;
  reset: () => void;
}) {
  const id = useId();
  const { participants } = useParticipantList();
  const { displayName, adminAddress } = useParticipantNames();
  const actors = useMemo(() => {
    const listed = (participants ?? []).map((participant) => ({ address: participant.account, name: displayName(participant.account) }));
    if (adminAddress !== undefined) listed.unshift({ address: adminAddress, name: "Administrator" });
    return listed;
  }, [participants, displayName, adminAddress]);

  const control = (field: LogFilterField) => fieldProps(`${id}-${field}`, errors[field]);

  return (
    <form className="panel" aria-label="Filter the access log" onSubmit={(event) => event.preventDefault()}>
      <div className="form-row">
        <Field id={`${id}-patient`} label="Patient address" error={errors.patient}>
          <input {...control("patient")} value={fields.patient} onChange={(event) => update("patient", event.target.value)} placeholder="0x…" autoComplete="off" spellCheck={false} />
        </Field>
        <Field id={`${id}-actorChoice`} label="Actor" error={errors.actorChoice}>
          <select {...control("actorChoice")} value={fields.actorChoice} onChange={(event) => update("actorChoice", event.target.value)}>
            <option value={ANY_ACTOR}>Anyone</option>
            {actors.map((actor) => (
              <option key={actor.address} value={actor.address}>
                {actor.name}
              </option>
            ))}
            <option value={OTHER_ACTOR}>Another address…</option>
          </select>
        </Field>
        {fields.actorChoice === OTHER_ACTOR ? (
          <Field id={`${id}-actorAddress`} label="Actor address" error={errors.actorAddress}>
            <input {...control("actorAddress")} value={fields.actorAddress} onChange={(event) => update("actorAddress", event.target.value)} placeholder="0x…" autoComplete="off" spellCheck={false} />
          </Field>
        ) : null}
        <Field id={`${id}-group`} label="Action" error={errors.group}>
          <select {...control("group")} value={fields.group} onChange={(event) => update("group", event.target.value)}>
            <option value="all">All actions</option>
            {(Object.keys(ACTION_GROUPS) as ActionGroupName[]).map((group) => (
              <option key={group} value={group}>
                {ACTION_GROUPS[group].label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-from`} label="From" error={errors.from}>
          <input type="date" {...control("from")} value={fields.from} onChange={(event) => update("from", event.target.value)} />
        </Field>
        <Field id={`${id}-to`} label="To" error={errors.to}>
          <input type="date" {...control("to")} value={fields.to} onChange={(event) => update("to", event.target.value)} />
        </Field>
      </div>
      <button type="button" className="secondary" onClick={reset} disabled={!hasFilters(fields)}>
        Clear filters
      </button>
    </form>
  );
}
