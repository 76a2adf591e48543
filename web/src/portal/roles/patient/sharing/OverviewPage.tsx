import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link } from "react-router";

import { categoryName } from "../../../../core/chain/categories.js";
import { readPatientGrants } from "../../../../core/consent/grants.js";
import { readAccessRequests } from "../../../../core/consent/requests.js";
import { useDirectory } from "../../../directory/use-directory.js";
import { useServices, useSession } from "../../../session/session-context.js";
import { errorSentence } from "../../../ui/error-sentence.js";
import { formatDateTime, shortAddress } from "../../../ui/format.js";
import { EmptyState, ErrorNotice, Loading } from "../../../ui/Notices.js";
import { groupGrants, type GrantRow } from "./grant-rows.js";
import { categoriesAwaitingRotation, runPendingRotations, runRevokeFlow } from "./revoke-flow.js";
import { SHARING_QUERY_KEYS } from "./sharing-queries.js";
import { StepList } from "./StepList.js";
import type { TransactionStep } from "./transaction-steps.js";
import { listPhrase } from "../../../ui/words.js";

const displayName = (row: GrantRow) => row.name ?? shortAddress(row.grantee);

/** A multi-transaction flow started from this page: its steps stay visible after the grant moves. */
interface PageFlow {
  title: string;
  steps: TransactionStep[];
  running: boolean;
  outcome: { ok: true; message: string } | { ok: false; error: unknown } | undefined;
}

