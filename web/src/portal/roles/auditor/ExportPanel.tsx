import { useState } from "react";

import type { NameOf } from "../../../core/access-log/describe.js";
import { EXPORT_FORMATS, exportAccessLog, type ExportFormat } from "../../../core/access-log/export/export-access-log.js";
import type { GrantIndex } from "../../../core/audit/grant-periods.js";
import type { LedgerLog } from "../../../core/log-sync/ledger-log.js";
import { useSession } from "../../session/session-context.js";
import { downloadText } from "../../ui/download.js";
import { errorSentence } from "../../ui/error-sentence.js";
import { EXPORT_LABELS, exportFileName } from "./export-file.js";
import type { LogFilter } from "./log-filter-fields.js";

/** Every entry of the filtered view (not just the page shown) as a CSV or FHIR file, made in the browser. */
export function ExportPanel({ log, filter, total, nameOf, grants }: { log: LedgerLog; filter: LogFilter; total: number; nameOf: NameOf; grants: GrantIndex | undefined }) {
  const { config } = useSession();
  const [done, setDone] = useState<string | undefined>(undefined);

  const download = (format: ExportFormat) => {
    try {
      // Chain order, oldest first, as an audit trail reads.
      const entries = log.matching(filter);
      const exported = exportAccessLog(format, entries, { chainId: config.chainId, contract: config.ledgerAddress, nameOf, ...(grants === undefined ? {} : { grants }) });
      const fileName = exportFileName(config.chainId, exported.extension, filter.patient, new Date());
      downloadText(fileName, exported.parts, exported.mediaType);
      setDone(`Saved ${entries.length.toLocaleString()} entries as ${EXPORT_LABELS[format]}: ${fileName}`);
    } catch (error) {
      setDone(`The export failed: ${errorSentence(error)}`);
    }
  };

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">Export this view</h2>
      <p className="muted">
        All {total.toLocaleString()} matching entries, oldest first, each with the grant it happened under. The FHIR R4 bundle holds
        one AuditEvent per entry (IHE Basic Audit Log Patterns), with the transaction hash in each event's details and the grant as
        the requestor's policy.
      </p>
      <div className="form-row">
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" className="secondary" onClick={() => download(format)}>
            Download {EXPORT_LABELS[format]}
          </button>
        ))}
      </div>
      {done === undefined ? null : (
        <p role="status" className="muted">
          {done}
        </p>
      )}
    </section>
  );
}
