/** What a downloaded export is called: the ledger, the day, and the patient when the view is one patient's. */
import type { ExportFormat } from "../../../core/access-log/export/export-access-log.js";
import { localDayOf } from "../../../core/audit/days.js";
import type { Address } from "../../../core/ledger-context.js";

export const EXPORT_LABELS: Record<ExportFormat, string> = { csv: "CSV", fhir: "FHIR AuditEvent bundle" };

export function exportFileName(chainId: number, extension: string, patient: Address | undefined, now: Date): string {
  const who = patient === undefined ? "" : `-patient-${patient.toLowerCase()}`;
  return `ehr-ledger-access-log-chain-${chainId}${who}-${localDayOf(Math.floor(now.getTime() / 1000))}${extension}`;
}
