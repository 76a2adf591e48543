import { ProgressBar } from "../ui/Notices.js";
import { TransactionStatus } from "../ui/TransactionStatus.js";
import type { AddProgressView, AddStepState } from "./add-progress.js";

const STATE_WORDS: Record<AddStepState, string> = { waiting: "waiting", active: "in progress", done: "done", failed: "failed" };
const STATE_CLASS: Record<AddStepState, string> = { waiting: "muted", active: "status-warn", done: "status-active", failed: "status-bad" };

/** Where adding a record is: the step list, the upload's progress bar and both transactions' status. */
export function AddProgressSteps({ view }: { view: AddProgressView }) {
  return (
    <div className="add-progress" aria-live="polite">
      <ol aria-label="Steps of adding the record">
        {view.steps.map((step) => (
          <li key={step.id}>
            {step.label} — <span className={STATE_CLASS[step.state]}>{STATE_WORDS[step.state]}</span>
          </li>
        ))}
      </ol>
      {view.upload === undefined ? null : <ProgressBar label="Encrypting and uploading" value={view.upload.bytesDone} max={view.upload.bytesTotal} />}
      {view.keyTransaction === undefined ? null : <TransactionStatus state={view.keyTransaction} label="Category key" />}
      {view.transaction === undefined ? null : <TransactionStatus state={view.transaction} label="Record" />}
    </div>
  );
}
