/** The access log as a fixed-width text table for a terminal. */
import { shortAddress } from "../../web/src/core/chain/address.js";
import { describeAccessLogEntry, type NameOf } from "../../web/src/core/access-log/describe.js";
import type { AccessLogEntry } from "../../web/src/core/access-log/entry.js";

/** "2026-11-02 08:15", in UTC. */
export const isoMinute = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace("T", " ");

export function auditTable(entries: readonly AccessLogEntry[], total: number, nameOf: NameOf = () => undefined): string {
  const rows = entries.map((entry) => [
    isoMinute(entry.timestamp),
    entry.action,
    shortAddress(entry.actor),
    entry.patient === undefined ? "" : shortAddress(entry.patient),
    entry.recordId === undefined ? "" : `#${entry.recordId}`,
    describeAccessLogEntry(entry, nameOf, isoMinute),
  ]);
  const header = ["time (UTC)", "action", "actor", "patient", "record", "what happened"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] as number))).join("  ");
  const count = (value: number) => value.toLocaleString("en-US");
  const shown = entries.length === total ? `${count(total)} entries` : `${count(entries.length)} of ${count(total)} entries, newest first (--limit for more, --format csv for all)`;
  return [line(header), ...rows.map(line), "", shown].join("\n") + "\n";
}
