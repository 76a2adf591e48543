/** A record's versions: each amendment supersedes exactly one version, so the versions form a chain. */
import { sameAddress } from "../chain/address.js";
import type { Address } from "../ledger-context.js";
import type { RecordSummary } from "./record-list.js";

export class AmbiguousRecordError extends Error {
  readonly code = "AMBIGUOUS_RECORD";
  constructor(readonly recordId: bigint) {
    super(`Record #${recordId} exists for more than one patient in this list: name the patient to see its history.`);
    this.name = "AmbiguousRecordError";
  }
}

/**
 * The versions of the record that `recordId` belongs to, oldest first, from `records` (one
 * patient's list, or a list across patients with `patient` given). Empty when the list lacks it.
 */
export function recordHistory(records: readonly RecordSummary[], recordId: bigint, patient?: Address): RecordSummary[] {
  const candidates = patient === undefined ? records : records.filter((record) => sameAddress(record.patient, patient));
  const matches = candidates.filter((record) => record.recordId === recordId);
  const start = matches[0];
  if (start === undefined) return [];
  if (matches.length > 1) throw new AmbiguousRecordError(recordId);
  const ofPatient = candidates.filter((record) => sameAddress(record.patient, start.patient));
  const byId = new Map(ofPatient.map((record) => [record.recordId, record]));

  let oldest = start;
  for (let previous = versionOf(byId, oldest.supersedes); previous !== undefined; previous = versionOf(byId, previous.supersedes)) {
    oldest = previous;
  }
  const history = [oldest];
  for (let next = versionOf(byId, oldest.supersededBy); next !== undefined; next = versionOf(byId, next.supersededBy)) {
    history.push(next);
  }
  return history;
}

function versionOf(byId: ReadonlyMap<bigint, RecordSummary>, recordId: bigint | undefined): RecordSummary | undefined {
  return recordId === undefined ? undefined : byId.get(recordId);
}
