import { useCallback, useMemo, useState, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import { isAddress } from "viem";

import type { GrantSummary } from "../../core/consent/grants.js";
import type { Address } from "../../core/ledger-context.js";
import type { RecordSummary } from "../../core/records/record-list.js";
import { useDirectory } from "../directory/use-directory.js";
import { RecordTimeline } from "../records/RecordTimeline.js";
import { usePatientRecords } from "../records/use-patient-records.js";
import { useServices, useSession } from "../session/session-context.js";
import { formatDateTime, shortAddress } from "../ui/format.js";
import { EmptyState, ErrorNotice, Loading } from "../ui/Notices.js";
import { TransactionStatus } from "../ui/TransactionStatus.js";
import { AddRecordSection } from "./AddRecordSection.js";
import { AmendPanel } from "./AmendPanel.js";
import { readableCategories, recordsInScope } from "./chart-scope.js";
import { currentAccess } from "./granted-patients.js";
import { MarkGivenPanel } from "./MarkGivenPanel.js";
import { myPatientRows } from "./my-patients.js";
import { isOwnCurrentRecord, mayMarkGiven } from "./own-records.js";
import type { ProviderRole } from "./provider-role.js";
import { RetractPanel } from "./RetractPanel.js";
import { TrustedFacilities } from "./TrustedFacilities.js";
import { defaultTrustedFacilities, facilityOptions } from "./trusted-facilities.js";
import { useProviderGrants } from "./use-provider-grants.js";
import { useReadReceipt } from "./use-read-receipt.js";

/** A patient's chart, reached from My patients; the address in the path is public, never PHI. */
export function ChartPage({ role }: { role: ProviderRole }) {
  const { patient } = useParams();
  const provider = useServices().identity.account;
  const grants = useProviderGrants(provider);
  const back = (
    <p>
      <Link to={role.basePath}>Back to your patients</Link>
    </p>
  );

  if (patient === undefined || !isAddress(patient, { strict: false })) {
    return (
      <section className="panel">
        <h1>No such patient</h1>
        <p>This page's address does not name a patient's account. Choose the patient from your list.</p>
        {back}
      </section>
    );
  }
  if (grants.isPending) return <Loading what="your access to this patient" />;
  if (grants.isError) return <ErrorNotice error={grants.error} what="your access to this patient" retry={() => void grants.refetch()} />;

  const access = currentAccess(grants.data, patient);
  if (access === undefined) {
    return (
      <section className="panel" aria-labelledby="chart-title">
        <h1 id="chart-title">Patient {shortAddress(patient)}</h1>
        <EmptyState title="Your access to this patient's records has ended">
          <p>The patient revoked it, or it expired. Records you had open are closed and nothing more can be opened.</p>
          {role.role === "doctor" ? (
            <p>
              <Link to={`${role.basePath}/requests`}>Ask the patient for access again</Link>
            </p>
          ) : null}
        </EmptyState>
        {back}
      </section>
    );
  }
  return <Chart key={patient.toLowerCase()} role={role} grant={access} provider={provider} back={back} />;
}

type EditMode = { kind: "amend" | "retract" | "given"; record: RecordSummary };

function Chart({ role, grant, provider, back }: { role: ProviderRole; grant: GrantSummary; provider: Address; back: ReactNode }) {
  const { standing } = useSession();
  const { nameOf } = useDirectory();
  const records = usePatientRecords(grant.patient);
  const receipt = useReadReceipt(role.readPurpose);
  const { logRead } = receipt;
  const ownHospital = standing?.kind === "participant" ? standing.participant.affiliation : undefined;
  const [trusted, setTrusted] = useState<Address[]>(() => defaultTrustedFacilities(ownHospital));
  const [editing, setEditing] = useState<EditMode | undefined>(undefined);

  const visible = useMemo(() => readableCategories(grant.readCategories, role.onlyCategories), [grant.readCategories, role.onlyCategories]);
  const options = useMemo(() => facilityOptions(recordsInScope(records.data ?? [], visible), ownHospital, nameOf), [records.data, visible, ownHospital, nameOf]);
  const row = myPatientRows([grant], role.onlyCategories)[0];
  const mayEdit = role.kinds.length > 0;

  const renderActions = useCallback(
    (record: RecordSummary) => {
      if (!mayEdit || !isOwnCurrentRecord(record, provider)) return null;
      const id = `#${record.recordId.toString()}`;
      return (
        <>
          {mayMarkGiven(record, provider) ? (
            <button type="button" onClick={() => setEditing({ kind: "given", record })} aria-label={`Mark prescription ${id} given`}>
              Mark given
            </button>
          ) : null}
          <button type="button" className="secondary" onClick={() => setEditing({ kind: "amend", record })} aria-label={`Amend record ${id}`}>
            Amend
          </button>
          <button type="button" className="secondary" onClick={() => setEditing({ kind: "retract", record })} aria-label={`Retract record ${id}`}>
            Retract
          </button>
        </>
      );
    },
    [mayEdit, provider],
  );

  const closeEditing = () => setEditing(undefined);
  const beforeEditing = editing === undefined ? undefined : () => logRead(editing.record);

  return (
    <section aria-labelledby="chart-title">
      <h1 id="chart-title">
        Patient <code title={grant.patient}>{shortAddress(grant.patient)}</code>
      </h1>
      {back}
      <div className="panel">
        <p>{row?.scope}</p>
        <p className="status-active">
          {row?.timeLeft}
          {grant.expiresAt === 0 ? null : ` (access ends ${formatDateTime(grant.expiresAt)})`}
        </p>
        {row?.onHold ? <p className="status-warn">On hold: the ledger refuses access while an account is suspended or the ledger is paused.</p> : null}
        <p className="muted">Opening a record first records a read receipt on the ledger (your wallet asks you to confirm); the patient sees it.</p>
        <AddRecordSection role={role} grant={grant} provider={provider} />
      </div>
      <TransactionStatus state={receipt.state} label={receipt.recordId === undefined ? "Read receipt" : `Read receipt for record #${receipt.recordId.toString()}`} />
      {editing === undefined || beforeEditing === undefined ? null : editing.kind === "retract" ? (
        <RetractPanel key={`r${editing.record.recordId}`} record={editing.record} onClose={closeEditing} />
      ) : editing.kind === "amend" ? (
        <AmendPanel key={`a${editing.record.recordId}`} record={editing.record} beforeOpen={beforeEditing} onClose={closeEditing} />
      ) : (
        <MarkGivenPanel key={`g${editing.record.recordId}`} record={editing.record} beforeOpen={beforeEditing} onClose={closeEditing} />
      )}
      <h2>Records</h2>
      <TrustedFacilities options={options} trusted={trusted} onChange={setTrusted} />
      <RecordTimeline
        patient={grant.patient}
        trustedFacilities={trusted}
        visibleCategories={visible}
        onBeforeOpen={logRead}
        renderActions={renderActions}
        emptyAction={<p>Nothing has been filed yet in the categories this patient shares with you.</p>}
      />
    </section>
  );
}
