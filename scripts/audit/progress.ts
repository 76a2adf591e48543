/** One-line progress bars, redrawn in place on stderr: the log sync, and the integrity check. */
import type { BulkIntegrityProgress } from "../../web/src/core/audit/integrity-bulk.js";
import type { SyncProgress } from "../../web/src/core/log-sync/ledger-log.js";

const WIDTH = 30;

function bar(fraction: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * WIDTH);
  return `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${Math.round(Math.min(1, fraction) * 100)}%`;
}

export function progressLine(progress: SyncProgress): string {
  const total = progress.toBlock - progress.fromBlock + 1n;
  const done = progress.scannedTo - progress.fromBlock + 1n;
  const fraction = total <= 0n ? 1 : Number(done) / Number(total);
  return `[audit] syncing ${bar(fraction)} block ${progress.scannedTo} of ${progress.toBlock}, ${progress.entries} entries`;
}

export function integrityProgressLine(progress: BulkIntegrityProgress): string {
  const fraction = progress.total === 0 ? 1 : progress.done / progress.total;
  return `[audit] checking ${bar(fraction)} ${progress.done} of ${progress.total} records: ${progress.verified} verified, ${progress.mismatch} mismatch, ${progress.missing} missing`;
}

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Writes progress lines to `stream`: on a terminal each redraws the last in place; in a log file or
 * a pipe (CI) a line is written only when the bar moved, so a long run leaves one line per step of
 * the bar instead of thousands of carriage returns.
 */
export function progressWriter(stream: ProgressStream): (line: string) => void {
  let last: string | undefined;
  return (line) => {
    const shown = stream.isTTY === true ? line : (line.match(/\[[#-]+\]/)?.[0] ?? line);
    if (shown === last) return;
    last = shown;
    stream.write(stream.isTTY === true ? `\r${line}` : `${line}\n`);
  };
}
