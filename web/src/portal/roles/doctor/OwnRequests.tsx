import { useMemo } from "react";

import type { Address } from "../../../core/ledger-context.js";
import { formatDateTime } from "../../ui/format.js";
import { EmptyState, ErrorNotice, Loading } from "../../ui/Notices.js";
import { ownRequestRows } from "./own-requests.js";
import { useOwnRequests } from "./use-own-requests.js";

/** The requests this provider sent, newest first, each with the patient's answer. */
export function OwnRequests({ provider }: { provider: Address }) {
  const requests = useOwnRequests(provider);
  const rows = useMemo(() => (requests.data === undefined ? undefined : ownRequestRows(requests.data)), [requests.data]);

  return (
    <section className="panel" aria-labelledby="own-requests-title">
      <div className="form-row">
        <h2 id="own-requests-title">Your requests</h2>
        <button type="button" className="secondary" onClick={() => void requests.refetch()} disabled={requests.isFetching}>
          {requests.isFetching ? "Checking…" : "Check for answers"}
        </button>
      </div>
      {requests.isPending ? (
        <Loading what="your requests" />
      ) : requests.isError ? (
        <ErrorNotice error={requests.error} what="your requests" retry={() => void requests.refetch()} />
      ) : rows === undefined || rows.length === 0 ? (
        <EmptyState title="You have not asked any patient for access yet.">
          <p>Use the form above with the account address the patient or the front desk gave you.</p>
        </EmptyState>
      ) : (
        <ul className="timeline" aria-label="Your access requests">
          {rows.map((row) => (
            <li key={row.patient} aria-label={`Request to patient ${row.patientLabel}`}>
              <p>
                <strong>
                  Patient <code title={row.patient}>{row.patientLabel}</code>
                </strong>
              </p>
              <dl className="fields">
                <dt>Asked that you</dt>
                <dd>{row.scope}</dd>
                <dt>Purpose</dt>
                <dd>{row.purpose}</dd>
                <dt>Asked on</dt>
                <dd>{formatDateTime(row.requestedAt)}</dd>
                <dt>Answer</dt>
                <dd className={row.answerClass}>{row.answer}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
