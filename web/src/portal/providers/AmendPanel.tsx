import { useMemo } from "react";

import type { RecordSummary } from "../../core/records/record-list.js";
import { RecordComposer } from "../records/RecordComposer.js";
import { composerStartOf } from "./amend-values.js";
import { carriedAttachments } from "./new-version.js";
import { OpenedRecordPanel } from "./OpenedRecordPanel.js";
import type { OpenedRecord } from "../../core/records/open-record.js";

/** An own record opened (after its read receipt) into the composer, to be filed as its next version. */
export function AmendPanel({ record, beforeOpen, onClose }: { record: RecordSummary; beforeOpen: () => Promise<void>; onClose(): void }) {
  const recordNumber = `#${record.recordId.toString()}`;
  return (
    <OpenedRecordPanel
      record={record}
      beforeOpen={beforeOpen}
      title={`Amend record ${recordNumber}`}
      intro="The amended version becomes the current one; this version stays in the record's history."
      openingText={`Opening record ${recordNumber} in your browser…`}
      onClose={onClose}
    >
      {(opened) => <AmendComposer record={record} opened={opened} onClose={onClose} />}
    </OpenedRecordPanel>
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
