/**
 * `npm run audit -- --verify`: the integrity of the records the filters select, checked against
 * IPFS (manifest, or manifest and every part), as a report a security team files: a summary line,
 * then every record that is not verified with what differed or is absent.
 */
import type { NameOf } from "../../web/src/core/access-log/describe.js";
import { checkableRecords, type CheckableRecord } from "../../web/src/core/audit/integrity-records.js";
import type { IntegrityResult } from "../../web/src/core/audit/integrity.js";
import { shortAddress } from "../../web/src/core/chain/address.js";
import type { LedgerLog } from "../../web/src/core/log-sync/ledger-log.js";
import type { LogQuery } from "../../web/src/core/log-sync/log-query.js";
import { isoMinute } from "./table.js";

/** Exit code of a run that found a record missing or mismatched (0: all verified). */
export const INTEGRITY_FAILED_EXIT_CODE = 3;

/**
 * The record versions of the patient (or every patient) the query names, narrowed to its category,
 * record and time range (by when the version was added); actor and action filters do not apply.
 */
export function recordsToVerify(log: LedgerLog, query: LogQuery): CheckableRecord[] {
  const entries = log.matching(query.patient === undefined ? {} : { patient: query.patient });
  return checkableRecords(entries).filter(
    (record) =>
      (query.category === undefined || record.category === query.category) &&
      (query.recordId === undefined || record.recordId === query.recordId) &&
      (query.from === undefined || record.addedAt >= query.from) &&
      (query.to === undefined || record.addedAt <= query.to),
  );
}

export function integrityReport(results: readonly IntegrityResult<CheckableRecord>[], nameOf: NameOf): string {
  const count = (status: IntegrityResult["status"]) => results.filter((result) => result.status === status).length;
  const lines = [`${results.length} record versions checked: ${count("verified")} verified, ${count("mismatch")} mismatch, ${count("missing")} missing.`];
  for (const result of results) {
    if (result.status === "verified") continue;
    const { record } = result;
    const author = nameOf(record.author) ?? shortAddress(record.author);
    const state = record.retracted ? " (retracted)" : record.supersededBy === undefined ? "" : ` (superseded by #${record.supersededBy})`;
    lines.push(`${result.status.toUpperCase()}  record #${record.recordId}${state} of patient ${record.patient}, added ${isoMinute(record.addedAt)} UTC by ${author}, transaction ${record.transactionHash}: ${result.problem}`);
  }
  return `${lines.join("\n")}\n`;
}
