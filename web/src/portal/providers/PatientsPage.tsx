import { useMemo } from "react";
import { Link } from "react-router";

import { useServices } from "../session/session-context.js";
import { formatDateTime } from "../ui/format.js";
import { EmptyState, ErrorNotice, Loading } from "../ui/Notices.js";
import { myPatientRows, type PatientRow } from "./my-patients.js";
import { chartPath, type ProviderRole } from "./provider-role.js";
import { useProviderGrants } from "./use-provider-grants.js";

/** The patients who gave this provider access, soonest ending first, each with a way into their chart. */
export function PatientsPage({ role }: { role: ProviderRole }) {
  const provider = useServices().identity.account;
  const grants = useProviderGrants(provider);
  const rows = useMemo(() => (grants.data === undefined ? undefined : myPatientRows(grants.data, role.onlyCategories)), [grants.data, role.onlyCategories]);
  const current = rows?.filter((row) => row.current) ?? [];
  const expired = rows?.filter((row) => !row.current) ?? [];

  return (
    <section className="panel" aria-labelledby="patients-title">
      <h1 id="patients-title">{role.patientsTitle}</h1>
      <p className="muted">{role.patientsIntro} Patients are shown by account address: they have no public name.</p>
      {grants.isPending ? (
        <Loading what="your patients" />
      ) : grants.isError ? (
        <ErrorNotice error={grants.error} what="your patients" retry={() => void grants.refetch()} />
      ) : current.length === 0 && expired.length === 0 ? (
        <EmptyState title="No patient has given you access yet.">
          <p>
            Patients choose you from the directory in their portal.
            {role.role === "doctor" ? (
              <>
                {" "}
                You can also <Link to={`${role.basePath}/requests`}>ask a patient for access</Link>.
              </>
            ) : null}
          </p>
        </EmptyState>
      ) : (
        <>
          {current.length === 0 ? (
            <EmptyState title="No current access: every grant below has expired." />
          ) : (
            <ul className="timeline" aria-label="Patients with access">
              {current.map((row) => (
                <PatientItem key={row.patient} row={row} role={role} />
              ))}
            </ul>
          )}
          {expired.length === 0 ? null : (
            <>
              <h2>Expired</h2>
              <ul className="timeline muted" aria-label="Expired access">
                {expired.map((row) => (
                  <PatientItem key={row.patient} row={row} role={role} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function PatientItem({ row, role }: { row: PatientRow; role: ProviderRole }) {
  return (
    <li aria-label={`Patient ${row.patientLabel}`}>
      <p>
        <strong>
          Patient <code title={row.patient}>{row.patientLabel}</code>
        </strong>
      </p>
      <p>{row.scope}</p>
      <p className={row.current ? "status-active" : undefined}>
        {row.timeLeft}
        {row.expiresAt === 0 ? null : ` (${row.current ? "access ends" : "ended"} ${formatDateTime(row.expiresAt)})`}
      </p>
      {row.onHold ? <p className="status-warn">On hold: the ledger refuses access while an account is suspended or the ledger is paused.</p> : null}
      {row.current ? (
        <Link to={chartPath(role, row.patient)} className="button" aria-label={`Open the chart of patient ${row.patientLabel}`}>
          Open chart
        </Link>
      ) : null}
    </li>
  );
}
