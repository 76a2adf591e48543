import { formatDateTime } from "../ui/format.js";
import { ErrorNotice, ProgressBar } from "../ui/Notices.js";
import type { LedgerLogView } from "./use-ledger-log.js";

const count = (value: number) => value.toLocaleString();

/** Where the synced log stands: how far it reaches, a progress bar while reading, a failure with a retry, a cache warning. */
export function LogSyncStatus({ view }: { view: LedgerLogView }) {
  const { log, status, cacheProblem } = view;
  const syncing = status.state === "syncing" || status.state === "opening";
  return (
    <div className="log-status">
      <div className="form-row">
        <p role="status" aria-live="polite" className="muted">
          {log === undefined
            ? "Opening the log kept in this browser…"
            : `${count(log.size)} entries, read up to block ${count(Number(log.syncedTo))}` +
              (status.state === "synced" ? `, checked ${formatDateTime(Math.floor(status.at / 1000))}` : "") +
              "."}
        </p>
        <button type="button" className="secondary" onClick={() => void view.sync()} disabled={syncing}>
          {syncing ? "Reading the chain…" : "Refresh"}
        </button>
      </div>
      {status.state === "syncing" && status.progress !== undefined && status.progress.toBlock > status.progress.fromBlock ? (
        <ProgressBar
          label={`Reading the ledger's log: block ${count(Number(status.progress.scannedTo))} of ${count(Number(status.progress.toBlock))}, ${count(status.progress.entries)} new entries`}
          value={Number(status.progress.scannedTo - status.progress.fromBlock + 1n)}
          max={Number(status.progress.toBlock - status.progress.fromBlock + 1n)}
        />
      ) : null}
      {status.state === "failed" ? <ErrorNotice error={status.error} what="the newest part of the log" retry={() => void view.sync()} /> : null}
      {cacheProblem === undefined ? null : <p className="notice">{cacheProblem.message}</p>}
    </div>
  );
}
