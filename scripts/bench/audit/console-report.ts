/** The console's measurements as rows of the bench:audit table, with the targets where it sets them. */
import type { Metric } from "../metrics.js";
import type { ConsoleMeasurements } from "./console-bench.js";

/** The Node figures' targets hold for the console too: a cold sync like the CLI's, a first page and a filter within a second. */
export const CONSOLE_TARGETS = { coldSyncSeconds: 15, firstPageSeconds: 1, filteredSeconds: 1 } as const;

const MB = 1e6;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

export function consoleMetrics(measured: ConsoleMeasurements, patientEntries: number): Metric[] {
  const entries = measured.shownEntries.toLocaleString("en-US");
  return [
    { metric: `console cold sync in Chromium: from the connect click until the status line shows all ${entries} entries (empty IndexedDB)`, value: round(measured.coldSyncSeconds), unit: "s", target: { atMost: CONSOLE_TARGETS.coldSyncSeconds } },
    { metric: "console: entries the status line showed (equal to the entries on chain)", value: measured.shownEntries, unit: "entries" },
    { metric: "console: JS heap of the page after the sync (after garbage collection)", value: round(measured.heapUsedBytes / MB, 1), unit: "MB" },
    // The target is on what the portal does once the auditor connects; the page's own reload and the
    // demo wallet's persona picker (driven by the bench, a wallet that reconnects skips it) are shown beside it.
    { metric: "console first page from the browser's copy: from the connect click until the access log's first row shows", value: round(measured.firstPageFromConnectSeconds), unit: "s", target: { atMost: CONSOLE_TARGETS.firstPageSeconds } },
    { metric: "console first page: the same with the page's reload and the demo wallet's persona picker before it", value: round(measured.firstPageSeconds), unit: "s" },
    { metric: `console filtered view: the patient filter filled until only that patient's rows show (${patientEntries.toLocaleString("en-US")} entries)`, value: round(measured.filteredSeconds), unit: "s", target: { atMost: CONSOLE_TARGETS.filteredSeconds } },
    { metric: "console: a patient's page until its grants, records and read receipts show", value: round(measured.patientPageSeconds), unit: "s" },
    { metric: "console: the Overview's charts (last 30 days) until drawn", value: round(measured.overviewSeconds), unit: "s" },
    { metric: "console: the Overview's charts redrawn over the whole log", value: round(measured.overviewEverythingSeconds), unit: "s" },
  ];
}
