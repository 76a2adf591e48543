/** Any filtered view of the access log in the two export formats, as the console and the CLI both write them. */
import type { GrantIndex } from "../../audit/grant-periods.js";
import { underGrant } from "../../audit/under-grant.js";
import type { NameOf } from "../describe.js";
import type { AccessLogEntry } from "../entry.js";
import { accessLogCsv } from "./access-log-csv.js";
import { toAuditEventBundle, type AuditExportContext } from "./audit-event-bundle.js";

export const EXPORT_FORMATS = ["csv", "fhir"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedAccessLog {
  text: string;
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
  if (format === "csv") return { text: accessLogCsv(entries, context.nameOf, underGrantOf), mediaType: "text/csv", extension: ".csv" };
  const bundle = toAuditEventBundle(entries, { chainId: context.chainId, contract: context.contract, ...(underGrantOf === undefined ? {} : { underGrantOf }) }, context.exportedAt);
  return { text: `${JSON.stringify(bundle, null, 2)}\n`, mediaType: "application/fhir+json", extension: ".fhir.json" };
}
