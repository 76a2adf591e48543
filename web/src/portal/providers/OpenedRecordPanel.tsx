import { useId, useState, type ReactNode } from "react";

import type { OpenedRecord } from "../../core/records/open-record.js";
import type { RecordSummary } from "../../core/records/record-list.js";
import { describeOpenFailure } from "../records/open-error.js";
import { useOpenedRecord } from "../records/use-opened-record.js";

export interface OpenedRecordPanelProps {
  record: RecordSummary;
  /** The read receipt, signed before the record is decrypted. */
  beforeOpen: () => Promise<void>;
  title: string;
  intro?: string;
  /** Shown while the receipt is signed and the record decrypted. */
  openingText: string;
  onClose(): void;
  /** What to do with the record once it is open; it stays open while the panel is shown. */
  children(opened: OpenedRecord): ReactNode;
}

/** A panel that opens one of the author's own records (after its read receipt) to act on it: amend it, mark it given. */
export function OpenedRecordPanel({ record, beforeOpen, title, intro, openingText, onClose, children }: OpenedRecordPanelProps) {
  const id = useId();
  const [attempt, setAttempt] = useState(0);
  const state = useOpenedRecord(record.patient, record.recordId, beforeOpen, attempt);

  return (
    <section className="panel notice" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro === undefined ? null : <p className="muted">{intro}</p>}
      {state.stage === "before-open" || state.stage === "opening" ? (
        <p className="notice notice-loading" role="status">
          {openingText}
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
        children(state.opened)
      )}
      <p>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </p>
    </section>
  );
}