/** Who has access now, for how long, and a way to take it back; ended grants below, greyed. */
export function OverviewPage() {
  const { readConnection } = useSession();
  const services = useServices();
  const patient = services.identity.account;
  const directory = useDirectory();
  const queryClient = useQueryClient();
  // Refetched every minute so the time left stays current and grants that run out move to "Expired".
  const grants = useQuery({ queryKey: ["patient-grants", patient], queryFn: () => readPatientGrants(readConnection, patient), refetchInterval: 60_000 });
  const pending = useQuery({ queryKey: ["patient-grants", "pending-rotations", patient], queryFn: () => categoriesAwaitingRotation(readConnection, patient) });
  const requests = useQuery({ queryKey: ["access-requests", patient], queryFn: () => readAccessRequests(readConnection, patient) });
  const waiting = requests.data?.length;
  const pendingCategories = pending.data ?? [];
  const groups = useMemo(() => (grants.data === undefined ? undefined : groupGrants(grants.data, directory.entries)), [grants.data, directory.entries]);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [flow, setFlow] = useState<PageFlow | undefined>(undefined);
  const running = flow?.running === true;

  const run = async (title: string, work: (report: (steps: TransactionStep[]) => void) => Promise<unknown>, success: string) => {
    setFlow({ title, steps: [], running: true, outcome: undefined });
    const report = (steps: TransactionStep[]) => setFlow((previous) => previous && { ...previous, steps });
    try {
      await work(report);
      setFlow((previous) => previous && { ...previous, running: false, outcome: { ok: true, message: success } });
    } catch (error) {
      setFlow((previous) => previous && { ...previous, running: false, outcome: { ok: false, error } });
    } finally {
      setConfirming(undefined);
      await Promise.all(SHARING_QUERY_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    }
  };

  const revoke = (row: GrantRow) => {
    const name = displayName(row);
    void run(
      `Revoking ${name}`,
      (report) => runRevokeFlow(services, row.grantee, row.readScope, report),
      `${name} no longer has access. Your keys were replaced, so nothing added from now on can be decrypted by them.`,
    );
  };

  const settle = (categories: readonly number[]) =>
    void run("Replacing keys", (report) => runPendingRotations(services, categories, report), "Your keys are replaced.");

  return (
    <section className="panel" aria-labelledby="sharing-title">
      <h1 id="sharing-title">Who can see my records</h1>
      <p className="form-row">
        <Link to="/patient/sharing/grant" className="button">
          Share with a provider
        </Link>
        <Link to="/patient/sharing/requests">
          Access requests{waiting === undefined || waiting === 0 ? "" : ` (${waiting} waiting)`}
        </Link>
        <Link to="/patient/activity">Who accessed my data</Link>
      </p>

      {flow === undefined ? null : (
        <div className="notice" aria-live="polite">
          <StepList steps={flow.steps} title={flow.title} />
          {flow.outcome === undefined ? null : flow.outcome.ok ? (
            <p className="notice notice-ok" role="status">
              {flow.outcome.message}
            </p>
          ) : (
            <p className="notice notice-error" role="alert">
              It did not finish: {errorSentence(flow.outcome.error)}
            </p>
          )}
        </div>
      )}

      {pendingCategories.length === 0 || running ? null : (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">Some of your keys still need replacing</p>
          <p>
            Access to {listPhrase(pendingCategories.map(categoryName))} ended, but the key was not replaced yet. Until it is, nobody can add records there,
            and it is replaced before you add one yourself.
          </p>
          <button type="button" onClick={() => settle(pendingCategories)}>
            Replace keys now
          </button>
        </div>
      )}

      {grants.isPending ? (
        <Loading what="your grants" />
      ) : grants.isError ? (
        <ErrorNotice error={grants.error} what="your grants" retry={() => void grants.refetch()} />
      ) : groups === undefined ? null : (
        <>
          <h2>Active</h2>
          {groups.active.length === 0 ? (
            <EmptyState title="Nobody has access to your records right now.">
              <p>Only you can open them. Share with a provider when you want a doctor, hospital, laboratory or insurer to see them.</p>
            </EmptyState>
          ) : (
            <ul className="timeline" aria-label="Active grants">
              {groups.active.map((row) => (
                <li key={row.grantee}>
                  <GrantHeading row={row} />
                  <p>{row.scope}</p>
                  <p className="status-active">
                    {row.timeLeft}
                    {row.expiresAt === 0 ? null : ` (access ends ${formatDateTime(row.expiresAt)})`}
                  </p>
                  {row.suspendedNow ? <p className="status-warn">On hold: the ledger refuses them access while an account is suspended or the ledger is paused.</p> : null}
                  {confirming === row.grantee ? (
                    <RevokeConfirm name={displayName(row)} running={running} onConfirm={() => revoke(row)} onCancel={() => setConfirming(undefined)} />
                  ) : (
                    <button type="button" className="danger" onClick={() => setConfirming(row.grantee)} disabled={running} aria-label={`Revoke access for ${displayName(row)}`}>
                      Revoke
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <EndedGrants title="Expired" rows={groups.expired} status={(row) => `Expired ${formatDateTime(row.expiresAt)}`} />
          <EndedGrants title="Revoked" rows={groups.revoked} status={() => "Revoked: they cannot open anything added since."} />
        </>
      )}
    </section>
  );
}

/** Grants that no longer give access, greyed, for the record. */
function EndedGrants({ title, rows, status }: { title: string; rows: readonly GrantRow[]; status(row: GrantRow): string }) {
  if (rows.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      <ul className="timeline muted" aria-label={`${title} grants`}>
        {rows.map((row) => (
          <li key={row.grantee}>
            <GrantHeading row={row} />
            <p>{row.scope}</p>
            <p>{status(row)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function GrantHeading({ row }: { row: GrantRow }) {
  const details = [row.kindLabel, row.facility].filter((part) => part !== undefined);
  return (
    <p>
      <strong>{displayName(row)}</strong>
      {details.length === 0 ? null : <span className="muted"> · {details.join(" · ")}</span>}
    </p>
  );
}

function RevokeConfirm({ name, running, onConfirm, onCancel }: { name: string; running: boolean; onConfirm(): void; onCancel(): void }) {
  return (
    <div className="notice" role="group" aria-label={`Confirm revoking ${name}`}>
      <p className="notice-title">Revoke access for {name}?</p>
      <ul>
        <li>They keep what they already opened.</li>
        <li>Nothing added from now on can be decrypted by them.</li>
        <li>Your keys are rotated in the same step: your wallet asks you to confirm the revoke, then one new key per kind of record they could read.</li>
      </ul>
      <p className="form-row">
        <button type="button" className="danger" onClick={onConfirm} disabled={running}>
          {running ? "Revoking…" : "Revoke and replace keys"}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={running}>
          Cancel
        </button>
      </p>
    </div>
  );
}
