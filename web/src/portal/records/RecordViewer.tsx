import { Fragment, useState } from "react";

import { renderClinicalResource } from "../../core/clinical/render.js";
import { createFormatter } from "../../core/clinical/render-format.js";
import type { Address } from "../../core/ledger-context.js";
import type { OpenedRecord } from "../../core/records/open-record.js";
import type { RecordSummary } from "../../core/records/record-list.js";
import { useDirectory } from "../directory/use-directory.js";
import { useServices } from "../session/session-context.js";
import { formatDateTime } from "../ui/format.js";
import { ProgressBar } from "../ui/Notices.js";
import { AttachmentView } from "./AttachmentView.js";
import { describeOpenFailure } from "./open-error.js";
import { authorLabel, categoryLabel, facilityLabel, STATUS_CLASSES, STATUS_LABELS } from "./record-labels.js";
import { useOpenedRecord } from "./use-opened-record.js";
import { usePatientRecords } from "./use-patient-records.js";

export interface RecordViewerProps {
  patient: Address;
  recordId: bigint;
  /** Runs before anything is fetched or decrypted (a clinician logs a read receipt here); a failure stops the open. */
  onBeforeOpen?: () => Promise<void>;
}

/**
 * One record, decrypted in this tab: its clinical content as readable text, its ledger metadata and
 * its attachments. The data key is forgotten and object URLs revoked when the viewer unmounts.
 */
export function RecordViewer({ patient, recordId, onBeforeOpen }: RecordViewerProps) {
  const [attempt, setAttempt] = useState(0);
  const state = useOpenedRecord(patient, recordId, onBeforeOpen, attempt);

  if (state.stage === "before-open") {
    return (
      <p className="record-viewer notice notice-loading" role="status" aria-live="polite">
        Preparing to open the record…
      </p>
    );
  }
  if (state.stage === "opening") {
    return (
      <div className="record-viewer" role="status" aria-live="polite">
        <p className="notice notice-loading">Decrypting the record in your browser…</p>
        {state.bytesTotal > 0 ? <ProgressBar label="Decrypting the record" value={state.bytesDone} max={state.bytesTotal} /> : null}
      </div>
    );
  }
  if (state.stage === "failed") {
    const failure = describeOpenFailure(state.error);
    return (
      <div className="record-viewer notice notice-error" role="alert">
        <p className="notice-title">{failure.headline}</p>
        <p>{failure.detail}</p>
        {failure.kind === "no-access" || failure.kind === "integrity" ? null : (
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        )}
      </div>
    );
  }
  return <OpenRecordView patient={patient} record={state.opened} />;
}

function OpenRecordView({ patient, record }: { patient: Address; record: OpenedRecord }) {
  const { identity } = useServices();
  const { nameOf } = useDirectory();
  const records = usePatientRecords(patient);
  const summary: RecordSummary | undefined = records.data?.find((candidate) => candidate.recordId === record.entry.recordId);
  const rendered = renderClinicalResource(record.document.resource);
  const date = rendered.date === undefined ? undefined : createFormatter().date(rendered.date);
  const { entry, document } = record;
  const reader = identity.account;

  return (
    <article className="record-viewer" aria-label={`${rendered.kind}: ${rendered.title}`}>
      <h3>
        {rendered.kind}: {rendered.title}
      </h3>
      <p>
        <span className="chip">{rendered.status}</span> {date === undefined ? null : <span className="muted">{date}</span>}
      </p>
      {rendered.fields.length === 0 ? null : (
        <dl className="fields">
          {rendered.fields.map((field, index) => (
            <Fragment key={`${field.label}-${index}`}>
              <dt>{field.label}</dt>
              <dd>{field.value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      <h4>About this record</h4>
      <dl className="fields">
        <dt>Category</dt>
        <dd>{categoryLabel(entry.category)}</dd>
        <dt>Author</dt>
        <dd>{authorLabel(entry, reader, nameOf)}</dd>
        <dt>Facility</dt>
        <dd>{facilityLabel(entry.facility, nameOf)}</dd>
        <dt>Record</dt>
        <dd>#{entry.recordId.toString()}{entry.supersedes === 0n ? "" : `, amends #${entry.supersedes.toString()}`}</dd>
        {summary === undefined ? null : (
          <>
            <dt>Added</dt>
            <dd>{formatDateTime(summary.createdAt)}</dd>
            <dt>Status</dt>
            <dd className={STATUS_CLASSES[summary.status]}>{STATUS_LABELS[summary.status]}</dd>
          </>
        )}
      </dl>
      {document.attachments.length === 0 ? null : (
        <>
          <h4>Attachments</h4>
          <ul className="attachments">
            {document.attachments.map((attachment) => (
              <AttachmentView key={attachment.file} record={record} attachment={attachment} />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
