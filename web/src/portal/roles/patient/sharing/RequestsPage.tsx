import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";

import { readParticipant } from "../../../../core/chain/views.js";
import { readAccessRequests } from "../../../../core/consent/requests.js";
import { useDirectory } from "../../../directory/use-directory.js";
import { useServices, useSession } from "../../../session/session-context.js";
import { errorSentence } from "../../../ui/error-sentence.js";
import { formatDateTime, shortAddress } from "../../../ui/format.js";
import { EmptyState, ErrorNotice, Loading } from "../../../ui/Notices.js";
import { TransactionStatus } from "../../../ui/TransactionStatus.js";
import { useLedgerTransaction, type TransactionState } from "../../../ui/use-ledger-transaction.js";
import type { GrantPageState } from "./GrantPage.js";
import { approvalForm, DENY_REASONS, requestRow, type RequestRow } from "./request-rows.js";
import { SHARING_QUERY_KEYS } from "./sharing-queries.js";

const displayName = (row: RequestRow) => row.name ?? shortAddress(row.requester);

/** Providers asking for access: approve (the grant form, pre-filled) or deny with a reason. */
export function RequestsPage() {
  const { readConnection } = useSession();
  const patient = useServices().identity.account;
  const directory = useDirectory();
  const requests = useQuery({ queryKey: ["access-requests", patient], queryFn: () => readAccessRequests(readConnection, patient) });
  const rows = useMemo(() => requests.data?.map((request) => requestRow(request, directory.entries)), [requests.data, directory.entries]);
  const [answered, setAnswered] = useState<{ name: string; state: TransactionState } | undefined>(undefined);

  return (
    <section className="panel" aria-labelledby="requests-title">
      <h1 id="requests-title">Access requests</h1>
      <p className="muted">Providers can ask you for access. Nothing is shared until you approve; approving opens the sharing form so you can change what they get.</p>
      <p>
        <button type="button" className="secondary" onClick={() => void requests.refetch()} disabled={requests.isFetching}>
          {requests.isFetching ? "Checking…" : "Check for new requests"}
        </button>
      </p>
      {answered === undefined ? null : (
        <div className="notice notice-ok">
          <p className="notice-title">You declined the request from {answered.name}.</p>
          <TransactionStatus state={answered.state} label="Denial" />
        </div>
      )}
      {requests.isPending ? (
        <Loading what="your access requests" />
      ) : requests.isError ? (
        <ErrorNotice error={requests.error} what="your access requests" retry={() => void requests.refetch()} />
      ) : rows === undefined || rows.length === 0 ? (
        <EmptyState title="No provider is waiting for an answer.">
          <p>
            When a provider asks for access, their request appears here. You can also <Link to="/patient/sharing/grant">share with a provider</Link> yourself.
          </p>
        </EmptyState>
      ) : (
        <ul className="timeline" aria-label="Requests waiting for your answer">
          {rows.map((row) => (
            <RequestItem key={row.requester} row={row} onDenied={(name, state) => setAnswered({ name, state })} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RequestItem({ row, onDenied }: { row: RequestRow; onDenied(name: string, state: TransactionState): void }) {
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { readConnection } = useSession();
  const { state, send, busy } = useLedgerTransaction();
  const [denying, setDenying] = useState(false);
  const [reason, setReason] = useState(0);
  const [approveError, setApproveError] = useState<unknown>(undefined);
  const name = displayName(row);

  const approve = async () => {
    setApproveError(undefined);
    try {
      const kind = row.kind ?? (await readParticipant(readConnection, row.requester)).kind;
      const routerState: GrantPageState = { prefill: approvalForm(row, kind) };
      await navigate("/patient/sharing/grant", { state: routerState });
    } catch (error) {
      setApproveError(error);
    }
  };

  const deny = async () => {
    const result = await send("denyRequest", [row.requester, reason]);
    if (result === undefined) return;
    onDenied(name, { stage: "confirmed", hash: result.hash });
    await Promise.all(SHARING_QUERY_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };

  return (
    <li aria-labelledby={`${id}-who`}>
      <p id={`${id}-who`}>
        <strong>{name}</strong>
        {[row.kindLabel, row.facility].some((part) => part !== undefined) ? (
          <span className="muted"> · {[row.kindLabel, row.facility].filter((part) => part !== undefined).join(" · ")}</span>
        ) : null}
      </p>
      <dl className="fields">
        <dt>Asks that they</dt>
        <dd>{row.scope}</dd>
        <dt>Purpose</dt>
        <dd>{row.purpose}</dd>
        <dt>Asked on</dt>
        <dd>{formatDateTime(row.requestedAt)}</dd>
      </dl>
      {!denying ? (
        <p className="form-row">
          <button type="button" onClick={() => void approve()} aria-label={`Approve the request from ${name}`}>
            Approve
          </button>
          <button type="button" className="secondary" onClick={() => setDenying(true)} aria-label={`Deny the request from ${name}`}>
            Deny
          </button>
        </p>
      ) : (
        <div className="notice" role="group" aria-label={`Deny the request from ${name}`}>
          <label>
            Reason
            <select value={reason} onChange={(event) => setReason(Number(event.target.value))} disabled={busy}>
              {DENY_REASONS.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <p className="muted">Only the reason's code is recorded on the ledger; {name} can see it.</p>
          <p className="form-row">
            <button type="button" className="danger" onClick={() => void deny()} disabled={busy}>
              Deny request
            </button>
            <button type="button" className="secondary" onClick={() => setDenying(false)} disabled={busy}>
              Cancel
            </button>
          </p>
          <TransactionStatus state={state} label="Denying the request" />
        </div>
      )}
      {approveError === undefined ? null : (
        <p className="notice notice-error" role="alert">
          Could not open the sharing form: {errorSentence(approveError)}
        </p>
      )}
    </li>
  );
}
