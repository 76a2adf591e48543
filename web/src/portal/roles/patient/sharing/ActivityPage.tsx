import { useMemo, useState } from "react";
import { Link } from "react-router";

import { useDirectory } from "../../../directory/use-directory.js";
import { useLedgerLog } from "../../../log/use-ledger-log.js";
import { useServices } from "../../../session/session-context.js";
import { formatDateTime } from "../../../ui/format.js";
import { EmptyState, ErrorNotice, Loading } from "../../../ui/Notices.js";
import { ACTIVITY_KINDS, describeForPatient, groupByDay, isActivityKind, patientActivity, type ActivityKind } from "./activity.js";

const dayHeading = (unixSeconds: number) => new Date(unixSeconds * 1000).toLocaleDateString(undefined, { dateStyle: "full" });
const timeOfDay = (unixSeconds: number) => new Date(unixSeconds * 1000).toLocaleTimeString(undefined, { timeStyle: "short" });

/** "Who accessed my data": every grant, record and read receipt concerning the patient, in plain language. */
export function ActivityPage() {
  const patient = useServices().identity.account;
  const directory = useDirectory();
  const [kind, setKind] = useState<ActivityKind>("all");
  const view = useLedgerLog();
  const { log, version, ready, status } = view;

  const days = useMemo(() => {
    if (log === undefined || !ready) return undefined;
    const ownEntries = log.matching({ patient });
    return groupByDay(patientActivity(ownEntries, patient, kind), (entry) => describeForPatient(entry, patient, directory.nameOf, formatDateTime));
    // `version` changes when the log's entries do; the log object itself stays the same.
  }, [log, version, ready, patient, kind, directory.nameOf]);

  return (
    <section className="panel" aria-labelledby="activity-title">
      <h1 id="activity-title">Who accessed my data</h1>
      <p className="muted">
        Everything the ledger recorded about your records: who you gave access to and when you took it back, who added records, and
        who opened them. Providers' names come from their public profiles.
      </p>
      <label>
        Show
        <select value={kind} onChange={(event) => isActivityKind(event.target.value) && setKind(event.target.value)}>
          {(Object.keys(ACTIVITY_KINDS) as ActivityKind[]).map((value) => (
            <option key={value} value={value}>
              {ACTIVITY_KINDS[value].label}
            </option>
          ))}
        </select>
      </label>
      {status.state === "failed" && log?.size === 0 ? (
        <ErrorNotice error={status.error} what="the access log" retry={() => void view.sync()} />
      ) : days === undefined || directory.isLoading ? (
        <Loading what="the access log" />
      ) : days.length === 0 ? (
        <EmptyState title={kind === "all" ? "Nothing has happened with your records yet." : "Nothing of this kind yet."}>
          <p>
            When you <Link to="/patient/sharing/grant">share your records</Link>, or a provider adds or opens one, it appears here.
          </p>
        </EmptyState>
      ) : (
        days.map((day) => (
          <section key={day.day} aria-label={dayHeading(day.timestamp)}>
            <h2>{dayHeading(day.timestamp)}</h2>
            <ul className="timeline">
              {day.lines.map((line) => (
                <li key={line.key}>
                  <time dateTime={new Date(line.timestamp * 1000).toISOString()} className="muted">
                    {timeOfDay(line.timestamp)}
                  </time>{" "}
                  {line.text}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
