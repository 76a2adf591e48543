import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { isAddress } from "viem";

import { purposeName } from "../../../../core/access-log/codes.js";
import { checkableRecords } from "../../../../core/audit/integrity-records.js";
import type { IntegrityDepth } from "../../../../core/audit/integrity.js";
import { patientActivity, type ReadReceipt } from "../../../../core/audit/patient-activity.js";
import { categoryName } from "../../../../core/chain/categories.js";
import type { Address } from "../../../../core/ledger-context.js";
import { LogSyncStatus } from "../../../log/LogSyncStatus.js";
import { useChainTime } from "../../../log/use-chain-time.js";
import { useLedgerLog } from "../../../log/use-ledger-log.js";
import { useParticipantNames } from "../../../registration/use-names.js";
import { formatDate, formatDateTime, shortAddress } from "../../../ui/format.js";
import { EmptyState, Loading } from "../../../ui/Notices.js";
import { scopeWords } from "../../../../core/audit/grant-words.js";
import { grantState, underGrantText } from "../grant-words.js";
import { IntegrityControls } from "../integrity/IntegrityControls.js";
import { RecordsTable } from "../integrity/RecordsTable.js";
import { Pager } from "../Pager.js";
import { pageOf } from "../paging.js";
import { useGrantIndex } from "../use-grant-index.js";
import { grantTimeline } from "./grant-timeline.js";
import { GrantTimelineChart } from "./GrantTimelineChart.js";
import { capitalized } from "../../../ui/words.js";

const STATE_TEXT = { standing: "In force", expired: "Expired", revoked: "Revoked", replaced: "Replaced" } as const;

/** One patient, as an auditor reviews them: grants over time, records and their integrity, read receipts. */
export default function PatientAuditPage() {
  const { address = "" } = useParams();
  const view = useLedgerLog();
  const { log, version, ready } = view;
  const grants = useGrantIndex(log, version);
  const now = useChainTime();
  const { displayName, isLoading: namesLoading } = useParticipantNames();
  const [depth, setDepth] = useState<IntegrityDepth>("full");
  const valid = isAddress(address, { strict: false });
  const patient = address as Address;

  const activity = useMemo(() => {
    if (!valid || log === undefined || grants === undefined || !ready) return undefined;
    const entries = log.matching({ patient });
    return { ...patientActivity(entries, grants, patient), versions: checkableRecords(entries), signedUp: entries.some((entry) => entry.action === "participant-registered") };
    // `version` changes when the log's entries do; the log object itself stays the same.
  }, [valid, log, version, grants, ready, patient]);

  if (!valid) {
    return (
      <EmptyState title="This is not an account address">
        <Link to="/auditor/patients">Choose a patient from the list</Link>
      </EmptyState>
    );
  }
  const name = (account: Address) => capitalized(displayName(account));
  return (
    <>
      <p>
        <Link to="/auditor/patients">← All patients</Link>
      </p>
      <h1>
        Patient <code title={patient}>{shortAddress(patient)}</code>
      </h1>
      <p className="muted">
        <code className="mono">{patient}</code> · <Link to={`/auditor?patient=${patient}`}>Every entry about this patient in the access log</Link>
      </p>
      <LogSyncStatus view={view} />
      {activity === undefined || now === undefined || namesLoading ? (
        <Loading what="this patient's history" />
      ) : !activity.signedUp ? (
        <EmptyState title="No patient with this address has signed up on this ledger" />
      ) : (
        <>
          <section aria-labelledby="grants-title">
            <h2 id="grants-title">Grants over time</h2>
            {activity.grants.length === 0 ? (
              <p className="muted">This patient has granted access to nobody.</p>
            ) : (
              <>
                <GrantTimelineChart timeline={grantTimeline(activity.grants, now)} nameOf={name} />
                <GrantsTable periods={activity.grants} now={now} name={name} />
              </>
            )}
          </section>
          <section aria-labelledby="records-title">
            <h2 id="records-title">Records</h2>
            {activity.versions.length === 0 ? (
              <p className="muted">No record has been added for this patient.</p>
            ) : (
              <>
                <IntegrityControls records={activity.versions} depth={depth} setDepth={setDepth} />
                <RecordsTable records={activity.versions} depth={depth} showPatient={false} caption="This patient's record versions, newest first" />
              </>
            )}
          </section>
          <section aria-labelledby="reads-title">
            <h2 id="reads-title">Read receipts</h2>
            {activity.reads.length === 0 ? <p className="muted">Nobody has opened this patient's records.</p> : <ReadsTable reads={activity.reads} name={name} />}
          </section>
        </>
      )}
    </>
  );
}

function GrantsTable({ periods, now, name }: { periods: ReturnType<typeof patientActivity>["grants"]; now: number; name: (account: Address) => string }) {
  const [pageIndex, setPageIndex] = useState(0);
  const page = pageOf([...periods].reverse(), pageIndex);
  return (
    <>
      <div className="table-scroll">
        <table>
          <caption className="muted">Every grant this patient gave, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Grantee</th>
              <th scope="col">Could</th>
              <th scope="col">From</th>
              <th scope="col">Expiry</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((period) => {
              const { state, endedAt } = grantState(period, now);
              return (
                <tr key={period.id}>
                  <td title={period.grantee}>{name(period.grantee)}</td>
                  <td className="sentence-cell">{capitalized(scopeWords(period))}</td>
                  <td>{formatDateTime(period.grantedAt)}</td>
                  <td>{period.expiresAt === undefined ? "None" : formatDateTime(period.expiresAt)}</td>
                  <td className={state === "standing" ? "status-active" : "muted"}>
                    {STATE_TEXT[state]}
                    {endedAt === undefined ? "" : ` ${formatDateTime(endedAt)}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={page} label="Grant pages" onPage={setPageIndex} />
    </>
  );
}

function ReadsTable({ reads, name }: { reads: readonly ReadReceipt[]; name: (account: Address) => string }) {
  const [pageIndex, setPageIndex] = useState(0);
  const page = pageOf([...reads].reverse(), pageIndex);
  return (
    <>
      <div className="table-scroll">
        <table>
          <caption className="muted">Who opened which record, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Reader</th>
              <th scope="col">Record</th>
              <th scope="col">Purpose</th>
              <th scope="col">Under grant</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((read) => {
              const grant = underGrantText(read.underGrant, formatDate);
              return (
                <tr key={`${read.at.transactionHash}:${read.at.logIndex}`}>
                  <td>{formatDateTime(read.at.timestamp)}</td>
                  <td title={read.reader}>{name(read.reader)}</td>
                  <td>
                    #{read.recordId.toString()} ({categoryName(read.category)})
                  </td>
                  <td>{purposeName(read.purpose)}</td>
                  <td className={grant?.flagged === true ? "status-bad" : undefined}>{grant?.text ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={page} label="Read receipt pages" onPage={setPageIndex} />
    </>
  );
}
