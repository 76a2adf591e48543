/** Any filtered view of the access log in the two export formats, as the console and the CLI both write them. */
import type { GrantIndex } from "../../audit/grant-periods.js";
import { underGrant } from "../../audit/under-grant.js";
import type { NameOf } from "../describe.js";
import type { AccessLogEntry } from "../entry.js";
import { accessLogCsv } from "./access-log-csv.js";
import { bundleHead, toAuditEventBundleEntry, type AuditExportContext } from "./audit-event-bundle.js";

export const EXPORT_FORMATS = ["csv", "fhir"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedAccessLog {
  /**
   * The file's text in pieces, to be written or put in a Blob one after the other: a bundle of
   * 100,000 AuditEvents is some 200 MB, near the largest string a browser makes.
   */
  parts: string[];
  mediaType: string;
  /** File name ending, with its dot. */
  extension: string;
}

export interface ExportContext extends Omit<AuditExportContext, "underGrantOf"> {
  /** Names for the CSV's name columns (providers' public names); the FHIR bundle carries addresses only. */
  nameOf?: NameOf;
  /** The grants of the whole log (not only the exported entries), so each entry says under which grant it happened. */
  grants?: GrantIndex;
  exportedAt?: Date;
}

/** `entries` (in chain order) as CSV or as a FHIR R4 Bundle of AuditEvents. */
export function exportAccessLog(format: ExportFormat, entries: readonly AccessLogEntry[], context: ExportContext): ExportedAccessLog {
  const { grants } = context;
  const underGrantOf = grants === undefined ? undefined : (entry: AccessLogEntry) => underGrant(grants, entry);
  if (format === "csv") return { parts: [accessLogCsv(entries, context.nameOf, underGrantOf)], mediaType: "text/csv", extension: ".csv" };
  const auditContext: AuditExportContext = { chainId: context.chainId, contract: context.contract, ...(underGrantOf === undefined ? {} : { underGrantOf }) };
  // The Bundle's JSON written as its head, one AuditEvent per line, and the closing brackets.
  const head = JSON.stringify(bundleHead(context.exportedAt ?? new Date()));
  const events = entries.map((entry, i) => `${i === 0 ? "" : ",\n"}${JSON.stringify(toAuditEventBundleEntry(entry, auditContext))}`);
  return { parts: [`${head.slice(0, -1)},"entry":[\n`, ...events, "\n]}\n"], mediaType: "application/fhir+json", extension: ".fhir.json" };
}

/** The whole text of an export (for a test, or a small view; large ones are written part by part). */
export function exportedText(exported: ExportedAccessLog): string {
  return exported.parts.join("");
}
