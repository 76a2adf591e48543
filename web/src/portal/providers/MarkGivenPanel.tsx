import { renderClinicalResource } from "../../core/clinical/render.js";
import type { OpenedRecord } from "../../core/records/open-record.js";
import type { RecordSummary } from "../../core/records/record-list.js";
import { AddProgressSteps } from "../records/AddProgressSteps.js";
import { useAddRecord } from "../records/use-add-record.js";
import { ErrorNotice } from "../ui/Notices.js";
import { givenVersionOf, isPendingPrescription } from "./prescription-given.js";
import { OpenedRecordPanel } from "./OpenedRecordPanel.js";

/** An own prescription opened (after its read receipt) and, if still pending, filed again as given now. */
export function MarkGivenPanel({ record, beforeOpen, onClose }: { record: RecordSummary; beforeOpen: () => Promise<void>; onClose(): void }) {
  const recordNumber = `#${record.recordId.toString()}`;
  return (
    <OpenedRecordPanel
      record={record}
      beforeOpen={beforeOpen}
      title={`Mark prescription ${recordNumber} given`}
      openingText={`Opening prescription ${recordNumber} in your browser…`}
      onClose={onClose}
    >
      {(opened) => <GivenConfirm opened={opened} />}
    </OpenedRecordPanel>
  );
}

function GivenConfirm({ opened }: { opened: OpenedRecord }) {
  const { run, progress, start, retry } = useAddRecord();
  const resource = opened.document.resource;
  const rendered = renderClinicalResource(resource);
  if (!isPendingPrescription(resource)) {
    return (
      <p className="notice" role="status">
        {rendered.title} is not pending ({rendered.status}): only a pending prescription can be marked given.
      </p>
    );
  }
  if (run.stage === "added") {
    return (
      <>
        <p className="notice notice-ok" role="status">
          {rendered.title} is marked given: record #{run.added.recordId.toString()} is its new version, and the pending one stays in its history.
        </p>
        <AddProgressSteps view={progress} />
      </>
    );
  }
  return (
    <>
      <p>
        <strong>{rendered.title}</strong> is pending. Marking it given files a new version of this prescription, completed, with the time it was given (now).
      </p>
      <button type="button" onClick={() => void start(givenVersionOf(opened, new Date()))} disabled={run.stage === "running"}>
        {run.stage === "running" ? "Marking given…" : "Mark given now"}
      </button>
      {run.stage === "idle" ? null : <AddProgressSteps view={progress} />}
      {run.stage === "failed" ? (
        <>
          <ErrorNotice error={run.error} />
          <button type="button" className="secondary" onClick={() => void retry()}>
            Try again
          </button>
        </>
      ) : null}
    </>
  );
}
