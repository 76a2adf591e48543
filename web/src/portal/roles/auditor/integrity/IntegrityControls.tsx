import type { CheckableRecord } from "../../../../core/audit/integrity-records.js";
import type { IntegrityDepth } from "../../../../core/audit/integrity.js";
import { ErrorNotice, ProgressBar } from "../../../ui/Notices.js";
import { useIntegrityRuns } from "./integrity-context.js";
import { integritySummary } from "./integrity-view.js";

export const DEPTH_LABELS: Record<IntegrityDepth, string> = {
  full: "The manifest and every encrypted part",
  manifest: "The manifest only (one small fetch per record)",
};

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

/** The bulk check of `records`: depth, start and stop, a progress bar, the counts so far, and why a run stopped. */
export function IntegrityControls({ records, depth, setDepth }: { records: readonly CheckableRecord[]; depth: IntegrityDepth; setDepth: (depth: IntegrityDepth) => void }) {
  const { runs, snapshot } = useIntegrityRuns();
  const { bulk, stopped } = snapshot;
  const summary = integritySummary(records, snapshot.verdicts);
  return (
    <section className="panel" aria-labelledby="integrity-run-title">
      <h2 id="integrity-run-title">Check content against the chain</h2>
      <p className="muted">
        Each record's digest on chain names its manifest on IPFS; the check fetches it, recomputes its sha-256 and compares, then
        compares every encrypted part with the manifest. Nothing is decrypted: no key is needed.
      </p>
      <div className="form-row">
        <label>
          What to fetch
          <select value={depth} onChange={(event) => setDepth(event.target.value as IntegrityDepth)} disabled={bulk !== undefined}>
            {(Object.keys(DEPTH_LABELS) as IntegrityDepth[]).map((value) => (
              <option key={value} value={value}>
                {DEPTH_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        {bulk === undefined ? (
          <button type="button" onClick={() => void runs.checkAll(records, depth)} disabled={records.length === 0}>
            Check all {records.length.toLocaleString()} {records.length === 1 ? "record" : "records"}
          </button>
        ) : (
          <button type="button" className="danger" onClick={() => runs.stop()}>
            Stop
          </button>
        )}
      </div>
      {bulk === undefined ? null : (
        <ProgressBar
          label={`Checked ${bulk.done.toLocaleString()} of ${bulk.total.toLocaleString()}: ${bulk.verified} verified, ${bulk.mismatch} mismatch, ${bulk.missing} missing (${mib(bulk.bytes)} compared)`}
          value={bulk.done}
          max={bulk.total}
        />
      )}
      <p role="status" aria-live="polite">
        {summary.total.toLocaleString()} records: <strong className="status-active">{summary.verified.toLocaleString()} verified</strong>,{" "}
        <strong className={summary.mismatch > 0 ? "status-bad" : undefined}>{summary.mismatch.toLocaleString()} mismatch</strong>,{" "}
        <strong className={summary.missing > 0 ? "status-bad" : undefined}>{summary.missing.toLocaleString()} missing</strong>, {summary.unchecked.toLocaleString()} not checked.
      </p>
      {stopped === undefined ? null : <ErrorNotice error={stopped} />}
    </section>
  );
}
