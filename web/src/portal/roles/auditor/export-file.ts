/** What a downloaded export is called: the ledger, the day, and the patient when the view is one patient's. */
import type { ExportFormat } from "../../../core/access-log/export/export-access-log.js";
import type { Address } from "../../../core/ledger-context.js";

export const EXPORT_LABELS: Record<ExportFormat, string> = { csv: "CSV", fhir: "FHIR AuditEvent bundle" };

const localDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

export function exportFileName(chainId: number, extension: string, patient: Address | undefined, now: Date): string {
  const who = patient === undefined ? "" : `-patient-${patient.toLowerCase()}`;
  return `ehr-ledger-access-log-chain-${chainId}${who}-${localDay(now)}${extension}`;
}
