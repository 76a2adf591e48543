import type { CheckableRecord } from "../../../../core/audit/integrity-records.js";
import type { IntegrityDepth } from "../../../../core/audit/integrity.js";
import { useIntegrityRuns } from "./integrity-context.js";
import { verdictKey } from "./integrity-runs.js";
import { verdictText } from "./integrity-view.js";

/** A record's integrity verdict with its own Check button. */
export function VerdictCell({ record, depth }: { record: CheckableRecord; depth: IntegrityDepth }) {
  const { runs, snapshot } = useIntegrityRuns();
  const key = verdictKey(record);
  const text = verdictText(snapshot.verdicts.get(key));
  const checking = snapshot.checking.has(key);
  return (
    <td className="verdict-cell">
      <strong className={text.tone}>{checking ? "Checking…" : text.label}</strong>
      {text.detail === undefined || checking ? null : <span className="muted"> — {text.detail}</span>}{" "}
      <button type="button" className="secondary" onClick={() => void runs.check(record, depth)} disabled={checking || snapshot.bulk !== undefined} aria-label={`Check record #${record.recordId} of ${record.patient}`}>
        {text.label === "Not checked" ? "Check" : "Check again"}
      </button>
    </td>
  );
}
