/** A one-line progress bar for the log sync, redrawn in place on stderr. */
import type { SyncProgress } from "../../web/src/core/log-sync/ledger-log.js";

const WIDTH = 30;

export function progressLine(progress: SyncProgress): string {
  const total = progress.toBlock - progress.fromBlock + 1n;
  const done = progress.scannedTo - progress.fromBlock + 1n;
  const fraction = total <= 0n ? 1 : Math.min(1, Number(done) / Number(total));
  const filled = Math.round(fraction * WIDTH);
  return `[audit] syncing [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${Math.round(fraction * 100)}% block ${progress.scannedTo} of ${progress.toBlock}, ${progress.entries} entries`;
}
