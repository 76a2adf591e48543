import { useId, useMemo, useState } from "react";

import type { RecordSummary } from "../../core/records/record-list.js";
import { RecordComposer } from "../records/RecordComposer.js";
import { describeOpenFailure } from "../records/open-error.js";
import { composerStartOf } from "./amend-values.js";
import { carriedAttachments } from "./new-version.js";
import { useOpenedRecord } from "./use-opened-record.js";
import type { OpenedRecord } from "../../core/records/open-record.js";

/** An own record opened (after its read receipt) into the composer, to be filed as its next version. */
export function AmendPanel({ record, beforeOpen, onClose }: { record: RecordSummary; beforeOpen: () => Promise<void>; onClose(): void }) {
  const id = useId();
  const [attempt, setAttempt] = useState(0);
  const state = useOpenedRecord(record, beforeOpen, attempt);
  const recordNumber = `#${record.recordId.toString()}`;

  return (
    <section className="panel notice" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Amend record {recordNumber}</h2>
      <p className="muted">The amended version becomes the current one; this version stays in the record's history.</p>
      {state.stage === "opening" ? (
        <p className="notice notice-loading" role="status">
          Opening record {recordNumber} in your browser…
        </p>
      ) : state.stage === "failed" ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{describeOpenFailure(state.error).headline}</p>
          <p>{describeOpenFailure(state.error).detail}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      ) : (
        <AmendComposer record={record} opened={state.opened} onClose={onClose} />
      )}
      <p>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </p>
    </section>
  );
}

function AmendComposer({ record, opened, onClose }: { record: RecordSummary; opened: OpenedRecord; onClose(): void }) {
  const start = useMemo(() => composerStartOf(opened.document.resource, record.category), [opened, record.category]);
  const carried = useMemo(() => carriedAttachments(opened), [opened]);
  const categories = useMemo(() => [record.category], [record.category]);
  if (start === undefined) {
    return (
      <p className="notice notice-error" role="alert">
        This record cannot be amended here: it is a given prescription or a kind of record the portal has no form for. You can retract it and add a new one.
      </p>
    );
  }
  return (
    <RecordComposer
      patient={record.patient}
      kinds={[start.kind]}
      initialKind={start.kind}
      initialValues={start.values}
      allowedCategories={categories}
      carriedAttachments={carried}
      supersedes={record.recordId}
      onStartOver={onClose}
    />
  );
}
