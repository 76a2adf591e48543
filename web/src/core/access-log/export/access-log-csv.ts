/**
 * Any filtered view of the access log as CSV: one row per entry with its position on the chain,
 * the parties (addresses, and names where the directory knows them), the record, the categories,
 * the coded purpose or reason, the plain-language sentence the console shows, and the grant the
 * entry happened under (with the grant's transaction) when the caller knows the grants.
 */
import { underGrantPhrase } from "../../audit/grant-words.js";
import type { UnderGrant } from "../../audit/under-grant.js";
import { categoryName } from "../../chain/categories.js";
import { denyReasonName, purposeName, retractReasonName } from "../codes.js";
import { describeAccessLogEntry, type NameOf } from "../describe.js";
import type { AccessLogEntry } from "../entry.js";
import { csvRows, parseCsv, restoreCell } from "./csv-format.js";

export const ACCESS_LOG_CSV_COLUMNS = [
  "time_utc",
  "block",
  "log_index",
  "transaction",
  "action",
  "actor",
  "actor_name",
  "patient",
  "subject",
  "subject_name",
  "record",
  "categories",
  "purpose_or_reason",
  "description",
  "under_grant",
  "grant_transaction",
] as const;

export type AccessLogCsvColumn = (typeof ACCESS_LOG_CSV_COLUMNS)[number];

const isoTime = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

/** The coded purpose or reason an entry carries, in words; empty when it carries none. */
export function purposeOrReason(entry: AccessLogEntry): string {
  switch (entry.action) {
    case "record-read":
    case "access-requested":
      return purposeName(entry.purpose);
    case "record-retracted":
      return retractReasonName(entry.reason);
    case "access-request-denied":
      return denyReasonName(entry.reason);
    default:
      return "";
  }
}

/** The grant an entry happened under (audit/under-grant.ts); undefined when the entry needs none or the grants are not known. */
export type UnderGrantOf = (entry: AccessLogEntry) => UnderGrant | undefined;

/** One entry's cells, by column. */
export function accessLogCsvRow(entry: AccessLogEntry, nameOf: NameOf, underGrantOf: UnderGrantOf = () => undefined): Record<AccessLogCsvColumn, string> {
  const under = underGrantOf(entry);
  return {
    time_utc: isoTime(entry.timestamp),
    block: entry.blockNumber.toString(),
    log_index: entry.logIndex.toString(),
    transaction: entry.transactionHash,
    action: entry.action,
    actor: entry.actor,
    actor_name: nameOf(entry.actor) ?? "",
    patient: entry.patient ?? "",
    subject: entry.subject ?? "",
    subject_name: entry.subject === undefined ? "" : (nameOf(entry.subject) ?? ""),
    record: entry.recordId === undefined ? "" : entry.recordId.toString(),
    categories: (entry.categories ?? []).map(categoryName).join(";"),
    purpose_or_reason: purposeOrReason(entry),
    description: describeAccessLogEntry(entry, nameOf, isoTime),
    under_grant: under === undefined ? "" : underGrantPhrase(under, isoTime),
    grant_transaction: under?.basis === "grant" ? under.period.granted.transactionHash : "",
  };
}

/** `entries` as an RFC 4180 CSV text with a header row; dates in UTC (ISO 8601). */
export function accessLogCsv(entries: readonly AccessLogEntry[], nameOf: NameOf = () => undefined, underGrantOf?: UnderGrantOf): string {
  const rows = entries.map((entry) => {
    const cells = accessLogCsvRow(entry, nameOf, underGrantOf);
    return ACCESS_LOG_CSV_COLUMNS.map((column) => cells[column]);
  });
  return csvRows([[...ACCESS_LOG_CSV_COLUMNS], ...rows]);
}

export class NotAnAccessLogCsvError extends Error {
  readonly code = "NOT_AN_ACCESS_LOG_CSV";
  constructor(what: string) {
    super(`This CSV is not an access-log export: ${what}.`);
    this.name = "NotAnAccessLogCsvError";
  }
}

/**
 * The rows of a CSV that accessLogCsv wrote, by column, with every cell as it was before the formula
 * guard: what the export carried, for tests and for tools that re-import an export.
 */
export function parseAccessLogCsv(text: string): Record<AccessLogCsvColumn, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined || header.join(",") !== ACCESS_LOG_CSV_COLUMNS.join(",")) throw new NotAnAccessLogCsvError("its header row is not the access log's columns");
  return rows.map((row, i) => {
    if (row.length !== ACCESS_LOG_CSV_COLUMNS.length) throw new NotAnAccessLogCsvError(`row ${i + 1} has ${row.length} cells instead of ${ACCESS_LOG_CSV_COLUMNS.length}`);
    return Object.fromEntries(ACCESS_LOG_CSV_COLUMNS.map((column, c) => [column, restoreCell(row[c] as string)])) as Record<AccessLogCsvColumn, string>;
  });
}
